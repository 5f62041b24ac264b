import { useCallback, useEffect, useRef, useState } from 'react';
import { useWindowEvent } from '@mantine/hooks';
import { useBlocker } from 'react-router';
import { isApiError } from '../../api/http.js';
import type { SummaryItem } from '../../components/ErrorSummary.js';
import {
  FIELD_LABELS,
  FIELD_ORDER,
  fieldId,
  formPathFor,
  isDirty,
  setFieldValue,
  validateClientForm,
  type ClientFormValues,
  type FieldPath,
} from './client-form.js';

export type FormProblem = { title: string; description?: string; items: SummaryItem[] };

/** State of one client form: values, field errors, the error summary and the unsaved-changes guard. */
export function useClientForm(initial: ClientFormValues, options: { saving: boolean }) {
  const [values, setValues] = useState(initial);
  const [baseline, setBaseline] = useState(initial);
  const [errors, setErrors] = useState<Partial<Record<FieldPath, string>>>({});
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const allowLeaving = useRef(false);
  const dirty = isDirty(values, baseline);

  useEffect(() => {
    if (problem) summaryRef.current?.focus();
  }, [problem]);

  const setField = useCallback((path: FieldPath, value: string) => {
    setValues((current) => setFieldValue(current, path, value));
    setErrors((current) => {
      if (!current[path]) return current;
      const next = { ...current };
      delete next[path];
      return next;
    });
  }, []);

  const reset = useCallback((next: ClientFormValues) => {
    setValues(next);
    setBaseline(next);
    setErrors({});
    setProblem(null);
  }, []);

  const showFieldErrors = (found: Partial<Record<FieldPath, string>>, extra: SummaryItem[] = []) => {
    setErrors(found);
    const items: SummaryItem[] = FIELD_ORDER.filter((path) => found[path]).map((path) => ({
      label: FIELD_LABELS[path],
      message: found[path]!,
      fieldId: fieldId(path),
    }));
    setProblem({
      title: 'The client was not saved',
      description: 'Please correct the following:',
      items: [...items, ...extra],
    });
  };

  /** Checks the form before sending; shows the problems and returns false when there are any. */
  const validate = (): boolean => {
    const found = validateClientForm(values);
    if (Object.keys(found).length === 0) return true;
    showFieldErrors(found);
    return false;
  };

  /** Puts a server error on the form: field errors on their fields, everything else in the summary. */
  const showError = (error: unknown) => {
    if (isApiError(error) && error.errors.length > 0) {
      const found: Partial<Record<FieldPath, string>> = {};
      const extra: SummaryItem[] = [];
      for (const { path, message } of error.errors) {
        const formPath = formPathFor(path);
        if (formPath) found[formPath] ??= message;
        else extra.push({ message: `${path}: ${message}` });
      }
      showFieldErrors(found, extra);
      return;
    }
    setErrors({});
    setProblem({
      title: isApiError(error) ? error.title : 'The client was not saved',
      items: [{ message: isApiError(error) ? error.detail : 'Something went wrong. Please try again.' }],
    });
  };

  const clearProblem = () => setProblem(null);

  // Warn before leaving the page with unsaved changes (in the app, and when closing the tab).
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty &&
      !options.saving &&
      !allowLeaving.current &&
      currentLocation.pathname !== nextLocation.pathname &&
      nextLocation.pathname !== '/login',
  );
  useWindowEvent('beforeunload', (event) => {
    if (dirty && !allowLeaving.current) event.preventDefault();
  });

  return {
    values,
    errors,
    problem,
    summaryRef,
    dirty,
    setField,
    reset,
    validate,
    showError,
    clearProblem,
    blocker,
    allowLeaving,
  };
}

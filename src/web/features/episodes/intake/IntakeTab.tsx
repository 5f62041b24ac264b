import { SaveBar } from '../../../components/SaveBar.js';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useWindowEvent } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconInfoCircle, IconRefresh } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  clinicalKeys,
  getChart,
  saveIntake,
  type ClinicalChart,
  type Intake,
} from '../../../api/clinical.js';
import { isApiError } from '../../../api/http.js';
import { useCan } from '../../../app/session.js';
import { ErrorSummary, type SummaryItem } from '../../../components/ErrorSummary.js';
import { formatDateTime, plural } from '../../../components/format.js';
import { ConsentPanel } from './ConsentPanel.js';
import { HealthHistoryFields } from './HealthHistoryFields.js';
import { HealthHistorySummary } from './HealthHistorySummary.js';
import {
  describeFormPath,
  formPathFor,
  formToHistory,
  historyToForm,
  intakeFieldId,
  snapshot,
  validateIntake,
  type IntakeFormValues,
  type ListName,
} from './intake-form.js';
import { ScreeningAlerts } from './ScreeningAlerts.js';

type Problem = { title: string; description?: string; items: SummaryItem[] };

/**
 * The episode's intake: the structured health history (a form for those who may change the clinical
 * record, a summary for the others), the contraindication alerts it raised when saved, and consents.
 */
export function IntakeTab({ chart, onChanged }: { chart: ClinicalChart; onChanged: () => void }) {
  const canWrite = useCan('clinical:write');
  const queryClient = useQueryClient();
  const episodeId = chart.episode.id;

  /** The saved intake the form is based on: its version goes with the next save. */
  const [basedOn, setBasedOn] = useState<Intake | null>(chart.intake);
  const [values, setValues] = useState<IntakeFormValues>(() => historyToForm(chart.intake?.healthHistory));
  const [baseline, setBaseline] = useState(() => snapshot(values));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const [reloading, setReloading] = useState(false);
  const [status, setStatus] = useState('');
  const summaryRef = useRef<HTMLDivElement>(null);
  const alertsHeading = useRef<HTMLHeadingElement>(null);
  const focusAlerts = useRef(false);
  const dirty = snapshot(values) !== baseline;

  const adopt = useCallback((intake: Intake | null) => {
    const next = historyToForm(intake?.healthHistory);
    setBasedOn(intake);
    setValues(next);
    setBaseline(snapshot(next));
    setErrors({});
    setProblem(null);
  }, []);

  // Someone saved a newer intake (seen when the chart reloads): take it while nothing is typed here.
  useEffect(() => {
    const latest = chart.intake;
    if (latest && (!basedOn || latest.version > basedOn.version) && !dirty) adopt(latest);
  }, [chart.intake, basedOn, dirty, adopt]);

  useEffect(() => {
    if (problem) summaryRef.current?.focus();
  }, [problem]);

  useEffect(() => {
    if (!focusAlerts.current) return;
    focusAlerts.current = false;
    alertsHeading.current?.focus();
    alertsHeading.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  });

  useWindowEvent('beforeunload', (event) => {
    if (dirty) event.preventDefault();
  });

  const onUpdate = useCallback((change: (v: IntakeFormValues) => IntakeFormValues, touched?: string) => {
    setValues(change);
    if (touched)
      setErrors((current) => {
        const paths = touched.split(' ').filter((p) => current[p]);
        if (paths.length === 0) return current;
        const next = { ...current };
        for (const p of paths) delete next[p];
        return next;
      });
  }, []);

  const onRowsChanged = useCallback((list: ListName) => {
    setErrors((current) => {
      const next = Object.fromEntries(
        Object.entries(current).filter(([path]) => path !== list && !path.startsWith(`${list}.`)),
      );
      return Object.keys(next).length === Object.keys(current).length ? current : next;
    });
  }, []);

  const showFieldErrors = (found: Record<string, string>, extra: SummaryItem[] = []) => {
    setErrors(found);
    setProblem({
      title: 'The intake was not saved',
      description: 'Please correct the following:',
      items: [
        ...Object.entries(found).map(([path, message]) => ({
          label: describeFormPath(path),
          message,
          fieldId: fieldIdFor(path),
        })),
        ...extra,
      ],
    });
  };

  const save = useMutation({
    mutationFn: (input: { history: ReturnType<typeof formToHistory> }) =>
      saveIntake(episodeId, {
        ...(basedOn ? { version: basedOn.version } : {}),
        healthHistory: input.history.history,
      }),
    onSuccess: (intake) => {
      adopt(intake);
      setConflict(null);
      const count = intake.alerts.length;
      const message = count === 0 ? 'No screening alerts.' : `${plural(count, 'screening alert')} to review.`;
      setStatus(`Intake saved. ${message}`);
      notifications.show({ color: 'teal', title: 'Intake saved', message });
      focusAlerts.current = true;
      onChanged();
    },
    onError: (error, input) => {
      setStatus('');
      if (isApiError(error) && error.status === 409) {
        setConflict(error.detail);
        setProblem(null);
        return;
      }
      if (isApiError(error) && error.errors.length > 0) {
        const found: Record<string, string> = {};
        const extra: SummaryItem[] = [];
        for (const { path, message } of error.errors) {
          const formPath = formPathFor(path, input.history.rowIndex);
          if (document.getElementById(fieldIdFor(formPath))) found[formPath] ??= message;
          else extra.push({ label: describeFormPath(formPath), message });
        }
        showFieldErrors(found, extra);
        return;
      }
      setErrors({});
      setProblem({
        title: isApiError(error) ? error.title : 'The intake was not saved',
        items: [{ message: isApiError(error) ? error.detail : 'Something went wrong. Please try again.' }],
      });
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // Forms in portals (the body chart's mark dialog) bubble their submit through the React tree.
    if (event.target !== event.currentTarget) return;
    if (save.isPending) return;
    setProblem(null);
    const found = validateIntake(values);
    if (Object.keys(found).length > 0) {
      showFieldErrors(found);
      return;
    }
    save.mutate({ history: formToHistory(values) });
  };

  const reload = async () => {
    setReloading(true);
    try {
      const fresh = await queryClient.fetchQuery({
        queryKey: clinicalKeys.chart(episodeId),
        queryFn: () => getChart(episodeId),
        staleTime: 0,
      });
      adopt(fresh.intake);
      setConflict(null);
      setStatus('The latest saved intake is shown.');
      onChanged();
    } catch (error) {
      setProblem({
        title: 'The intake could not be reloaded',
        items: [{ message: isApiError(error) ? error.detail : 'Please try again.' }],
      });
    } finally {
      setReloading(false);
    }
  };

  const savedLine = basedOn
    ? `Last saved by ${basedOn.updatedByName} on ${formatDateTime(basedOn.updatedAt)}.`
    : 'No intake has been saved for this episode yet.';

  return (
    <Stack gap="lg">
      {basedOn && (
        <ScreeningAlerts alerts={basedOn.alerts} screened canWrite={canWrite} headingRef={alertsHeading} />
      )}

      {canWrite ? (
        <form onSubmit={submit} noValidate aria-labelledby="intake-form-heading">
          <Stack gap="lg">
            <Group justify="space-between" align="flex-end" gap="xs">
              <div>
                <Title order={2} id="intake-form-heading">
                  Health history
                </Title>
                <Text size="sm" c="dimmed">
                  {savedLine}
                </Text>
              </div>
            </Group>
            {!basedOn && (
              <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />}>
                Go through the history with the client. Saving screens it for contraindications and shows the
                alerts above the form. Empty rows are left out.
              </Alert>
            )}
            {conflict && (
              <Alert
                color="orange"
                variant="light"
                title="Someone else saved this intake while you were editing"
                icon={<IconAlertTriangle aria-hidden />}
                role="alert"
              >
                <Stack gap="sm" align="flex-start">
                  <Text size="sm">{conflict}</Text>
                  <Text size="sm" c="gray.7">
                    What you typed here is not saved. Reloading replaces it with the saved intake.
                  </Text>
                  <Button
                    size="sm"
                    leftSection={<IconRefresh size={16} aria-hidden />}
                    loading={reloading}
                    onClick={() => void reload()}
                  >
                    Reload the saved intake
                  </Button>
                </Stack>
              </Alert>
            )}
            {problem && <ErrorSummary ref={summaryRef} {...problem} />}
            <HealthHistoryFields
              values={values}
              errors={errors}
              onUpdate={onUpdate}
              onRowsChanged={onRowsChanged}
            />
          </Stack>
          <SaveBar
            dirty={dirty}
            message={
              save.isPending
                ? 'Saving and screening…'
                : dirty
                  ? 'You have unsaved changes.'
                  : status || (basedOn ? 'All changes saved.' : 'Nothing entered yet.')
            }
          >
            {dirty && (
              <Button variant="default" onClick={() => adopt(basedOn)} disabled={save.isPending}>
                Discard changes
              </Button>
            )}
            <Button type="submit" loading={save.isPending}>
              {basedOn ? 'Save intake' : 'Save and screen'}
            </Button>
          </SaveBar>
        </form>
      ) : basedOn ? (
        <HealthHistorySummary history={basedOn.healthHistory} savedLine={savedLine} />
      ) : (
        <Paper p="lg">
          <Text c="dimmed">No intake has been recorded for this episode yet.</Text>
        </Paper>
      )}

      <ConsentPanel chart={chart} onChanged={onChanged} />
    </Stack>
  );
}

/** The input that shows a form path's error; a whole-list error sits at the list's "Add" button. */
function fieldIdFor(path: string): string {
  if (path === 'pregnancy') return intakeFieldId('pregnancy.status');
  if (path === 'vitals') return intakeFieldId('vitals.temperatureC');
  if (/^[a-z]+$/i.test(path) && path !== 'activityLevel' && path !== 'goalsInClientsWords')
    return `intake-add-${path}`;
  return intakeFieldId(path);
}

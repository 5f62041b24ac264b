import { useCallback, useEffect, useRef, useState } from 'react';
import { updateNote, type SessionNote } from '../../../api/clinical.js';
import { isApiError, type ApiError } from '../../../api/http.js';
import { changedFields, noteToForm, toFields, type NoteFields, type NoteFormValues } from './note-form.js';

export type SaveStatus =
  | { state: 'idle' }
  | { state: 'pending' }
  | { state: 'saving' }
  | { state: 'saved'; at: Date }
  | { state: 'error'; error: unknown }
  | { state: 'conflict'; error: ApiError };

/** Quiet time after the last keystroke before the draft is saved. */
export const AUTOSAVE_DELAY_MS = 1000;

/**
 * A draft note's values with autosave: about a second after the last edit (or at once on `flush`, e.g. when a
 * field loses focus) the fields that changed are sent with the version last seen. One save runs at a time;
 * edits made meanwhile go in the next one. A 409 (saved elsewhere, or signed) stops autosaving for good:
 * the editor must reload.
 */
export function useNoteAutosave(note: SessionNote, onSaved: (note: SessionNote) => void) {
  const [values, setValues] = useState<NoteFormValues>(() => noteToForm(note));
  const [status, setStatus] = useState<SaveStatus>({ state: 'idle' });
  const valuesRef = useRef(values);
  const savedRef = useRef<NoteFields>(toFields(values));
  const versionRef = useRef(note.version);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const stopped = useRef(false);
  const onSavedRef = useRef(onSaved);
  onSavedRef.current = onSaved;
  const noteId = note.id;

  const unsavedChanges = useCallback(() => changedFields(toFields(valuesRef.current), savedRef.current), []);
  const hasUnsaved = useCallback(
    () => Object.keys(unsavedChanges()).length > 0 || inFlight.current !== null,
    [unsavedChanges],
  );

  const flush = useCallback(async (): Promise<boolean> => {
    if (timer.current !== undefined) {
      clearTimeout(timer.current);
      timer.current = undefined;
    }
    while (inFlight.current) await inFlight.current;
    if (stopped.current) return false;
    const changes = unsavedChanges();
    if (Object.keys(changes).length === 0) {
      setStatus((s) => (s.state === 'pending' ? { state: 'idle' } : s));
      return true;
    }
    setStatus({ state: 'saving' });
    const run = (async () => {
      try {
        const saved = await updateNote(noteId, { version: versionRef.current, ...changes });
        versionRef.current = saved.version;
        savedRef.current = { ...savedRef.current, ...changes };
        onSavedRef.current(saved);
        const more = Object.keys(unsavedChanges()).length > 0;
        setStatus(more ? { state: 'pending' } : { state: 'saved', at: new Date() });
        return true;
      } catch (error) {
        if (isApiError(error) && error.status === 409) {
          stopped.current = true;
          setStatus({ state: 'conflict', error });
        } else {
          setStatus({ state: 'error', error });
        }
        return false;
      }
    })();
    inFlight.current = run;
    try {
      return await run;
    } finally {
      inFlight.current = null;
    }
  }, [noteId, unsavedChanges]);

  const change = useCallback(
    (patch: Partial<NoteFormValues>) => {
      const next = { ...valuesRef.current, ...patch };
      valuesRef.current = next;
      setValues(next);
      if (stopped.current) return;
      if (timer.current !== undefined) clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        timer.current = undefined;
        void flush();
      }, AUTOSAVE_DELAY_MS);
      setStatus((s) => (s.state === 'saving' ? s : { state: 'pending' }));
    },
    [flush],
  );

  /** A 409 met elsewhere (signing): stop autosaving and show the conflict. */
  const markConflict = useCallback((error: ApiError) => {
    stopped.current = true;
    if (timer.current !== undefined) clearTimeout(timer.current);
    timer.current = undefined;
    setStatus({ state: 'conflict', error });
  }, []);

  /** Stops autosaving (before deleting the draft). */
  const stop = useCallback(() => {
    stopped.current = true;
    if (timer.current !== undefined) clearTimeout(timer.current);
    timer.current = undefined;
  }, []);

  useEffect(
    () => () => {
      if (timer.current !== undefined) clearTimeout(timer.current);
    },
    [],
  );

  return {
    values,
    /** The latest values, also between renders. */
    valuesRef,
    change,
    flush,
    stop,
    markConflict,
    status,
    hasUnsaved,
    unsavedChanges,
    version: () => versionRef.current,
    stopped: () => stopped.current,
  };
}

/** Keeps fields reached with Tab clear of the sticky action bar at the bottom of the page. */
export function useStickyBarScrollPadding(): void {
  useEffect(() => {
    const root = document.documentElement;
    const previous = root.style.scrollPaddingBottom;
    root.style.scrollPaddingBottom = '110px';
    return () => {
      root.style.scrollPaddingBottom = previous;
    };
  }, []);
}

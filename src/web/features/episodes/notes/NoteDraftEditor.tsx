import { useEffect, useRef, useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Modal,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useWindowEvent } from '@mantine/hooks';
import {
  IconAlertCircle,
  IconAlertTriangle,
  IconCheck,
  IconRefresh,
  IconSignature,
  IconTrash,
} from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useBlocker } from 'react-router';
import type { BodyChartMark } from '../../../../modules/assessments/domain/body-regions.js';
import { deleteNote, signNote, type ScreeningAlert, type SessionNote } from '../../../api/clinical.js';
import { errorMessage, isApiError } from '../../../api/http.js';
import { useSession } from '../../../app/session.js';
import { readableTextColor } from '../../../app/theme.js';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.js';
import { ErrorSummary, type SummaryItem } from '../../../components/ErrorSummary.js';
import { formatWhen, todayDateOnly } from '../../../components/format.js';
import { formatDay } from '../episode-ui.js';
import { Section } from '../../../components/Section.js';
import { BodyChart } from '../../body-chart/BodyChart.js';
import { codesSummary, formatTime, PRESSURE_OPTIONS, alertHeading } from '../shared/notes-format.js';
import {
  hasNoteField,
  localSigningProblems,
  needsAcknowledgement,
  noteFieldId,
  noteFieldLabel,
  toFields,
  toFormPath,
  totalMinutesOf,
  type NoteFormValues,
} from './note-form.js';
import { ConflictsAlert, liveConflicts } from './NoteConflicts.js';
import { NoteServicesEditor } from './NoteServicesEditor.js';
import { useNoteAutosave, useStickyBarScrollPadding, type SaveStatus } from './useNoteAutosave.js';

export type LostText = { label: string; value: string };

type Props = {
  /** The note as last saved (kept current by the page after every autosave). */
  note: SessionNote;
  alerts: readonly ScreeningAlert[];
  compare: { marks: BodyChartMark[]; label: string } | undefined;
  onSaved: (note: SessionNote) => void;
  onSigned: (note: SessionNote) => void;
  onDeleted: () => void;
  /** After a conflict: load the latest version; `lost` is what this editor had not saved. */
  onReload: (lost: LostText[]) => Promise<void>;
};

type SignProblem = { title: string; description?: string; items: SummaryItem[] };

type TextField = 'subjective' | 'objective' | 'assessment' | 'plan' | 'clientResponse' | 'homeCare';

const TEXT_FIELDS: { key: TextField; label: string }[] = [
  { key: 'subjective', label: 'Subjective' },
  { key: 'objective', label: 'Objective' },
  { key: 'assessment', label: 'Assessment' },
  { key: 'plan', label: 'Plan' },
  { key: 'clientResponse', label: 'Client response' },
  { key: 'homeCare', label: 'Home care given' },
];

/** A draft SOAP note that saves itself while the therapist writes, and is signed when complete. */
export function NoteDraftEditor({ note, alerts, compare, onSaved, onSigned, onDeleted, onReload }: Props) {
  const session = useSession();
  const autosave = useNoteAutosave(note, onSaved);
  useStickyBarScrollPadding();
  const { values, change, flush, status } = autosave;
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [signProblem, setSignProblem] = useState<SignProblem | null>(null);
  const [actionError, setActionError] = useState<{ title: string; error: unknown } | null>(null);
  const [confirmSign, setConfirmSign] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [leaveProblem, setLeaveProblem] = useState(false);
  const [reloading, setReloading] = useState(false);
  const allowLeaving = useRef(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const conflictRef = useRef<HTMLDivElement>(null);
  const isAuthor = note.therapistId === session.user.id;
  const ackAlerts = alerts.filter(needsAcknowledgement);

  useEffect(() => {
    if (signProblem) summaryRef.current?.focus();
  }, [signProblem]);
  useEffect(() => {
    if (status.state === 'conflict') conflictRef.current?.focus();
  }, [status.state]);

  // Leaving: save what is pending first; ask only when that fails.
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      !allowLeaving.current &&
      currentLocation.pathname !== nextLocation.pathname &&
      nextLocation.pathname !== '/login' &&
      autosave.hasUnsaved(),
  );
  useEffect(() => {
    if (blocker.state !== 'blocked') return undefined;
    let cancelled = false;
    void flush().then((ok) => {
      if (cancelled) return;
      if (ok) blocker.proceed();
      else setLeaveProblem(true);
    });
    return () => {
      cancelled = true;
    };
    // Runs once per blocked navigation.
  }, [blocker.state]);
  useWindowEvent('beforeunload', (event) => {
    if (!allowLeaving.current && autosave.hasUnsaved()) event.preventDefault();
  });
  useWindowEvent('visibilitychange', () => {
    if (document.visibilityState === 'hidden' && autosave.hasUnsaved()) void flush();
  });

  const clearError = (path: string) =>
    setErrors((current) => {
      if (!current[path]) return current;
      const next = { ...current };
      delete next[path];
      return next;
    });

  const edit = (patch: Partial<NoteFormValues>) => {
    for (const key of Object.keys(patch)) clearError(key);
    change(patch);
  };

  const showSignProblems = (problems: { path: string; message: string }[]) => {
    const found: Record<string, string> = {};
    for (const p of problems) found[p.path] ??= p.message;
    setErrors(found);
    setSignProblem({
      title: 'The note is not ready to sign',
      description: 'Please complete the following:',
      items: Object.entries(found).map(([path, message]) => ({
        // An acknowledgement's message names its alert already.
        ...(path.startsWith('acknowledgements.') ? {} : { label: noteFieldLabel(path, alerts) }),
        message,
        ...(hasNoteField(path) ? { fieldId: noteFieldId(path) } : {}),
      })),
    });
  };

  const startSigning = () => {
    setActionError(null);
    const problems = localSigningProblems(autosave.valuesRef.current, alerts);
    if (problems.length > 0) {
      showSignProblems(problems);
      return;
    }
    setSignProblem(null);
    setErrors({});
    setConfirmSign(true);
  };

  const sign = useMutation({
    mutationFn: async () => {
      if (!(await flush())) throw new Error('not-saved');
      return signNote(note.id, autosave.version());
    },
    onSuccess: (signed) => {
      setConfirmSign(false);
      allowLeaving.current = true;
      onSigned(signed);
    },
    onError: (error) => {
      setConfirmSign(false);
      if (error instanceof Error && error.message === 'not-saved') {
        // A conflict has its own alert; any other failure is also in the save status.
        if (!autosave.stopped())
          setActionError({
            title: 'The note was not signed',
            error: new Error(
              'Your latest changes could not be saved, so the note was not signed. Check the connection and try again.',
            ),
          });
        return;
      }
      if (isApiError(error) && error.status === 409) {
        autosave.markConflict(error);
        return;
      }
      if (isApiError(error) && error.errors.length > 0) {
        showSignProblems(
          error.errors.map((e) => ({
            path: toFormPath(e.path, autosave.valuesRef.current),
            message: e.message,
          })),
        );
        return;
      }
      setActionError({ title: 'The note was not signed', error });
    },
  });

  const remove = useMutation({
    mutationFn: () => deleteNote(note.id),
    onMutate: () => autosave.stop(),
    onSuccess: () => {
      allowLeaving.current = true;
      setConfirmDelete(false);
      onDeleted();
    },
    onError: (error) => {
      setConfirmDelete(false);
      setActionError({ title: 'The draft was not deleted', error });
    },
  });

  const reload = async () => {
    const saved = toFields(autosave.valuesRef.current);
    const changes = autosave.unsavedChanges();
    const lost: LostText[] = TEXT_FIELDS.filter((f) => f.key in changes).map((f) => ({
      label: f.label,
      value: saved[f.key] || '(empty)',
    }));
    if (Object.keys(changes).some((k) => !TEXT_FIELDS.some((f) => f.key === k)))
      lost.push({
        label: 'Other fields',
        value: 'Pain, pressure, services, body chart or acknowledgements.',
      });
    setReloading(true);
    allowLeaving.current = true;
    try {
      await onReload(lost);
    } catch (error) {
      allowLeaving.current = false;
      setActionError({ title: 'The note could not be reloaded', error });
    } finally {
      setReloading(false);
    }
  };

  const textArea = (key: TextField, label: string, description?: string) => (
    <Textarea
      id={noteFieldId(key)}
      label={label}
      description={description}
      value={values[key]}
      onChange={(e) => edit({ [key]: e.currentTarget.value })}
      error={errors[key]}
      autosize
      minRows={2}
      maxRows={16}
      maxLength={key === 'clientResponse' || key === 'homeCare' ? 5000 : 20000}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
    />
  );

  const pain = (key: 'painBefore' | 'painAfter', label: string) => (
    <NumberInput
      id={noteFieldId(key)}
      label={label}
      description="0 = none, 10 = worst"
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      value={values[key] ?? ''}
      onChange={(v) => edit({ [key]: typeof v === 'number' ? v : null })}
      min={0}
      max={10}
      allowDecimal={false}
      allowNegative={false}
      clampBehavior="strict"
      error={errors[key]}
    />
  );

  const total = totalMinutesOf(values);
  const conflicts = liveConflicts(note, values);

  return (
    <>
      <form
        aria-label="Session note"
        noValidate
        onSubmit={(e) => e.preventDefault()}
        onBlur={() => {
          if (autosave.hasUnsaved()) void flush();
        }}
      >
        <Stack gap="lg">
          {status.state === 'conflict' && (
            <Alert
              ref={conflictRef}
              tabIndex={-1}
              color="orange"
              variant="light"
              title="This note was changed somewhere else"
              icon={<IconAlertTriangle aria-hidden />}
              role="alert"
            >
              <Stack gap="sm" align="flex-start">
                <Text size="sm">{status.error.detail}</Text>
                <Text size="sm" c="dimmed">
                  Autosave has stopped so nothing is overwritten. Reload to see the latest version; the text
                  you had not saved is shown afterwards so you can copy it back.
                </Text>
                <Button
                  size="sm"
                  leftSection={<IconRefresh size={16} aria-hidden />}
                  loading={reloading}
                  onClick={() => void reload()}
                >
                  Reload
                </Button>
              </Stack>
            </Alert>
          )}
          {signProblem && <ErrorSummary ref={summaryRef} {...signProblem} />}
          {actionError && (
            <ApiErrorAlert
              error={actionError.error}
              title={actionError.title}
              withCloseButton
              onClose={() => setActionError(null)}
            />
          )}

          {ackAlerts.length > 0 && (
            <Section
              title="Acknowledge before signing"
              description="These alerts say to postpone or refer. Record why treatment went ahead (e.g. the provider's clearance)."
            >
              <Stack gap="md">
                {ackAlerts.map((alert) => {
                  const path = `acknowledgements.${alert.ruleId}`;
                  const current = values.acknowledgements.find((a) => a.ruleId === alert.ruleId);
                  const saved = note.acknowledgements.find(
                    (a) => a.ruleId === alert.ruleId && a.reason === (current?.reason ?? '').trim(),
                  );
                  return (
                    <Paper
                      key={alert.ruleId}
                      p="sm"
                      radius="md"
                      withBorder
                      style={{ borderColor: 'var(--mantine-color-red-3)' }}
                    >
                      <Stack gap="xs">
                        <Group gap="xs">
                          <Badge color="red" variant="filled" size="sm">
                            Postpone / refer
                          </Badge>
                          <Text fw={600} size="sm">
                            {alertHeading(alert)}
                          </Text>
                        </Group>
                        <Textarea
                          id={noteFieldId(path)}
                          label="Reason for treating today"
                          placeholder="e.g. Cleared by Dr. Ødegård by phone on Nov 24; avoided the left leg."
                          value={current?.reason ?? ''}
                          onChange={(e) => {
                            clearError(path);
                            const reason = e.currentTarget.value;
                            const others = values.acknowledgements.filter((a) => a.ruleId !== alert.ruleId);
                            change({ acknowledgements: [...others, { ruleId: alert.ruleId, reason }] });
                          }}
                          error={errors[path]}
                          autosize
                          minRows={2}
                          maxLength={1000}
                          withAsterisk
                        />
                        <Text size="xs" c={saved ? 'teal.9' : 'dimmed'}>
                          {saved
                            ? `Acknowledged by ${saved.acknowledgedByName}, ${formatWhen(saved.acknowledgedAt)}.`
                            : 'Not acknowledged yet.'}
                        </Text>
                      </Stack>
                    </Paper>
                  );
                })}
              </Stack>
            </Section>
          )}

          <Section title="Session">
            <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md" verticalSpacing="md">
              <TextInput
                id={noteFieldId('sessionDate')}
                label="Session date"
                type="date"
                value={values.sessionDate}
                max={todayDateOnly()}
                onChange={(e) => {
                  if (e.currentTarget.value) edit({ sessionDate: e.currentTarget.value });
                }}
                error={errors.sessionDate}
              />
              {pain('painBefore', 'Pain before')}
              {pain('painAfter', 'Pain after')}
              <Select
                id={noteFieldId('pressureLevel')}
                label="Pressure"
                description={
                  conflicts.pressure.length > 0 ? (
                    <Text span size="xs" c={readableTextColor('orange')} fw={600}>
                      <IconAlertTriangle size={12} aria-hidden style={{ verticalAlign: '-1px' }} /> Too deep
                      for {conflicts.pressure.map((c) => c.alertTitle.toLowerCase()).join(', ')}
                    </Text>
                  ) : (
                    'Walton pressure scale'
                  )
                }
                inputWrapperOrder={['label', 'input', 'description', 'error']}
                placeholder="Not recorded"
                data={PRESSURE_OPTIONS}
                value={values.pressureLevel === null ? null : String(values.pressureLevel)}
                onChange={(v) => edit({ pressureLevel: v === null ? null : Number(v) })}
                clearable
                error={errors.pressureLevel}
                comboboxProps={{ width: 260, position: 'bottom-end' }}
              />
            </SimpleGrid>
          </Section>

          <Section title="SOAP">
            <Stack gap="md">
              {textArea(
                'subjective',
                'Subjective',
                "The client's report: pain, sleep, function since last visit.",
              )}
              {textArea('objective', 'Objective', 'What you found: palpation, range of motion, tests.')}
              {textArea('assessment', 'Assessment', 'Response to treatment and progress toward the goals.')}
              {textArea('plan', 'Plan', 'Next visit and changes to the plan of care.')}
            </Stack>
          </Section>

          <Section title="Services performed" description="Each technique with its minutes and service code.">
            <ConflictsAlert conflicts={conflicts.list} />
            <NoteServicesEditor
              rows={values.services}
              onChange={(services) => change({ services })}
              errors={errors}
              onEdited={clearError}
              totalMinutes={total}
              conflicts={conflicts.byRow}
            />
          </Section>

          <Section title="Response and home care">
            <Stack gap="md">
              {textArea('clientResponse', 'Client response')}
              {textArea('homeCare', 'Home care given')}
            </Stack>
          </Section>

          <Section title="Body chart" description={compare ? `Faint marks: ${compare.label}.` : undefined}>
            <BodyChart
              marks={values.marks}
              onChange={(marks) => change({ marks })}
              {...(compare ? { compareWith: compare.marks } : {})}
            />
          </Section>
        </Stack>
      </form>

      <Paper
        p="sm"
        shadow="md"
        mt="lg"
        style={{ position: 'sticky', bottom: 'var(--mantine-spacing-md)', zIndex: 5 }}
      >
        <Group justify="space-between" gap="sm" wrap="wrap">
          <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
            <SaveStatusText status={status} />
            {status.state === 'error' && (
              <Button size="compact-sm" variant="light" onClick={() => void flush()}>
                Retry
              </Button>
            )}
          </Group>
          <Group gap="sm" ml="auto">
            <Button
              variant="subtle"
              color="red"
              leftSection={<IconTrash size={16} aria-hidden />}
              onClick={() => setConfirmDelete(true)}
            >
              Delete draft
            </Button>
            <Button
              leftSection={<IconSignature size={16} aria-hidden />}
              onClick={startSigning}
              disabled={!isAuthor || status.state === 'conflict'}
              aria-describedby={isAuthor ? undefined : 'note-sign-hint'}
            >
              Sign note
            </Button>
          </Group>
        </Group>
        {!isAuthor && (
          <Text id="note-sign-hint" size="xs" c="dimmed" ta="right" mt={4}>
            Only {note.therapistName}, who wrote this note, can sign it.
          </Text>
        )}
      </Paper>

      <Modal
        opened={confirmSign}
        onClose={() => !sign.isPending && setConfirmSign(false)}
        title="Sign this note?"
        centered
      >
        <Stack gap="md">
          <Text size="sm">Signing locks this note; corrections will be addenda.</Text>
          <Paper p="sm" bg="gray.0" withBorder={false}>
            <Text size="sm">
              Session of {formatDay(values.sessionDate)} · {total} min
            </Text>
            <Text size="sm" c="dimmed">
              {codesSummary(toFields(values).services) || 'No services'}
            </Text>
          </Paper>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirmSign(false)} disabled={sign.isPending}>
              Keep editing
            </Button>
            <Button
              leftSection={<IconSignature size={16} aria-hidden />}
              loading={sign.isPending}
              onClick={() => sign.mutate()}
              data-autofocus
            >
              Sign note
            </Button>
          </Group>
        </Stack>
      </Modal>

      <Modal
        opened={confirmDelete}
        onClose={() => setConfirmDelete(false)}
        title="Delete this draft?"
        centered
      >
        <Stack gap="md">
          <Text size="sm">
            The draft note of {formatDay(values.sessionDate)} and its body-chart marks are deleted. This
            cannot be undone.
          </Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirmDelete(false)} data-autofocus>
              Keep draft
            </Button>
            <Button color="red" loading={remove.isPending} onClick={() => remove.mutate()}>
              Delete draft
            </Button>
          </Group>
        </Stack>
      </Modal>

      <Modal
        opened={blocker.state === 'blocked' && leaveProblem}
        onClose={() => {
          setLeaveProblem(false);
          blocker.reset?.();
        }}
        title="Your latest changes are not saved"
        centered
      >
        <Text size="sm" mb="lg">
          {status.state === 'conflict'
            ? 'This note was changed somewhere else, so your latest changes could not be saved.'
            : `Saving failed: ${status.state === 'error' ? errorMessage(status.error) : 'please try again.'}`}{' '}
          If you leave now, they are lost.
        </Text>
        <Group justify="flex-end" gap="sm">
          <Button
            variant="default"
            onClick={() => {
              setLeaveProblem(false);
              blocker.reset?.();
            }}
          >
            Stay on this page
          </Button>
          <Button
            color="red"
            onClick={() => {
              setLeaveProblem(false);
              allowLeaving.current = true;
              blocker.proceed?.();
            }}
          >
            Leave without saving
          </Button>
        </Group>
      </Modal>
    </>
  );
}

/** The autosave state, announced politely to screen readers. */
function SaveStatusText({ status }: { status: SaveStatus }) {
  let content;
  switch (status.state) {
    case 'idle':
      content = (
        <Text size="sm" c="dimmed">
          Draft · changes save automatically
        </Text>
      );
      break;
    case 'pending':
      content = (
        <Text size="sm" c="dimmed">
          Unsaved changes…
        </Text>
      );
      break;
    case 'saving':
      content = (
        <>
          <Loader size={14} aria-hidden />
          <Text size="sm" c="dimmed">
            Saving…
          </Text>
        </>
      );
      break;
    case 'saved':
      content = (
        <>
          <IconCheck size={16} color="var(--mantine-color-teal-8)" aria-hidden />
          <Text size="sm" c="gray.7">
            Saved at {formatTime(status.at)}
          </Text>
        </>
      );
      break;
    case 'error':
      content = (
        <>
          <IconAlertCircle size={16} color="var(--mantine-color-red-8)" aria-hidden />
          <Text size="sm" c="red.8" lineClamp={2}>
            Not saved: {errorMessage(status.error)}
          </Text>
        </>
      );
      break;
    case 'conflict':
      content = (
        <>
          <IconAlertTriangle size={16} color="var(--mantine-color-orange-8)" aria-hidden />
          <Text size="sm" c="orange.9">
            Not saved: changed somewhere else
          </Text>
        </>
      );
      break;
  }
  return (
    <Group gap={6} wrap="nowrap" role="status" aria-live="polite" style={{ minWidth: 0 }}>
      {content}
    </Group>
  );
}

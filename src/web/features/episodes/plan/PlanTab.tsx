import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Alert, Button, Group, Modal, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useWindowEvent } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import {
  IconAlertTriangle,
  IconClipboardList,
  IconInfoCircle,
  IconPencil,
  IconRefresh,
} from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import {
  clinicalKeys,
  getChart,
  saveTreatmentPlan,
  type ClinicalChart,
  type TreatmentPlan,
} from '../../../api/clinical.js';
import { isApiError, type ApiError } from '../../../api/http.js';
import { useCan, useSessionMemory } from '../../../app/session.js';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.js';
import { ErrorSummary, type SummaryItem } from '../../../components/ErrorSummary.js';
import { formatDateTime } from '../../../components/format.js';
import { SaveBar } from '../../../components/SaveBar.js';
import { normalizePath } from '../shared/notes-format.js';
import {
  fieldLabel,
  hasField,
  planFieldId,
  planToForm,
  toSaveRequest,
  validatePlan,
  withoutEmptyRows,
  type PlanErrors,
  type PlanFormValues,
} from './plan-form.js';
import { PlanEditor } from './PlanEditor.js';
import { PlanView } from './PlanView.js';
import { useStickyBarScrollPadding } from '../notes/useNoteAutosave.js';

/** An edit in progress. Kept in the session's memory, so moving to another tab and back keeps it. */
type PlanDraft = { values: PlanFormValues; initial: string; baseVersion: number | null };

const draftFrom = (plan: TreatmentPlan | null, chart: ClinicalChart): PlanDraft => {
  const values = planToForm(plan, chart);
  return { values, initial: JSON.stringify(values), baseVersion: plan?.version ?? null };
};

/** The episode's treatment plan (plan of care): read view with live goal progress, and its editor. */
export function PlanTab(props: { chart: ClinicalChart; onChanged: () => void }) {
  const { chart, onChanged } = props;
  const episodeId = chart.episode.id;
  const canWrite = useCan('clinical:write');
  const writable = canWrite && chart.episode.status === 'open';
  const [draft, setDraft] = useSessionMemory<PlanDraft | null>(`plan-draft:${episodeId}`, null);
  const [savedNotice, setSavedNotice] = useState<string | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const plan = chart.plan;
  // "Use for plan" on the Prescription tab arrives as ?condition=<id>: open the editor and fill it in.
  const [params, setParams] = useSearchParams();
  const requested = params.get('condition');
  const [requestedCondition, setRequestedCondition] = useState<string | null>(null);
  useEffect(() => {
    if (!requested) return;
    const next = new URLSearchParams(params);
    next.delete('condition');
    setParams(next, { replace: true, preventScrollReset: true });
    if (!writable) return;
    setSavedNotice(null);
    setRequestedCondition(requested);
    if (!draft) setDraft(draftFrom(plan, chart));
    // Runs when the address asks for a condition.
  }, [requested]);

  const startEditing = () => {
    setSavedNotice(null);
    setDraft(draftFrom(plan, chart));
  };

  const finished = (message: string | null) => {
    setDraft(null);
    setSavedNotice(message);
    // Back in the read view: keep the keyboard where the user started.
    requestAnimationFrame(() => editButton.current?.focus());
  };

  if (draft && writable) {
    return (
      <PlanEditing
        chart={chart}
        draft={draft}
        setDraft={setDraft}
        onChanged={onChanged}
        onDone={finished}
        requestedCondition={requestedCondition}
        onConditionHandled={() => setRequestedCondition(null)}
      />
    );
  }

  return (
    <Stack gap="lg">
      {savedNotice && (
        <Alert
          color="teal"
          variant="light"
          withCloseButton
          closeButtonLabel="Dismiss"
          onClose={() => setSavedNotice(null)}
        >
          {savedNotice}
        </Alert>
      )}
      {canWrite && chart.episode.status !== 'open' && (
        <Alert color="gray" variant="light" icon={<IconInfoCircle aria-hidden />}>
          This episode is discharged: reopen it to change the plan.
        </Alert>
      )}
      {plan ? (
        <>
          <Group justify="space-between" align="center" gap="sm" wrap="wrap">
            <Stack gap={0}>
              <Title order={2}>Treatment plan</Title>
              <Text size="sm" c="dimmed">
                Last changed by {plan.updatedByName} on {formatDateTime(plan.updatedAt)}
              </Text>
            </Stack>
            {writable && (
              <Button
                ref={editButton}
                variant="default"
                leftSection={<IconPencil size={16} aria-hidden />}
                onClick={startEditing}
              >
                Edit plan
              </Button>
            )}
          </Group>
          <PlanView plan={plan} chart={chart} />
        </>
      ) : (
        <Paper p="xl">
          <Stack align="center" gap="sm" maw={520} mx="auto" ta="center">
            <ThemeIcon size={48} radius="xl" variant="light" aria-hidden>
              <IconClipboardList size={26} />
            </ThemeIcon>
            <Title order={2}>No treatment plan yet</Title>
            <Text size="sm" c="dimmed">
              Set the problems, measurable goals, techniques and frequency. Problems, frequency and
              precautions start from the intake, the prescription and the screening alerts.
            </Text>
            {writable ? (
              <Button ref={editButton} mt="xs" onClick={startEditing}>
                Create treatment plan
              </Button>
            ) : (
              <Text size="sm">A therapist sets the plan.</Text>
            )}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}

type FormProblem = { title: string; description?: string; items: SummaryItem[] };

function PlanEditing({
  chart,
  draft,
  setDraft,
  onChanged,
  onDone,
  requestedCondition,
  onConditionHandled,
}: {
  chart: ClinicalChart;
  draft: PlanDraft;
  setDraft: (draft: PlanDraft | null) => void;
  onChanged: () => void;
  onDone: (message: string | null) => void;
  requestedCondition: string | null;
  onConditionHandled: () => void;
}) {
  const queryClient = useQueryClient();
  const episodeId = chart.episode.id;
  const [errors, setErrors] = useState<PlanErrors>({});
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [conflict, setConflict] = useState<ApiError | null>(null);
  const [reloaded, setReloaded] = useState(false);
  const [reloading, setReloading] = useState(false);
  const [otherError, setOtherError] = useState<unknown>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  useStickyBarScrollPadding();
  const conflictRef = useRef<HTMLDivElement>(null);
  const draftRef = useRef(draft);
  draftRef.current = draft;
  const isNew = draft.baseVersion === null;
  const changed = JSON.stringify(draft.values) !== draft.initial;
  const dirty = isNew || changed;
  const [confirmCancel, setConfirmCancel] = useState(false);

  useEffect(() => {
    if (problem) summaryRef.current?.focus();
  }, [problem]);
  useEffect(() => {
    if (conflict) conflictRef.current?.focus();
  }, [conflict]);

  useWindowEvent('beforeunload', (event) => {
    if (dirty) event.preventDefault();
  });

  const update = (fn: (values: PlanFormValues) => PlanFormValues) => {
    const current = draftRef.current;
    const next = { ...current, values: fn(current.values) };
    draftRef.current = next;
    setDraft(next);
  };

  const clearError = (path: string) =>
    setErrors((current) => {
      if (!current[path]) return current;
      const next = { ...current };
      delete next[path];
      return next;
    });

  const showErrors = (found: PlanErrors, values: PlanFormValues) => {
    setErrors(found);
    setProblem({
      title: 'The plan was not saved',
      description: 'Please correct the following:',
      items: Object.entries(found).map(([path, message]) => ({
        label: fieldLabel(path, values),
        message,
        ...(hasField(path) || path === 'goals' ? { fieldId: planFieldId(path) } : {}),
      })),
    });
  };

  const save = useMutation({
    mutationFn: (values: PlanFormValues) =>
      saveTreatmentPlan(episodeId, toSaveRequest(values, draft.baseVersion ?? undefined)),
    onSuccess: (plan) => {
      queryClient.setQueryData<ClinicalChart>(clinicalKeys.chart(episodeId), (old) =>
        old ? { ...old, plan } : old,
      );
      onChanged();
      notifications.show({ color: 'teal', title: 'Plan saved', message: 'The treatment plan was saved.' });
      onDone(null);
    },
    onError: (error, values) => {
      if (isApiError(error) && error.code === 'version_conflict') {
        setProblem(null);
        setConflict(error);
        return;
      }
      if (isApiError(error) && error.errors.length > 0) {
        const found: PlanErrors = {};
        for (const e of error.errors) found[normalizePath(e.path)] ??= e.message;
        showErrors(found, values);
        return;
      }
      setProblem(null);
      setOtherError(error);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    setOtherError(null);
    setReloaded(false);
    const cleaned = withoutEmptyRows(draft.values);
    update(() => cleaned);
    const found = validatePlan(cleaned);
    if (Object.keys(found).length > 0) {
      showErrors(found, cleaned);
      return;
    }
    setErrors({});
    setProblem(null);
    save.mutate(cleaned);
  };

  /** Loads the plan someone else saved; the edit made here is dropped (and said so). */
  const reload = async () => {
    setReloading(true);
    try {
      const fresh = await queryClient.fetchQuery({
        queryKey: clinicalKeys.chart(episodeId),
        queryFn: () => getChart(episodeId),
        staleTime: 0,
      });
      setDraft(draftFrom(fresh.plan, fresh));
      setConflict(null);
      setErrors({});
      setProblem(null);
      setReloaded(true);
      onChanged();
    } catch (error) {
      setOtherError(error);
    } finally {
      setReloading(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-label={isNew ? 'New treatment plan' : 'Edit treatment plan'}>
      <Stack gap="lg">
        <Stack gap={2}>
          <Title order={2}>{isNew ? 'New treatment plan' : 'Edit treatment plan'}</Title>
          <Text size="sm" c="dimmed">
            Fields marked * are needed for each goal. Empty rows are left out when you save.
          </Text>
        </Stack>
        {conflict && (
          <Alert
            ref={conflictRef}
            tabIndex={-1}
            color="orange"
            variant="light"
            title="The plan was changed while you were editing"
            icon={<IconAlertTriangle aria-hidden />}
            role="alert"
          >
            <Stack gap="sm" align="flex-start">
              <Text size="sm">{conflict.detail}</Text>
              <Text size="sm" c="dimmed">
                Reloading shows the saved plan; your edits here are not kept, so note anything you want to
                enter again.
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
        {reloaded && (
          <Alert
            color="blue"
            variant="light"
            icon={<IconInfoCircle aria-hidden />}
            withCloseButton
            closeButtonLabel="Dismiss"
            onClose={() => setReloaded(false)}
          >
            The latest saved plan is shown. Make your changes again if they are still needed.
          </Alert>
        )}
        {problem && <ErrorSummary ref={summaryRef} {...problem} />}
        {otherError !== null && (
          <ApiErrorAlert
            error={otherError}
            title="The plan was not saved"
            withCloseButton
            onClose={() => setOtherError(null)}
          />
        )}
        <PlanEditor
          chart={chart}
          values={draft.values}
          onChange={update}
          errors={errors}
          onEdited={clearError}
          requestedCondition={requestedCondition}
          onConditionHandled={onConditionHandled}
        />
      </Stack>
      <SaveBar dirty={dirty}>
        <Button
          variant="default"
          onClick={() => (changed ? setConfirmCancel(true) : onDone(null))}
          disabled={save.isPending}
        >
          Cancel
        </Button>
        <Button type="submit" loading={save.isPending} disabled={conflict !== null}>
          Save plan
        </Button>
      </SaveBar>
      <Modal
        opened={confirmCancel}
        onClose={() => setConfirmCancel(false)}
        title="Discard your changes?"
        centered
      >
        <Text size="sm" mb="lg">
          {isNew
            ? 'The plan you started is not saved. If you cancel now, it is lost.'
            : 'Your changes to the plan are not saved. If you cancel now, they are lost.'}
        </Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={() => setConfirmCancel(false)} data-autofocus>
            Keep editing
          </Button>
          <Button color="red" onClick={() => onDone(null)}>
            Discard changes
          </Button>
        </Group>
      </Modal>
    </form>
  );
}

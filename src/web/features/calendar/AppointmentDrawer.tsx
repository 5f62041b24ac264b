/**
 * One visit in a drawer: when, who, the visit's standing on its prescription and its warnings; status
 * changes at the desk (confirm, arrived, completed, no-show), cancellation with a reason (late or not, by the
 * clinic's policy), the visit's session note, its episode, and the renewal request letter when it is due.
 */
import { useState } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Divider,
  Drawer,
  Group,
  List,
  Radio,
  Skeleton,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconAlertTriangle,
  IconCalendarX,
  IconDownload,
  IconFolderOpen,
  IconNotes,
} from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import {
  APPOINTMENT_STATUS_LABELS,
  isLateCancellation,
  statusChangeProblem,
  type AppointmentStatus,
} from '../../../modules/scheduling/domain/appointment.js';
import { errorMessage } from '../../api/http.js';
import {
  cancelAppointment,
  changeAppointment,
  getAppointment,
  openVisitNote,
  renewalRequestUrl,
  scheduleKeys,
  type Appointment,
  type Clinic,
  type SeriesScope,
} from '../../api/scheduling.js';
import { useCan } from '../../app/session.js';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.js';
import { fieldErrorsFrom } from '../../components/form-errors.js';
import { formatVisitTime } from './calendar-time.js';
import { appointmentWarnings, formatCents, STATUS_COLORS } from './calendar-ui.js';

const ACTIONS: { status: AppointmentStatus; label: string }[] = [
  { status: 'confirmed', label: 'Confirm' },
  { status: 'arrived', label: 'Arrived' },
  { status: 'completed', label: 'Completed' },
  { status: 'no_show', label: 'No-show' },
];

type Props = { appointmentId: string; clinic: Clinic; onClose: () => void };

export function AppointmentDrawer({ appointmentId, clinic, onClose }: Props) {
  const query = useQuery({
    queryKey: [...scheduleKeys.appointments, 'one', appointmentId],
    queryFn: () => getAppointment(appointmentId),
  });
  const a = query.data;
  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size="md"
      title={a ? a.clientName : 'Appointment'}
      styles={{ title: { fontSize: 'var(--mantine-h2-font-size)', fontWeight: 650 } }}
    >
      {query.isPending ? (
        <Skeleton height={200} />
      ) : query.isError ? (
        <ApiErrorAlert error={query.error} title="The appointment could not be loaded" />
      ) : (
        <AppointmentDetails appointment={query.data} clinic={clinic} />
      )}
    </Drawer>
  );
}

function AppointmentDetails({ appointment: a, clinic }: { appointment: Appointment; clinic: Clinic }) {
  const zone = clinic.timeZone;
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const canWrite = useCan('schedule:write');
  const canDocument = useCan('clinical:write');
  const canSeeEpisode = useCan('episodes:read');
  const [cancelling, setCancelling] = useState(false);
  const warnings = appointmentWarnings(a);
  const notStarted = new Date(a.start).getTime() > Date.now() + 60 * 60_000;

  const refresh = () => queryClient.invalidateQueries({ queryKey: scheduleKeys.all });

  const status = useMutation({
    mutationFn: (next: AppointmentStatus) => changeAppointment(a.id, { status: next, version: a.version }),
    onSuccess: async (_result, next) => {
      notifications.show({
        color: 'green',
        message: `${a.clientName}: ${APPOINTMENT_STATUS_LABELS[next].toLowerCase()}.`,
      });
      await refresh();
    },
  });

  const note = useMutation({
    mutationFn: () => openVisitNote(a.id),
    onSuccess: ({ noteId, episodeId }) =>
      void navigate(`/clients/${a.clientId}/episodes/${episodeId}/notes/${noteId}`),
  });

  const closed = a.status === 'cancelled';
  const statusFieldError = fieldErrorsFrom(status.error).status;

  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Group gap="xs">
          <Badge color={STATUS_COLORS[a.status]} variant="light" size="lg">
            {APPOINTMENT_STATUS_LABELS[a.status]}
          </Badge>
          {a.lateCancellation && (
            <Badge color="orange" variant="light">
              Late cancellation
            </Badge>
          )}
          {a.seriesId && (
            <Badge color="gray" variant="outline">
              Repeating
            </Badge>
          )}
          {a.visit?.reEvaluationDue && (
            <Badge color="grape" variant="light">
              Re-eval due
            </Badge>
          )}
        </Group>
        <Text fw={600}>{formatVisitTime(a.start, a.end, zone)}</Text>
        <Text size="sm">
          {a.serviceName ?? 'Visit'} · {a.durationMinutes} min with {a.therapistName}
          {a.roomName ? ` · ${a.roomName}` : ''}
        </Text>
        {a.episodeTitle && (
          <Text size="sm" c="dimmed">
            Episode of care: {a.episodeTitle}
          </Text>
        )}
        {a.notes && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {a.notes}
          </Text>
        )}
        {a.cancelReason && (
          <Text size="sm" c="dimmed">
            Cancelled: {a.cancelReason}
          </Text>
        )}
      </Stack>

      {a.visit && (
        <Text size="sm" fw={500}>
          {a.visit.label[0]!.toUpperCase() + a.visit.label.slice(1)}
        </Text>
      )}
      {warnings.length > 0 && (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} title="Warnings">
          <List size="sm" spacing={2}>
            {warnings.map((w) => (
              <List.Item key={w}>{w}</List.Item>
            ))}
          </List>
        </Alert>
      )}

      {a.visit?.renewalDue && a.episodeId && (
        <Button
          component="a"
          href={renewalRequestUrl(a.episodeId)}
          download
          variant="light"
          leftSection={<IconDownload size={16} aria-hidden />}
        >
          Download renewal request letter (PDF)
        </Button>
      )}

      {canWrite && !closed && (
        <Stack gap="xs">
          <Divider label="Status" labelPosition="left" />
          <Group gap="xs">
            {ACTIONS.filter(
              (action) => action.status !== a.status && statusChangeProblem(a.status, action.status) === null,
            ).map((action) => {
              const early = notStarted && action.status !== 'confirmed';
              return (
                <Button
                  key={action.status}
                  size="sm"
                  variant={action.status === 'no_show' ? 'default' : 'light'}
                  color={STATUS_COLORS[action.status]}
                  disabled={early || status.isPending}
                  title={early ? 'This visit has not started yet.' : undefined}
                  loading={status.isPending && status.variables === action.status}
                  onClick={() => status.mutate(action.status)}
                >
                  {action.label}
                </Button>
              );
            })}
            {a.status === 'no_show' && (
              <Button size="sm" variant="default" onClick={() => status.mutate('booked')}>
                Back to booked
              </Button>
            )}
          </Group>
          {a.status === 'no_show' && clinic.noShowFeeCents > 0 && (
            <Text size="xs" c="dimmed">
              The clinic's no-show fee of {formatCents(clinic.noShowFeeCents)} was charged to the client.
            </Text>
          )}
          {status.isError && (
            <Text size="sm" c="red.8" role="alert">
              {statusFieldError ?? errorMessage(status.error)}
            </Text>
          )}
        </Stack>
      )}

      <Stack gap="xs">
        <Divider label="Record" labelPosition="left" />
        <Group gap="xs">
          {canDocument && a.episodeId && (
            <Button
              size="sm"
              leftSection={<IconNotes size={16} aria-hidden />}
              loading={note.isPending}
              onClick={() => note.mutate()}
            >
              {a.noteSigned ? 'Open signed note' : 'Open session note'}
            </Button>
          )}
          {canSeeEpisode && a.episodeId && (
            <Button
              size="sm"
              variant="default"
              component={Link}
              to={`/clients/${a.clientId}/episodes/${a.episodeId}`}
              leftSection={<IconFolderOpen size={16} aria-hidden />}
            >
              Open episode
            </Button>
          )}
          <Anchor component={Link} to={`/clients/${a.clientId}`} size="sm">
            Client record
          </Anchor>
        </Group>
        {!a.episodeId && (
          <Text size="xs" c="dimmed">
            No episode of care is chosen for this visit, so it has no session note or visit count.
          </Text>
        )}
        {note.isError && <ApiErrorAlert error={note.error} title="The note could not be opened" />}
      </Stack>

      {canWrite && !closed && a.status !== 'completed' && (
        <Stack gap="xs">
          <Divider label="Cancel" labelPosition="left" />
          {cancelling ? (
            <CancelForm appointment={a} clinic={clinic} onDone={() => setCancelling(false)} />
          ) : (
            <Button
              variant="default"
              color="red"
              leftSection={<IconCalendarX size={16} aria-hidden />}
              onClick={() => setCancelling(true)}
              w="fit-content"
            >
              Cancel appointment…
            </Button>
          )}
        </Stack>
      )}
    </Stack>
  );
}

function CancelForm({
  appointment: a,
  clinic,
  onDone,
}: {
  appointment: Appointment;
  clinic: Clinic;
  onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [scope, setScope] = useState<SeriesScope>('this');
  const [waiveFee, setWaiveFee] = useState(false);
  const late = isLateCancellation(new Date(a.start), new Date(), clinic.lateCancelHours);
  const fee = clinic.lateCancelFeeCents;
  const cancel = useMutation({
    mutationFn: () =>
      cancelAppointment(a.id, {
        reason: reason.trim(),
        ...(a.seriesId ? { scope } : {}),
        ...(late && fee > 0 ? { waiveFee } : {}),
      }),
    onSuccess: async (result) => {
      notifications.show({
        color: 'green',
        message:
          result.items.length > 1
            ? `${result.items.length} visits of ${a.clientName} cancelled.`
            : `${a.clientName}'s visit is cancelled.`,
      });
      await queryClient.invalidateQueries({ queryKey: scheduleKeys.all });
      onDone();
    },
  });
  const errors = fieldErrorsFrom(cancel.error);
  return (
    <form
      aria-label="Cancel the appointment"
      onSubmit={(event) => {
        event.preventDefault();
        cancel.mutate();
      }}
    >
      <Stack gap="sm">
        <Text size="sm" c={late ? 'orange.9' : undefined} fw={late ? 600 : undefined}>
          {late
            ? `This is a late cancellation: less than ${clinic.lateCancelHours} hours before the visit.${fee > 0 ? ` The clinic's fee is ${formatCents(fee)}.` : ''}`
            : `Not a late cancellation: more than ${clinic.lateCancelHours} hours before the visit.`}
        </Text>
        <Textarea
          label="Reason"
          required
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={errors.reason}
          autosize
          minRows={2}
        />
        {a.seriesId && (
          <Radio.Group label="Cancel" value={scope} onChange={(value) => setScope(value)}>
            <Stack gap={6} mt={4}>
              <Radio value="this" label="This visit" />
              <Radio value="following" label="This and following" />
              <Radio value="all" label="All visits of the series" />
            </Stack>
          </Radio.Group>
        )}
        {late && fee > 0 && (
          <Checkbox
            label="Waive the late-cancellation fee"
            checked={waiveFee}
            onChange={(event) => setWaiveFee(event.currentTarget.checked)}
          />
        )}
        {cancel.isError && !errors.reason && (
          <ApiErrorAlert error={cancel.error} title="The appointment was not cancelled" />
        )}
        <Group gap="xs">
          <Button type="submit" color="red" loading={cancel.isPending} disabled={!reason.trim()}>
            Cancel appointment
          </Button>
          <Button variant="default" onClick={onDone}>
            Keep it
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

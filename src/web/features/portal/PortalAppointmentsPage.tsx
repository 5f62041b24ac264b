/** Route /portal — the client's upcoming and past visits: cancel within the policy, and thank the clinic after a visit. */
import { useState, type FormEvent } from 'react';
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  Paper,
  Skeleton,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalendarPlus, IconInfoCircle, IconMessageHeart, IconPhone } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import {
  cancelPortalAppointment,
  listPortalAppointments,
  portalKeys,
  submitPortalTestimonial,
  type PortalAppointment,
} from '../../api/portal.js';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.js';
import { fieldErrorsFrom, type FieldErrors } from '../../components/form-errors.js';
import { usePageTitle } from '../../components/PageHeader.js';
import { whenIn, timeIn } from '../booking/booking-time.js';
import { PortalHeading, usePortal } from './PortalLayout.js';

const STATUS_LABELS: Record<string, string> = {
  booked: 'Booked',
  confirmed: 'Confirmed',
  arrived: 'Checked in',
  completed: 'Completed',
  cancelled: 'Cancelled',
  no_show: 'Missed',
};

export function PortalAppointmentsPage() {
  usePageTitle('Client portal: appointments');
  const { me, client } = usePortal();
  const zone = me.clinic.timeZone;
  const query = useQuery({
    queryKey: portalKeys.appointments(client.id),
    queryFn: () => listPortalAppointments(client.id),
  });
  const [cancelling, setCancelling] = useState<PortalAppointment | null>(null);
  const [thanking, setThanking] = useState<PortalAppointment | null>(null);
  const now = Date.now();
  const items = query.data?.items ?? [];
  const upcoming = items
    .filter((a) => new Date(a.end).getTime() >= now && a.status !== 'cancelled')
    .sort((a, b) => a.start.localeCompare(b.start));
  const past = items.filter((a) => !upcoming.includes(a)).sort((a, b) => b.start.localeCompare(a.start));

  return (
    <>
      <PortalHeading title="Appointments" />
      {query.isPending ? (
        <Skeleton height={140} />
      ) : query.isError ? (
        <ApiErrorAlert error={query.error} title="Your appointments could not be loaded" />
      ) : (
        <Stack gap="xl">
          <Stack gap="sm" component="section" aria-labelledby="upcoming-heading">
            <Group justify="space-between">
              <Title order={2} size="h3" id="upcoming-heading">
                Upcoming
              </Title>
              <Button
                component={Link}
                to="/portal/book"
                variant="light"
                leftSection={<IconCalendarPlus size={16} aria-hidden />}
              >
                Book a visit
              </Button>
            </Group>
            {upcoming.length === 0 ? (
              <Text c="dimmed">No upcoming visits.</Text>
            ) : (
              upcoming.map((a) => (
                <Paper key={a.id} p="md" radius="md" withBorder>
                  <Group justify="space-between" align="flex-start" gap="sm">
                    <Stack gap={2}>
                      <Text fw={700}>{whenIn(a.start, zone)}</Text>
                      <Text size="sm">
                        {a.serviceName ?? 'Visit'} with {a.therapistName}, until {timeIn(a.end, zone)}
                      </Text>
                      <Badge size="sm" variant="light" w="fit-content">
                        {STATUS_LABELS[a.status] ?? a.status}
                      </Badge>
                    </Stack>
                    {a.cancellable ? (
                      <Button
                        variant="default"
                        color="red"
                        onClick={() => setCancelling(a)}
                        aria-label={`Cancel the visit on ${whenIn(a.start, zone)}`}
                      >
                        Cancel
                      </Button>
                    ) : (
                      <Text size="sm" c="dimmed" maw={260}>
                        <IconPhone size={14} aria-hidden style={{ verticalAlign: -2 }} /> To change or cancel
                        this visit, call the clinic{me.clinic.phone ? ` at ${me.clinic.phone}` : ''}.
                      </Text>
                    )}
                  </Group>
                </Paper>
              ))
            )}
            <Text size="xs" c="dimmed">
              Times are the clinic&apos;s local time ({zone.replace(/_/g, ' ')}).
            </Text>
          </Stack>

          <Stack gap="sm" component="section" aria-labelledby="past-heading">
            <Title order={2} size="h3" id="past-heading">
              Past
            </Title>
            {past.length === 0 ? (
              <Text c="dimmed">No past visits yet.</Text>
            ) : (
              past.map((a) => (
                <Paper
                  key={a.id}
                  p="md"
                  radius="md"
                  withBorder
                  bg={a.status === 'cancelled' ? 'gray.0' : undefined}
                >
                  <Group justify="space-between" align="flex-start" gap="sm">
                    <Stack gap={2}>
                      <Text fw={600}>{whenIn(a.start, zone)}</Text>
                      <Text size="sm">
                        {a.serviceName ?? 'Visit'} with {a.therapistName}
                      </Text>
                      <Badge
                        size="sm"
                        variant="light"
                        color={a.status === 'completed' ? 'green' : 'gray'}
                        w="fit-content"
                      >
                        {STATUS_LABELS[a.status] ?? a.status}
                      </Badge>
                    </Stack>
                    {a.status === 'completed' && (
                      <Button
                        variant="subtle"
                        leftSection={<IconMessageHeart size={16} aria-hidden />}
                        onClick={() => setThanking(a)}
                      >
                        Write a testimonial
                      </Button>
                    )}
                  </Group>
                </Paper>
              ))
            )}
          </Stack>
        </Stack>
      )}
      <Modal opened={cancelling !== null} onClose={() => setCancelling(null)} title="Cancel the visit">
        {cancelling && <CancelForm appointment={cancelling} onDone={() => setCancelling(null)} />}
      </Modal>
      <Modal
        opened={thanking !== null}
        onClose={() => setThanking(null)}
        title="Write a testimonial"
        size="lg"
      >
        {thanking && <TestimonialForm onDone={() => setThanking(null)} />}
      </Modal>
    </>
  );
}

function CancelForm({ appointment, onDone }: { appointment: PortalAppointment; onDone: () => void }) {
  const { me, client } = usePortal();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const cancel = useMutation({
    mutationFn: () => cancelPortalAppointment(appointment.id, reason.trim()),
    onSuccess: async () => {
      notifications.show({ color: 'green', message: 'The visit is cancelled. The clinic has been told.' });
      await queryClient.invalidateQueries({ queryKey: portalKeys.appointments(client.id) });
      onDone();
    },
    onError: (e) => setError(fieldErrorsFrom(e).reason ?? ''),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) {
      setError('Tell the clinic why, briefly.');
      return;
    }
    cancel.mutate();
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Cancel the visit">
      <Stack gap="sm">
        <Text size="sm">
          {appointment.serviceName ?? 'Visit'} with {appointment.therapistName},{' '}
          {whenIn(appointment.start, me.clinic.timeZone)}.
        </Text>
        {cancel.isError && !error && (
          <ApiErrorAlert error={cancel.error} title="The visit was not cancelled" />
        )}
        <Textarea
          label="Reason"
          required
          maxLength={300}
          autosize
          minRows={2}
          value={reason}
          onChange={(e) => {
            setReason(e.currentTarget.value);
            setError('');
          }}
          error={error || undefined}
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Keep the visit
          </Button>
          <Button type="submit" color="red" loading={cancel.isPending}>
            Cancel the visit
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function TestimonialForm({ onDone }: { onDone: () => void }) {
  const { client } = usePortal();
  const [text, setText] = useState('');
  const [displayName, setDisplayName] = useState(() => {
    const [first, last] = client.name.split(' ');
    return last ? `${first} ${last[0]}.` : (first ?? '');
  });
  const [consent, setConsent] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const send = useMutation({
    mutationFn: () =>
      submitPortalTestimonial(client.id, {
        text: text.trim(),
        displayName: displayName.trim(),
        consent: true,
      }),
    onSuccess: () => {
      notifications.show({
        color: 'green',
        message: 'Thank you! The clinic will read it before it appears on their page.',
      });
      onDone();
    },
    onError: (e) => setErrors(fieldErrorsFrom(e)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (text.trim().length < 10) found.text = 'Write a sentence or two.';
    if (!displayName.trim()) found.displayName = 'Enter the name to show.';
    if (!consent) found.consent = 'Tick the box to let the clinic show your words on its booking page.';
    setErrors(found);
    if (!Object.keys(found).length) send.mutate();
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Write a testimonial">
      <Stack gap="sm">
        {send.isError && !Object.keys(fieldErrorsFrom(send.error)).length && (
          <ApiErrorAlert error={send.error} title="Not sent" />
        )}
        <Textarea
          label="Your words"
          description="How did the visits help you?"
          required
          autosize
          minRows={3}
          maxLength={1000}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={errors.text}
          data-autofocus
        />
        <TextInput
          label="Name to show"
          description="For example your first name and an initial."
          required
          maxLength={60}
          value={displayName}
          onChange={(e) => setDisplayName(e.currentTarget.value)}
          error={errors.displayName}
        />
        <Checkbox
          label="I agree that the clinic may show these words and this name on its public booking page."
          checked={consent}
          onChange={(e) => setConsent(e.currentTarget.checked)}
          error={errors.consent}
        />
        <Alert color="gray" variant="light" icon={<IconInfoCircle aria-hidden />}>
          The clinic reads every testimonial before it is shown.
        </Alert>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Not now
          </Button>
          <Button type="submit" loading={send.isPending}>
            Send
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

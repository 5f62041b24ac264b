/**
 * Route /calendar/waitlist — clients who want an earlier or another time. When a visit is cancelled, the
 * clients whose window, weekdays and times suit the freed slot are offered it by message ("offered");
 * the desk books the one who answers and marks the entry booked, or removes it.
 */
import { useState, type FormEvent } from 'react';
import {
  Badge,
  Button,
  Chip,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { DateTime } from 'luxon';
import { Link } from 'react-router';
import { errorMessage } from '../../api/http.js';
import {
  addToWaitlist,
  getClinicSettings,
  listServices,
  listTherapists,
  listWaitlist,
  scheduleKeys,
  setWaitlistStatus,
  type WaitlistEntry,
} from '../../api/scheduling.js';
import { useCan } from '../../app/session.js';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { fieldErrorsFrom } from '../../components/form-errors.js';
import { ClientPicker } from './ClientPicker.js';
import { formatDay, formatDayTime, todayIn } from './calendar-time.js';

const WEEKDAYS = [
  [1, 'Mon', 'Monday'],
  [2, 'Tue', 'Tuesday'],
  [3, 'Wed', 'Wednesday'],
  [4, 'Thu', 'Thursday'],
  [5, 'Fri', 'Friday'],
  [6, 'Sat', 'Saturday'],
  [7, 'Sun', 'Sunday'],
] as const;

export function WaitlistPage() {
  const canWrite = useCan('schedule:write');
  const clinic = useQuery({ queryKey: scheduleKeys.clinic, queryFn: getClinicSettings });
  const waitlist = useQuery({ queryKey: scheduleKeys.waitlist, queryFn: listWaitlist });
  const therapists = useQuery({ queryKey: scheduleKeys.therapists, queryFn: listTherapists });
  const zone = clinic.data?.timeZone ?? 'America/New_York';
  const staff = therapists.data?.items ?? [];
  return (
    <>
      <PageHeader
        title="Waitlist"
        description="Clients who want an earlier or another time. When a visit is cancelled, those it suits are offered the slot by message."
        actions={
          <Button
            component={Link}
            to="/calendar"
            variant="default"
            leftSection={<IconArrowLeft size={16} aria-hidden />}
          >
            Calendar
          </Button>
        }
      />
      <Stack gap="lg">
        {canWrite && clinic.data && <AddToWaitlist zone={zone} />}
        {waitlist.isError ? (
          <ApiErrorAlert error={waitlist.error} title="The waitlist could not be loaded" />
        ) : waitlist.isPending ? (
          <Skeleton height={160} />
        ) : waitlist.data.items.length === 0 ? (
          <Text c="dimmed">Nobody is waiting.</Text>
        ) : (
          <WaitlistTable
            items={waitlist.data.items}
            zone={zone}
            therapistName={(id) => staff.find((t) => t.id === id)?.name ?? null}
            canWrite={canWrite}
          />
        )}
      </Stack>
    </>
  );
}

function windowText(entry: WaitlistEntry): string {
  const days =
    entry.weekdays.length === 0 || entry.weekdays.length === 7
      ? 'any day'
      : entry.weekdays.map((d) => WEEKDAYS[d - 1]![1]).join(', ');
  const times =
    entry.fromTime || entry.toTime
      ? `${entry.fromTime ?? 'opening'}–${entry.toTime ?? 'closing'}`
      : 'any time';
  return `${formatDay(entry.earliest)} – ${formatDay(entry.latest)}; ${days}; ${times}`;
}

function WaitlistTable(props: {
  items: WaitlistEntry[];
  zone: string;
  therapistName: (id: string) => string | null;
  canWrite: boolean;
}) {
  const queryClient = useQueryClient();
  const change = useMutation({
    mutationFn: (input: { id: string; status: 'booked' | 'removed' }) =>
      setWaitlistStatus(input.id, input.status),
    onSuccess: async (_result, input) => {
      await queryClient.invalidateQueries({ queryKey: scheduleKeys.waitlist });
      notifications.show({
        color: 'green',
        message: input.status === 'booked' ? 'Marked booked.' : 'Removed from the waitlist.',
      });
    },
    onError: (error) =>
      notifications.show({ color: 'red', title: 'Not changed', message: errorMessage(error) }),
  });
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover aria-label="Clients on the waitlist">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Client</Table.Th>
            <Table.Th>Could come</Table.Th>
            <Table.Th>With</Table.Th>
            <Table.Th>Status</Table.Th>
            {props.canWrite && <Table.Th>Actions</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.items.map((entry) => (
            <Table.Tr key={entry.id}>
              <Table.Td>
                <Link to={`/clients/${entry.clientId}`}>{entry.clientName}</Link>
                {entry.note && (
                  <Text size="xs" c="dimmed">
                    {entry.note}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{windowText(entry)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {entry.therapistId ? (props.therapistName(entry.therapistId) ?? '—') : 'Anyone'}
                </Text>
              </Table.Td>
              <Table.Td>
                {entry.status === 'offered' ? (
                  <Stack gap={2}>
                    <Badge color="orange" variant="light">
                      Offered
                    </Badge>
                    {entry.lastOfferStart && (
                      <Text size="xs" c="dimmed">
                        {formatDayTime(entry.lastOfferStart, props.zone)}
                      </Text>
                    )}
                  </Stack>
                ) : (
                  <Badge color="blue" variant="light">
                    Waiting
                  </Badge>
                )}
              </Table.Td>
              {props.canWrite && (
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Button
                      size="xs"
                      variant="light"
                      onClick={() => change.mutate({ id: entry.id, status: 'booked' })}
                      aria-label={`Mark ${entry.clientName} booked`}
                    >
                      Mark booked
                    </Button>
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      onClick={() => change.mutate({ id: entry.id, status: 'removed' })}
                      aria-label={`Remove ${entry.clientName} from the waitlist`}
                    >
                      Remove
                    </Button>
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function AddToWaitlist({ zone }: { zone: string }) {
  const queryClient = useQueryClient();
  const today = todayIn(zone);
  const therapists = useQuery({ queryKey: scheduleKeys.therapists, queryFn: listTherapists });
  const services = useQuery({ queryKey: scheduleKeys.services(false), queryFn: () => listServices(false) });
  const blank = {
    clientId: null as string | null,
    therapistId: '',
    serviceId: '',
    earliest: today,
    latest: DateTime.fromISO(today).plus({ weeks: 2 }).toISODate()!,
    weekdays: [] as string[],
    fromTime: '',
    toTime: '',
    note: '',
  };
  const [values, setValues] = useState(blank);
  const [formKey, setFormKey] = useState(0);
  const [missing, setMissing] = useState('');
  const add = useMutation({
    mutationFn: () =>
      addToWaitlist({
        clientId: values.clientId!,
        therapistId: values.therapistId || null,
        serviceId: values.serviceId || null,
        earliest: values.earliest,
        latest: values.latest,
        weekdays: values.weekdays.map(Number),
        fromTime: values.fromTime || null,
        toTime: values.toTime || null,
        ...(values.note.trim() ? { note: values.note.trim() } : {}),
      }),
    onSuccess: async () => {
      setValues(blank);
      setFormKey((k) => k + 1);
      await queryClient.invalidateQueries({ queryKey: scheduleKeys.waitlist });
      notifications.show({ color: 'green', message: 'Added to the waitlist.' });
    },
  });
  const errors = fieldErrorsFrom(add.error);
  const set = <K extends keyof typeof blank>(key: K, value: (typeof blank)[K]) =>
    setValues((current) => ({ ...current, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!values.clientId) return setMissing('Choose the client.');
    setMissing('');
    add.mutate();
  };
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} aria-label="Add a client to the waitlist">
        <Stack gap="sm">
          <Text fw={600}>Add a client</Text>
          {add.isError && !Object.keys(errors).length && (
            <ApiErrorAlert error={add.error} title="Not added" />
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <ClientPicker
              key={formKey}
              value={values.clientId}
              onChange={(clientId) => set('clientId', clientId)}
              error={missing || errors.clientId}
            />
            <NativeSelect
              label="Therapist"
              value={values.therapistId}
              onChange={(e) => set('therapistId', e.currentTarget.value)}
              data={[
                { value: '', label: 'Anyone' },
                ...(therapists.data?.items ?? []).map((t) => ({ value: t.id, label: t.name })),
              ]}
            />
            <NativeSelect
              label="Service"
              value={values.serviceId}
              onChange={(e) => set('serviceId', e.currentTarget.value)}
              data={[
                { value: '', label: 'Any' },
                ...(services.data?.items ?? []).map((s) => ({ value: s.id, label: s.name })),
              ]}
            />
            <TextInput
              type="date"
              label="Earliest"
              value={values.earliest}
              onChange={(e) => set('earliest', e.currentTarget.value)}
              required
              error={errors.earliest}
            />
            <TextInput
              type="date"
              label="Latest"
              value={values.latest}
              onChange={(e) => set('latest', e.currentTarget.value)}
              required
              error={errors.latest}
            />
            <Group grow align="flex-start">
              <TextInput
                type="time"
                label="From"
                value={values.fromTime}
                onChange={(e) => set('fromTime', e.currentTarget.value)}
                error={errors.fromTime}
              />
              <TextInput
                type="time"
                label="To"
                value={values.toTime}
                onChange={(e) => set('toTime', e.currentTarget.value)}
                error={errors.toTime}
              />
            </Group>
          </SimpleGrid>
          <Stack gap={4}>
            <Text size="sm" fw={500} id="waitlist-days-label">
              Days (none chosen: any day)
            </Text>
            <Chip.Group multiple value={values.weekdays} onChange={(days) => set('weekdays', days)}>
              <Group gap={6} role="group" aria-labelledby="waitlist-days-label">
                {WEEKDAYS.map(([n, short, long]) => (
                  <Chip key={n} value={String(n)} size="sm" aria-label={long}>
                    {short}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
          </Stack>
          <TextInput
            label="Note"
            value={values.note}
            onChange={(e) => set('note', e.currentTarget.value)}
            maxLength={500}
            error={errors.note}
          />
          <Group>
            <Button type="submit" loading={add.isPending}>
              Add to waitlist
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/**
 * Booking a visit, or a weekly series from the plan of care's frequency ("2×/week for 6 weeks"): the rule
 * is shown in words and can be changed (days, number of visits) before booking. A series books what is
 * free and lists, in plain words, the visits it could not book.
 */
import { useMemo, useState, type FormEvent } from 'react';
import {
  Alert,
  Button,
  Chip,
  Group,
  List,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconCalendarRepeat, IconCircleCheck } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getClinicalOverview, clinicalKeys } from '../../api/clinical.js';
import { searchClients } from '../../api/clients.js';
import { isApiError } from '../../api/http.js';
import {
  bookAppointment,
  getEpisodePlan,
  isSeriesCreated,
  listServices,
  scheduleKeys,
  type BookableStaff,
  type BookingInput,
  type Room,
  type SeriesCreated,
} from '../../api/scheduling.js';
import { useCan } from '../../app/session.js';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.js';
import { fieldErrorsFrom, type FieldErrors } from '../../components/form-errors.js';
import { formatDayTime, formatVisitTime, instantAt, isValidDate, minutesOf } from './calendar-time.js';
import {
  describeRecurrence,
  ruleFromFrequency,
  WEEKDAY_CODES,
  WEEKDAY_LABELS,
  WEEKDAY_NAMES,
  weekdayCode,
  weeklyParts,
  weeklyRule,
  type WeekdayCode,
} from './recurrence.js';

export type BookingDefaults = {
  date: string;
  time: string;
  therapistId?: string | undefined;
  roomId?: string | null | undefined;
  clientId?: string | undefined;
  clientName?: string | undefined;
};

type Props = {
  defaults: BookingDefaults;
  zone: string;
  therapists: BookableStaff[];
  rooms: Room[];
  onClose: () => void;
};

export function BookingModal(props: Props) {
  const [result, setResult] = useState<SeriesCreated | null>(null);
  return (
    <Modal opened onClose={props.onClose} title={result ? 'Series booked' : 'Book a visit'} size="lg">
      {result ? (
        <SeriesResult result={result} zone={props.zone} onClose={props.onClose} />
      ) : (
        <BookingForm {...props} onSeries={setResult} />
      )}
    </Modal>
  );
}

function SeriesResult({
  result,
  zone,
  onClose,
}: {
  result: SeriesCreated;
  zone: string;
  onClose: () => void;
}) {
  const booked = result.items.length;
  const asked = booked + result.conflicts.length;
  return (
    <Stack gap="md">
      <Alert
        color="green"
        variant="light"
        icon={<IconCircleCheck aria-hidden />}
        title="Booked"
        role="status"
      >
        Booked {booked} of {asked} visits: {result.description}.
      </Alert>
      {result.conflicts.length > 0 && (
        <Stack gap={4}>
          <Text fw={600} size="sm">
            {result.conflicts.length === 1
              ? 'One visit could not be booked:'
              : `${result.conflicts.length} visits could not be booked:`}
          </Text>
          <List size="sm" spacing={4}>
            {result.conflicts.map((c) => (
              <List.Item key={c.start}>
                {formatVisitTime(c.start, c.end, zone)}: {c.reason}
              </List.Item>
            ))}
          </List>
          <Text size="xs" c="dimmed">
            Book those on another day or time with "Book".
          </Text>
        </Stack>
      )}
      <Group justify="flex-end">
        <Button onClick={onClose}>Done</Button>
      </Group>
    </Stack>
  );
}

type Values = {
  clientId: string | null;
  therapistId: string | null;
  serviceId: string | null;
  date: string;
  time: string;
  durationMinutes: number | string;
  roomId: string | null;
  episodeId: string | null;
  notes: string;
  repeat: boolean;
  days: WeekdayCode[];
  count: number | string;
};

const PATHS: Record<string, keyof Values> = {
  clientId: 'clientId',
  therapistId: 'therapistId',
  serviceId: 'serviceId',
  start: 'time',
  durationMinutes: 'durationMinutes',
  roomId: 'roomId',
  episodeId: 'episodeId',
  notes: 'notes',
  recurrence: 'days',
};

function BookingForm({
  defaults,
  zone,
  therapists,
  rooms,
  onClose,
  onSeries,
}: Props & {
  onSeries: (result: SeriesCreated) => void;
}) {
  const queryClient = useQueryClient();
  const canSeeEpisodes = useCan('episodes:read');
  const canSeePlan = useCan('clinical:read');
  const [values, setValues] = useState<Values>({
    clientId: defaults.clientId ?? null,
    therapistId: defaults.therapistId ?? therapists[0]?.id ?? null,
    serviceId: null,
    date: defaults.date,
    time: defaults.time,
    durationMinutes: 60,
    roomId: defaults.roomId ?? null,
    episodeId: null,
    notes: '',
    repeat: false,
    days: [weekdayCode(defaults.date)],
    count: 6,
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    setErrors((current) => ({ ...current, [key]: '' }));
  };

  // Clients, searched on the server as the user types.
  const [search, setSearch] = useState(defaults.clientName ?? '');
  const [debounced] = useDebouncedValue(search, 250);
  const [chosenClient, setChosenClient] = useState<{ value: string; label: string } | null>(
    defaults.clientId && defaults.clientName
      ? { value: defaults.clientId, label: defaults.clientName }
      : null,
  );
  const clients = useQuery({
    queryKey: ['clients', 'booking-search', debounced],
    queryFn: ({ signal }) => searchClients({ q: debounced, limit: 10 }, signal),
    enabled: debounced.trim().length >= 2 && debounced !== chosenClient?.label,
  });
  const clientOptions = useMemo(() => {
    const found = (clients.data?.items ?? []).map((c) => ({
      value: c.id,
      label: `${c.preferredName ?? c.givenName} ${c.familyName}`,
      description: c.dateOfBirth,
    }));
    if (chosenClient && !found.some((f) => f.value === chosenClient.value))
      found.unshift({ ...chosenClient, description: '' });
    return found;
  }, [clients.data, chosenClient]);

  const services = useQuery({ queryKey: scheduleKeys.services(false), queryFn: () => listServices(false) });
  const overview = useQuery({
    queryKey: clinicalKeys.overview(values.clientId ?? ''),
    queryFn: () => getClinicalOverview(values.clientId!),
    enabled: canSeeEpisodes && !!values.clientId,
  });
  const episodes = overview.data?.items ?? [];
  const episode = episodes.find((e) => e.episode.id === values.episodeId);
  const plan = useQuery({
    queryKey: ['schedule', 'plan', values.episodeId],
    queryFn: () =>
      getEpisodePlan(values.episodeId!).catch((error: unknown) => {
        if (isApiError(error) && error.status === 404) return null;
        throw error;
      }),
    enabled: canSeePlan && !!values.episodeId,
    retry: false,
  });

  // The plan's frequency, else the newest prescription's.
  const frequency = useMemo(() => {
    if (plan.data?.frequencyPerWeek && plan.data.durationWeeks)
      return { perWeek: plan.data.frequencyPerWeek, weeks: plan.data.durationWeeks, source: 'plan of care' };
    const prescription = [...(episode?.prescriptions ?? [])]
      .sort((a, b) => b.writtenOn.localeCompare(a.writtenOn))
      .find((p) => p.frequencyPerWeek && p.durationWeeks);
    if (prescription)
      return {
        perWeek: prescription.frequencyPerWeek!,
        weeks: prescription.durationWeeks!,
        source: 'prescription',
      };
    return null;
  }, [plan.data, episode]);

  const rule =
    values.repeat && values.days.length > 0 ? weeklyRule(values.days, Number(values.count) || 1) : null;

  const fromPlan = () => {
    if (!frequency) return;
    const parts = weeklyParts(ruleFromFrequency({ ...frequency, firstDate: values.date }));
    setValues((current) => ({ ...current, repeat: true, days: parts.days, count: parts.count }));
    setErrors((current) => ({ ...current, days: '' }));
  };

  const book = useMutation({
    mutationFn: (input: BookingInput) => bookAppointment(input),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: scheduleKeys.all });
      if (isSeriesCreated(result)) {
        onSeries(result);
        return;
      }
      notifications.show({
        color: 'green',
        title: 'Booked',
        message: `${result.clientName}, ${formatDayTime(result.start, zone)} with ${result.therapistName}.`,
      });
      onClose();
    },
    onError: (error) => {
      const fromServer = fieldErrorsFrom(error);
      const mapped: FieldErrors = {};
      for (const [path, message] of Object.entries(fromServer)) mapped[PATHS[path] ?? path] = message;
      setErrors(mapped);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const missing: FieldErrors = {};
    if (!values.clientId) missing.clientId = 'Choose the client.';
    if (!values.therapistId) missing.therapistId = 'Choose the therapist.';
    if (!isValidDate(values.date)) missing.date = 'Enter the date.';
    if (!/^\d{2}:\d{2}$/.test(values.time)) missing.time = 'Enter the time.';
    if (values.repeat && values.days.length === 0) missing.days = 'Choose at least one day of the week.';
    if (Object.keys(missing).length) {
      setErrors(missing);
      return;
    }
    const duration = Number(values.durationMinutes);
    book.mutate({
      clientId: values.clientId!,
      therapistId: values.therapistId!,
      start: instantAt(values.date, minutesOf(values.time), zone),
      ...(Number.isFinite(duration) && duration > 0 ? { durationMinutes: duration } : {}),
      ...(values.serviceId ? { serviceId: values.serviceId } : {}),
      ...(values.episodeId ? { episodeId: values.episodeId } : {}),
      ...(values.roomId ? { roomId: values.roomId } : {}),
      ...(values.notes.trim() ? { notes: values.notes.trim() } : {}),
      ...(rule ? { recurrence: rule } : {}),
    });
  };

  const serviceItems = services.data?.items ?? [];
  const fieldErrors = fieldErrorsFrom(book.error);
  const otherError = book.isError && Object.keys(fieldErrors).length === 0 ? book.error : null;

  return (
    <form onSubmit={submit} aria-label="Book a visit" noValidate>
      <Stack gap="sm">
        {otherError && <ApiErrorAlert error={otherError} title="Not booked" />}
        <Select
          label="Client"
          placeholder="Type a name to search"
          required
          searchable
          searchValue={search}
          onSearchChange={setSearch}
          filter={({ options }) => options}
          data={clientOptions}
          value={values.clientId}
          onChange={(value, option) => {
            set('clientId', value);
            set('episodeId', null);
            setChosenClient(value && option ? { value, label: option.label } : null);
          }}
          nothingFoundMessage={
            debounced.trim().length < 2
              ? 'Type at least two letters'
              : clients.isFetching
                ? 'Searching…'
                : 'No client found'
          }
          error={errors.clientId}
          data-autofocus
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label="Therapist"
            required
            data={therapists.map((t) => ({ value: t.id, label: t.name }))}
            value={values.therapistId}
            onChange={(value) => set('therapistId', value)}
            error={errors.therapistId}
            allowDeselect={false}
          />
          <Select
            label="Service"
            placeholder={serviceItems.length ? 'Choose a service' : 'No services yet'}
            clearable
            data={serviceItems.map((s) => ({ value: s.id, label: `${s.name} (${s.durationMinutes} min)` }))}
            value={values.serviceId}
            onChange={(value) => {
              set('serviceId', value);
              const service = serviceItems.find((s) => s.id === value);
              if (service) set('durationMinutes', service.durationMinutes);
            }}
            error={errors.serviceId}
          />
          <TextInput
            type="date"
            label="Date"
            required
            value={values.date}
            onChange={(event) => set('date', event.currentTarget.value)}
            error={errors.date}
          />
          <TextInput
            type="time"
            label="Start time"
            required
            step={900}
            value={values.time}
            onChange={(event) => set('time', event.currentTarget.value)}
            error={errors.time}
          />
          <NumberInput
            label="Length (minutes)"
            min={5}
            max={480}
            step={15}
            value={values.durationMinutes}
            onChange={(value) => set('durationMinutes', value)}
            error={errors.durationMinutes}
          />
          {rooms.length > 0 && (
            <Select
              label="Room"
              placeholder="No room"
              clearable
              data={rooms.map((r) => ({ value: r.id, label: r.name }))}
              value={values.roomId}
              onChange={(value) => set('roomId', value)}
              error={errors.roomId}
            />
          )}
        </SimpleGrid>
        <Text size="xs" c="dimmed" mt={-4}>
          Date and time are in the clinic's time zone ({zone}).
        </Text>
        {canSeeEpisodes && (
          <Select
            label="Episode of care"
            placeholder={
              !values.clientId
                ? 'Choose the client first'
                : episodes.length
                  ? 'Choose an episode'
                  : 'No episode'
            }
            description="Counts the visit against the prescription (visit n of N)."
            clearable
            disabled={!values.clientId}
            data={episodes.map((e) => ({
              value: e.episode.id,
              label: `${e.episode.title}${e.episode.status === 'open' ? '' : ` (${e.episode.status})`}`,
            }))}
            value={values.episodeId}
            onChange={(value) => set('episodeId', value)}
            error={errors.episodeId}
          />
        )}
        <Textarea
          label="Notes"
          autosize
          minRows={2}
          value={values.notes}
          onChange={(event) => set('notes', event.currentTarget.value)}
          error={errors.notes}
        />

        <Stack gap="xs" p="sm" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}>
          <Group justify="space-between" gap="sm">
            <Switch
              label="Repeat"
              checked={values.repeat}
              onChange={(event) => set('repeat', event.currentTarget.checked)}
            />
            <Button
              size="xs"
              variant="light"
              leftSection={<IconCalendarRepeat size={14} aria-hidden />}
              disabled={!frequency}
              onClick={fromPlan}
              title={frequency ? undefined : 'Choose an episode whose plan or prescription gives a frequency'}
            >
              {frequency
                ? `From the ${frequency.source} (${frequency.perWeek}×/week for ${frequency.weeks} weeks)`
                : 'From the plan'}
            </Button>
          </Group>
          {values.repeat && (
            <>
              <Stack gap={4}>
                <Text size="sm" fw={500} id="repeat-days-label">
                  Days of the week
                </Text>
                <Chip.Group multiple value={values.days} onChange={(value) => set('days', value)}>
                  <Group gap={6} role="group" aria-labelledby="repeat-days-label">
                    {WEEKDAY_CODES.map((code) => (
                      <Chip key={code} value={code} size="sm" aria-label={WEEKDAY_NAMES[code]}>
                        {WEEKDAY_LABELS[code]}
                      </Chip>
                    ))}
                  </Group>
                </Chip.Group>
                {errors.days && (
                  <Text size="xs" c="red.8" role="alert">
                    {errors.days}
                  </Text>
                )}
              </Stack>
              <NumberInput
                label="Number of visits"
                min={1}
                max={104}
                value={values.count}
                onChange={(value) => set('count', value)}
                w={180}
              />
              {rule && (
                <Text size="sm" role="status">
                  Repeats {describeRecurrence(rule)}, from {values.date}.
                </Text>
              )}
            </>
          )}
        </Stack>

        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={book.isPending}>
            {rule ? 'Book series' : 'Book'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

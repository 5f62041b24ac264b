/**
 * Route /calendar/settings — what the calendar is made of: the service menu, rooms and the clinic's
 * scheduling rules (the owner's), working hours (each person's own; the owner sets anyone's) and private
 * calendar feeds for a phone's calendar app.
 */
import { useState } from 'react';
import {
  ActionIcon,
  Badge,
  Button,
  Checkbox,
  CopyButton,
  Group,
  Modal,
  NativeSelect,
  NumberInput,
  Radio,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCopy, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TUpdateClinicRequest } from '../../../modules/clinics/clinics.schemas.js';
import { errorMessage } from '../../api/http.js';
import {
  archiveRoom,
  createFeed,
  createRoom,
  createService,
  getClinicSettings,
  listFeeds,
  listRooms,
  listServices,
  listTherapists,
  putWorkingHours,
  revokeFeed,
  scheduleKeys,
  updateClinicSettings,
  updateService,
  type BookableStaff,
  type CalendarFeedCreated,
  type Clinic,
  type ScheduleService,
  type WorkingInterval,
} from '../../api/scheduling.js';
import { useCan, useSession } from '../../app/session.js';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.js';
import { fieldErrorsFrom, type FieldErrors } from '../../components/form-errors.js';
import { PageHeader } from '../../components/PageHeader.js';
import { Section } from '../../components/Section.js';
import {
  BookingPageSection,
  BookingProfileSection,
  PackagesSection,
  TestimonialsSection,
} from '../booking/BookingSettings.js';
import { formatCents } from './calendar-ui.js';

export function CalendarSettingsPage() {
  const canSetup = useCan('schedule:setup');
  const canManageClinic = useCan('clinic:manage');
  return (
    <>
      <PageHeader
        title="Calendar settings"
        back={{ to: '/calendar', label: 'Calendar' }}
        description="Services, rooms, working hours, the clinic's booking rules, the online booking page and calendar feeds."
      />
      <Stack gap="lg">
        <WorkingHoursSection canSetup={canSetup} />
        {canSetup && <ServicesSection />}
        {canSetup && <RoomsSection />}
        {canSetup && canManageClinic && <ClinicRulesSection />}
        {canSetup && canManageClinic && <BookingPageSection />}
        <BookingProfileSection canSetup={canSetup} />
        {canSetup && <PackagesSection />}
        {canSetup && <TestimonialsSection />}
        <FeedsSection canSetup={canSetup} />
      </Stack>
    </>
  );
}

// — Working hours —

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

function WorkingHoursSection({ canSetup }: { canSetup: boolean }) {
  const { user } = useSession();
  const therapists = useQuery({ queryKey: scheduleKeys.therapists, queryFn: listTherapists });
  const staff = therapists.data?.items ?? [];
  const editable = canSetup ? staff : staff.filter((t) => t.id === user.id);
  const [chosen, setChosen] = useState<string | null>(null);
  const therapist =
    editable.find((t) => t.id === chosen) ?? editable.find((t) => t.id === user.id) ?? editable[0];
  return (
    <Section
      title="Working hours"
      description="Each weekday's hours; breaks are the gaps between them. Outside them the calendar is shaded."
    >
      {therapists.isPending ? (
        <Skeleton height={120} />
      ) : therapists.isError ? (
        <ApiErrorAlert error={therapists.error} title="Working hours could not be loaded" />
      ) : !therapist ? (
        <Text size="sm" c="dimmed">
          Only owners and therapists have working hours.
        </Text>
      ) : (
        <Stack gap="md">
          {editable.length > 1 && (
            <NativeSelect
              label="Therapist"
              value={therapist.id}
              onChange={(event) => setChosen(event.currentTarget.value)}
              data={editable.map((t) => ({ value: t.id, label: t.name }))}
              w={260}
            />
          )}
          <HoursEditor key={therapist.id} therapist={therapist} />
        </Stack>
      )}
    </Section>
  );
}

function HoursEditor({ therapist }: { therapist: BookableStaff }) {
  const queryClient = useQueryClient();
  const [intervals, setIntervals] = useState<WorkingInterval[]>(therapist.intervals);
  const save = useMutation({
    mutationFn: () => putWorkingHours(therapist.id, intervals),
    onSuccess: async () => {
      notifications.show({ color: 'green', message: `Working hours of ${therapist.name} saved.` });
      await queryClient.invalidateQueries({ queryKey: scheduleKeys.therapists });
    },
  });
  const errors = fieldErrorsFrom(save.error);
  const update = (index: number, change: Partial<WorkingInterval>) =>
    setIntervals((current) => current.map((i, n) => (n === index ? { ...i, ...change } : i)));
  return (
    <form
      aria-label={`Working hours of ${therapist.name}`}
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <Stack gap="xs">
        {WEEKDAYS.map((dayName, dayIndex) => {
          const weekday = dayIndex + 1;
          const rows = intervals
            .map((interval, index) => ({ interval, index }))
            .filter((r) => r.interval.weekday === weekday);
          return (
            <Group
              key={dayName}
              gap="sm"
              align="flex-start"
              wrap="wrap"
              py={4}
              style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
            >
              <Text size="sm" fw={600} w={100} pt={6}>
                {dayName}
              </Text>
              <Stack gap={6} style={{ flex: 1, minWidth: 260 }}>
                {rows.length === 0 && (
                  <Text size="sm" c="dimmed" pt={6}>
                    Not working
                  </Text>
                )}
                {rows.map(({ interval, index }, n) => (
                  <Group key={index} gap="xs" wrap="nowrap">
                    <TextInput
                      type="time"
                      step={900}
                      aria-label={`${dayName} from${rows.length > 1 ? ` (${n + 1})` : ''}`}
                      value={interval.startTime}
                      onChange={(event) => update(index, { startTime: event.currentTarget.value })}
                      error={errors[`intervals.${index}.startTime`]}
                      w={130}
                    />
                    <Text size="sm" aria-hidden>
                      to
                    </Text>
                    <TextInput
                      type="time"
                      step={900}
                      aria-label={`${dayName} until${rows.length > 1 ? ` (${n + 1})` : ''}`}
                      value={interval.endTime}
                      onChange={(event) => update(index, { endTime: event.currentTarget.value })}
                      error={errors[`intervals.${index}.endTime`] ?? errors[`intervals.${index}`]}
                      w={130}
                    />
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`Remove ${dayName} ${interval.startTime}–${interval.endTime}`}
                      onClick={() => setIntervals((current) => current.filter((_, i) => i !== index))}
                    >
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  </Group>
                ))}
              </Stack>
              <Button
                size="xs"
                variant="subtle"
                leftSection={<IconPlus size={14} aria-hidden />}
                aria-label={`Add hours on ${dayName}`}
                onClick={() => {
                  const last = rows.at(-1)?.interval;
                  setIntervals((current) => [
                    ...current,
                    last
                      ? {
                          weekday,
                          startTime: last.endTime,
                          endTime: last.endTime < '18:00' ? '18:00' : '20:00',
                        }
                      : { weekday, startTime: '09:00', endTime: '17:00' },
                  ]);
                }}
              >
                Add hours
              </Button>
            </Group>
          );
        })}
        {save.isError && !Object.keys(errors).length && (
          <ApiErrorAlert error={save.error} title="The hours were not saved" />
        )}
        {save.isError && Object.keys(errors).length > 0 && (
          <Text size="sm" c="red.8" role="alert">
            {Object.values(errors)[0]}
          </Text>
        )}
        <Group>
          <Button type="submit" loading={save.isPending}>
            Save working hours
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

// — Services —

function ServicesSection() {
  const query = useQuery({ queryKey: scheduleKeys.services(true), queryFn: () => listServices(true) });
  const [editing, setEditing] = useState<{ service: ScheduleService | null } | null>(null);
  const items = (query.data?.items ?? [])
    .slice()
    .sort((a, b) => Number(a.archived) - Number(b.archived) || a.name.localeCompare(b.name));
  return (
    <Section
      title="Service menu"
      description="What can be booked: length, buffer time after it, price."
      actions={
        <Button
          variant="light"
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() => setEditing({ service: null })}
        >
          Add service
        </Button>
      }
    >
      {query.isPending ? (
        <Skeleton height={80} />
      ) : query.isError ? (
        <ApiErrorAlert error={query.error} title="The services could not be loaded" />
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          No service yet. Add the visits you offer, such as a 60-minute medical massage.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table aria-label="Services">
            <Table.Thead bg="gray.0">
              <Table.Tr>
                <Table.Th>Service</Table.Th>
                <Table.Th>Length</Table.Th>
                <Table.Th>Buffer</Table.Th>
                <Table.Th>Price</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((s) => (
                <Table.Tr key={s.id} style={s.archived ? { opacity: 0.7 } : undefined}>
                  <Table.Td>
                    <Group gap={6}>
                      <Text size="sm" fw={600}>
                        {s.name}
                      </Text>
                      {s.archived && (
                        <Badge size="xs" color="gray" variant="outline">
                          Archived
                        </Badge>
                      )}
                      {s.bookableOnline && (
                        <Badge size="xs" color="blue" variant="light">
                          Online
                        </Badge>
                      )}
                      {s.introductoryOffer && (
                        <Badge size="xs" color="grape" variant="light">
                          Intro offer
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>{s.durationMinutes} min</Table.Td>
                  <Table.Td>{s.bufferMinutes} min</Table.Td>
                  <Table.Td>{formatCents(s.priceCents)}</Table.Td>
                  <Table.Td ta="right">
                    <Button
                      size="xs"
                      variant="default"
                      leftSection={<IconPencil size={14} aria-hidden />}
                      aria-label={`Edit ${s.name}`}
                      onClick={() => setEditing({ service: s })}
                    >
                      Edit
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing?.service ? `Edit ${editing.service.name}` : 'Add a service'}
      >
        {editing && <ServiceForm service={editing.service} onDone={() => setEditing(null)} />}
      </Modal>
    </Section>
  );
}

function ServiceForm({ service, onDone }: { service: ScheduleService | null; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [values, setValues] = useState({
    name: service?.name ?? '',
    description: service?.description ?? '',
    durationMinutes: (service?.durationMinutes ?? 60) as number | string,
    bufferMinutes: (service?.bufferMinutes ?? 0) as number | string,
    price: (service ? service.priceCents / 100 : 0) as number | string,
    bookableOnline: service?.bookableOnline ?? false,
    introductoryOffer: service?.introductoryOffer ?? false,
    archived: service?.archived ?? false,
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = <K extends keyof typeof values>(key: K, value: (typeof values)[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    setErrors((current) => ({ ...current, [key]: '' }));
  };
  const save = useMutation({
    mutationFn: () => {
      const fields = {
        name: values.name.trim(),
        description: values.description.trim() || undefined,
        durationMinutes: Number(values.durationMinutes),
        bufferMinutes: Number(values.bufferMinutes) || 0,
        priceCents: Math.round(Number(values.price) * 100) || 0,
        bookableOnline: values.bookableOnline,
        introductoryOffer: values.introductoryOffer,
      };
      return service
        ? updateService(service.id, { ...fields, version: service.version, archived: values.archived })
        : createService(fields);
    },
    onSuccess: async (saved) => {
      notifications.show({ color: 'green', message: `${saved.name} saved.` });
      await queryClient.invalidateQueries({ queryKey: ['schedule', 'services'] });
      onDone();
    },
    onError: (error) => {
      const fromServer = fieldErrorsFrom(error);
      if (fromServer.priceCents) fromServer.price = fromServer.priceCents;
      setErrors(fromServer);
    },
  });
  const other = save.isError && !Object.keys(fieldErrorsFrom(save.error)).length;
  return (
    <form
      aria-label={service ? `Edit ${service.name}` : 'Add a service'}
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <Stack gap="sm">
        {other && <ApiErrorAlert error={save.error} title="Not saved" />}
        <TextInput
          label="Name"
          required
          value={values.name}
          onChange={(event) => set('name', event.currentTarget.value)}
          error={errors.name}
          data-autofocus
        />
        <TextInput
          label="Description"
          value={values.description}
          onChange={(event) => set('description', event.currentTarget.value)}
          error={errors.description}
        />
        <SimpleGrid cols={3} spacing="sm">
          <NumberInput
            label="Length (minutes)"
            required
            min={5}
            max={480}
            step={15}
            value={values.durationMinutes}
            onChange={(value) => set('durationMinutes', value)}
            error={errors.durationMinutes}
          />
          <NumberInput
            label="Buffer after (minutes)"
            min={0}
            max={120}
            step={5}
            value={values.bufferMinutes}
            onChange={(value) => set('bufferMinutes', value)}
            error={errors.bufferMinutes}
          />
          <NumberInput
            label="Price ($)"
            min={0}
            decimalScale={2}
            value={values.price}
            onChange={(value) => set('price', value)}
            error={errors.price}
          />
        </SimpleGrid>
        <Checkbox
          label="Bookable online"
          checked={values.bookableOnline}
          onChange={(event) => set('bookableOnline', event.currentTarget.checked)}
        />
        <Checkbox
          label="Introductory offer (first visit only)"
          checked={values.introductoryOffer}
          onChange={(event) => set('introductoryOffer', event.currentTarget.checked)}
        />
        {service && (
          <Checkbox
            label="Archived (no longer booked; past visits keep it)"
            checked={values.archived}
            onChange={(event) => set('archived', event.currentTarget.checked)}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            Save service
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

// — Rooms —

function RoomsSection() {
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: scheduleKeys.rooms, queryFn: listRooms });
  const [name, setName] = useState('');
  const add = useMutation({
    mutationFn: () => createRoom(name.trim()),
    onSuccess: async () => {
      setName('');
      await queryClient.invalidateQueries({ queryKey: scheduleKeys.rooms });
    },
  });
  const archive = useMutation({
    mutationFn: (roomId: string) => archiveRoom(roomId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: scheduleKeys.rooms }),
    onError: (error) =>
      notifications.show({ color: 'red', title: 'Not archived', message: errorMessage(error) }),
  });
  const rooms = query.data?.items ?? [];
  return (
    <Section
      title="Rooms"
      description="With rooms, a visit can hold a room too, and the day view can show a column per room."
    >
      <Stack gap="sm">
        {query.isPending ? (
          <Skeleton height={40} />
        ) : query.isError ? (
          <ApiErrorAlert error={query.error} title="The rooms could not be loaded" />
        ) : rooms.length === 0 ? (
          <Text size="sm" c="dimmed">
            No rooms: visits are not tied to a room.
          </Text>
        ) : (
          <Stack gap={4} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {rooms.map((room) => (
              <Group key={room.id} component="li" gap="sm">
                <Text size="sm" fw={500}>
                  {room.name}
                </Text>
                <Button
                  size="xs"
                  variant="subtle"
                  color="red"
                  aria-label={`Archive ${room.name}`}
                  loading={archive.isPending && archive.variables === room.id}
                  onClick={() => archive.mutate(room.id)}
                >
                  Archive
                </Button>
              </Group>
            ))}
          </Stack>
        )}
        <form
          aria-label="Add a room"
          onSubmit={(event) => {
            event.preventDefault();
            if (name.trim()) add.mutate();
          }}
        >
          <Group gap="sm" align="flex-start">
            <TextInput
              label="New room"
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={fieldErrorsFrom(add.error).name ?? (add.isError ? errorMessage(add.error) : undefined)}
              w={240}
            />
            <Button type="submit" mt={25} variant="light" loading={add.isPending}>
              Add room
            </Button>
          </Group>
        </form>
      </Stack>
    </Section>
  );
}

// — The clinic's scheduling rules —

const TIME_ZONES: string[] = (() => {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles', 'UTC'];
  }
})();

function ClinicRulesSection() {
  const query = useQuery({ queryKey: scheduleKeys.clinic, queryFn: getClinicSettings });
  return (
    <Section
      title="Booking rules"
      description="The clinic's time zone, what happens past a prescription, reminders, cancellation fees and re-evaluations."
    >
      {query.isPending ? (
        <Skeleton height={160} />
      ) : query.isError ? (
        <ApiErrorAlert error={query.error} title="The clinic's settings could not be loaded" />
      ) : (
        <ClinicRulesForm clinic={query.data} />
      )}
    </Section>
  );
}

function ClinicRulesForm({ clinic }: { clinic: Clinic }) {
  const queryClient = useQueryClient();
  const [values, setValues] = useState({
    timeZone: clinic.timeZone,
    authorizationPolicy: clinic.authorizationPolicy,
    reminderHoursBefore: clinic.reminderHoursBefore as number | string,
    lateCancelHours: clinic.lateCancelHours as number | string,
    lateCancelFee: (clinic.lateCancelFeeCents / 100) as number | string,
    noShowFee: (clinic.noShowFeeCents / 100) as number | string,
    reEvaluationEveryVisits: clinic.reEvaluationEveryVisits as number | string,
    reEvaluationEveryDays: clinic.reEvaluationEveryDays as number | string,
  });
  const set = <K extends keyof typeof values>(key: K, value: (typeof values)[K]) =>
    setValues((current) => ({ ...current, [key]: value }));
  const save = useMutation({
    mutationFn: () => {
      const input: TUpdateClinicRequest = {
        timeZone: values.timeZone,
        authorizationPolicy: values.authorizationPolicy,
        reminderHoursBefore: Number(values.reminderHoursBefore),
        lateCancelHours: Number(values.lateCancelHours),
        lateCancelFeeCents: Math.round(Number(values.lateCancelFee) * 100),
        noShowFeeCents: Math.round(Number(values.noShowFee) * 100),
        reEvaluationEveryVisits: Number(values.reEvaluationEveryVisits),
        reEvaluationEveryDays: Number(values.reEvaluationEveryDays),
      };
      return updateClinicSettings(input);
    },
    onSuccess: async () => {
      notifications.show({ color: 'green', message: 'Booking rules saved.' });
      await queryClient.invalidateQueries({ queryKey: scheduleKeys.clinic });
      await queryClient.invalidateQueries({ queryKey: scheduleKeys.all });
    },
  });
  const errors = fieldErrorsFrom(save.error);
  return (
    <form
      aria-label="Booking rules"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <Stack gap="md">
        {save.isError && !Object.keys(errors).length && (
          <ApiErrorAlert error={save.error} title="Not saved" />
        )}
        <Select
          label="Time zone"
          description="The calendar shows and books times in this zone."
          searchable
          data={TIME_ZONES}
          value={values.timeZone}
          onChange={(value) => value && set('timeZone', value)}
          allowDeselect={false}
          error={errors.timeZone}
          maw={360}
        />
        <Radio.Group
          label="Booking past the prescription (beyond its visits or after it expires)"
          value={values.authorizationPolicy}
          onChange={(value) => set('authorizationPolicy', value === 'block' ? 'block' : 'warn')}
        >
          <Stack gap={6} mt={6}>
            <Radio value="warn" label="Book it, with a warning" />
            <Radio value="block" label="Refuse to book it" />
          </Stack>
        </Radio.Group>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
          <NumberInput
            label="Reminder (hours before)"
            min={1}
            max={168}
            value={values.reminderHoursBefore}
            onChange={(value) => set('reminderHoursBefore', value)}
            error={errors.reminderHoursBefore}
          />
          <NumberInput
            label="Late cancellation (hours before)"
            min={0}
            max={168}
            value={values.lateCancelHours}
            onChange={(value) => set('lateCancelHours', value)}
            error={errors.lateCancelHours}
          />
          <NumberInput
            label="Late-cancellation fee ($)"
            min={0}
            decimalScale={2}
            value={values.lateCancelFee}
            onChange={(value) => set('lateCancelFee', value)}
            error={errors.lateCancelFeeCents}
          />
          <NumberInput
            label="No-show fee ($)"
            min={0}
            decimalScale={2}
            value={values.noShowFee}
            onChange={(value) => set('noShowFee', value)}
            error={errors.noShowFeeCents}
          />
          <NumberInput
            label="Re-evaluation every (visits)"
            min={1}
            max={100}
            value={values.reEvaluationEveryVisits}
            onChange={(value) => set('reEvaluationEveryVisits', value)}
            error={errors.reEvaluationEveryVisits}
          />
          <NumberInput
            label="Re-evaluation every (days)"
            min={1}
            max={365}
            value={values.reEvaluationEveryDays}
            onChange={(value) => set('reEvaluationEveryDays', value)}
            error={errors.reEvaluationEveryDays}
          />
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={save.isPending}>
            Save booking rules
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

// — Calendar feeds —

function FeedsSection({ canSetup }: { canSetup: boolean }) {
  const { user } = useSession();
  const queryClient = useQueryClient();
  const feeds = useQuery({ queryKey: scheduleKeys.feeds, queryFn: listFeeds });
  const therapists = useQuery({ queryKey: scheduleKeys.therapists, queryFn: listTherapists });
  const staff = (therapists.data?.items ?? []).filter((t) => canSetup || t.id === user.id);
  const [therapistId, setTherapistId] = useState<string | null>(null);
  const chosen = therapistId ?? staff.find((t) => t.id === user.id)?.id ?? staff[0]?.id;
  const [created, setCreated] = useState<CalendarFeedCreated | null>(null);
  const create = useMutation({
    mutationFn: () => createFeed(chosen!),
    onSuccess: async (feed) => {
      setCreated(feed);
      await queryClient.invalidateQueries({ queryKey: scheduleKeys.feeds });
    },
  });
  const revoke = useMutation({
    mutationFn: (feedId: string) => revokeFeed(feedId),
    onSuccess: async (_r, feedId) => {
      if (created?.id === feedId) setCreated(null);
      notifications.show({ color: 'green', message: 'Feed revoked: its address no longer works.' });
      await queryClient.invalidateQueries({ queryKey: scheduleKeys.feeds });
    },
    onError: (error) =>
      notifications.show({ color: 'red', title: 'Not revoked', message: errorMessage(error) }),
  });
  const items = feeds.data?.items ?? [];
  return (
    <Section
      title="Calendar feed"
      description="A private address for a phone's or computer's calendar app. It shows times and client initials only. Anyone with the address can read it: revoke it if it leaks."
    >
      <Stack gap="sm">
        {feeds.isPending ? (
          <Skeleton height={40} />
        ) : feeds.isError ? (
          <ApiErrorAlert error={feeds.error} title="The feeds could not be loaded" />
        ) : items.length === 0 ? (
          <Text size="sm" c="dimmed">
            No calendar feed yet.
          </Text>
        ) : (
          <Stack gap={4} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {items.map((feed) => (
              <Group key={feed.id} component="li" gap="sm" justify="space-between">
                <div>
                  <Text size="sm" fw={500}>
                    {feed.therapistName}
                  </Text>
                  <Text size="xs" c="dimmed">
                    Made {new Date(feed.createdAt).toLocaleDateString()}
                    {feed.lastReadAt
                      ? ` · last read ${new Date(feed.lastReadAt).toLocaleString()}`
                      : ' · not read yet'}
                  </Text>
                </div>
                <Button
                  size="xs"
                  variant="default"
                  color="red"
                  aria-label={`Revoke the feed of ${feed.therapistName}`}
                  loading={revoke.isPending && revoke.variables === feed.id}
                  onClick={() => revoke.mutate(feed.id)}
                >
                  Revoke
                </Button>
              </Group>
            ))}
          </Stack>
        )}
        {created && (
          <Stack gap={4} p="sm" bg="palpa.0" style={{ borderRadius: 8 }}>
            <Text size="sm" fw={600}>
              The new feed's address (shown once; copy it into your calendar app):
            </Text>
            <Group gap="xs" wrap="nowrap">
              <TextInput
                aria-label="Calendar feed address"
                value={created.url}
                readOnly
                style={{ flex: 1 }}
                onFocus={(event) => event.currentTarget.select()}
              />
              <CopyButton value={created.url}>
                {({ copied, copy }) => (
                  <Button
                    variant="light"
                    leftSection={<IconCopy size={16} aria-hidden />}
                    onClick={copy}
                    aria-label="Copy the feed address"
                  >
                    {copied ? 'Copied' : 'Copy'}
                  </Button>
                )}
              </CopyButton>
            </Group>
          </Stack>
        )}
        {staff.length > 0 && (
          <Group gap="sm" align="flex-end">
            {staff.length > 1 && (
              <NativeSelect
                label="Feed of"
                value={chosen}
                onChange={(event) => setTherapistId(event.currentTarget.value)}
                data={staff.map((t) => ({ value: t.id, label: t.name }))}
                w={240}
              />
            )}
            <Button
              variant="light"
              leftSection={<IconPlus size={16} aria-hidden />}
              loading={create.isPending}
              onClick={() => create.mutate()}
            >
              Create calendar feed
            </Button>
          </Group>
        )}
        {create.isError && <ApiErrorAlert error={create.error} title="No feed was made" />}
      </Stack>
    </Section>
  );
}

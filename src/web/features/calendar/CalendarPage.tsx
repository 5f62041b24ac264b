/**
 * Route /calendar — the day or week of the clinic in its own time zone: therapists' (or rooms') columns,
 * visits with "visit n of N" and their warnings, drag or keyboard to move, a click to book, a drawer to
 * check in, cancel or open the note; below, the visits still to document.
 */
import { useEffect, useMemo, useState } from 'react';
import {
  ActionIcon,
  Button,
  Group,
  Modal,
  NativeSelect,
  SegmentedControl,
  Skeleton,
  Stack,
  Switch,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconCalendarOff,
  IconChevronLeft,
  IconChevronRight,
  IconList,
  IconPlus,
  IconSettings,
} from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { DateTime } from 'luxon';
import { Link, useSearchParams } from 'react-router';
import { errorMessage, isApiError } from '../../api/http.js';
import {
  changeAppointment,
  getClinicSettings,
  listAppointments,
  listBlockedTimes,
  listRooms,
  listTherapists,
  scheduleKeys,
  type Appointment,
  type AppointmentChange,
  type SeriesScope,
} from '../../api/scheduling.js';
import { useCan, useSession } from '../../app/session.js';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { AppointmentDrawer } from './AppointmentDrawer.js';
import { BlockedTimeList, BlockTimeModal } from './BlockTime.js';
import { BookingModal, type BookingDefaults } from './BookingModal.js';
import { CalendarGrid, setNowSource, type GridColumn, type GridPlace } from './CalendarGrid.js';
import {
  formatDay,
  formatDayShort,
  formatVisitTime,
  gridHours,
  instantAt,
  isValidDate,
  minutesOf,
  blockDays,
  placeOf,
  stepDate,
  timeOfMinutes,
  todayIn,
  viewDays,
  viewRange,
  weekdayOf,
  type CalendarView,
} from './calendar-time.js';
import { ToDocumentList } from './ToDocumentList.js';

type PendingChange = {
  appointment: Appointment;
  change: AppointmentChange;
  place: GridPlace;
  how: 'drag' | 'keyboard';
};

export function CalendarPage() {
  const { user } = useSession();
  const canWrite = useCan('schedule:write');
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();

  const clinic = useQuery({ queryKey: scheduleKeys.clinic, queryFn: getClinicSettings });
  const therapists = useQuery({ queryKey: scheduleKeys.therapists, queryFn: listTherapists });
  const rooms = useQuery({ queryKey: scheduleKeys.rooms, queryFn: listRooms });
  const zone = clinic.data?.timeZone ?? 'America/New_York';

  const today = todayIn(zone);
  const date = isValidDate(params.get('date')) ? params.get('date')! : today;
  const view: CalendarView = params.get('view') === 'week' ? 'week' : 'day';
  const roomList = rooms.data?.items ?? [];
  const group = params.get('group') === 'room' && roomList.length > 0 ? 'room' : 'therapist';
  const staff = therapists.data?.items ?? [];
  const meBookable = staff.some((t) => t.id === user.id);
  const therapistFilter = params.get('therapist') ?? (meBookable ? user.id : (staff[0]?.id ?? 'all'));
  const showCancelled = params.get('cancelled') === 'true';

  const setParam = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    setParams(next, { replace: true });
  };

  const days = useMemo(() => viewDays(date, view, zone), [date, view, zone]);
  const range = useMemo(() => viewRange(days, zone), [days, zone]);
  const weekTherapist = view === 'week' && therapistFilter !== 'all' ? therapistFilter : undefined;

  const appointments = useQuery({
    queryKey: scheduleKeys.range(range.from, range.to, {
      ...(weekTherapist ? { therapistId: weekTherapist } : {}),
      includeCancelled: showCancelled,
    }),
    queryFn: () =>
      listAppointments({ ...range, therapistId: weekTherapist, includeCancelled: showCancelled }),
    enabled: clinic.isSuccess,
  });
  const blocked = useQuery({
    queryKey: scheduleKeys.blocked(range.from, range.to),
    queryFn: () => listBlockedTimes(range.from, range.to),
    enabled: clinic.isSuccess,
  });

  useEffect(() => {
    setNowSource(() => {
      const now = DateTime.now().setZone(zone);
      return now.hour * 60 + now.minute;
    });
  }, [zone]);

  const [pending, setPending] = useState(new Map<string, GridPlace>());
  const [asking, setAsking] = useState<PendingChange | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [openId, setOpenId] = useState<string | null>(null);
  const [booking, setBooking] = useState<BookingDefaults | null>(null);
  const [blocking, setBlocking] = useState(false);

  const dropPending = (id: string) =>
    setPending((current) => {
      const next = new Map(current);
      next.delete(id);
      return next;
    });

  const save = useMutation({
    mutationFn: (input: PendingChange & { scope?: SeriesScope }) =>
      changeAppointment(input.appointment.id, {
        ...input.change,
        ...(input.scope ? { scope: input.scope } : {}),
      }),
    onSuccess: async (result, input) => {
      await queryClient.invalidateQueries({ queryKey: scheduleKeys.appointments });
      dropPending(input.appointment.id);
      const moved = result.items.find((a) => a.id === input.appointment.id) ?? result.items[0];
      const others = result.items.length - 1;
      const what =
        input.change.durationMinutes !== undefined && input.change.start === undefined
          ? 'Changed the length of'
          : 'Moved';
      // Said once the calendar shows the change, so the next move starts from it.
      setAnnouncement(
        moved
          ? `${what} ${moved.clientName}'s visit: now ${formatVisitTime(moved.start, moved.end, zone)}, with ${moved.therapistName}${others > 0 ? `, and ${others} more in the series` : ''}.`
          : 'Saved.',
      );
    },
    onError: (error, input) => {
      dropPending(input.appointment.id);
      setAnnouncement(`Not moved: ${errorMessage(error)}`);
      notifications.show({
        color: 'red',
        title: isApiError(error) ? error.title : 'The visit was not moved',
        message: errorMessage(error),
        autoClose: 8000,
      });
    },
  });

  const columns: GridColumn[] = useMemo(() => {
    const items = (appointments.data?.items ?? []).filter((a) => showCancelled || a.status !== 'cancelled');
    const placed = items.map((a) => ({ appointment: a, ...placeOf(a.start, a.end, zone) }));
    // A block may span days (a holiday): each day shows its part of it.
    const blocks = (blocked.data?.items ?? []).flatMap((b) =>
      blockDays(b, zone).map((part) => ({ ...b, ...part })),
    );
    const working = (therapistId: string, day: string) => {
      const t = staff.find((s) => s.id === therapistId);
      if (!t) return null;
      return t.intervals
        .filter((i) => i.weekday === weekdayOf(day))
        .map((i) => ({ start: minutesOf(i.startTime), end: minutesOf(i.endTime) }));
    };
    const blockedFor = (day: string, match: (b: (typeof blocks)[number]) => boolean) =>
      blocks
        .filter((b) => b.date === day && match(b))
        .map((b) => ({ id: b.id, start: b.startMinute, end: b.endMinute, reason: b.reason }));
    if (view === 'week') {
      return days.map((day) => ({
        key: day,
        label: formatDayShort(day),
        date: day,
        today: day === today,
        therapistId: weekTherapist ?? null,
        working: weekTherapist ? working(weekTherapist, day) : null,
        blocked: blockedFor(
          day,
          (b) => (b.therapistId === null && b.roomId === null) || b.therapistId === (weekTherapist ?? null),
        ),
        appointments: placed.filter((p) => p.date === day),
      }));
    }
    if (group === 'room') {
      const roomColumns: { id: string | null; name: string }[] = roomList.map((r) => ({
        id: r.id,
        name: r.name,
      }));
      if (placed.some((p) => p.appointment.roomId === null)) roomColumns.push({ id: null, name: 'No room' });
      return roomColumns.map((room) => ({
        key: room.id ?? 'none',
        label: room.name,
        date,
        today: date === today,
        therapistId: null,
        roomId: room.id,
        working: null,
        blocked: blockedFor(
          date,
          (b) => (b.therapistId === null && b.roomId === null) || (room.id !== null && b.roomId === room.id),
        ),
        appointments: placed.filter((p) => p.date === date && p.appointment.roomId === room.id),
      }));
    }
    return staff.map((t) => ({
      key: t.id,
      label: t.name,
      sublabel: t.credentials ?? undefined,
      date,
      today: date === today,
      therapistId: t.id,
      working: working(t.id, date),
      blocked: blockedFor(
        date,
        (b) => (b.therapistId === null && b.roomId === null) || b.therapistId === t.id,
      ),
      appointments: placed.filter((p) => p.date === date && p.appointment.therapistId === t.id),
    }));
  }, [
    appointments.data,
    blocked.data,
    staff,
    roomList,
    view,
    group,
    days,
    date,
    today,
    zone,
    weekTherapist,
    showCancelled,
  ]);

  const hours = useMemo(
    () =>
      gridHours(
        (view === 'week' && weekTherapist ? staff.filter((s) => s.id === weekTherapist) : staff).flatMap(
          (s) => s.intervals,
        ),
        columns.flatMap((c) => c.appointments.map((a) => ({ start: a.startMinute, end: a.endMinute }))),
      ),
    [staff, columns, view, weekTherapist],
  );

  const onMove = (appointment: Appointment, place: GridPlace, how: 'drag' | 'keyboard') => {
    const column = columns[place.columnIndex];
    if (!column) return;
    const home = placeOf(appointment.start, appointment.end, zone);
    const change: AppointmentChange = { version: appointment.version };
    if (column.date !== home.date || place.startMinute !== home.startMinute)
      change.start = instantAt(column.date, place.startMinute, zone);
    if (place.durationMinutes !== appointment.durationMinutes) change.durationMinutes = place.durationMinutes;
    if (
      view === 'day' &&
      group === 'therapist' &&
      column.therapistId &&
      column.therapistId !== appointment.therapistId
    )
      change.therapistId = column.therapistId;
    if (
      view === 'day' &&
      group === 'room' &&
      column.roomId !== undefined &&
      column.roomId !== appointment.roomId
    )
      change.roomId = column.roomId;
    if (Object.keys(change).length === 1) return;
    if (pending.has(appointment.id)) {
      setAnnouncement(`Still saving the last change to ${appointment.clientName}'s visit.`);
      return;
    }
    setPending((current) => new Map(current).set(appointment.id, place));
    const input: PendingChange = { appointment, change, place, how };
    if (appointment.seriesId) setAsking(input);
    else save.mutate(input);
  };

  const rangeLabel =
    view === 'day' ? formatDay(date) : `${formatDay(days[0]!)} – ${formatDay(days[days.length - 1]!)}`;
  const loading = clinic.isPending || therapists.isPending || rooms.isPending;
  const error = clinic.error ?? therapists.error ?? rooms.error ?? appointments.error ?? blocked.error;
  const columnNoun = view === 'week' ? 'day' : group === 'room' ? 'room' : 'therapist';

  return (
    <>
      <PageHeader
        title="Calendar"
        description={`Times are in the clinic's time zone (${zone}).`}
        actions={
          <>
            {canWrite && (
              <Button
                leftSection={<IconPlus size={16} aria-hidden />}
                onClick={() =>
                  setBooking({
                    date,
                    time: '09:00',
                    therapistId: weekTherapist ?? (meBookable ? user.id : undefined),
                  })
                }
              >
                Book
              </Button>
            )}
            {canWrite && (
              <Button
                variant="default"
                leftSection={<IconCalendarOff size={16} aria-hidden />}
                onClick={() => setBlocking(true)}
              >
                Block time
              </Button>
            )}
            <Button
              component={Link}
              to="/calendar/waitlist"
              variant="default"
              leftSection={<IconList size={16} aria-hidden />}
            >
              Waitlist
            </Button>
            {canWrite && (
              <Button
                component={Link}
                to="/calendar/settings"
                variant="default"
                leftSection={<IconSettings size={16} aria-hidden />}
              >
                Calendar settings
              </Button>
            )}
          </>
        }
      />
      <Stack gap="md">
        <Group gap="sm" wrap="wrap" align="flex-end" role="toolbar" aria-label="Calendar view">
          <Group gap={4} wrap="nowrap">
            <Button variant="default" onClick={() => setParam({ date: null })}>
              Today
            </Button>
            <ActionIcon
              variant="default"
              size="lg"
              aria-label={view === 'day' ? 'Previous day' : 'Previous week'}
              onClick={() => setParam({ date: stepDate(date, view, -1) })}
            >
              <IconChevronLeft size={18} aria-hidden />
            </ActionIcon>
            <ActionIcon
              variant="default"
              size="lg"
              aria-label={view === 'day' ? 'Next day' : 'Next week'}
              onClick={() => setParam({ date: stepDate(date, view, 1) })}
            >
              <IconChevronRight size={18} aria-hidden />
            </ActionIcon>
          </Group>
          <TextInput
            type="date"
            label="Date"
            value={date}
            onChange={(event) => {
              if (isValidDate(event.currentTarget.value)) setParam({ date: event.currentTarget.value });
            }}
            w={160}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="calendar-view-label">
              View
            </Text>
            <SegmentedControl
              aria-labelledby="calendar-view-label"
              value={view}
              onChange={(value) => setParam({ view: value === 'week' ? 'week' : null })}
              data={[
                { value: 'day', label: 'Day' },
                { value: 'week', label: 'Week' },
              ]}
            />
          </Stack>
          {view === 'day' && roomList.length > 0 && (
            <Stack gap={4}>
              <Text size="sm" fw={500} id="calendar-group-label">
                Columns
              </Text>
              <SegmentedControl
                aria-labelledby="calendar-group-label"
                value={group}
                onChange={(value) => setParam({ group: value === 'room' ? 'room' : null })}
                data={[
                  { value: 'therapist', label: 'Therapist' },
                  { value: 'room', label: 'Room' },
                ]}
              />
            </Stack>
          )}
          {view === 'week' && (
            <NativeSelect
              label="Therapist"
              value={therapistFilter}
              onChange={(event) => setParam({ therapist: event.currentTarget.value })}
              data={[
                ...staff.map((t) => ({ value: t.id, label: t.id === user.id ? `${t.name} (you)` : t.name })),
                { value: 'all', label: 'Everyone' },
              ]}
              w={200}
            />
          )}
          <Switch
            label="Show cancelled"
            checked={showCancelled}
            onChange={(event) => setParam({ cancelled: event.currentTarget.checked ? 'true' : null })}
            mb={8}
          />
        </Group>

        <Text fw={600} aria-live="polite">
          {rangeLabel}
        </Text>

        {error ? (
          <ApiErrorAlert error={error} title="The calendar could not be loaded" />
        ) : loading ? (
          <Skeleton height={480} />
        ) : staff.length === 0 && view === 'day' && group === 'therapist' ? (
          <Text c="dimmed">
            Nobody can be booked yet: owners and therapists appear here. Set working hours in{' '}
            <Link to="/calendar/settings">Calendar settings</Link>.
          </Text>
        ) : (
          <CalendarGrid
            label={`${view === 'day' ? 'Day' : 'Week'} of ${rangeLabel}`}
            columns={columns}
            hours={hours}
            canWrite={canWrite}
            columnNoun={columnNoun}
            pending={pending}
            onOpen={(a) => setOpenId(a.id)}
            onSlot={(column, minute) =>
              setBooking({
                date: column.date,
                time: timeOfMinutes(minute),
                therapistId: column.therapistId ?? (meBookable ? user.id : undefined),
                roomId: column.roomId ?? undefined,
              })
            }
            onMove={onMove}
          />
        )}
        <VisuallyHidden role="status" aria-live="polite" aria-atomic>
          {announcement}
        </VisuallyHidden>

        <BlockedTimeList
          blocks={blocked.data?.items ?? []}
          zone={zone}
          therapists={staff}
          rooms={roomList}
          canWrite={canWrite}
        />

        {meBookable && <ToDocumentList therapistId={user.id} zone={zone} />}
      </Stack>

      <Modal
        opened={asking !== null}
        onClose={() => {
          if (asking) {
            dropPending(asking.appointment.id);
            setAnnouncement('Not moved.');
          }
          setAsking(null);
        }}
        title="Change a repeating visit"
        size="sm"
      >
        {asking && (
          <Stack gap="sm">
            <Text size="sm">
              {asking.appointment.clientName}'s visit is part of a series. Which visits should change?
            </Text>
            {(
              [
                ['this', 'This visit'],
                ['following', 'This and following'],
                ['all', 'All'],
              ] as const
            ).map(([scope, label]) => (
              <Button
                key={scope}
                variant={scope === 'this' ? 'filled' : 'default'}
                onClick={() => {
                  save.mutate({ ...asking, scope });
                  setAsking(null);
                }}
              >
                {label}
              </Button>
            ))}
          </Stack>
        )}
      </Modal>

      {booking && clinic.data && (
        <BookingModal
          defaults={booking}
          zone={zone}
          therapists={staff}
          rooms={roomList}
          onClose={() => setBooking(null)}
        />
      )}
      {blocking && clinic.data && (
        <BlockTimeModal
          date={date}
          zone={zone}
          therapists={staff}
          rooms={roomList}
          defaultTherapistId={weekTherapist}
          onClose={() => setBlocking(false)}
        />
      )}
      {openId && clinic.data && (
        <AppointmentDrawer appointmentId={openId} clinic={clinic.data} onClose={() => setOpenId(null)} />
      )}
    </>
  );
}

/**
 * Blocked time on the calendar: a dialog to block a therapist, a room or the whole clinic (a meeting, a
 * holiday, a course), and the list of blocks in the shown days, each freed with one button. Blocked time
 * is taken out of online availability and refuses bookings.
 */
import { useState, type FormEvent } from 'react';
import { Button, Group, Modal, NativeSelect, Paper, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { errorMessage } from '../../api/http.js';
import {
  createBlockedTime,
  deleteBlockedTime,
  type BlockedTime,
  type BookableStaff,
  type Room,
} from '../../api/scheduling.js';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.js';
import { fieldErrorsFrom } from '../../components/form-errors.js';
import { formatDayTime, formatTime, instantAt, minutesOf, placeOf } from './calendar-time.js';

export function BlockTimeModal(props: {
  date: string;
  zone: string;
  therapists: BookableStaff[];
  rooms: Room[];
  defaultTherapistId?: string | undefined;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const [who, setWho] = useState(props.defaultTherapistId ? `t:${props.defaultTherapistId}` : 'clinic');
  const [date, setDate] = useState(props.date);
  const [endDate, setEndDate] = useState(props.date);
  const [from, setFrom] = useState('12:00');
  const [to, setTo] = useState('13:00');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState('');
  const save = useMutation({
    mutationFn: () =>
      createBlockedTime({
        therapistId: who.startsWith('t:') ? who.slice(2) : null,
        roomId: who.startsWith('r:') ? who.slice(2) : null,
        start: instantAt(date, minutesOf(from), props.zone),
        end: instantAt(endDate, minutesOf(to), props.zone),
        reason: reason.trim(),
      }),
    onSuccess: async (block) => {
      await queryClient.invalidateQueries({ queryKey: ['schedule', 'blocked'] });
      notifications.show({
        color: 'green',
        message: `Blocked ${formatDayTime(block.start, props.zone)} – ${formatTime(block.end, props.zone)}.`,
      });
      props.onClose();
    },
  });
  const errors = fieldErrorsFrom(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) return setProblem('Say why the time is blocked (staff see it on the calendar).');
    if (`${endDate}T${to}` <= `${date}T${from}`) return setProblem('The end must be after the start.');
    setProblem('');
    save.mutate();
  };
  return (
    <Modal opened onClose={props.onClose} title="Block time" size="md">
      <form onSubmit={submit} aria-label="Block time">
        <Stack gap="sm">
          {save.isError && !Object.keys(errors).length && (
            <ApiErrorAlert error={save.error} title="Not blocked" />
          )}
          <NativeSelect
            label="For"
            value={who}
            onChange={(event) => setWho(event.currentTarget.value)}
            data={[
              { value: 'clinic', label: 'The whole clinic' },
              ...props.therapists.map((t) => ({ value: `t:${t.id}`, label: t.name })),
              ...props.rooms.map((r) => ({ value: `r:${r.id}`, label: `Room: ${r.name}` })),
            ]}
            data-autofocus
          />
          <Group grow align="flex-start">
            <TextInput
              type="date"
              label="From (date)"
              value={date}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setDate(value);
                if (endDate < value) setEndDate(value);
              }}
              required
            />
            <TextInput
              type="time"
              label="From (time)"
              value={from}
              onChange={(e) => setFrom(e.currentTarget.value)}
              required
            />
          </Group>
          <Group grow align="flex-start">
            <TextInput
              type="date"
              label="To (date)"
              value={endDate}
              onChange={(e) => setEndDate(e.currentTarget.value)}
              required
            />
            <TextInput
              type="time"
              label="To (time)"
              value={to}
              onChange={(e) => setTo(e.currentTarget.value)}
              required
              error={errors.end}
            />
          </Group>
          <TextInput
            label="Reason"
            description="Shown to staff on the calendar; never on the booking page."
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            maxLength={200}
            required
            error={errors.reason}
          />
          {problem && (
            <Text size="sm" c="red.8" role="alert">
              {problem}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              Block
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The blocks in the shown days, with who they hold and a button to free each. */
export function BlockedTimeList(props: {
  blocks: BlockedTime[];
  zone: string;
  therapists: BookableStaff[];
  rooms: Room[];
  canWrite: boolean;
}) {
  const queryClient = useQueryClient();
  const free = useMutation({
    mutationFn: deleteBlockedTime,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['schedule', 'blocked'] }),
    onError: (error) =>
      notifications.show({ color: 'red', title: 'Not freed', message: errorMessage(error) }),
  });
  if (props.blocks.length === 0) return null;
  const holder = (b: BlockedTime) =>
    b.therapistId
      ? (props.therapists.find((t) => t.id === b.therapistId)?.name ?? 'A therapist')
      : b.roomId
        ? `Room: ${props.rooms.find((r) => r.id === b.roomId)?.name ?? 'a room'}`
        : 'The whole clinic';
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="blocked-time-heading">
      <Text fw={600} id="blocked-time-heading" mb="xs">
        Blocked time
      </Text>
      <Stack gap={6}>
        {props.blocks.map((b) => {
          const startPlace = placeOf(b.start, b.end, props.zone);
          const sameDay = startPlace.date === placeOf(b.end, b.end, props.zone).date;
          return (
            <Group key={b.id} justify="space-between" wrap="wrap" gap="xs">
              <Text size="sm">
                <strong>{holder(b)}</strong>: {formatDayTime(b.start, props.zone)} –{' '}
                {sameDay ? formatTime(b.end, props.zone) : formatDayTime(b.end, props.zone)} · {b.reason}
              </Text>
              {props.canWrite && (
                <Button
                  size="xs"
                  variant="subtle"
                  color="red"
                  leftSection={<IconTrash size={14} aria-hidden />}
                  loading={free.isPending && free.variables === b.id}
                  onClick={() => free.mutate(b.id)}
                  aria-label={`Free the blocked time of ${holder(b)}, ${formatDayTime(b.start, props.zone)} (${b.reason})`}
                >
                  Free
                </Button>
              )}
            </Group>
          );
        })}
      </Stack>
    </Paper>
  );
}

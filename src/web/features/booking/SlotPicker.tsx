import { useEffect, useMemo, useState, type ReactNode } from 'react';
import {
  Alert,
  Button,
  Group,
  Paper,
  Radio,
  ScrollArea,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { IconChevronLeft, IconChevronRight, IconClock, IconInfoCircle } from '@tabler/icons-react';
import { keepPreviousData, useQuery, type QueryKey } from '@tanstack/react-query';
import { DateTime } from 'luxon';
import type { Slot, SlotQuery } from '../../api/booking.js';
import type { TScheduleService } from '../../../modules/scheduling/scheduling.schemas.js';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.js';
import { formatCents, slotsByDay, stripDays, stripRange, timeIn, zoneName } from './booking-time.js';
import classes from './booking.module.css';

export const ANY_THERAPIST = 'any';

export type PickerTherapist = { id: string; name: string; credentials: string | null };

type Props = {
  zone: string;
  services: TScheduleService[];
  therapists: PickerTherapist[];
  serviceId: string | null;
  onServiceChange: (serviceId: string) => void;
  /** A therapist's id, or ANY_THERAPIST for the first one free. */
  therapistId: string;
  onTherapistChange: (therapistId: string) => void;
  chosen: Slot | null;
  onChoose: (slot: Slot | null) => void;
  loadSlots: (query: SlotQuery) => Promise<{ slots: Slot[] }>;
  slotsKey: (query: SlotQuery) => QueryKey;
  /** Shown above the free times (e.g. "that time was just taken"). */
  notice?: ReactNode;
};

const therapistLabel = (t: PickerTherapist) => (t.credentials ? `${t.name}, ${t.credentials}` : t.name);

/**
 * The booking steps shared by the public page and the portal: a service, a therapist (or the first
 * available), a day from a two-week strip and one of its free times, all in the clinic's time zone.
 */
export function SlotPicker(props: Props) {
  const { zone, services, therapists, serviceId, therapistId, chosen, onChoose } = props;
  const [offset, setOffset] = useState(0);
  const [day, setDay] = useState<string | null>(null);
  const days = useMemo(() => stripDays(zone, offset), [zone, offset]);
  const query: SlotQuery | null = serviceId
    ? {
        serviceId,
        ...stripRange(days, zone),
        ...(therapistId !== ANY_THERAPIST ? { therapistId } : {}),
      }
    : null;
  const slots = useQuery({
    queryKey: query ? props.slotsKey(query) : ['no-slots'],
    queryFn: () => props.loadSlots(query!),
    enabled: query !== null,
    staleTime: 15_000,
    placeholderData: keepPreviousData,
  });
  const byDay = useMemo(() => slotsByDay(slots.data?.slots ?? [], zone), [slots.data, zone]);
  const firstFree = days.find((d) => (byDay.get(d)?.length ?? 0) > 0) ?? null;
  const shownDay = day && days.includes(day) ? day : firstFree;
  const times = shownDay ? (byDay.get(shownDay) ?? []) : [];

  // A time that is no longer offered (taken, or another service or therapist picked) is forgotten.
  useEffect(() => {
    if (!chosen || slots.isFetching || !slots.data) return;
    const stillFree = slots.data.slots.some(
      (s) => s.start === chosen.start && s.therapistId === chosen.therapistId,
    );
    if (!stillFree) onChoose(null);
  }, [chosen, slots.data, slots.isFetching, onChoose]);

  const nameOf = (id: string) => therapists.find((t) => t.id === id)?.name ?? '';

  return (
    <Stack gap="lg">
      <Radio.Group
        label={<StepLabel n={1}>Choose a service</StepLabel>}
        value={serviceId}
        onChange={(value) => {
          props.onServiceChange(value);
          onChoose(null);
        }}
      >
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" mt="xs">
          {services.map((s) => (
            <Radio.Card key={s.id} value={s.id} className={classes.card} p="sm" radius="md">
              <Group wrap="nowrap" align="flex-start" gap="sm">
                <Radio.Indicator mt={2} />
                <div>
                  <Text fw={600} size="sm">
                    {s.name}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {s.durationMinutes} min · {formatCents(s.priceCents)}
                    {s.introductoryOffer ? ' · first visit offer' : ''}
                  </Text>
                </div>
              </Group>
            </Radio.Card>
          ))}
        </SimpleGrid>
      </Radio.Group>

      {therapists.length > 0 && (
        <Radio.Group
          label={<StepLabel n={2}>Choose a therapist</StepLabel>}
          value={therapistId}
          onChange={(value) => {
            props.onTherapistChange(value);
            onChoose(null);
          }}
        >
          <Group gap="sm" mt="xs">
            {[{ id: ANY_THERAPIST, name: 'First available', credentials: null }, ...therapists].map((t) => (
              <Radio.Card key={t.id} value={t.id} className={classes.chip} px="md" py={8} radius="xl">
                <Group wrap="nowrap" gap={8}>
                  <Radio.Indicator size="xs" />
                  <Text size="sm">{therapistLabel(t)}</Text>
                </Group>
              </Radio.Card>
            ))}
          </Group>
        </Radio.Group>
      )}

      <Stack gap="xs">
        <StepLabel n={3} heading>
          Choose a day and time
        </StepLabel>
        <Text size="sm" c="dimmed">
          <IconClock size={14} aria-hidden style={{ verticalAlign: -2 }} /> Times are the clinic&apos;s local
          time: {zoneName(zone)}.
        </Text>
        {!serviceId ? (
          <Text size="sm" c="dimmed">
            Choose a service first to see the free times.
          </Text>
        ) : slots.isError ? (
          <ApiErrorAlert error={slots.error} title="The free times could not be loaded" />
        ) : (
          <>
            <Group gap="xs" wrap="nowrap" align="stretch">
              <Button
                variant="default"
                px={8}
                aria-label="Earlier days"
                disabled={offset === 0}
                onClick={() => {
                  setOffset((o) => Math.max(0, o - 1));
                  setDay(null);
                }}
              >
                <IconChevronLeft size={18} aria-hidden />
              </Button>
              <ScrollArea type="auto" offsetScrollbars style={{ flex: 1 }}>
                <Group gap={6} wrap="nowrap" role="group" aria-label="Days" pb={4}>
                  {days.map((d) => {
                    const count = byDay.get(d)?.length ?? 0;
                    const dt = DateTime.fromISO(d);
                    const selected = d === shownDay;
                    return (
                      <UnstyledButton
                        key={d}
                        className={classes.day}
                        data-selected={selected || undefined}
                        disabled={count === 0}
                        aria-pressed={selected}
                        aria-label={`${dt.toLocaleString({ weekday: 'long', day: 'numeric', month: 'long' })}: ${
                          count === 0 ? 'no free times' : `${count} free time${count === 1 ? '' : 's'}`
                        }`}
                        data-date={d}
                        onClick={() => setDay(d)}
                      >
                        <Text size="xs" tt="uppercase" fw={600} c={selected ? 'white' : 'dimmed'}>
                          {dt.toFormat('ccc')}
                        </Text>
                        <Text fw={700} size="lg" lh={1.2}>
                          {dt.day}
                        </Text>
                        <Text size="xs" c={selected ? 'white' : 'dimmed'}>
                          {dt.toFormat('LLL')}
                        </Text>
                      </UnstyledButton>
                    );
                  })}
                </Group>
              </ScrollArea>
              <Button
                variant="default"
                px={8}
                aria-label="Later days"
                disabled={offset >= 3}
                onClick={() => {
                  setOffset((o) => o + 1);
                  setDay(null);
                }}
              >
                <IconChevronRight size={18} aria-hidden />
              </Button>
            </Group>
            {props.notice}
            {slots.isPending ? (
              <Skeleton height={80} />
            ) : !shownDay ? (
              <Alert color="gray" variant="light" icon={<IconInfoCircle aria-hidden />}>
                No free times in these two weeks
                {therapistId !== ANY_THERAPIST ? ` with ${nameOf(therapistId)}` : ''}. Try later days
                {therapistId !== ANY_THERAPIST ? ' or another therapist' : ''}.
              </Alert>
            ) : (
              <Paper p="sm" withBorder radius="md">
                <Text size="sm" fw={600} mb={6} id="free-times-heading">
                  Free times on {DateTime.fromISO(shownDay).toLocaleString(DateTime.DATE_HUGE)}
                </Text>
                <div className={classes.times} role="group" aria-labelledby="free-times-heading">
                  {times.map((slot) => {
                    const selected = chosen?.start === slot.start && chosen.therapistId === slot.therapistId;
                    return (
                      <Button
                        key={`${slot.therapistId}-${slot.start}`}
                        variant={selected ? 'filled' : 'default'}
                        px={6}
                        aria-pressed={selected}
                        title={therapistId === ANY_THERAPIST ? `With ${nameOf(slot.therapistId)}` : undefined}
                        onClick={() => onChoose(selected ? null : slot)}
                      >
                        {timeIn(slot.start, zone)}
                      </Button>
                    );
                  })}
                </div>
              </Paper>
            )}
          </>
        )}
      </Stack>
    </Stack>
  );
}

function StepLabel({ n, children, heading }: { n: number; children: ReactNode; heading?: boolean }) {
  const content = (
    <Group gap={8} component="span" wrap="nowrap">
      <span className={classes.step} aria-hidden>
        {n}
      </span>
      <span>{children}</span>
    </Group>
  );
  return heading ? (
    <Title order={3} size="h4">
      {content}
    </Title>
  ) : (
    <Text component="span" fw={700} size="lg">
      {content}
    </Text>
  );
}

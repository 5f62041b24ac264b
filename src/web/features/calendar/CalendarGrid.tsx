/**
 * The time grid: 15-minute rows, one column per therapist, room or day. Outside working hours is shaded,
 * blocked time hatched. Each visit is a button: a click (or Enter) opens it, a drag moves it (across
 * columns too), a drag of its bottom edge changes its length; with the keyboard, Alt+arrows move it and
 * Alt+Shift+Up/Down change its length. The page saves the change; this component only proposes it.
 */
import { useLayoutEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { Badge, Box, Group, Text, VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle, IconRepeat } from '@tabler/icons-react';
import { APPOINTMENT_STATUS_LABELS } from '../../../modules/scheduling/domain/appointment.js';
import type { Appointment } from '../../api/scheduling.js';
import {
  formatHour,
  formatMinutes,
  formatMinutesRange,
  layoutLanes,
  PX_PER_MINUTE,
  ROW_PX,
  SLOT_MINUTES,
  snap,
} from './calendar-time.js';
import { appointmentWarnings, STATUS_COLORS } from './calendar-ui.js';

export type PlacedAppointment = { appointment: Appointment; startMinute: number; endMinute: number };

export type GridColumn = {
  key: string;
  label: string;
  sublabel?: string | undefined;
  date: string;
  therapistId: string | null;
  /** undefined: not a room column; null: the "No room" column. */
  roomId?: string | null | undefined;
  /** Working intervals in minutes; null: no shading (rooms, several therapists). */
  working: { start: number; end: number }[] | null;
  blocked: { id: string; start: number; end: number; reason: string }[];
  appointments: PlacedAppointment[];
  today?: boolean;
};

/** Where a visit would go: a column, a start and a length (wall-clock minutes). */
export type GridPlace = { columnIndex: number; startMinute: number; durationMinutes: number };

type Props = {
  columns: GridColumn[];
  hours: { start: number; end: number };
  canWrite: boolean;
  /** What a column is, for the keyboard help ("Alt+Left/Right moves to the previous or next day"). */
  columnNoun: 'day' | 'therapist' | 'room';
  /** Visits being saved, shown where they are going. */
  pending: Map<string, GridPlace>;
  onOpen: (appointment: Appointment) => void;
  onSlot: (column: GridColumn, minute: number) => void;
  onMove: (appointment: Appointment, to: GridPlace, how: 'drag' | 'keyboard') => void;
  label: string;
};

type Drag = {
  id: string;
  mode: 'move' | 'resize';
  x: number;
  y: number;
  from: GridPlace;
  moved: boolean;
};

const AXIS_PX = 60;

export function CalendarGrid(props: Props) {
  const { columns, hours, canWrite, pending, onOpen, onSlot, onMove } = props;
  const columnRefs = useRef<(HTMLDivElement | null)[]>([]);
  const gridRef = useRef<HTMLDivElement>(null);
  const drag = useRef<Drag | null>(null);
  const suppressClick = useRef(false);
  const refocus = useRef<string | null>(null);
  const [preview, setPreview] = useState<{ id: string; place: GridPlace } | null>(null);
  const height = (hours.end - hours.start) * PX_PER_MINUTE;

  // A visit moved by keyboard is drawn anew in its new column: give it the focus back.
  useLayoutEffect(() => {
    const id = refocus.current;
    if (!id) return;
    const active = document.activeElement;
    if (active && active !== document.body) return;
    gridRef.current?.querySelector<HTMLElement>(`[data-appointment-id="${id}"]`)?.focus();
  });

  // Every visit with where it is drawn: its own place, the place being saved, or the drag preview.
  const placed = columns.flatMap((column, columnIndex) =>
    column.appointments.map((p) => ({
      ...p,
      place: {
        columnIndex,
        startMinute: p.startMinute,
        durationMinutes: p.endMinute - p.startMinute,
      },
    })),
  );
  const drawn = placed.map((p) => {
    const place =
      preview?.id === p.appointment.id ? preview.place : (pending.get(p.appointment.id) ?? p.place);
    return { ...p, place, home: p.place };
  });

  const clampPlace = (place: GridPlace): GridPlace => {
    const durationMinutes = Math.max(SLOT_MINUTES, Math.min(place.durationMinutes, hours.end - hours.start));
    const startMinute = Math.max(hours.start, Math.min(place.startMinute, hours.end - durationMinutes));
    const columnIndex = Math.max(0, Math.min(columns.length - 1, place.columnIndex));
    return { columnIndex, startMinute, durationMinutes };
  };

  const columnAt = (x: number, fallback: number): number => {
    const rects = columnRefs.current.map((el) => el?.getBoundingClientRect());
    const index = rects.findIndex((r) => r && x >= r.left && x < r.right);
    if (index !== -1) return index;
    const first = rects[0];
    const last = rects[rects.length - 1];
    if (first && x < first.left) return 0;
    if (last && x >= last.right) return rects.length - 1;
    return fallback;
  };

  const onPointerDown = (event: PointerEvent<HTMLButtonElement>, from: GridPlace, id: string) => {
    if (!canWrite || event.button !== 0) return;
    const mode = (event.target as HTMLElement).dataset.handle === 'resize' ? 'resize' : 'move';
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { id, mode, x: event.clientX, y: event.clientY, from, moved: false };
    refocus.current = null;
  };

  const onPointerMove = (event: PointerEvent<HTMLButtonElement>) => {
    const d = drag.current;
    if (!d) return;
    const dx = event.clientX - d.x;
    const dy = event.clientY - d.y;
    if (!d.moved && Math.abs(dx) < 4 && Math.abs(dy) < 4) return;
    d.moved = true;
    const minutes = snap(dy / PX_PER_MINUTE);
    const place =
      d.mode === 'resize'
        ? clampPlace({ ...d.from, durationMinutes: d.from.durationMinutes + minutes })
        : clampPlace({
            ...d.from,
            columnIndex: columnAt(event.clientX, d.from.columnIndex),
            startMinute: d.from.startMinute + minutes,
          });
    setPreview({ id: d.id, place });
  };

  const onPointerUp = (appointment: Appointment) => {
    const d = drag.current;
    drag.current = null;
    if (!d?.moved) return;
    suppressClick.current = true;
    const place = preview?.id === d.id ? preview.place : d.from;
    setPreview(null);
    const same =
      place.columnIndex === d.from.columnIndex &&
      place.startMinute === d.from.startMinute &&
      place.durationMinutes === d.from.durationMinutes;
    if (!same) onMove(appointment, place, 'drag');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, appointment: Appointment, from: GridPlace) => {
    if (!canWrite || !event.altKey) return;
    let to: GridPlace | null = null;
    if (event.shiftKey && event.key === 'ArrowUp')
      to = { ...from, durationMinutes: from.durationMinutes - SLOT_MINUTES };
    else if (event.shiftKey && event.key === 'ArrowDown')
      to = { ...from, durationMinutes: from.durationMinutes + SLOT_MINUTES };
    else if (event.key === 'ArrowUp') to = { ...from, startMinute: from.startMinute - SLOT_MINUTES };
    else if (event.key === 'ArrowDown') to = { ...from, startMinute: from.startMinute + SLOT_MINUTES };
    else if (event.key === 'ArrowLeft') to = { ...from, columnIndex: from.columnIndex - 1 };
    else if (event.key === 'ArrowRight') to = { ...from, columnIndex: from.columnIndex + 1 };
    if (!to) return;
    event.preventDefault();
    const place = clampPlace(to);
    if (
      place.columnIndex === from.columnIndex &&
      place.startMinute === from.startMinute &&
      place.durationMinutes === from.durationMinutes
    )
      return;
    refocus.current = appointment.id;
    onMove(appointment, place, 'keyboard');
  };

  const hourMarks: number[] = [];
  for (let m = hours.start; m < hours.end; m += 60) hourMarks.push(m);
  const minColumn = columns.length > 1 ? 96 : 200;
  const helpId = 'calendar-keyboard-help';
  const nounPlural = { day: 'day', therapist: 'therapist', room: 'room' }[props.columnNoun];

  return (
    <Box
      ref={gridRef}
      style={{ overflowX: 'auto', border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}
      bg="white"
      role="region"
      aria-label={props.label}
      onFocusCapture={(event) => {
        const id = (event.target as HTMLElement).dataset.appointmentId;
        if (refocus.current && id !== refocus.current) refocus.current = null;
      }}
    >
      <VisuallyHidden id={helpId}>
        {canWrite
          ? `Enter opens the visit. Alt+Up or Alt+Down moves it by 15 minutes, Alt+Left or Alt+Right to the previous or next ${nounPlural}, Alt+Shift+Up or Alt+Shift+Down makes it 15 minutes shorter or longer.`
          : 'Enter opens the visit.'}
      </VisuallyHidden>
      <div
        style={{
          display: 'grid',
          gridTemplateColumns: `${AXIS_PX}px repeat(${columns.length}, minmax(${minColumn}px, 1fr))`,
          minWidth: AXIS_PX + columns.length * minColumn,
        }}
      >
        <div style={{ gridRow: 1, gridColumn: 1, borderBottom: '1px solid var(--mantine-color-gray-3)' }} />
        {columns.map((column, columnIndex) => (
          <Box
            key={`head-${column.key}`}
            px={6}
            py={6}
            style={{
              gridRow: 1,
              gridColumn: columnIndex + 2,
              borderBottom: '1px solid var(--mantine-color-gray-3)',
              borderLeft: '1px solid var(--mantine-color-gray-3)',
              minWidth: 0,
            }}
            bg={column.today ? 'palpa.0' : undefined}
          >
            <Text size="sm" fw={600} truncate="end" title={column.label}>
              {column.label}
            </Text>
            {column.sublabel && (
              <Text size="xs" c="dimmed" truncate="end">
                {column.sublabel}
              </Text>
            )}
          </Box>
        ))}

        <div style={{ gridRow: 2, gridColumn: 1, position: 'relative', height }} aria-hidden>
          {hourMarks.map((m) => (
            <Text
              key={m}
              size="xs"
              c="dimmed"
              ta="right"
              pr={6}
              style={{ position: 'absolute', top: (m - hours.start) * PX_PER_MINUTE - 1, right: 0, left: 0 }}
            >
              {formatHour(m)}
            </Text>
          ))}
        </div>

        {columns.map((column, columnIndex) => {
          return (
            <div
              key={column.key}
              ref={(el) => {
                columnRefs.current[columnIndex] = el;
              }}
              data-column={column.key}
              style={{
                gridRow: 2,
                gridColumn: columnIndex + 2,
                position: 'relative',
                height,
                borderLeft: '1px solid var(--mantine-color-gray-3)',
                background: column.working ? 'var(--mantine-color-gray-1)' : 'white',
                cursor: canWrite ? 'copy' : undefined,
              }}
              onClick={(event) => {
                if (!canWrite || event.target !== event.currentTarget) return;
                const rect = event.currentTarget.getBoundingClientRect();
                const minute =
                  hours.start +
                  Math.floor((event.clientY - rect.top) / PX_PER_MINUTE / SLOT_MINUTES) * SLOT_MINUTES;
                onSlot(column, minute);
              }}
            >
              {column.working?.map((w) => (
                <div
                  key={`w-${w.start}`}
                  aria-hidden
                  style={{
                    position: 'absolute',
                    left: 0,
                    right: 0,
                    top: (Math.max(w.start, hours.start) - hours.start) * PX_PER_MINUTE,
                    height: (Math.min(w.end, hours.end) - Math.max(w.start, hours.start)) * PX_PER_MINUTE,
                    background: 'white',
                    pointerEvents: 'none',
                  }}
                />
              ))}
              <div
                aria-hidden
                style={{
                  position: 'absolute',
                  inset: 0,
                  pointerEvents: 'none',
                  backgroundImage: `repeating-linear-gradient(to bottom, transparent 0, transparent ${ROW_PX * 4 - 1}px, var(--mantine-color-gray-3) ${ROW_PX * 4 - 1}px, var(--mantine-color-gray-3) ${ROW_PX * 4}px), repeating-linear-gradient(to bottom, transparent 0, transparent ${ROW_PX * 2 - 1}px, var(--mantine-color-gray-2) ${ROW_PX * 2 - 1}px, var(--mantine-color-gray-2) ${ROW_PX * 2}px)`,
                }}
              />
              {column.blocked.map((b) => {
                const top = Math.max(b.start, hours.start);
                const bottom = Math.min(b.end, hours.end);
                if (bottom <= top) return null;
                return (
                  <div
                    key={b.id}
                    style={{
                      position: 'absolute',
                      left: 0,
                      right: 0,
                      top: (top - hours.start) * PX_PER_MINUTE,
                      height: (bottom - top) * PX_PER_MINUTE,
                      backgroundImage:
                        'repeating-linear-gradient(135deg, var(--mantine-color-gray-2) 0 6px, var(--mantine-color-gray-4) 6px 8px)',
                      pointerEvents: 'none',
                      overflow: 'hidden',
                      padding: '2px 6px',
                    }}
                  >
                    <Text
                      size="xs"
                      fw={600}
                      c="gray.8"
                      bg="gray.0"
                      px={4}
                      w="fit-content"
                      maw="100%"
                      truncate
                    >
                      Blocked: {b.reason}
                    </Text>
                  </div>
                );
              })}
              {column.today && <NowLine hours={hours} />}
            </div>
          );
        })}
        <div
          style={{
            gridRow: 2,
            gridColumn: `2 / ${columns.length + 2}`,
            position: 'relative',
            pointerEvents: 'none',
          }}
        >
          {/* One flat list keyed by visit: a visit dragged to another column keeps its element (and the
              pointer capture); a nested list per column would mount it anew. */}
          {columns.flatMap((column, columnIndex) => {
            const items = drawn.filter((d) => d.place.columnIndex === columnIndex);
            const lanes = layoutLanes(
              items.map((d) => ({
                id: d.appointment.id,
                startMinute: d.place.startMinute,
                endMinute: d.place.startMinute + d.place.durationMinutes,
              })),
            );
            return items.map((d) => {
              const lane = lanes.get(d.appointment.id) ?? { lane: 0, lanes: 1 };
              const moving = d.place !== d.home;
              return (
                <AppointmentBlock
                  key={d.appointment.id}
                  appointment={d.appointment}
                  place={d.place}
                  columnKey={column.key}
                  columns={columns.length}
                  hours={hours}
                  lane={lane}
                  moving={moving}
                  canWrite={canWrite}
                  describedBy={helpId}
                  onClick={() => {
                    if (suppressClick.current) {
                      suppressClick.current = false;
                      return;
                    }
                    onOpen(d.appointment);
                  }}
                  onPointerDown={(event) => onPointerDown(event, d.home, d.appointment.id)}
                  onPointerMove={onPointerMove}
                  onPointerUp={() => onPointerUp(d.appointment)}
                  onPointerCancel={() => {
                    drag.current = null;
                    setPreview(null);
                  }}
                  onKeyDown={(event) => onKeyDown(event, d.appointment, d.place)}
                />
              );
            });
          })}
        </div>
      </div>
    </Box>
  );
}

/** A red line at the current time in today's column (the clinic's wall clock). */
function NowLine({ hours }: { hours: { start: number; end: number } }) {
  const [, setTick] = useState(0);
  useLayoutEffect(() => {
    const timer = window.setInterval(() => setTick((t) => t + 1), 60_000);
    return () => window.clearInterval(timer);
  }, []);
  const minute = currentMinute();
  if (minute === null || minute < hours.start || minute > hours.end) return null;
  return (
    <div
      aria-hidden
      style={{
        position: 'absolute',
        left: 0,
        right: 0,
        top: (minute - hours.start) * PX_PER_MINUTE,
        borderTop: '2px solid var(--mantine-color-red-6)',
        pointerEvents: 'none',
        zIndex: 2,
      }}
    />
  );
}

let nowMinuteOf: (() => number) | null = null;
/** The page tells the grid what "now" is in the clinic's zone. */
export function setNowSource(source: () => number) {
  nowMinuteOf = source;
}
const currentMinute = () => (nowMinuteOf ? nowMinuteOf() : null);

type BlockProps = {
  appointment: Appointment;
  place: GridPlace;
  columnKey: string;
  columns: number;
  hours: { start: number; end: number };
  lane: { lane: number; lanes: number };
  moving: boolean;
  canWrite: boolean;
  describedBy: string;
  onClick: () => void;
  onPointerDown: (event: PointerEvent<HTMLButtonElement>) => void;
  onPointerMove: (event: PointerEvent<HTMLButtonElement>) => void;
  onPointerUp: () => void;
  onPointerCancel: () => void;
  onKeyDown: (event: KeyboardEvent<HTMLButtonElement>) => void;
};

function AppointmentBlock(props: BlockProps) {
  const { appointment: a, place, hours, lane, moving, canWrite } = props;
  const top = (Math.max(place.startMinute, hours.start) - hours.start) * PX_PER_MINUTE;
  const bottom =
    (Math.min(place.startMinute + place.durationMinutes, hours.end) - hours.start) * PX_PER_MINUTE;
  const color = STATUS_COLORS[a.status];
  const warnings = appointmentWarnings(a);
  const cancelled = a.status === 'cancelled';
  const short = place.durationMinutes <= 30;
  const column = 100 / props.columns;
  const width = column / lane.lanes;
  const left = column * place.columnIndex + width * lane.lane;
  // Narrow blocks (a week, overlapping visits) show the start only; the end is in the accessible name.
  const compact = props.columns * lane.lanes >= 5;
  return (
    <button
      type="button"
      data-appointment-id={a.id}
      data-column={props.columnKey}
      aria-describedby={props.describedBy}
      onClick={props.onClick}
      onPointerDown={props.onPointerDown}
      onPointerMove={props.onPointerMove}
      onPointerUp={props.onPointerUp}
      onPointerCancel={props.onPointerCancel}
      onKeyDown={props.onKeyDown}
      className="calendar-block"
      title={[a.clientName, a.serviceName, a.visit?.label, ...warnings].filter(Boolean).join('\n')}
      style={{
        position: 'absolute',
        top: top + 1,
        height: Math.max(bottom - top - 2, ROW_PX - 2),
        left: `calc(${left}% + 2px)`,
        pointerEvents: 'auto',
        width: `calc(${width}% - 4px)`,
        zIndex: moving ? 5 : 1,
        textAlign: 'left',
        padding: '2px 6px',
        overflow: 'hidden',
        borderRadius: 6,
        border: `1px solid var(--mantine-color-${color}-${cancelled ? 4 : 6})`,
        borderLeft: `4px solid var(--mantine-color-${color}-${cancelled ? 4 : 7})`,
        background: `var(--mantine-color-${color}-0)`,
        color: 'var(--mantine-color-gray-9)',
        boxShadow: moving ? '0 4px 12px rgba(0,0,0,0.2)' : undefined,
        opacity: cancelled ? 0.75 : moving ? 0.9 : 1,
        cursor: canWrite ? 'grab' : 'pointer',
        touchAction: canWrite ? 'none' : undefined,
        font: 'inherit',
      }}
    >
      <Group gap={4} wrap="nowrap" justify="space-between" align="flex-start">
        <Text size="xs" fw={700} lh={1.3} truncate>
          {compact ? (
            <>
              {formatMinutes(place.startMinute)}
              <VisuallyHidden> – {formatMinutes(place.startMinute + place.durationMinutes)}</VisuallyHidden>
            </>
          ) : (
            formatMinutesRange(place.startMinute, place.startMinute + place.durationMinutes)
          )}
          {short && <> · {a.clientName}</>}
        </Text>
        <Group gap={2} wrap="nowrap" style={{ flexShrink: 0 }}>
          {a.seriesId && !compact && (
            <IconRepeat size={13} aria-hidden color="var(--mantine-color-gray-7)" title="Repeating visit" />
          )}
          {warnings.length > 0 && (
            <IconAlertTriangle
              size={14}
              aria-hidden
              color="var(--mantine-color-orange-8)"
              title={warnings.join(' ')}
            />
          )}
        </Group>
      </Group>
      {!short && (
        <Text
          size="sm"
          fw={600}
          lh={1.25}
          lineClamp={2}
          style={cancelled ? { textDecoration: 'line-through' } : undefined}
        >
          {a.clientName}
        </Text>
      )}
      <VisuallyHidden>, </VisuallyHidden>
      <Group gap={4} wrap="wrap" mt={2}>
        <Badge size="xs" color={color} variant="light">
          {APPOINTMENT_STATUS_LABELS[a.status]}
        </Badge>
        {a.visit?.reEvaluationDue && (
          <Badge size="xs" color="grape" variant="light">
            Re-eval due
          </Badge>
        )}
        {a.serviceName && (
          <Text size="xs" lh={1.3} truncate>
            <VisuallyHidden>, </VisuallyHidden>
            {a.serviceName}
          </Text>
        )}
      </Group>
      {a.visit && (
        <Text size="xs" c="gray.7" lh={1.3} mt={2}>
          <VisuallyHidden>, </VisuallyHidden>
          {a.visit.label}
        </Text>
      )}
      {warnings.length > 0 && <VisuallyHidden>. Warnings: {warnings.join(' ')}</VisuallyHidden>}
      {canWrite && !cancelled && (
        <span
          data-handle="resize"
          aria-hidden
          style={{
            position: 'absolute',
            left: 0,
            right: 0,
            bottom: 0,
            height: 7,
            cursor: 'ns-resize',
          }}
        />
      )}
    </button>
  );
}

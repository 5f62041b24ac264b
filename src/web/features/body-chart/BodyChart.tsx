import { useId, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import {
  ActionIcon,
  Badge,
  Box,
  Button,
  Group,
  Modal,
  Radio,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import {
  BODY_REGIONS,
  BODY_VIEW_LABELS,
  BODY_VIEWS,
  compareMarks,
  countChanges,
  describeMark,
  MARK_CHANGE_LABELS,
  MARK_CHANGES,
  MARK_INTENSITY,
  MARK_INTENSITY_LABELS,
  MARK_TYPE_LABELS,
  MARK_TYPES,
  regionById,
  regionLabel,
  type BodyChartMark,
  type BodyView,
  type MarkChange,
  type MarkIntensity,
  type MarkType,
} from '../../../modules/assessments/domain/body-regions.js';
import {
  BODY_CHART_HEIGHT,
  BODY_CHART_WIDTH,
  BODY_DETAILS,
  BODY_OUTLINE,
  REGION_SHAPES,
  type RegionShape,
} from './body-chart-paths.js';

export type BodyChartProps = {
  marks: BodyChartMark[];
  /** Called with the whole new list after every add, edit or delete. Without it the chart is read-only. */
  onChange?: (marks: BodyChartMark[]) => void;
  readOnly?: boolean;
  /** The previous visit's marks: drawn faintly under the current ones, and compared in a summary. */
  compareWith?: BodyChartMark[];
};

/**
 * The palpation body chart: front and back views cut into named regions, on which the therapist places marks
 * (trigger points, tenderness, …). Every region and mark is a keyboard target, and the table under the chart
 * lists every mark with its edit and delete buttons, so the chart works without a pointer or without sight.
 */
export function BodyChart({ marks, onChange, readOnly = false, compareWith }: BodyChartProps) {
  const editable = !readOnly && onChange !== undefined;
  const [draft, setDraft] = useState<Draft | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const listHeading = useRef<HTMLHeadingElement>(null);
  const root = useRef<HTMLDivElement>(null);
  /** Where the focus goes once the form has closed, when the element that opened it is gone. */
  const focusAfterClose = useRef<HTMLElement | SVGElement | null>(null);

  const sorted = useMemo(() => sortMarks(marks), [marks]);

  const save = (mark: BodyChartMark) => {
    if (!onChange) return;
    const exists = marks.some((m) => m.id === mark.id);
    onChange(exists ? marks.map((m) => (m.id === mark.id ? mark : m)) : [...marks, mark]);
    setAnnouncement(`${exists ? 'Mark updated' : 'Mark added'}: ${describeMark(mark)}.`);
    setDraft(null);
  };

  const remove = (mark: BodyChartMark, focusList: boolean) => {
    if (!onChange) return;
    onChange(marks.filter((m) => m.id !== mark.id));
    setAnnouncement(`Mark deleted: ${describeMark(mark)}.`);
    setDraft(null);
    if (focusList) listHeading.current?.focus();
    else {
      // The deleted mark opened the form: return to its region instead.
      focusAfterClose.current =
        root.current?.querySelector<SVGElement>(`[data-region-id="${CSS.escape(mark.regionId)}"]`) ?? null;
    }
  };

  return (
    <Stack gap="lg" ref={root}>
      <style>{CHART_CSS}</style>
      {editable && (
        <Text size="sm" c="dimmed">
          Click a region to place a mark there, or Tab to a region and press Enter. Click or press Enter on a
          mark to change or delete it.
        </Text>
      )}
      <SimpleGrid type="container" cols={{ base: 1, '560px': 2 }} spacing="md">
        {BODY_VIEWS.map((view) => (
          <ChartView
            key={view}
            view={view}
            marks={marks.filter((m) => m.view === view)}
            previous={compareWith?.filter((m) => m.view === view) ?? []}
            editable={editable}
            pending={draft?.mark.view === view ? draft.mark : undefined}
            onPlace={(regionId, x, y) =>
              setDraft({ mark: { ...NEW_MARK, id: newMarkId(), view, regionId, x, y }, isNew: true })
            }
            onOpen={(mark) => setDraft({ mark, isNew: false })}
          />
        ))}
      </SimpleGrid>

      <Legend withPrevious={compareWith !== undefined} />

      {compareWith && <ComparisonSummary before={compareWith} after={marks} />}

      <Stack gap="xs">
        <Title order={3} ref={listHeading} tabIndex={-1} style={{ outline: 'none' }}>
          Marks ({marks.length})
        </Title>
        {sorted.length === 0 ? (
          <Text size="sm" c="dimmed">
            {editable ? 'No marks yet.' : 'No marks were recorded.'}
          </Text>
        ) : (
          <MarkTable
            marks={sorted}
            editable={editable}
            onEdit={(mark) => setDraft({ mark, isNew: false })}
            onDelete={(mark) => remove(mark, true)}
          />
        )}
      </Stack>

      <VisuallyHidden aria-live="polite" role="status">
        {announcement}
      </VisuallyHidden>

      {editable && (
        <Modal
          opened={draft !== null}
          onClose={() => setDraft(null)}
          title={draft?.isNew ? 'Add a mark' : 'Edit mark'}
          size="md"
          centered
          onExitTransitionEnd={() => {
            focusAfterClose.current?.focus();
            focusAfterClose.current = null;
          }}
        >
          {draft && (
            <MarkForm
              key={draft.mark.id}
              draft={draft}
              onSave={save}
              onCancel={() => setDraft(null)}
              onDelete={() => remove(draft.mark, false)}
            />
          )}
        </Modal>
      )}
    </Stack>
  );
}

type Draft = { mark: BodyChartMark; isNew: boolean };

const NEW_MARK = { type: 'trigger_point', intensity: 2 } as const satisfies Partial<BodyChartMark>;

/** crypto.randomUUID needs a secure context; a clinic's LAN install may be served over plain HTTP. */
function newMarkId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...b].map((n) => n.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const REGION_ORDER = new Map<string, number>(BODY_REGIONS.map((r, index) => [r.id, index]));

function sortMarks(marks: BodyChartMark[]): BodyChartMark[] {
  const order = (m: BodyChartMark) => REGION_ORDER.get(m.regionId) ?? Number.MAX_SAFE_INTEGER;
  return [...marks].sort(
    (a, b) =>
      order(a) - order(b) ||
      MARK_TYPES.indexOf(a.type) - MARK_TYPES.indexOf(b.type) ||
      b.intensity - a.intensity,
  );
}

const shapeOf = (regionId: string): RegionShape | undefined =>
  (REGION_SHAPES as Readonly<Record<string, RegionShape | undefined>>)[regionId];

/* ---------------------------------------------------------------------------------------------------------
 * One view of the figure.
 * ------------------------------------------------------------------------------------------------------- */

const ORIENTATION: Record<BodyView, { left: string; right: string; description: string }> = {
  front: { left: 'R', right: 'L', description: "the client's right side is on the left" },
  back: { left: 'L', right: 'R', description: "the client's left side is on the left" },
};

function ChartView({
  view,
  marks,
  previous,
  editable,
  pending,
  onPlace,
  onOpen,
}: {
  view: BodyView;
  marks: BodyChartMark[];
  previous: BodyChartMark[];
  editable: boolean;
  /** The mark the form is open for: ringed, so the therapist sees where it goes. */
  pending: BodyChartMark | undefined;
  onPlace: (regionId: string, x: number, y: number) => void;
  onOpen: (mark: BodyChartMark) => void;
}) {
  const titleId = useId();
  const [focused, setFocused] = useState<string | null>(null);
  const [hovered, setHovered] = useState<string | null>(null);
  const regionElements = useRef(new Map<string, SVGPathElement>());
  const regions = BODY_REGIONS.filter((r) => r.view === view);
  const marked = new Set(marks.map((m) => m.regionId));
  const orientation = ORIENTATION[view];

  const placeAtPointer = (regionId: string, event: MouseEvent<SVGPathElement>) => {
    const matrix = event.currentTarget.ownerSVGElement?.getScreenCTM();
    if (!matrix) return;
    const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
    onPlace(regionId, clamp01(point.x / BODY_CHART_WIDTH), clamp01(point.y / BODY_CHART_HEIGHT));
  };

  /** Keyboard placement: the region's anchor, moved aside when a mark already sits there. */
  const placeAtAnchor = (regionId: string, shape: RegionShape) => {
    const [x, y] = freeSpot(shape, regionElements.current.get(regionId), marks);
    onPlace(regionId, x / BODY_CHART_WIDTH, y / BODY_CHART_HEIGHT);
  };

  const onRegionKey = (regionId: string, shape: RegionShape, event: KeyboardEvent<SVGPathElement>) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    placeAtAnchor(regionId, shape);
  };

  const onMarkKey = (mark: BodyChartMark, event: KeyboardEvent<SVGGElement>) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    onOpen(mark);
  };

  const highlight = (id: string | null, strong: boolean) => {
    const shape = id ? shapeOf(id) : undefined;
    if (!shape) return null;
    return (
      <path
        d={shape.d}
        fill="none"
        pointerEvents="none"
        strokeLinejoin="round"
        style={{
          stroke: strong ? 'var(--mantine-primary-color-filled)' : 'var(--mantine-color-palpa-4)',
          strokeWidth: strong ? 1.6 : 1,
        }}
      />
    );
  };

  return (
    <Stack gap={4} align="center">
      <Group justify="space-between" w="100%" maw={CHART_MAX_WIDTH} px={4} aria-hidden>
        <Text size="sm" fw={700} c="dimmed">
          {orientation.left}
        </Text>
        <Text fw={650}>{BODY_VIEW_LABELS[view]}</Text>
        <Text size="sm" fw={700} c="dimmed">
          {orientation.right}
        </Text>
      </Group>
      <VisuallyHidden id={titleId}>
        {BODY_VIEW_LABELS[view]} view: {orientation.description}.
        {editable ? '' : ` ${marks.length} ${marks.length === 1 ? 'mark' : 'marks'}, listed below.`}
      </VisuallyHidden>
      <svg
        viewBox={`0 0 ${BODY_CHART_WIDTH} ${BODY_CHART_HEIGHT}`}
        role={editable ? 'group' : 'img'}
        aria-labelledby={titleId}
        className={editable ? 'palpa-bc-svg palpa-bc-editable' : 'palpa-bc-svg'}
        style={{ width: '100%', maxWidth: CHART_MAX_WIDTH, height: 'auto', display: 'block' }}
      >
        <g>
          {regions.map((region) => {
            const shape = REGION_SHAPES[region.id];
            return (
              <path
                key={region.id}
                ref={(el) => {
                  if (el) regionElements.current.set(region.id, el);
                  else regionElements.current.delete(region.id);
                }}
                d={shape.d}
                data-region-id={region.id}
                className="palpa-bc-region"
                data-marked={marked.has(region.id) || undefined}
                {...(editable
                  ? {
                      tabIndex: 0,
                      role: 'button',
                      'aria-label': region.label,
                      onClick: (event: MouseEvent<SVGPathElement>) => placeAtPointer(region.id, event),
                      onKeyDown: (event: KeyboardEvent<SVGPathElement>) =>
                        onRegionKey(region.id, shape, event),
                      onFocus: () => setFocused(region.id),
                      onBlur: () => setFocused((f) => (f === region.id ? null : f)),
                    }
                  : {})}
                onMouseEnter={() => setHovered(region.id)}
                onMouseLeave={() => setHovered((h) => (h === region.id ? null : h))}
              >
                <title>{region.label}</title>
              </path>
            );
          })}
        </g>
        <path d={BODY_OUTLINE[view]} className="palpa-bc-outline" pointerEvents="none" />
        <path d={BODY_DETAILS[view]} className="palpa-bc-detail" pointerEvents="none" />
        {hovered !== focused && highlight(hovered, false)}
        {highlight(focused, true)}

        <g pointerEvents="none" aria-hidden>
          {previous.map((mark) => (
            <MarkGlyph
              key={mark.id}
              type={mark.type}
              intensity={mark.intensity}
              cx={mark.x * BODY_CHART_WIDTH}
              cy={mark.y * BODY_CHART_HEIGHT}
              previous
            />
          ))}
        </g>

        <g>
          {sortMarks(marks).map((mark) => {
            const cx = mark.x * BODY_CHART_WIDTH;
            const cy = mark.y * BODY_CHART_HEIGHT;
            const label = describeMark(mark);
            return (
              <g
                key={mark.id}
                className="palpa-bc-mark"
                {...(editable
                  ? {
                      tabIndex: 0,
                      role: 'button',
                      'aria-label': `Edit mark: ${label}`,
                      onClick: () => onOpen(mark),
                      onKeyDown: (event: KeyboardEvent<SVGGElement>) => onMarkKey(mark, event),
                    }
                  : { 'aria-hidden': true })}
              >
                <title>{label}</title>
                <circle
                  className="palpa-bc-ring"
                  cx={cx}
                  cy={cy}
                  r={GLYPH_RADIUS[mark.intensity] + 3}
                  fill="none"
                />
                <MarkGlyph type={mark.type} intensity={mark.intensity} cx={cx} cy={cy} />
              </g>
            );
          })}
        </g>
        {pending && (
          <circle
            cx={pending.x * BODY_CHART_WIDTH}
            cy={pending.y * BODY_CHART_HEIGHT}
            r={GLYPH_RADIUS[pending.intensity] + 4}
            fill="none"
            strokeWidth={1.4}
            strokeDasharray="2.4 1.6"
            pointerEvents="none"
            aria-hidden
            style={{ stroke: 'var(--mantine-primary-color-filled)' }}
          />
        )}
      </svg>
    </Stack>
  );
}

const CHART_MAX_WIDTH = 290;

const clamp01 = (n: number) => Math.min(1, Math.max(0, n));

/** Where a keyboard-placed mark goes: the anchor, or the nearest spot in the region not already taken. */
function freeSpot(
  shape: RegionShape,
  element: SVGPathElement | undefined,
  marks: BodyChartMark[],
): [number, number] {
  const [ax, ay] = shape.anchor;
  const taken = marks.map((m) => [m.x * BODY_CHART_WIDTH, m.y * BODY_CHART_HEIGHT] as const);
  const isFree = (x: number, y: number) => taken.every(([tx, ty]) => Math.hypot(tx - x, ty - y) >= 8);
  const inside = (x: number, y: number) =>
    !element || typeof element.isPointInFill !== 'function' || element.isPointInFill(new DOMPoint(x, y));
  for (const distance of [0, 7, 12, 17, 22]) {
    const steps = distance === 0 ? 1 : 8;
    for (let step = 0; step < steps; step++) {
      const angle = (step / steps) * 2 * Math.PI - Math.PI / 2;
      const x = ax + distance * Math.cos(angle);
      const y = ay + distance * Math.sin(angle);
      if (isFree(x, y) && inside(x, y)) return [x, y];
    }
  }
  return [ax, ay];
}

/* ---------------------------------------------------------------------------------------------------------
 * Mark symbols: each kind differs in shape AND colour (Okabe–Ito colours, safe for colour-blind readers);
 * intensity sets the size and strength.
 * ------------------------------------------------------------------------------------------------------- */

const GLYPH_STYLE: Record<MarkType, { fill: string; stroke: string }> = {
  trigger_point: { fill: '#D55E00', stroke: '#7A3600' },
  tenderness: { fill: '#FFFFFF', stroke: '#0072B2' },
  hypertonicity: { fill: '#CC79A7', stroke: '#75315B' },
  adhesion: { fill: '#009E73', stroke: '#00563F' },
  edema: { fill: '#56B4E9', stroke: '#1B5F8A' },
  pain: { fill: '#E69F00', stroke: '#7A5200' },
};

const GLYPH_RADIUS: Record<MarkIntensity, number> = { 1: 4.2, 2: 5.4, 3: 6.8 };
const GLYPH_OPACITY: Record<MarkIntensity, number> = { 1: 0.8, 2: 0.92, 3: 1 };

const MARK_SHAPE_NAMES: Record<MarkType, string> = {
  trigger_point: 'filled circle with a cross',
  tenderness: 'open circle',
  hypertonicity: 'triangle',
  adhesion: 'square',
  edema: 'diamond',
  pain: 'star',
};

function glyphPath(type: MarkType, cx: number, cy: number, r: number): string | null {
  const p = (points: [number, number][]) =>
    `M${points.map(([x, y]) => `${(cx + x * r).toFixed(2)} ${(cy + y * r).toFixed(2)}`).join(' ')}Z`;
  switch (type) {
    case 'hypertonicity':
      return p([
        [0, -1.2],
        [1.1, 0.8],
        [-1.1, 0.8],
      ]);
    case 'adhesion':
      return p([
        [-0.88, -0.88],
        [0.88, -0.88],
        [0.88, 0.88],
        [-0.88, 0.88],
      ]);
    case 'edema':
      return p([
        [0, -1.25],
        [1.1, 0],
        [0, 1.25],
        [-1.1, 0],
      ]);
    case 'pain':
      return p(
        Array.from({ length: 10 }, (_, i) => {
          const radius = i % 2 === 0 ? 1.3 : 0.55;
          const angle = (i * Math.PI) / 5 - Math.PI / 2;
          return [radius * Math.cos(angle), radius * Math.sin(angle)] as [number, number];
        }),
      );
    default:
      return null; // circles
  }
}

function MarkGlyph({
  type,
  intensity,
  cx,
  cy,
  previous = false,
}: {
  type: MarkType;
  intensity: MarkIntensity;
  cx: number;
  cy: number;
  previous?: boolean;
}) {
  const r = GLYPH_RADIUS[intensity];
  const d = glyphPath(type, cx, cy, r);
  const { fill, stroke } = GLYPH_STYLE[type];
  const shape = (props: Record<string, string | number>) =>
    d ? <path d={d} {...props} /> : <circle cx={cx} cy={cy} r={r} {...props} />;

  if (previous) {
    return (
      <g>
        {shape({ fill: 'none', stroke: '#868E96', strokeWidth: 0.8, strokeDasharray: '1.6 1.1' })}
        {type === 'trigger_point' && cross(cx, cy, r, '#868E96', 0.7)}
      </g>
    );
  }
  return (
    <g opacity={GLYPH_OPACITY[intensity]}>
      {shape({ fill: 'none', stroke: '#FFFFFF', strokeWidth: 2.4, strokeLinejoin: 'round' })}
      {shape({
        fill,
        stroke,
        strokeWidth: type === 'tenderness' ? r * 0.42 : 0.7,
        strokeLinejoin: 'round',
      })}
      {type === 'trigger_point' && cross(cx, cy, r, '#FFFFFF', r * 0.26)}
    </g>
  );
}

function cross(cx: number, cy: number, r: number, color: string, width: number) {
  const k = r * 0.5;
  return (
    <path
      d={`M${cx - k} ${cy - k}L${cx + k} ${cy + k}M${cx + k} ${cy - k}L${cx - k} ${cy + k}`}
      stroke={color}
      strokeWidth={width}
      strokeLinecap="round"
    />
  );
}

/** A mark symbol as a small inline picture, for the legend, the form and the table. */
function GlyphIcon({
  type,
  intensity = 2,
  previous = false,
  size = 18,
}: {
  type: MarkType;
  intensity?: MarkIntensity;
  previous?: boolean;
  size?: number;
}) {
  return (
    <svg width={size} height={size} viewBox="-8 -8 16 16" aria-hidden style={{ flex: 'none' }}>
      <MarkGlyph type={type} intensity={intensity} cx={0} cy={0} previous={previous} />
    </svg>
  );
}

function Legend({ withPrevious }: { withPrevious: boolean }) {
  return (
    <Box component="section" aria-label="Legend">
      <Group gap="md" justify="center" style={{ rowGap: 6 }}>
        {MARK_TYPES.map((type) => (
          <Group key={type} gap={6} wrap="nowrap">
            <GlyphIcon type={type} />
            <Text size="sm">
              {MARK_TYPE_LABELS[type]}
              <VisuallyHidden>: {MARK_SHAPE_NAMES[type]}</VisuallyHidden>
            </Text>
          </Group>
        ))}
      </Group>
      <Group gap="md" justify="center" mt={6} style={{ rowGap: 6 }}>
        {MARK_INTENSITY.map((intensity) => (
          <Group key={intensity} gap={4} wrap="nowrap">
            <GlyphIcon type="tenderness" intensity={intensity} />
            <Text size="sm" c="dimmed">
              {MARK_INTENSITY_LABELS[intensity]}
            </Text>
          </Group>
        ))}
        <Text size="sm" c="dimmed">
          (bigger is more severe)
        </Text>
        {withPrevious && (
          <Group gap={4} wrap="nowrap">
            <GlyphIcon type="tenderness" previous />
            <Text size="sm" c="dimmed">
              Previous visit (grey, dashed)
            </Text>
          </Group>
        )}
      </Group>
    </Box>
  );
}

/* ---------------------------------------------------------------------------------------------------------
 * The list of marks, and the comparison with the previous visit.
 * ------------------------------------------------------------------------------------------------------- */

function MarkTable({
  marks,
  editable,
  onEdit,
  onDelete,
}: {
  marks: BodyChartMark[];
  editable: boolean;
  onEdit: (mark: BodyChartMark) => void;
  onDelete: (mark: BodyChartMark) => void;
}) {
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table aria-label="Marks on the body chart" verticalSpacing={6}>
        <Table.Thead bg="gray.0">
          <Table.Tr>
            <Table.Th>Region</Table.Th>
            <Table.Th>Finding</Table.Th>
            <Table.Th>Intensity</Table.Th>
            <Table.Th>Note</Table.Th>
            {editable && (
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {marks.map((mark) => {
            const label = describeMark(mark);
            return (
              <Table.Tr key={mark.id}>
                <Table.Td>{regionLabel(mark.regionId)}</Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <GlyphIcon type={mark.type} intensity={mark.intensity} />
                    {MARK_TYPE_LABELS[mark.type]}
                  </Group>
                </Table.Td>
                <Table.Td>{MARK_INTENSITY_LABELS[mark.intensity]}</Table.Td>
                <Table.Td style={{ wordBreak: 'break-word' }}>{mark.note?.trim() || '—'}</Table.Td>
                {editable && (
                  <Table.Td style={{ whiteSpace: 'nowrap', textAlign: 'right' }}>
                    <ActionIcon
                      variant="subtle"
                      aria-label={`Edit mark: ${label}`}
                      onClick={() => onEdit(mark)}
                      mr={4}
                    >
                      <IconPencil size={18} aria-hidden />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`Delete mark: ${label}`}
                      onClick={() => onDelete(mark)}
                    >
                      <IconTrash size={18} aria-hidden />
                    </ActionIcon>
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

const CHANGE_COLORS: Record<MarkChange, string> = {
  resolved: 'teal',
  improved: 'green',
  unchanged: 'gray',
  worse: 'red',
  new: 'orange',
};

function ComparisonSummary({ before, after }: { before: BodyChartMark[]; after: BodyChartMark[] }) {
  const rows = compareMarks(before, after);
  const counts = countChanges(rows);
  const intensity = (n: 0 | MarkIntensity) => (n === 0 ? '—' : MARK_INTENSITY_LABELS[n]);
  return (
    <Stack gap="xs" component="section" aria-label="Compared with the previous visit">
      <Title order={3}>Compared with the previous visit</Title>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          Neither visit has marks.
        </Text>
      ) : (
        <>
          <Group gap="xs">
            {MARK_CHANGES.filter((change) => counts[change] > 0).map((change) => (
              <Badge key={change} color={CHANGE_COLORS[change]} variant="light">
                {counts[change]} {MARK_CHANGE_LABELS[change].toLowerCase()}
              </Badge>
            ))}
          </Group>
          <Table.ScrollContainer minWidth={480}>
            <Table aria-label="Changes since the previous visit" verticalSpacing={4} fz="sm">
              <Table.Thead bg="gray.0">
                <Table.Tr>
                  <Table.Th>Region</Table.Th>
                  <Table.Th>Finding</Table.Th>
                  <Table.Th>Before</Table.Th>
                  <Table.Th>Now</Table.Th>
                  <Table.Th>Change</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row) => (
                  <Table.Tr key={`${row.regionId} ${row.type}`}>
                    <Table.Td>{regionLabel(row.regionId)}</Table.Td>
                    <Table.Td>{MARK_TYPE_LABELS[row.type]}</Table.Td>
                    <Table.Td>{intensity(row.before)}</Table.Td>
                    <Table.Td>{intensity(row.after)}</Table.Td>
                    <Table.Td>
                      <Badge size="sm" color={CHANGE_COLORS[row.change]} variant="light">
                        {MARK_CHANGE_LABELS[row.change]}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Stack>
  );
}

/* ---------------------------------------------------------------------------------------------------------
 * The form that adds or edits one mark.
 * ------------------------------------------------------------------------------------------------------- */

function MarkForm({
  draft,
  onSave,
  onCancel,
  onDelete,
}: {
  draft: Draft;
  onSave: (mark: BodyChartMark) => void;
  onCancel: () => void;
  onDelete: () => void;
}) {
  const intensityLabel = useId();
  const [type, setType] = useState<MarkType>(draft.mark.type);
  const [intensity, setIntensity] = useState<MarkIntensity>(draft.mark.intensity);
  const [note, setNote] = useState(draft.mark.note ?? '');
  const region = regionById(draft.mark.regionId);

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        // The dialog renders in a portal, but React still bubbles its submit to a form around the chart
        // (an assessment or a note): keep "Save mark" from saving the whole record.
        event.stopPropagation();
        const trimmed = note.trim();
        const { note: _old, ...rest } = draft.mark;
        onSave({ ...rest, type, intensity, ...(trimmed ? { note: trimmed } : {}) });
      }}
    >
      <Stack gap="md">
        <Text fw={600}>{region?.label ?? draft.mark.regionId}</Text>
        <Radio.Group label="Finding" value={type} onChange={(value) => setType(value)}>
          <SimpleGrid cols={2} spacing="xs" verticalSpacing="xs" mt={6}>
            {MARK_TYPES.map((t) => (
              <Radio
                key={t}
                value={t}
                data-autofocus={t === type || undefined}
                label={
                  <Group gap={6} wrap="nowrap" component="span">
                    <GlyphIcon type={t} />
                    {MARK_TYPE_LABELS[t]}
                  </Group>
                }
              />
            ))}
          </SimpleGrid>
        </Radio.Group>
        <Stack gap={4}>
          <Text size="sm" fw={500} id={intensityLabel}>
            Intensity
          </Text>
          <SegmentedControl
            aria-labelledby={intensityLabel}
            value={String(intensity)}
            onChange={(value) => setIntensity(Number(value) as MarkIntensity)}
            data={MARK_INTENSITY.map((i) => ({ value: String(i), label: MARK_INTENSITY_LABELS[i] }))}
            fullWidth
          />
        </Stack>
        <TextInput
          label="Note"
          placeholder="Optional, e.g. refers to the temple"
          value={note}
          maxLength={200}
          onChange={(event) => setNote(event.currentTarget.value)}
        />
        <Group justify="space-between" gap="sm">
          {draft.isNew ? (
            <span />
          ) : (
            <Button
              variant="subtle"
              color="red"
              leftSection={<IconTrash size={16} aria-hidden />}
              onClick={onDelete}
            >
              Delete
            </Button>
          )}
          <Group gap="sm">
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
            <Button type="submit">{draft.isNew ? 'Add mark' : 'Save'}</Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

/** Hover and focus styles (inline styles cannot say :hover or :focus-visible). */
const CHART_CSS = `
.palpa-bc-region { fill: var(--mantine-color-white); stroke: var(--mantine-color-gray-4); stroke-width: 0.45; transition: fill 120ms ease; }
.palpa-bc-region[data-marked] { fill: var(--mantine-color-palpa-0); }
.palpa-bc-editable .palpa-bc-region { cursor: crosshair; }
.palpa-bc-editable .palpa-bc-region:hover, .palpa-bc-region:focus-visible { fill: var(--mantine-color-palpa-1); }
.palpa-bc-region:focus, .palpa-bc-mark:focus { outline: none; }
.palpa-bc-outline { fill: none; stroke: var(--mantine-color-gray-7); stroke-width: 1.1; stroke-linejoin: round; }
.palpa-bc-detail { fill: none; stroke: var(--mantine-color-gray-5); stroke-width: 0.6; stroke-linecap: round; }
.palpa-bc-editable .palpa-bc-mark { cursor: pointer; }
.palpa-bc-ring { stroke: var(--mantine-primary-color-filled); stroke-width: 1.3; visibility: hidden; }
.palpa-bc-mark:focus-visible .palpa-bc-ring, .palpa-bc-editable .palpa-bc-mark:hover .palpa-bc-ring { visibility: visible; }
`;

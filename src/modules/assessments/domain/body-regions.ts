/**
 * The palpation body chart: the named regions of the front and back views, the kinds of finding a therapist
 * marks on them, and the comparison of two visits' marks. Pure data and rules, no I/O; the web app draws the
 * regions (src/web/features/body-chart/body-chart-paths.ts holds a shape for every id here).
 *
 * Left and right are always the CLIENT's (anatomical) sides, never the viewer's:
 * - FRONT view: the client faces the viewer, so the client's LEFT is on the viewer's RIGHT.
 * - BACK view: the viewer looks at the client's back, so the client's LEFT is on the viewer's LEFT.
 * The list is in reading order (top to bottom, then the viewer's left before the viewer's right), which is the
 * order in which keyboard users move through a view: right before left on the front, left before right on
 * the back.
 */

export const BODY_VIEWS = ['front', 'back'] as const;
export type BodyView = (typeof BODY_VIEWS)[number];

export const BODY_VIEW_LABELS: Readonly<Record<BodyView, string>> = { front: 'Front', back: 'Back' };

export const BODY_SIDES = ['left', 'right', 'midline'] as const;
export type BodySide = (typeof BODY_SIDES)[number];

export type BodyRegion = { id: string; view: BodyView; side: BodySide; label: string };

export const BODY_REGIONS = [
  // Front view: the client's right is on the viewer's left.
  { id: 'head_front', view: 'front', side: 'midline', label: 'Head (forehead and temples)' },
  { id: 'face_right', view: 'front', side: 'right', label: 'Right face and jaw' },
  { id: 'face_left', view: 'front', side: 'left', label: 'Left face and jaw' },
  { id: 'neck_right_anterior', view: 'front', side: 'right', label: 'Right anterior neck' },
  { id: 'neck_left_anterior', view: 'front', side: 'left', label: 'Left anterior neck' },
  { id: 'shoulder_right_anterior', view: 'front', side: 'right', label: 'Right anterior shoulder (deltoid)' },
  { id: 'chest_right', view: 'front', side: 'right', label: 'Right chest (pectoral)' },
  { id: 'chest_left', view: 'front', side: 'left', label: 'Left chest (pectoral)' },
  { id: 'shoulder_left_anterior', view: 'front', side: 'left', label: 'Left anterior shoulder (deltoid)' },
  { id: 'upper_arm_right_anterior', view: 'front', side: 'right', label: 'Right upper arm, front (biceps)' },
  { id: 'abdomen_upper', view: 'front', side: 'midline', label: 'Upper abdomen' },
  { id: 'upper_arm_left_anterior', view: 'front', side: 'left', label: 'Left upper arm, front (biceps)' },
  { id: 'forearm_right_anterior', view: 'front', side: 'right', label: 'Right forearm, front (flexors)' },
  { id: 'abdomen_lower', view: 'front', side: 'midline', label: 'Lower abdomen' },
  { id: 'forearm_left_anterior', view: 'front', side: 'left', label: 'Left forearm, front (flexors)' },
  { id: 'hip_right_anterior', view: 'front', side: 'right', label: 'Right anterior hip (hip flexors)' },
  { id: 'hip_left_anterior', view: 'front', side: 'left', label: 'Left anterior hip (hip flexors)' },
  { id: 'hand_right_palmar', view: 'front', side: 'right', label: 'Right wrist and hand, palm side' },
  { id: 'thigh_right_lateral', view: 'front', side: 'right', label: 'Right outer thigh (IT band)' },
  { id: 'thigh_right_anterior', view: 'front', side: 'right', label: 'Right front of thigh (quadriceps)' },
  { id: 'thigh_right_medial', view: 'front', side: 'right', label: 'Right inner thigh (adductors)' },
  { id: 'thigh_left_medial', view: 'front', side: 'left', label: 'Left inner thigh (adductors)' },
  { id: 'thigh_left_anterior', view: 'front', side: 'left', label: 'Left front of thigh (quadriceps)' },
  { id: 'thigh_left_lateral', view: 'front', side: 'left', label: 'Left outer thigh (IT band)' },
  { id: 'hand_left_palmar', view: 'front', side: 'left', label: 'Left wrist and hand, palm side' },
  { id: 'knee_right_anterior', view: 'front', side: 'right', label: 'Right knee, front' },
  { id: 'knee_left_anterior', view: 'front', side: 'left', label: 'Left knee, front' },
  { id: 'shin_right', view: 'front', side: 'right', label: 'Right shin' },
  { id: 'shin_left', view: 'front', side: 'left', label: 'Left shin' },
  { id: 'foot_right_dorsal', view: 'front', side: 'right', label: 'Right ankle and top of foot' },
  { id: 'foot_left_dorsal', view: 'front', side: 'left', label: 'Left ankle and top of foot' },

  // Back view: the client's left is on the viewer's left.
  { id: 'head_back', view: 'back', side: 'midline', label: 'Back of head' },
  { id: 'neck_left_posterior', view: 'back', side: 'left', label: 'Left posterior neck (cervical)' },
  { id: 'neck_right_posterior', view: 'back', side: 'right', label: 'Right posterior neck (cervical)' },
  { id: 'upper_trapezius_left', view: 'back', side: 'left', label: 'Left upper trapezius' },
  { id: 'upper_trapezius_right', view: 'back', side: 'right', label: 'Right upper trapezius' },
  { id: 'shoulder_left_posterior', view: 'back', side: 'left', label: 'Left posterior shoulder (deltoid)' },
  { id: 'scapular_left', view: 'back', side: 'left', label: 'Left shoulder blade (scapular)' },
  { id: 'thoracic_left', view: 'back', side: 'left', label: 'Left thoracic paraspinals (mid back)' },
  { id: 'thoracic_right', view: 'back', side: 'right', label: 'Right thoracic paraspinals (mid back)' },
  { id: 'scapular_right', view: 'back', side: 'right', label: 'Right shoulder blade (scapular)' },
  {
    id: 'shoulder_right_posterior',
    view: 'back',
    side: 'right',
    label: 'Right posterior shoulder (deltoid)',
  },
  { id: 'upper_arm_left_posterior', view: 'back', side: 'left', label: 'Left upper arm, back (triceps)' },
  { id: 'latissimus_left', view: 'back', side: 'left', label: 'Left side of back (latissimus)' },
  { id: 'latissimus_right', view: 'back', side: 'right', label: 'Right side of back (latissimus)' },
  { id: 'upper_arm_right_posterior', view: 'back', side: 'right', label: 'Right upper arm, back (triceps)' },
  { id: 'forearm_left_posterior', view: 'back', side: 'left', label: 'Left forearm, back (extensors)' },
  { id: 'lumbar_left', view: 'back', side: 'left', label: 'Left lumbar (low back)' },
  { id: 'lumbar_right', view: 'back', side: 'right', label: 'Right lumbar (low back)' },
  { id: 'forearm_right_posterior', view: 'back', side: 'right', label: 'Right forearm, back (extensors)' },
  { id: 'gluteal_left', view: 'back', side: 'left', label: 'Left gluteal' },
  { id: 'sacroiliac_left', view: 'back', side: 'left', label: 'Left sacrum and SI joint' },
  { id: 'sacroiliac_right', view: 'back', side: 'right', label: 'Right sacrum and SI joint' },
  { id: 'gluteal_right', view: 'back', side: 'right', label: 'Right gluteal' },
  { id: 'hand_left_dorsal', view: 'back', side: 'left', label: 'Left wrist and hand, back' },
  { id: 'hamstrings_left', view: 'back', side: 'left', label: 'Left back of thigh (hamstrings)' },
  { id: 'hamstrings_right', view: 'back', side: 'right', label: 'Right back of thigh (hamstrings)' },
  { id: 'hand_right_dorsal', view: 'back', side: 'right', label: 'Right wrist and hand, back' },
  { id: 'knee_left_posterior', view: 'back', side: 'left', label: 'Left back of knee' },
  { id: 'knee_right_posterior', view: 'back', side: 'right', label: 'Right back of knee' },
  { id: 'calf_left', view: 'back', side: 'left', label: 'Left calf' },
  { id: 'calf_right', view: 'back', side: 'right', label: 'Right calf' },
  { id: 'ankle_left_posterior', view: 'back', side: 'left', label: 'Left ankle and heel (Achilles)' },
  { id: 'ankle_right_posterior', view: 'back', side: 'right', label: 'Right ankle and heel (Achilles)' },
] as const satisfies readonly BodyRegion[];

export type BodyRegionId = (typeof BODY_REGIONS)[number]['id'];

const REGIONS_BY_ID: ReadonlyMap<string, BodyRegion> = new Map(BODY_REGIONS.map((r) => [r.id, r]));
const REGION_ORDER: ReadonlyMap<string, number> = new Map(BODY_REGIONS.map((r, index) => [r.id, index]));

export function regionById(id: string): BodyRegion | undefined {
  return REGIONS_BY_ID.get(id);
}

/** The region's label, or the raw id for a region this version does not know (kept, never dropped). */
export function regionLabel(id: string): string {
  return regionById(id)?.label ?? id;
}

export function regionsInView(view: BodyView): BodyRegion[] {
  return BODY_REGIONS.filter((r) => r.view === view);
}

export const MARK_TYPES = [
  'trigger_point',
  'tenderness',
  'hypertonicity',
  'adhesion',
  'edema',
  'pain',
] as const;
export type MarkType = (typeof MARK_TYPES)[number];

export const MARK_TYPE_LABELS: Readonly<Record<MarkType, string>> = {
  trigger_point: 'Trigger point',
  tenderness: 'Tenderness',
  hypertonicity: 'Hypertonicity',
  adhesion: 'Adhesion',
  edema: 'Edema',
  pain: 'Pain',
};

export const MARK_INTENSITY = [1, 2, 3] as const;
export type MarkIntensity = (typeof MARK_INTENSITY)[number];

export const MARK_INTENSITY_LABELS: Readonly<Record<MarkIntensity, string>> = {
  1: 'Mild',
  2: 'Moderate',
  3: 'Severe',
};

/** One finding placed on the chart. x and y are 0..1 within the view's drawing (0,0 top left). */
export type BodyChartMark = {
  id: string;
  view: BodyView;
  regionId: string;
  x: number;
  y: number;
  type: MarkType;
  intensity: MarkIntensity;
  note?: string;
};

/** What is wrong with a mark, or undefined when it is valid (for the server to check what it stores). */
export function markProblem(mark: BodyChartMark): string | undefined {
  const region = regionById(mark.regionId);
  if (!region) return `Unknown body region "${mark.regionId}".`;
  if (region.view !== mark.view) return `Region "${mark.regionId}" is not on the ${mark.view} view.`;
  if (!MARK_TYPES.includes(mark.type)) return `Unknown mark type "${String(mark.type)}".`;
  if (!MARK_INTENSITY.includes(mark.intensity)) return 'Intensity must be 1, 2 or 3.';
  const inRange = (n: number) => Number.isFinite(n) && n >= 0 && n <= 1;
  if (!inRange(mark.x) || !inRange(mark.y)) return 'A mark must lie within the chart (x and y from 0 to 1).';
  return undefined;
}

/** "Left upper trapezius — Trigger point — Severe — note", as read in lists and by screen readers. */
export function describeMark(mark: Pick<BodyChartMark, 'regionId' | 'type' | 'intensity' | 'note'>): string {
  const parts = [
    regionLabel(mark.regionId),
    MARK_TYPE_LABELS[mark.type],
    MARK_INTENSITY_LABELS[mark.intensity],
  ];
  const note = mark.note?.trim();
  if (note) parts.push(note);
  return parts.join(' — ');
}

export const MARK_CHANGES = ['resolved', 'improved', 'unchanged', 'worse', 'new'] as const;
export type MarkChange = (typeof MARK_CHANGES)[number];

export const MARK_CHANGE_LABELS: Readonly<Record<MarkChange, string>> = {
  resolved: 'Resolved',
  improved: 'Improved',
  unchanged: 'Unchanged',
  worse: 'Worse',
  new: 'New',
};

/** One region and kind of finding, before and after: the strongest intensity marked there, 0 for none. */
export type MarkComparison = {
  regionId: string;
  type: MarkType;
  before: 0 | MarkIntensity;
  after: 0 | MarkIntensity;
  change: MarkChange;
};

function strongestByRegionAndType(marks: readonly BodyChartMark[]): Map<string, MarkIntensity> {
  const strongest = new Map<string, MarkIntensity>();
  for (const mark of marks) {
    const key = `${mark.regionId}\u0000${mark.type}`;
    const current = strongest.get(key) ?? 0;
    if (mark.intensity > current) strongest.set(key, mark.intensity);
  }
  return strongest;
}

/**
 * Compares two visits' marks per region and kind of finding (several marks of one kind in one region count
 * as their strongest). Sorted in chart order, then by mark type.
 */
export function compareMarks(
  before: readonly BodyChartMark[],
  after: readonly BodyChartMark[],
): MarkComparison[] {
  const was = strongestByRegionAndType(before);
  const now = strongestByRegionAndType(after);
  const keys = new Set([...was.keys(), ...now.keys()]);
  const rows: MarkComparison[] = [...keys].map((key) => {
    const [regionId = '', type] = key.split('\u0000') as [string, MarkType];
    const b = was.get(key) ?? 0;
    const a = now.get(key) ?? 0;
    const change: MarkChange =
      b === 0 ? 'new' : a === 0 ? 'resolved' : a < b ? 'improved' : a > b ? 'worse' : 'unchanged';
    return { regionId, type, before: b, after: a, change };
  });
  const order = (id: string) => REGION_ORDER.get(id) ?? Number.MAX_SAFE_INTEGER;
  return rows.sort(
    (x, y) =>
      order(x.regionId) - order(y.regionId) ||
      x.regionId.localeCompare(y.regionId) ||
      MARK_TYPES.indexOf(x.type) - MARK_TYPES.indexOf(y.type),
  );
}

/** How many region-and-finding pairs fall under each kind of change. */
export function countChanges(rows: readonly MarkComparison[]): Record<MarkChange, number> {
  const counts: Record<MarkChange, number> = { resolved: 0, improved: 0, unchanged: 0, worse: 0, new: 0 };
  for (const row of rows) counts[row.change] += 1;
  return counts;
}

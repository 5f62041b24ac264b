import type { BodyChartMark } from './body-regions.js';

export const ASSESSMENT_KINDS = ['initial', 're_evaluation', 'discharge'] as const;
export type AssessmentKind = (typeof ASSESSMENT_KINDS)[number];
export const ASSESSMENT_KIND_LABELS: Record<AssessmentKind, string> = {
  initial: 'Initial assessment',
  re_evaluation: 'Re-evaluation',
  discharge: 'Discharge assessment',
};

/** What a re-evaluation recommends to the prescriber (issue 3, item 8). */
export const RECOMMENDATIONS = ['continue', 'modify', 'discharge', 'renew'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];
export const RECOMMENDATION_LABELS: Record<Recommendation, string> = {
  continue: 'Continue the current plan',
  modify: 'Modify the plan',
  discharge: 'Discharge',
  renew: 'Renew the prescription',
};

export const GOAL_STATUSES = ['met', 'progressing', 'not_progressing'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];
export type GoalReview = { goalId: string; status: GoalStatus; note?: string };

export const SIDES = ['left', 'right', 'bilateral', 'midline'] as const;
export type Side = (typeof SIDES)[number];

export type RangeOfMotionEntry = {
  joint: string;
  movement: string;
  side: Side;
  degrees: number;
  painful?: boolean;
};

export const SPECIAL_TEST_RESULTS = ['positive', 'negative', 'not_tested'] as const;
export type SpecialTestResult = (typeof SPECIAL_TEST_RESULTS)[number];
export type SpecialTestEntry = { test: string; side: Side; result: SpecialTestResult; note?: string };

export type { BodyChartMark };

/**
 * Normal active range of motion in degrees. Sources: shoulder, elbow, wrist — AAOS column of Norkin &
 * White, Measurement of Joint Motion, Table A.1; hip, knee, ankle — Merck Manual Professional, "Normal
 * joint range of motion"; cervical — Muscolino, Kinesiology. Values differ by 5–15° between sources and
 * are lower in older adults (Merck), so the percentage of normal is a guide, not a verdict.
 */
export const ROM_NORMS = [
  { joint: 'cervical', movement: 'flexion', degrees: 50, source: 'Muscolino' },
  { joint: 'cervical', movement: 'extension', degrees: 80, source: 'Muscolino' },
  { joint: 'cervical', movement: 'lateral_flexion', degrees: 45, source: 'Muscolino' },
  { joint: 'cervical', movement: 'rotation', degrees: 80, source: 'Muscolino' },
  { joint: 'shoulder', movement: 'flexion', degrees: 180, source: 'AAOS (Norkin & White)' },
  { joint: 'shoulder', movement: 'extension', degrees: 60, source: 'AAOS (Norkin & White)' },
  { joint: 'shoulder', movement: 'abduction', degrees: 180, source: 'AAOS (Norkin & White)' },
  { joint: 'shoulder', movement: 'medial_rotation', degrees: 70, source: 'AAOS (Norkin & White)' },
  { joint: 'shoulder', movement: 'lateral_rotation', degrees: 90, source: 'AAOS (Norkin & White)' },
  { joint: 'elbow', movement: 'flexion', degrees: 150, source: 'AAOS (Norkin & White)' },
  { joint: 'forearm', movement: 'pronation', degrees: 80, source: 'AAOS (Norkin & White)' },
  { joint: 'forearm', movement: 'supination', degrees: 80, source: 'AAOS (Norkin & White)' },
  { joint: 'wrist', movement: 'flexion', degrees: 80, source: 'AAOS (Norkin & White)' },
  { joint: 'wrist', movement: 'extension', degrees: 70, source: 'AAOS (Norkin & White)' },
  { joint: 'wrist', movement: 'radial_deviation', degrees: 20, source: 'AAOS (Norkin & White)' },
  { joint: 'wrist', movement: 'ulnar_deviation', degrees: 30, source: 'AAOS (Norkin & White)' },
  { joint: 'hip', movement: 'flexion', degrees: 125, source: 'Merck Manual' },
  { joint: 'hip', movement: 'extension', degrees: 15, source: 'Merck Manual' },
  { joint: 'hip', movement: 'abduction', degrees: 45, source: 'Merck Manual' },
  { joint: 'hip', movement: 'adduction', degrees: 45, source: 'Merck Manual' },
  { joint: 'hip', movement: 'lateral_rotation', degrees: 45, source: 'Merck Manual' },
  { joint: 'hip', movement: 'medial_rotation', degrees: 45, source: 'Merck Manual' },
  { joint: 'knee', movement: 'flexion', degrees: 130, source: 'Merck Manual' },
  { joint: 'ankle', movement: 'plantarflexion', degrees: 50, source: 'Merck Manual' },
  { joint: 'ankle', movement: 'dorsiflexion', degrees: 20, source: 'Merck Manual' },
  { joint: 'ankle', movement: 'inversion', degrees: 35, source: 'Merck Manual' },
  { joint: 'ankle', movement: 'eversion', degrees: 25, source: 'Merck Manual' },
] as const;

export function romNorm(joint: string, movement: string): (typeof ROM_NORMS)[number] | undefined {
  return ROM_NORMS.find((n) => n.joint === joint && n.movement === movement);
}

/** Percentage of the normal value, whole percent; undefined when Palpa has no norm for the movement. */
export function romPercentOfNormal(entry: { joint: string; movement: string; degrees: number }) {
  const norm = romNorm(entry.joint, entry.movement);
  if (!norm) return undefined;
  return Math.round((entry.degrees / norm.degrees) * 100);
}

/** Special tests with what a positive result suggests (clinical-and-learning.md §D, refs [75]–[79]). */
export const SPECIAL_TESTS = [
  { id: 'spurling', label: 'Spurling', suggests: 'Cervical radiculopathy (foraminal)' },
  { id: 'cervical_distraction', label: 'Cervical distraction', suggests: 'Cervical radiculopathy' },
  { id: 'ultt_median', label: 'Upper limb tension test (median)', suggests: 'Cervical radiculopathy' },
  { id: 'phalen', label: 'Phalen', suggests: 'Carpal tunnel syndrome (median nerve)' },
  { id: 'tinel_wrist', label: 'Tinel (wrist)', suggests: 'Carpal tunnel syndrome (median nerve)' },
  {
    id: 'straight_leg_raise',
    label: 'Straight leg raise',
    suggests: 'Sciatic nerve-root tension (vs hamstring)',
  },
  { id: 'faber', label: 'FABER (Patrick)', suggests: 'Sacroiliac joint or hip' },
  { id: 'gaenslen', label: 'Gaenslen', suggests: 'Sacroiliac joint' },
  { id: 'thigh_thrust', label: 'Thigh thrust', suggests: 'Sacroiliac joint' },
  { id: 'sij_distraction', label: 'SIJ distraction', suggests: 'Sacroiliac joint' },
  { id: 'sij_compression', label: 'SIJ compression', suggests: 'Sacroiliac joint' },
  { id: 'sacral_thrust', label: 'Sacral thrust', suggests: 'Sacroiliac joint' },
] as const;
export type SpecialTestId = (typeof SPECIAL_TESTS)[number]['id'];

/** Laslett's rule: three or more of the SIJ provocation tests positive points to the SIJ (sens 91%, spec 78%). */
const SIJ_TESTS = [
  'gaenslen',
  'thigh_thrust',
  'sij_distraction',
  'sij_compression',
  'sacral_thrust',
  'faber',
];
export function sijClusterPositive(tests: readonly SpecialTestEntry[]): boolean {
  return tests.filter((t) => SIJ_TESTS.includes(t.test) && t.result === 'positive').length >= 3;
}

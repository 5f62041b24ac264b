/**
 * The assessment form's model: input values (strings where the user types), how a saved assessment fills
 * them, the request body, the checks worth doing before sending, and where each server error path belongs.
 */
import {
  ROM_NORMS,
  SPECIAL_TESTS,
  type AssessmentKind,
  type GoalStatus,
  type Recommendation,
  type Side,
  type SpecialTestResult,
} from '../../../../modules/assessments/domain/assessment.js';
import type { BodyChartMark } from '../../../../modules/assessments/domain/body-regions.js';
import type { Assessment, AssessmentInput, ClinicalChart } from '../../../api/clinical.js';
import { todayDateOnly } from '../../../components/format.js';
import { findOutcomeMeasure } from '../../../../modules/outcome-measures/domain/instruments.js';
import { roundScore } from '../../../../modules/outcome-measures/domain/scoring.js';
import { measureGoalStatus } from '../../../../modules/treatment-plans/domain/goals.js';
import {
  liveScore,
  withoutBlankActivities,
  type OutcomeMeasureValue,
} from '../shared/OutcomeMeasureEntry.js';

let seed = 0;
const rowKey = () => `a-row-${++seed}`;

export type RomRow = {
  key: string;
  joint: string;
  movement: string;
  side: Side;
  degrees: string;
  painful: boolean;
};
export type TestRow = { key: string; test: string; side: Side; result: SpecialTestResult | ''; note: string };
export type GoalReviewRow = { goalId: string; status: GoalStatus | ''; note: string };

export type AssessmentFormValues = {
  kind: AssessmentKind;
  assessedOn: string;
  posture: string;
  gait: string;
  findings: string;
  painNprs: string;
  rangeOfMotion: RomRow[];
  specialTests: TestRow[];
  marks: BodyChartMark[];
  outcomeMeasures: OutcomeMeasureValue[];
  goalReviews: GoalReviewRow[];
  recommendation: Recommendation | '';
  recommendationNote: string;
};

export const reviewsGoals = (kind: AssessmentKind) => kind === 're_evaluation' || kind === 'discharge';

/* ROM vocabulary ------------------------------------------------------------------------------------ */

const humanise = (id: string) => {
  const words = id.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

export const JOINT_LABELS: Record<string, string> = {
  cervical: 'Cervical',
  shoulder: 'Shoulder',
  elbow: 'Elbow',
  forearm: 'Forearm',
  wrist: 'Wrist',
  hip: 'Hip',
  knee: 'Knee',
  ankle: 'Ankle',
};
export const jointLabel = (joint: string) => JOINT_LABELS[joint] ?? humanise(joint);
export const movementLabel = (movement: string) => humanise(movement);

export const JOINTS = [...new Set(ROM_NORMS.map((n) => n.joint as string))];
export const movementsOf = (joint: string): string[] =>
  ROM_NORMS.filter((n) => n.joint === joint).map((n) => n.movement as string);

/** Flexion and extension of the neck are midline movements; everything else is measured per side. */
export const defaultSide = (joint: string, movement: string): Side =>
  joint === 'cervical' && (movement === 'flexion' || movement === 'extension') ? 'midline' : 'right';

export const SIDE_LABELS: Record<Side, string> = {
  left: 'Left',
  right: 'Right',
  bilateral: 'Bilateral',
  midline: 'Midline',
};

export const RESULT_LABELS: Record<SpecialTestResult, string> = {
  positive: 'Positive',
  negative: 'Negative',
  not_tested: 'Not tested',
};

export const GOAL_STATUS_LABELS: Record<GoalStatus, string> = {
  met: 'Met',
  progressing: 'Progressing',
  not_progressing: 'Not progressing',
};

export const specialTest = (id: string) => SPECIAL_TESTS.find((t) => t.id === id);

export const newRomRow = (): RomRow => ({
  key: rowKey(),
  joint: 'cervical',
  movement: 'rotation',
  side: 'right',
  degrees: '',
  painful: false,
});
export const newTestRow = (): TestRow => ({ key: rowKey(), test: '', side: 'right', result: '', note: '' });

/* Loading and saving -------------------------------------------------------------------------------- */

/** One row per plan goal. An empty status means "take the suggestion" (see goalSuggestions). */
function goalRows(
  plan: ClinicalChart['plan'],
  saved: Assessment['goalReviews'] | undefined,
): GoalReviewRow[] {
  if (!plan) return [];
  return plan.goals.map((goal) => {
    const review = saved?.find((r) => r.goalId === goal.id);
    return review
      ? { goalId: goal.id, status: review.status, note: review.note ?? '' }
      : { goalId: goal.id, status: '', note: '' };
  });
}

export type GoalSuggestion = { status: GoalStatus; because: string };

/**
 * The status each goal seems to have: for a measure goal, from the score entered in this form when there
 * is one (same rule as the server: met at the target, progressing by at least the MCID); otherwise the
 * plan's measured progress. Goals that were never measured get no suggestion.
 */
export function goalSuggestions(
  plan: ClinicalChart['plan'],
  measures: OutcomeMeasureValue[],
): Record<string, GoalSuggestion> {
  const out: Record<string, GoalSuggestion> = {};
  for (const goal of plan?.goals ?? []) {
    if (goal.kind === 'measure') {
      const entry = measures.find((m) => m.instrument === goal.instrument);
      const score = entry ? liveScore(entry) : null;
      const info = findOutcomeMeasure(goal.instrument);
      if (score?.valid && info) {
        const current = roundScore(score.score);
        const status = measureGoalStatus(goal, current, {
          higherIsBetter: info.direction === 'higher_is_better',
          mcid: info.mcid,
        });
        if (status !== 'not_measured') {
          const unit = info.scoreUnit === 'percent' ? '%' : '';
          out[goal.id] = { status, because: `the ${info.name} of ${current}${unit} entered here` };
          continue;
        }
      }
    }
    const progress = plan?.goalProgress.find((p) => p.goalId === goal.id);
    if (progress && progress.status !== 'not_measured')
      out[goal.id] = {
        status: progress.status,
        because: `the latest measured score${progress.latestScore !== null ? ` of ${progress.latestScore}` : ''}`,
      };
  }
  return out;
}

export function emptyAssessmentForm(kind: AssessmentKind, chart: ClinicalChart): AssessmentFormValues {
  return {
    kind,
    assessedOn: todayDateOnly(),
    posture: '',
    gait: '',
    findings: '',
    painNprs: '',
    rangeOfMotion: [],
    specialTests: [],
    marks: [],
    outcomeMeasures: [],
    goalReviews: goalRows(chart.plan, undefined),
    recommendation: '',
    recommendationNote: '',
  };
}

export function assessmentToForm(a: Assessment, chart: ClinicalChart): AssessmentFormValues {
  return {
    kind: a.kind,
    assessedOn: a.assessedOn,
    posture: a.posture ?? '',
    gait: a.gait ?? '',
    findings: a.findings ?? '',
    painNprs: a.painNprs === null ? '' : String(a.painNprs),
    rangeOfMotion: a.rangeOfMotion.map((r) => ({
      key: rowKey(),
      joint: r.joint,
      movement: r.movement,
      side: r.side,
      degrees: String(r.degrees),
      painful: r.painful === true,
    })),
    specialTests: a.specialTests.map((t) => ({
      key: rowKey(),
      test: t.test,
      side: t.side,
      result: t.result,
      note: t.note ?? '',
    })),
    marks: a.marks,
    outcomeMeasures: a.outcomeMeasures.map((m) => ({
      instrument: m.instrument,
      answers: m.answers,
      ...(m.labels ? { labels: m.labels } : {}),
    })),
    goalReviews: goalRows(chart.plan, a.goalReviews),
    recommendation: a.recommendation ?? '',
    recommendationNote: a.recommendationNote ?? '',
  };
}

export function snapshot(values: AssessmentFormValues): string {
  return JSON.stringify(values, (key, value: unknown) => (key === 'key' ? undefined : value));
}

const romBlank = (r: RomRow) => r.degrees.trim() === '' && !r.painful;
const testBlank = (t: TestRow) => t.test === '' && t.result === '' && t.note.trim() === '';

/** Which form row each sent entry came from (blank rows are not sent). */
export type RowIndex = { rangeOfMotion: number[]; specialTests: number[]; goalReviews: number[] };

export function toRequest(
  values: AssessmentFormValues,
  suggestions: Record<string, GoalSuggestion> = {},
): { body: AssessmentInput; rowIndex: RowIndex } {
  const rowIndex: RowIndex = { rangeOfMotion: [], specialTests: [], goalReviews: [] };
  const rangeOfMotion = values.rangeOfMotion.flatMap((r, index) => {
    if (romBlank(r)) return [];
    rowIndex.rangeOfMotion.push(index);
    return [
      {
        joint: r.joint,
        movement: r.movement,
        side: r.side,
        degrees: Number(r.degrees),
        ...(r.painful ? { painful: true } : {}),
      },
    ];
  });
  const specialTests = values.specialTests.flatMap((t, index) => {
    if (testBlank(t)) return [];
    rowIndex.specialTests.push(index);
    return [
      {
        test: t.test,
        side: t.side,
        result: t.result as SpecialTestResult,
        ...(t.note.trim() ? { note: t.note.trim() } : {}),
      },
    ];
  });
  const reviewing = reviewsGoals(values.kind);
  const goalReviews = reviewing
    ? values.goalReviews.flatMap((g, index) => {
        const status = g.status || suggestions[g.goalId]?.status;
        if (!status) return [];
        rowIndex.goalReviews.push(index);
        return [{ goalId: g.goalId, status, ...(g.note.trim() ? { note: g.note.trim() } : {}) }];
      })
    : [];
  const text = (value: string) => (value.trim() === '' ? null : value.trim());
  return {
    body: {
      kind: values.kind,
      assessedOn: values.assessedOn,
      posture: text(values.posture),
      gait: text(values.gait),
      findings: text(values.findings),
      painNprs: values.painNprs === '' ? null : Number(values.painNprs),
      rangeOfMotion,
      specialTests,
      marks: values.marks,
      outcomeMeasures: values.outcomeMeasures.map(withoutBlankActivities),
      goalReviews,
      recommendation: reviewing && values.recommendation ? values.recommendation : null,
      recommendationNote: reviewing ? text(values.recommendationNote) : null,
    },
    rowIndex,
  };
}

/** What must be right before sending. Keys are form paths (`rangeOfMotion.2.degrees`). */
export function validateAssessment(values: AssessmentFormValues, measureNames: Record<string, string>) {
  const errors: Record<string, string> = {};
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.assessedOn)) errors.assessedOn = 'Enter the date of the assessment.';
  values.rangeOfMotion.forEach((r, i) => {
    if (romBlank(r)) return;
    if (!r.joint) errors[`rangeOfMotion.${i}.joint`] = 'Choose the joint.';
    if (!r.movement) errors[`rangeOfMotion.${i}.movement`] = 'Choose the movement.';
    const degrees = Number(r.degrees);
    if (r.degrees.trim() === '' || !Number.isInteger(degrees) || degrees < 0 || degrees > 360)
      errors[`rangeOfMotion.${i}.degrees`] = 'Enter whole degrees from 0 to 360.';
  });
  values.specialTests.forEach((t, i) => {
    if (testBlank(t)) return;
    if (!t.test) errors[`specialTests.${i}.test`] = 'Choose the test.';
    if (!t.result) errors[`specialTests.${i}.result`] = 'Choose the result.';
  });
  values.outcomeMeasures.forEach((m, i) => {
    const score = liveScore(m);
    const name = measureNames[m.instrument] ?? m.instrument.toUpperCase();
    if (score === null)
      errors[`outcomeMeasures.${i}.answers`] =
        m.instrument === 'psfs'
          ? `Name and rate at least one activity, or remove the ${name}.`
          : `Check the answers of the ${name}.`;
    else if (!score.valid) errors[`outcomeMeasures.${i}.answers`] = score.reason;
  });
  return errors;
}

/** The form path of a server error path, given which rows were sent. */
export function formPathFor(serverPath: string, rowIndex: RowIndex): string {
  const parts = serverPath.replace(/\[(\d+)\]/g, '.$1').split('.');
  const [head, second] = parts;
  if (head && head in rowIndex && second !== undefined && /^\d+$/.test(second)) {
    const mapped = rowIndex[head as keyof RowIndex][Number(second)];
    if (mapped !== undefined) parts[1] = String(mapped);
  }
  return parts.join('.');
}

export const assessmentFieldId = (path: string) => `assessment-${path.replace(/\./g, '-')}`;

/** The input showing a form path's error, for the error summary's links. */
export function fieldIdFor(path: string): string {
  const parts = path.split('.');
  if (parts[0] === 'marks') return 'assessment-palpation';
  if (parts[0] === 'outcomeMeasures' && parts[1] !== undefined) {
    const prefix = `assessment-outcomeMeasures-${parts[1]}`;
    if (parts[2] === 'answers' && parts[3] !== undefined) return `${prefix}-answers-${parts[3]}`;
    if (parts[2] === 'labels' && parts[3] !== undefined) return `${prefix}-labels-${parts[3]}`;
    return `${prefix}-heading`;
  }
  if (
    (parts[0] === 'rangeOfMotion' || parts[0] === 'specialTests' || parts[0] === 'goalReviews') &&
    parts.length === 1
  )
    return `assessment-add-${parts[0]}`;
  return assessmentFieldId(path);
}

const FIELD_NAMES: Record<string, string> = {
  kind: 'Kind',
  assessedOn: 'Date',
  posture: 'Posture and visual findings',
  gait: 'Gait',
  findings: 'Findings',
  painNprs: 'Pain (NPRS)',
  recommendation: 'Recommendation',
  recommendationNote: 'Recommendation note',
};

/** A field's name for the error summary: "Range of motion, row 2: degrees". */
export function describeAssessmentPath(path: string, measureName: (index: number) => string): string {
  const [head, index, field, item] = path.split('.');
  const n = index !== undefined ? Number(index) + 1 : undefined;
  switch (head) {
    case 'rangeOfMotion':
      return n ? `Range of motion, row ${n}${field ? `, ${field}` : ''}` : 'Range of motion';
    case 'specialTests':
      return n ? `Special test ${n}${field ? `, ${field}` : ''}` : 'Special tests';
    case 'marks':
      return n ? `Body chart mark ${n}` : 'Body chart';
    case 'goalReviews':
      return n ? `Goal review ${n}${field ? `, ${field}` : ''}` : 'Goal reviews';
    case 'outcomeMeasures': {
      if (index === undefined) return 'Outcome measures';
      const name = measureName(Number(index));
      if (field === 'answers' && item !== undefined) return `${name}, item ${Number(item) + 1}`;
      if (field === 'labels' && item !== undefined) return `${name}, activity ${Number(item) + 1}`;
      return name;
    }
    default:
      return FIELD_NAMES[head ?? ''] ?? path;
  }
}

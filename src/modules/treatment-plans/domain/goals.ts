import { formatCalendarDate, type CalendarDate } from '../../../platform/domain/calendar-date.js';

/**
 * Measurable goals (issue 3, item 6): either an outcome-measure score to reach by a date ("NDI from 38% to
 * ≤18% by Dec 20, 2026") or a functional goal in the client's terms (a PSFS activity, "sit through a
 * 2-hour drive"). SMART goal wording follows the plan-of-care elements in CMS Benefit Policy Manual
 * ch. 15 §220.1.2 (long-term goals, measurable, with an expected time frame).
 */
export const GOAL_TERMS = ['short', 'long'] as const;
export type GoalTerm = (typeof GOAL_TERMS)[number];

export type MeasureGoal = {
  id: string;
  term: GoalTerm;
  kind: 'measure';
  instrument: string;
  baseline: number;
  target: number;
  targetDate: CalendarDate;
  note?: string;
};

export type FunctionalGoal = {
  id: string;
  term: GoalTerm;
  kind: 'functional';
  text: string;
  targetDate: CalendarDate;
  note?: string;
};

export type TreatmentGoal = MeasureGoal | FunctionalGoal;

export type PlannedTechnique = { technique: string; regions: string[]; note?: string };

export type InstrumentFacts = { name: string; unit: string; higherIsBetter: boolean };

export function describeGoal(goal: TreatmentGoal, instrument?: InstrumentFacts): string {
  if (goal.kind === 'functional') return `${goal.text} by ${formatCalendarDate(goal.targetDate)}`;
  const name = instrument?.name ?? goal.instrument.toUpperCase();
  const unit = instrument?.unit === '%' ? '%' : '';
  const comparator = (instrument?.higherIsBetter ?? false) ? '≥' : '≤';
  return `${name} from ${goal.baseline}${unit} to ${comparator}${goal.target}${unit} by ${formatCalendarDate(goal.targetDate)}`;
}

/** A goal must move in the instrument's better direction, or it measures nothing. */
export function measureGoalProblem(goal: MeasureGoal, higherIsBetter: boolean): string | null {
  if (goal.target === goal.baseline) return 'The target must differ from the baseline.';
  if (higherIsBetter && goal.target < goal.baseline)
    return `Higher is better on this measure: set a target above the baseline (${goal.baseline}).`;
  if (!higherIsBetter && goal.target > goal.baseline)
    return `Lower is better on this measure: set a target below the baseline (${goal.baseline}).`;
  return null;
}

/**
 * Status of a measure goal from the latest score: met once the target is reached; progressing when the
 * score has moved from baseline toward the target by at least the instrument's MCID (smaller moves are
 * within measurement error); otherwise not progressing.
 */
export function measureGoalStatus(
  goal: MeasureGoal,
  latestScore: number | undefined,
  facts: { higherIsBetter: boolean; mcid: number },
): 'met' | 'progressing' | 'not_progressing' | 'not_measured' {
  if (latestScore === undefined) return 'not_measured';
  const better = facts.higherIsBetter ? latestScore - goal.baseline : goal.baseline - latestScore;
  const reached = facts.higherIsBetter ? latestScore >= goal.target : latestScore <= goal.target;
  if (reached) return 'met';
  return better >= facts.mcid ? 'progressing' : 'not_progressing';
}

import { OUTCOME_MEASURES, type OutcomeMeasure, type OutcomeMeasureId } from './instruments.js';

/**
 * Pure scoring of the outcome measures in instruments.ts. An answer is the item's value, or null when the
 * patient left the item unanswered. Sources: "clinical-and-learning.md" section A, cited as `[n]`.
 */

export type OutcomeAnswer = number | null;

export type ScoredOutcome = {
  valid: true;
  instrumentId: OutcomeMeasureId;
  /** Unrounded headline score; show it with `roundScore`. */
  score: number;
  band: string;
  answered: number;
  unanswered: number;
};

export type UnscorableOutcome = {
  valid: false;
  instrumentId: OutcomeMeasureId;
  /** Why no score can be given, as a sentence for the clinician. */
  reason: string;
  answered: number;
  unanswered: number;
};

export type OutcomeScore = ScoredOutcome | UnscorableOutcome;

/** An input error: the whole array (`index` undefined) or one answer is not acceptable. */
export type AnswerProblem = { index?: number; message: string };

/**
 * What is wrong with the answers as input (wrong count, not a whole number, out of range), as opposed to
 * too many unanswered items, which is a valid input that cannot be scored.
 */
export function findAnswerProblems(
  instrumentId: OutcomeMeasureId,
  answers: readonly OutcomeAnswer[],
): AnswerProblem[] {
  const measure = OUTCOME_MEASURES[instrumentId];
  const { min, max } = measure.answerCount;
  if (answers.length < min || answers.length > max) {
    const expected =
      min === max
        ? `exactly ${min} answer${min === 1 ? '' : 's'}`
        : `${min} to ${max} answers, one per activity`;
    return [
      {
        message: `The ${measure.name} needs ${expected} (null for an item not answered); got ${answers.length}.`,
      },
    ];
  }
  return answers.flatMap((answer, index) =>
    answer === null || (Number.isInteger(answer) && answer >= measure.itemMin && answer <= measure.itemMax)
      ? []
      : [
          {
            index,
            message: `Must be a whole number from ${measure.itemMin} to ${measure.itemMax}, or null if not answered.`,
          },
        ],
  );
}

/**
 * Scores one completed questionnaire. Throws a RangeError on input that `findAnswerProblems` rejects:
 * callers validate first, so that here an error is a programming mistake, never a patient's answers.
 */
export function scoreOutcomeMeasure(
  instrumentId: OutcomeMeasureId,
  answers: readonly OutcomeAnswer[],
): OutcomeScore {
  const problems = findAnswerProblems(instrumentId, answers);
  if (problems.length > 0) {
    const where = problems.map((p) =>
      p.index === undefined ? p.message : `answer ${p.index}: ${p.message}`,
    );
    throw new RangeError(`Invalid ${instrumentId} answers: ${where.join(' ')}`);
  }
  const measure = OUTCOME_MEASURES[instrumentId];
  const given = answers.filter((answer): answer is number => answer !== null);
  const answered = given.length;
  const unanswered = answers.length - answered;
  if (answered < measure.minAnswered) {
    return {
      valid: false,
      instrumentId,
      reason: unscorableReason(measure, answers.length, answered),
      answered,
      unanswered,
    };
  }
  const sum = given.reduce((total, answer) => total + answer, 0);
  const score = headlineScore(measure, sum, answered);
  return { valid: true, instrumentId, score, band: bandOf(measure, score), answered, unanswered };
}

function headlineScore(measure: OutcomeMeasure, sum: number, answered: number): number {
  // Multiplications come before divisions so that whole results stay exact (17/50 × 100 would give 34.000…01).
  switch (measure.scoring) {
    case 'single_item':
      return sum;
    case 'mean_of_answered':
      return sum / answered; // [21]
    case 'percent_of_answered':
      return (sum * 100) / (measure.itemMax * answered); // NDI [5][7], ODI [9]
    case 'prorated_sum':
      return (sum * measure.items.length) / answered; // LEFS: sum [13], missing items at the mean ⚠
    case 'quickdash':
      return ((sum - answered) * 25) / answered; // [(sum/n) − 1] × 25 [18]
  }
}

/** The band of a score; bands are for whole numbers, so the band value is rounded (see `bandScale`). */
export function bandOf(measure: OutcomeMeasure, score: number): string {
  const value = roundHalfAwayFromZero(score / measure.bandScale.headlinePointsPerUnit, 0);
  const band = measure.bands.find((b) => value >= b.min && value <= b.max);
  if (!band) throw new RangeError(`${measure.name} score ${score} is outside every band.`);
  return band.label;
}

function unscorableReason(measure: OutcomeMeasure, count: number, answered: number): string {
  const missing = count - answered;
  const allowed = count - measure.minAnswered;
  if (measure.scoring === 'single_item')
    return `The ${measure.name} cannot be scored: the rating was not answered.`;
  if (measure.scoring === 'mean_of_answered')
    return `The ${measure.name} cannot be scored: no activity was rated. Rate at least one activity from ${measure.itemMin} to ${measure.itemMax}.`;
  const unansweredPart =
    answered === 0
      ? `none of its ${count} items was answered`
      : `${missing} of its ${count} items are unanswered`;
  return (
    `The ${measure.name} cannot be scored: ${unansweredPart}, ` +
    `and at most ${allowed} may be. Ask the patient to complete the missing items.`
  );
}

/**
 * The score as shown and sent by the API: one decimal place, halves away from zero (NDI 16/45 → 35.6). One
 * decimal keeps prorated percentages distinguishable without suggesting more precision than the form has.
 */
export function roundScore(score: number): number {
  return roundHalfAwayFromZero(score, 1);
}

function roundHalfAwayFromZero(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  // toFixed(6) first removes binary noise such as 12.449999999 that would otherwise round the wrong way.
  const scaled = Number((Math.abs(value) * factor).toFixed(6));
  return (Math.sign(value) * Math.round(scaled)) / factor + 0; // + 0 turns -0 into 0
}

export type ScoreComparison = {
  /** current − baseline, rounded like the headline score. */
  change: number;
  /** The change goes the better way for this measure (down for NDI, up for LEFS). */
  improved: boolean;
  /** Improved by at least the measure's MCID. */
  clinicallyImportant: boolean;
  mcid: number;
};

/**
 * Compares two headline scores of the same measure. The MCID is judged on the rounded change, so that the
 * verdict agrees with the numbers the clinician sees.
 */
export function compareScores(
  instrumentId: OutcomeMeasureId,
  baseline: number,
  current: number,
): ScoreComparison {
  const measure = OUTCOME_MEASURES[instrumentId];
  for (const [name, value] of [
    ['baseline', baseline],
    ['current', current],
  ] as const) {
    if (!Number.isFinite(value) || value < measure.scoreMin || value > measure.scoreMax)
      throw new RangeError(
        `The ${name} ${measure.name} score must be from ${measure.scoreMin} to ${measure.scoreMax}; got ${value}.`,
      );
  }
  const change = roundScore(current - baseline);
  const improved = measure.direction === 'higher_is_better' ? change > 0 : change < 0;
  return {
    change,
    improved,
    clinicallyImportant: improved && Math.abs(change) >= measure.mcid,
    mcid: measure.mcid,
  };
}

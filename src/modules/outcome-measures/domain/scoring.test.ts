import { describe, expect, it } from 'vitest';
import {
  OUTCOME_MEASURE_IDS,
  OUTCOME_MEASURES,
  findOutcomeMeasure,
  type OutcomeMeasureId,
} from './instruments.js';
import {
  compareScores,
  findAnswerProblems,
  roundScore,
  scoreOutcomeMeasure,
  type OutcomeAnswer,
} from './scoring.js';

const _ = null;
/** `count` copies of `value`, to write long answer lists readably. */
const times = (count: number, value: OutcomeAnswer): OutcomeAnswer[] =>
  Array<OutcomeAnswer>(count).fill(value);

type ValidCase = {
  name: string;
  answers: OutcomeAnswer[];
  /** Headline score as the API shows it (one decimal). */
  score: number;
  band: string;
  answered: number;
};

const scoredCases: Record<OutcomeMeasureId, ValidCase[]> = {
  nprs: [
    { name: 'minimum', answers: [0], score: 0, band: 'no pain', answered: 1 },
    { name: 'lowest mild', answers: [1], score: 1, band: 'mild pain', answered: 1 },
    { name: 'highest mild', answers: [3], score: 3, band: 'mild pain', answered: 1 },
    { name: 'lowest moderate', answers: [4], score: 4, band: 'moderate pain', answered: 1 },
    { name: 'highest moderate', answers: [6], score: 6, band: 'moderate pain', answered: 1 },
    { name: 'lowest severe', answers: [7], score: 7, band: 'severe pain', answered: 1 },
    { name: 'maximum', answers: [10], score: 10, band: 'severe pain', answered: 1 },
  ],
  psfs: [
    // (3 + 5 + 7) / 3 = 5
    { name: '3 activities', answers: [3, 5, 7], score: 5, band: 'moderate limitation', answered: 3 },
    // (2 + 4 + 6 + 8 + 10) / 5 = 6
    { name: '5 activities', answers: [2, 4, 6, 8, 10], score: 6, band: 'moderate limitation', answered: 5 },
    // (7 + 8 + 9 + 10 + 10) / 5 = 8.8
    {
      name: '5 activities, mild',
      answers: [7, 8, 9, 10, 10],
      score: 8.8,
      band: 'mild or no limitation',
      answered: 5,
    },
    { name: 'a single activity', answers: [6], score: 6, band: 'moderate limitation', answered: 1 },
    // (5 + 7) / 2 = 6; the unrated activity is left out of the mean
    { name: 'one activity unrated', answers: [5, _, 7], score: 6, band: 'moderate limitation', answered: 2 },
    { name: 'minimum', answers: [0, 0, 0], score: 0, band: 'severe limitation', answered: 3 },
    { name: 'maximum', answers: [10, 10, 10], score: 10, band: 'mild or no limitation', answered: 3 },
    // 10 / 3 = 3.33 → band value 3 → severe
    { name: 'highest severe', answers: [3, 3, 4], score: 3.3, band: 'severe limitation', answered: 3 },
    // 7 / 2 = 3.5 → band value rounds half up to 4 → moderate
    { name: 'lowest moderate (3.5)', answers: [3, 4], score: 3.5, band: 'moderate limitation', answered: 2 },
    // 19 / 3 = 6.33 → 6
    { name: 'highest moderate', answers: [6, 6, 7], score: 6.3, band: 'moderate limitation', answered: 3 },
    // 13 / 2 = 6.5 → 7
    { name: 'lowest mild (6.5)', answers: [6, 7], score: 6.5, band: 'mild or no limitation', answered: 2 },
  ],
  ndi: [
    { name: 'minimum', answers: times(10, 0), score: 0, band: 'no disability', answered: 10 },
    // sum 4 /50 → 8%; raw 4 → none
    {
      name: 'highest none (raw 4)',
      answers: [1, 1, 1, 1, 0, 0, 0, 0, 0, 0],
      score: 8,
      band: 'no disability',
      answered: 10,
    },
    // sum 5 → 10%; raw 5 → mild
    {
      name: 'lowest mild (raw 5)',
      answers: [1, 1, 1, 1, 1, 0, 0, 0, 0, 0],
      score: 10,
      band: 'mild disability',
      answered: 10,
    },
    // 2×6 + 1×2 = 14 → 28%
    {
      name: 'highest mild (raw 14)',
      answers: [2, 2, 2, 2, 2, 2, 1, 1, 0, 0],
      score: 28,
      band: 'mild disability',
      answered: 10,
    },
    // 2×6 + 1×3 = 15 → 30%
    {
      name: 'lowest moderate (raw 15)',
      answers: [2, 2, 2, 2, 2, 2, 1, 1, 1, 0],
      score: 30,
      band: 'moderate disability',
      answered: 10,
    },
    // 3×6 + 2×3 = 24 → 48%
    {
      name: 'highest moderate (raw 24)',
      answers: [3, 3, 3, 3, 3, 3, 2, 2, 2, 0],
      score: 48,
      band: 'moderate disability',
      answered: 10,
    },
    // 24 + 1 = 25 → 50%
    {
      name: 'lowest severe (raw 25)',
      answers: [3, 3, 3, 3, 3, 3, 2, 2, 2, 1],
      score: 50,
      band: 'severe disability',
      answered: 10,
    },
    // 4×4 + 3×6 = 34 → 68%
    {
      name: 'highest severe (raw 34)',
      answers: [4, 4, 4, 4, 3, 3, 3, 3, 3, 3],
      score: 68,
      band: 'severe disability',
      answered: 10,
    },
    // 4×5 + 3×5 = 35 → 70%
    {
      name: 'lowest complete (raw 35)',
      answers: [4, 4, 4, 4, 4, 3, 3, 3, 3, 3],
      score: 70,
      band: 'complete disability',
      answered: 10,
    },
    { name: 'maximum', answers: times(10, 5), score: 100, band: 'complete disability', answered: 10 },
    // 2×7 + 1×2 = 16 of 45 → 35.56% → 35.6; raw on /50 = 17.8 → 18 → moderate
    {
      name: '1 missing: 16/45',
      answers: [2, 2, 2, 2, 2, 2, 2, 1, 1, _],
      score: 35.6,
      band: 'moderate disability',
      answered: 9,
    },
    // 4 of 45 → 8.89% → 8.9; raw 4.4 → 4 → none
    {
      name: '1 missing: 4/45',
      answers: [1, 1, 1, 1, 0, 0, 0, 0, 0, _],
      score: 8.9,
      band: 'no disability',
      answered: 9,
    },
    // 4 of 40 → 10%; raw 5.0 → mild (the same raw 4 with 2 missing scales up into mild)
    {
      name: '2 missing: 4/40',
      answers: [1, 1, 1, 1, 0, 0, 0, 0, _, _],
      score: 10,
      band: 'mild disability',
      answered: 8,
    },
  ],
  odi: [
    { name: 'minimum', answers: times(10, 0), score: 0, band: 'minimal disability', answered: 10 },
    // 10 / 50 → 20%
    { name: 'highest minimal', answers: times(10, 1), score: 20, band: 'minimal disability', answered: 10 },
    // 11 / 50 → 22%
    {
      name: 'lowest moderate reachable',
      answers: [2, 1, 1, 1, 1, 1, 1, 1, 1, 1],
      score: 22,
      band: 'moderate disability',
      answered: 10,
    },
    { name: 'highest moderate', answers: times(10, 2), score: 40, band: 'moderate disability', answered: 10 },
    // 21 / 50 → 42%
    {
      name: 'lowest severe reachable',
      answers: [3, 2, 2, 2, 2, 2, 2, 2, 2, 2],
      score: 42,
      band: 'severe disability',
      answered: 10,
    },
    { name: 'highest severe', answers: times(10, 3), score: 60, band: 'severe disability', answered: 10 },
    // 31 / 50 → 62%
    {
      name: 'lowest crippled reachable',
      answers: [4, 3, 3, 3, 3, 3, 3, 3, 3, 3],
      score: 62,
      band: 'crippled',
      answered: 10,
    },
    { name: 'highest crippled', answers: times(10, 4), score: 80, band: 'crippled', answered: 10 },
    // 41 / 50 → 82%
    {
      name: 'lowest bed-bound reachable',
      answers: [5, 4, 4, 4, 4, 4, 4, 4, 4, 4],
      score: 82,
      band: 'bed-bound or exaggerating symptoms',
      answered: 10,
    },
    {
      name: 'maximum',
      answers: times(10, 5),
      score: 100,
      band: 'bed-bound or exaggerating symptoms',
      answered: 10,
    },
    // sex_life (8th section) skipped: 18 / 45 → 40%
    {
      name: 'sex life skipped, 18/45',
      answers: [2, 2, 2, 2, 2, 2, 2, _, 2, 2],
      score: 40,
      band: 'moderate disability',
      answered: 9,
    },
    // 19 / 45 → 42.22% → 42.2
    {
      name: 'sex life skipped, 19/45',
      answers: [3, 2, 2, 2, 2, 2, 2, _, 2, 2],
      score: 42.2,
      band: 'severe disability',
      answered: 9,
    },
    // 9 / 45 → 20%
    {
      name: 'sex life skipped, 9/45',
      answers: [1, 1, 1, 1, 1, 1, 1, _, 1, 1],
      score: 20,
      band: 'minimal disability',
      answered: 9,
    },
    // sex life and sleeping skipped: 16 / 40 → 40%
    {
      name: 'sex life and sleeping skipped, 16/40',
      answers: [2, 2, 2, 2, 2, 2, _, _, 2, 2],
      score: 40,
      band: 'moderate disability',
      answered: 8,
    },
  ],
  lefs: [
    { name: 'minimum', answers: times(20, 0), score: 0, band: 'extreme limitation', answered: 20 },
    // 9 / 20 = average 0.45 → 0
    {
      name: 'highest extreme (9)',
      answers: [...times(9, 1), ...times(11, 0)],
      score: 9,
      band: 'extreme limitation',
      answered: 20,
    },
    // average 0.5 → 1
    {
      name: 'lowest marked (10)',
      answers: [...times(10, 1), ...times(10, 0)],
      score: 10,
      band: 'marked limitation',
      answered: 20,
    },
    // 2×9 + 1×11 = 29 → average 1.45 → 1
    {
      name: 'highest marked (29)',
      answers: [...times(9, 2), ...times(11, 1)],
      score: 29,
      band: 'marked limitation',
      answered: 20,
    },
    // 2×10 + 1×10 = 30 → 1.5 → 2
    {
      name: 'lowest moderate (30)',
      answers: [...times(10, 2), ...times(10, 1)],
      score: 30,
      band: 'moderate limitation',
      answered: 20,
    },
    // 3×9 + 2×11 = 49 → 2.45 → 2
    {
      name: 'highest moderate (49)',
      answers: [...times(9, 3), ...times(11, 2)],
      score: 49,
      band: 'moderate limitation',
      answered: 20,
    },
    // 3×10 + 2×10 = 50 → 2.5 → 3
    {
      name: 'lowest mild (50)',
      answers: [...times(10, 3), ...times(10, 2)],
      score: 50,
      band: 'mild limitation',
      answered: 20,
    },
    // 4×9 + 3×11 = 69 → 3.45 → 3
    {
      name: 'highest mild (69)',
      answers: [...times(9, 4), ...times(11, 3)],
      score: 69,
      band: 'mild limitation',
      answered: 20,
    },
    // 4×10 + 3×10 = 70 → 3.5 → 4
    {
      name: 'lowest none (70)',
      answers: [...times(10, 4), ...times(10, 3)],
      score: 70,
      band: 'no limitation',
      answered: 20,
    },
    { name: 'maximum', answers: times(20, 4), score: 80, band: 'no limitation', answered: 20 },
    // 4×10 + 3×9 = 67 over 19 answered → 67 × 20 / 19 = 70.53 → 70.5
    {
      name: '1 missing, prorated',
      answers: [...times(10, 4), ...times(9, 3), _],
      score: 70.5,
      band: 'no limitation',
      answered: 19,
    },
    // 3×16 = 48 over 16 answered → 48 × 20 / 16 = 60
    {
      name: '4 missing, prorated',
      answers: [...times(16, 3), ...times(4, _)],
      score: 60,
      band: 'mild limitation',
      answered: 16,
    },
  ],
  quickdash: [
    { name: 'minimum', answers: times(11, 1), score: 0, band: 'no disability', answered: 11 },
    { name: 'maximum', answers: times(11, 5), score: 100, band: 'extreme disability', answered: 11 },
    // (33/11 − 1) × 25 = 50
    { name: 'all moderate', answers: times(11, 3), score: 50, band: 'moderate disability', answered: 11 },
    // (1×6 + 2×3 + 3×2 = 18; 18/11 − 1) × 25 = 15.91 → 15.9; average−1 = 0.64 → 1
    {
      name: 'mixed, all answered',
      answers: [1, 1, 1, 1, 1, 1, 2, 2, 2, 3, 3],
      score: 15.9,
      band: 'mild disability',
      answered: 11,
    },
    // sum 16: (16/11 − 1) × 25 = 11.36 → 11.4; 0.45 → 0
    {
      name: 'highest none reachable',
      answers: [1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2],
      score: 11.4,
      band: 'no disability',
      answered: 11,
    },
    // 1 missing: (20/10 − 1) × 25 = 25
    { name: '1 missing', answers: [...times(10, 2), _], score: 25, band: 'mild disability', answered: 10 },
    // 1 missing: 1×5 + 2×5 = 15; (15/10 − 1) × 25 = 12.5; 0.5 → 1
    {
      name: '1 missing, lowest mild (12.5)',
      answers: [1, 1, 1, 1, 1, 2, 2, 2, 2, _, 2],
      score: 12.5,
      band: 'mild disability',
      answered: 10,
    },
    // 1 missing: 1×5 + 4×5 = 25; (25/10 − 1) × 25 = 37.5; 1.5 → 2
    {
      name: '1 missing, lowest moderate (37.5)',
      answers: [_, 1, 1, 1, 1, 1, 4, 4, 4, 4, 4],
      score: 37.5,
      band: 'moderate disability',
      answered: 10,
    },
    // 5×10 + 4 = 54 of 11 → (54/11 − 1) × 25 = 97.73 → 97.7
    {
      name: 'near maximum',
      answers: [...times(10, 5), 4],
      score: 97.7,
      band: 'extreme disability',
      answered: 11,
    },
  ],
};

const validRows = OUTCOME_MEASURE_IDS.flatMap((instrumentId) =>
  scoredCases[instrumentId].map((row) => ({ instrumentId, ...row })),
);

describe('scoreOutcomeMeasure: valid scores', () => {
  it.each(validRows)(
    '$instrumentId $name → $score ($band)',
    ({ instrumentId, answers, score, band, answered }) => {
      const result = scoreOutcomeMeasure(instrumentId, answers);
      expect(result).toMatchObject({ valid: true, band, answered, unanswered: answers.length - answered });
      if (!result.valid) throw new Error('expected a score');
      expect(roundScore(result.score)).toBe(score);
    },
  );

  it('keeps the precise score; only the display is rounded', () => {
    const result = scoreOutcomeMeasure('ndi', [2, 2, 2, 2, 2, 2, 2, 1, 1, null]);
    expect(result.valid && result.score).toBeCloseTo(1600 / 45, 10);
  });
});

describe('scoreOutcomeMeasure: too many unanswered items', () => {
  it.each([
    { instrumentId: 'nprs', answers: [_], reason: 'The NPRS cannot be scored: the rating was not answered.' },
    {
      instrumentId: 'psfs',
      answers: [_, _, _],
      reason: 'The PSFS cannot be scored: no activity was rated. Rate at least one activity from 0 to 10.',
    },
    {
      instrumentId: 'ndi',
      answers: [1, 1, 1, 1, 1, 1, 1, _, _, _],
      reason:
        'The NDI cannot be scored: 3 of its 10 items are unanswered, and at most 2 may be. Ask the patient to complete the missing items.',
    },
    {
      instrumentId: 'ndi',
      answers: times(10, _),
      reason:
        'The NDI cannot be scored: none of its 10 items was answered, and at most 2 may be. Ask the patient to complete the missing items.',
    },
    {
      instrumentId: 'odi',
      answers: [2, 2, 2, 2, 2, _, 2, _, 2, _],
      reason:
        'The ODI cannot be scored: 3 of its 10 items are unanswered, and at most 2 may be. Ask the patient to complete the missing items.',
    },
    {
      instrumentId: 'lefs',
      answers: [...times(15, 3), ...times(5, _)],
      reason:
        'The LEFS cannot be scored: 5 of its 20 items are unanswered, and at most 4 may be. Ask the patient to complete the missing items.',
    },
    {
      instrumentId: 'quickdash',
      answers: [...times(9, 2), _, _],
      reason:
        'The QuickDASH cannot be scored: 2 of its 11 items are unanswered, and at most 1 may be. Ask the patient to complete the missing items.',
    },
    {
      instrumentId: 'quickdash',
      answers: times(11, _),
      reason:
        'The QuickDASH cannot be scored: none of its 11 items was answered, and at most 1 may be. Ask the patient to complete the missing items.',
    },
  ] as const)(
    '$instrumentId with $answers.length answers is not scored',
    ({ instrumentId, answers, reason }) => {
      const answered = answers.filter((a) => a !== null).length;
      expect(scoreOutcomeMeasure(instrumentId, answers)).toEqual({
        valid: false,
        instrumentId,
        reason,
        answered,
        unanswered: answers.length - answered,
      });
    },
  );

  it.each(OUTCOME_MEASURE_IDS)('%s with every item unanswered is not scored', (instrumentId) => {
    const count = OUTCOME_MEASURES[instrumentId].answerCount.max;
    expect(scoreOutcomeMeasure(instrumentId, times(count, null)).valid).toBe(false);
  });
});

describe('findAnswerProblems: input errors, not missing items', () => {
  it.each([
    {
      instrumentId: 'ndi',
      answers: times(9, 1),
      problems: [{ message: 'The NDI needs exactly 10 answers (null for an item not answered); got 9.' }],
    },
    {
      instrumentId: 'nprs',
      answers: [],
      problems: [{ message: 'The NPRS needs exactly 1 answer (null for an item not answered); got 0.' }],
    },
    {
      instrumentId: 'psfs',
      answers: times(6, 5),
      problems: [
        {
          message: 'The PSFS needs 1 to 5 answers, one per activity (null for an item not answered); got 6.',
        },
      ],
    },
    {
      instrumentId: 'ndi',
      answers: [1, 1, 1, 6, 1, 1, -1, 1, 1, 1],
      problems: [
        { index: 3, message: 'Must be a whole number from 0 to 5, or null if not answered.' },
        { index: 6, message: 'Must be a whole number from 0 to 5, or null if not answered.' },
      ],
    },
    {
      instrumentId: 'quickdash',
      answers: [0, ...times(9, 1), 2.5],
      problems: [
        { index: 0, message: 'Must be a whole number from 1 to 5, or null if not answered.' },
        { index: 10, message: 'Must be a whole number from 1 to 5, or null if not answered.' },
      ],
    },
  ] as const)('$instrumentId $answers', ({ instrumentId, answers, problems }) => {
    expect(findAnswerProblems(instrumentId, answers)).toEqual(problems);
  });

  it.each(validRows)('accepts $instrumentId $name', ({ instrumentId, answers }) => {
    expect(findAnswerProblems(instrumentId, answers)).toEqual([]);
  });

  it('refuses to score input it rejects: callers must validate first', () => {
    expect(() => scoreOutcomeMeasure('lefs', times(19, 4))).toThrow(RangeError);
    expect(() => scoreOutcomeMeasure('nprs', [11])).toThrow(/answer 0: Must be a whole number from 0 to 10/);
  });
});

describe('compareScores', () => {
  it.each([
    // LEFS: higher is better, MCID 9
    {
      instrumentId: 'lefs',
      baseline: 40,
      current: 52,
      change: 12,
      improved: true,
      clinicallyImportant: true,
    },
    { instrumentId: 'lefs', baseline: 40, current: 49, change: 9, improved: true, clinicallyImportant: true },
    {
      instrumentId: 'lefs',
      baseline: 40,
      current: 48,
      change: 8,
      improved: true,
      clinicallyImportant: false,
    },
    {
      instrumentId: 'lefs',
      baseline: 52,
      current: 40,
      change: -12,
      improved: false,
      clinicallyImportant: false,
    },
    // NDI: lower is better, MCID 10 percentage points
    {
      instrumentId: 'ndi',
      baseline: 44,
      current: 34,
      change: -10,
      improved: true,
      clinicallyImportant: true,
    },
    {
      instrumentId: 'ndi',
      baseline: 44,
      current: 36,
      change: -8,
      improved: true,
      clinicallyImportant: false,
    },
    {
      instrumentId: 'ndi',
      baseline: 34,
      current: 44,
      change: 10,
      improved: false,
      clinicallyImportant: false,
    },
    // 25.6 − 35.6 is −10.000000000000002 in floating point; the rounded change is exactly −10
    {
      instrumentId: 'ndi',
      baseline: 35.6,
      current: 25.6,
      change: -10,
      improved: true,
      clinicallyImportant: true,
    },
    {
      instrumentId: 'ndi',
      baseline: 30,
      current: 30,
      change: 0,
      improved: false,
      clinicallyImportant: false,
    },
    // PSFS: higher is better, threshold 2
    {
      instrumentId: 'psfs',
      baseline: 3.3,
      current: 5.3,
      change: 2,
      improved: true,
      clinicallyImportant: true,
    },
    // QuickDASH: lower is better, MCID 14
    {
      instrumentId: 'quickdash',
      baseline: 50,
      current: 36.4,
      change: -13.6,
      improved: true,
      clinicallyImportant: false,
    },
  ] as const)(
    '$instrumentId $baseline → $current: change $change, improved $improved, important $clinicallyImportant',
    ({ instrumentId, baseline, current, change, improved, clinicallyImportant }) => {
      expect(compareScores(instrumentId, baseline, current)).toEqual({
        change,
        improved,
        clinicallyImportant,
        mcid: OUTCOME_MEASURES[instrumentId].mcid,
      });
    },
  );

  it('refuses a score outside the measure’s range', () => {
    expect(() => compareScores('lefs', 40, 81)).toThrow(
      'The current LEFS score must be from 0 to 80; got 81.',
    );
    expect(() => compareScores('nprs', Number.NaN, 3)).toThrow(RangeError);
  });
});

describe('roundScore', () => {
  it.each([
    [1600 / 45, 35.6],
    [12.45, 12.5],
    [12.449, 12.4],
    [175 / 11, 15.9],
    [-10.000000000000002, -10],
    [-0.04, 0],
  ])('%d → %d', (score, shown) => {
    expect(roundScore(score)).toBe(shown);
  });
});

describe('instrument data', () => {
  it.each(OUTCOME_MEASURE_IDS)('%s: items, bands and item text agree', (id) => {
    const measure = OUTCOME_MEASURES[id];
    expect(measure.id).toBe(id);
    expect(measure.items).toHaveLength(measure.answerCount.max);
    expect(new Set(measure.items.map((item) => item.id)).size).toBe(measure.items.length);
    expect(measure.items.every((item) => (item.text !== undefined) === measure.shipItemText)).toBe(true);
    // Bands cover every whole number of the band scale, in order, without gaps or overlaps.
    const perUnit = measure.bandScale.headlinePointsPerUnit;
    const covered = measure.bands.flatMap((band) =>
      Array.from({ length: band.max - band.min + 1 }, (_unused, i) => band.min + i),
    );
    const lowest = measure.scoreMin / perUnit;
    const highest = measure.scoreMax / perUnit;
    expect(covered).toEqual(Array.from({ length: highest - lowest + 1 }, (_unused, i) => lowest + i));
  });

  it('ships item text only for the free instruments (NPRS, PSFS)', () => {
    expect(OUTCOME_MEASURE_IDS.filter((id) => OUTCOME_MEASURES[id].shipItemText)).toEqual(['nprs', 'psfs']);
  });

  it('finds a measure by id and nothing for other names', () => {
    expect(findOutcomeMeasure('ndi')?.name).toBe('NDI');
    expect(findOutcomeMeasure('NDI')).toBeUndefined();
    expect(findOutcomeMeasure('constructor')).toBeUndefined();
  });
});

/**
 * The outcome measures Palpa scores, as data. Facts come from the shared reference
 * "clinical-and-learning.md", section A; `[n]` cites that file's source list. `⚠` marks a rule the reference
 * does not settle: Palpa chose it (the reason is given next to it) and it should be confirmed before the
 * scores are relied on clinically.
 *
 * Item text is shipped only where the reference says the instrument is free (NPRS, PSFS), and then in our own
 * words. The other questionnaires are licensed or their licence is unverified, so only item identifiers are
 * shipped; a clinic supplies the wording from its own licensed copy.
 */

export const OUTCOME_MEASURE_IDS = ['nprs', 'psfs', 'ndi', 'odi', 'lefs', 'quickdash'] as const;
export type OutcomeMeasureId = (typeof OUTCOME_MEASURE_IDS)[number];

export type ScoreDirection = 'higher_is_better' | 'higher_is_worse';

/** How the answered items become the headline score. */
export type ScoringMethod =
  /** The one item's value (NPRS). */
  | 'single_item'
  /** Mean of the answered items (PSFS). */
  | 'mean_of_answered'
  /** Sum ÷ (highest item value × items answered) × 100 (NDI, ODI). */
  | 'percent_of_answered'
  /** Sum, with unanswered items given the mean of the answered ones (LEFS). */
  | 'prorated_sum'
  /** ((sum ÷ items answered) − 1) × 25 (QuickDASH). */
  | 'quickdash';

/** One descriptive band: whole numbers `min`..`max` (inclusive) on the instrument's band scale. */
export type OutcomeBand = { readonly label: string; readonly min: number; readonly max: number };

export type OutcomeItem = { readonly id: string; readonly text?: string };

export type OutcomeMeasure = {
  readonly id: OutcomeMeasureId;
  readonly name: string;
  readonly fullName: string;
  readonly items: readonly OutcomeItem[];
  /** Lowest and highest answer of every item. */
  readonly itemMin: number;
  readonly itemMax: number;
  /** How many entries the answers array may have (only the PSFS lets it vary). */
  readonly answerCount: { readonly min: number; readonly max: number };
  /** Fewest answered (non-null) items that still give a valid score. */
  readonly minAnswered: number;
  readonly scoring: ScoringMethod;
  readonly scoringRule: string;
  readonly missingItemsRule: string;
  readonly scoreMin: number;
  readonly scoreMax: number;
  readonly scoreUnit: 'points' | 'percent';
  readonly direction: ScoreDirection;
  /** Smallest change that matters, in headline-score units. */
  readonly mcid: number;
  readonly mcidNote: string;
  readonly bands: readonly OutcomeBand[];
  /**
   * Bands are published on a scale other than the headline for some measures (the NDI's raw /50). The band
   * value is headline ÷ `headlinePointsPerUnit`, rounded to the nearest whole number (halves up), because
   * the bands are given for whole numbers while a prorated score or a mean can fall between two of them.
   */
  readonly bandScale: { readonly headlinePointsPerUnit: number; readonly description: string };
  readonly bandsSource: string;
  readonly licence: string;
  readonly shipItemText: boolean;
};

const numberedItems = (count: number): OutcomeItem[] =>
  Array.from({ length: count }, (_, index) => ({ id: `item_${index + 1}` }));

const HEADLINE_BAND_SCALE = { headlinePointsPerUnit: 1, description: 'The headline score.' } as const;

export const OUTCOME_MEASURES: { readonly [Id in OutcomeMeasureId]: OutcomeMeasure & { id: Id } } = {
  nprs: {
    id: 'nprs',
    name: 'NPRS',
    fullName: 'Numeric Pain Rating Scale',
    // Generic scale, free to ship [1]; the wording is ours.
    items: [
      {
        id: 'pain_intensity',
        text: 'How much pain do you have right now, from 0 (no pain) to 10 (the worst pain you can imagine)?',
      },
    ],
    itemMin: 0,
    itemMax: 10,
    answerCount: { min: 1, max: 1 },
    minAnswered: 1,
    scoring: 'single_item',
    scoringRule: 'The rating as given, 0–10 [1].',
    missingItemsRule: 'The one rating must be answered.',
    scoreMin: 0,
    scoreMax: 10,
    scoreUnit: 'points',
    direction: 'higher_is_worse',
    mcid: 2,
    mcidNote:
      'A change of 2 points is clinically meaningful [1]; consensus MIC 2 points or 30% in low back pain [3].',
    bands: [
      { label: 'no pain', min: 0, max: 0 },
      { label: 'mild pain', min: 1, max: 3 },
      { label: 'moderate pain', min: 4, max: 6 },
      { label: 'severe pain', min: 7, max: 10 },
    ],
    bandScale: HEADLINE_BAND_SCALE,
    bandsSource: '0 none, 1–3 mild, 4–6 moderate, 7–10 severe [1] (physiotherapy.ca NRS-11).',
    licence: 'Generic scale, free to use [1]. Item wording is Palpa’s own.',
    shipItemText: true,
  },

  psfs: {
    id: 'psfs',
    name: 'PSFS',
    fullName: 'Patient-Specific Functional Scale',
    // Free [15][22]; the structure is generic, the clinician's script is paraphrased in our own words.
    items: [1, 2, 3, 4, 5].map((n) => ({
      id: `activity_${n}`,
      text:
        `Activity ${n}: name an activity you find hard because of your problem, then rate how well you can ` +
        'do it today, from 0 (unable to do it) to 10 (as well as before the problem).',
    })),
    itemMin: 0,
    itemMax: 10,
    // The patient names "up to 3–5" activities [21][22], so fewer than 3 is allowed: one entry per activity.
    answerCount: { min: 1, max: 5 },
    // ⚠ The reference gives no minimum; the mean of one rated activity is still that patient's score.
    minAnswered: 1,
    scoring: 'mean_of_answered',
    scoringRule: 'Mean of the rated activities, 0–10 [21].',
    missingItemsRule:
      'An activity sent as null (named but not rated) is left out of the mean; at least one activity must be rated.',
    scoreMin: 0,
    scoreMax: 10,
    scoreUnit: 'points',
    direction: 'higher_is_better',
    mcid: 2,
    mcidNote:
      'MDC(90%) of the mean is 2 points (3 for a single activity) [21]; Palpa uses it as the threshold. MID 1.3–2.7 by size of change [4].',
    // ⚠ No official bands [21]. Palpa's descriptive grouping reuses the NPRS cut-points [1] on the same 11-point
    // scale read the other way (0 = unable here), merging "none" into "mild": a mean rarely reaches exactly 10.
    bands: [
      { label: 'severe limitation', min: 0, max: 3 },
      { label: 'moderate limitation', min: 4, max: 6 },
      { label: 'mild or no limitation', min: 7, max: 10 },
    ],
    bandScale: {
      headlinePointsPerUnit: 1,
      description: 'The mean, rounded to the nearest whole number.',
    },
    bandsSource:
      'No official bands [21]. Palpa’s descriptive grouping, mirroring the NPRS cut-points [1]; not validated for the PSFS.',
    licence: 'Free [15][22]. Item wording is Palpa’s own paraphrase.',
    shipItemText: true,
  },

  ndi: {
    id: 'ndi',
    name: 'NDI',
    fullName: 'Neck Disability Index',
    // Section names as listed in [5][6]; no statement text (licence holder unconfirmed [5]).
    items: [
      'pain_intensity',
      'personal_care',
      'lifting',
      'reading',
      'headaches',
      'concentration',
      'work',
      'driving',
      'sleeping',
      'recreation',
    ].map((id) => ({ id })),
    itemMin: 0,
    itemMax: 5,
    answerCount: { min: 10, max: 10 },
    // ⚠ The reference gives how to score a missing item [7] but no limit; "more than 2 missing → do not score"
    // is the common convention, not verified against Vernon's manual.
    minAnswered: 8,
    scoring: 'percent_of_answered',
    scoringRule:
      'Sum ÷ (5 × items answered) × 100, so 0–100% (sum /50 × 2 when complete [5]; a missing item lowers the denominator by 5, e.g. 16/45 [7]).',
    missingItemsRule:
      'Up to 2 items may be unanswered; each lowers the denominator by 5 [7]. With 3 or more missing the NDI is not scored (common convention ⚠).',
    scoreMin: 0,
    scoreMax: 100,
    scoreUnit: 'percent',
    direction: 'higher_is_worse',
    mcid: 10,
    mcidNote: 'MCID = MDC = 5 raw points [5], i.e. 10 percentage points [7]. Other work: MID 14% [4].',
    bands: [
      { label: 'no disability', min: 0, max: 4 },
      { label: 'mild disability', min: 5, max: 14 },
      { label: 'moderate disability', min: 15, max: 24 },
      { label: 'severe disability', min: 25, max: 34 },
      { label: 'complete disability', min: 35, max: 50 },
    ],
    // Bands are published on the raw /50 scale [5]; a score with missing items is first scaled to /50
    // (percentage ÷ 2), e.g. 16/45 → 17.8/50 → 18 → moderate.
    bandScale: {
      headlinePointsPerUnit: 2,
      description:
        'Raw score out of 50 (percentage ÷ 2, so missing items are scaled up), nearest whole number.',
    },
    bandsSource:
      'Raw /50: 0–4 none, 5–14 mild, 15–24 moderate, 25–34 severe, >34 complete [5] (chiro.org NDI_Explain).',
    licence:
      'Modified from the ODI with Fairbank’s permission [5]; licence holder not confirmed ⚠. Item text not shipped.',
    shipItemText: false,
  },

  odi: {
    id: 'odi',
    name: 'ODI',
    fullName: 'Oswestry Disability Index 2.1a',
    // Section names as listed in [8]; no statement text (licensed by Mapi Research Trust [9]).
    items: [
      'pain_intensity',
      'personal_care',
      'lifting',
      'walking',
      'sitting',
      'standing',
      'sleeping',
      'sex_life',
      'social_life',
      'travelling',
    ].map((id) => ({ id })),
    itemMin: 0,
    itemMax: 5,
    answerCount: { min: 10, max: 10 },
    // ⚠ The formula divides by the sections answered [9]; the limit is Palpa's choice: 2, as for the NDI
    // (derived from the ODI), so that a skipped "sex life" section [8] plus one more still scores.
    minAnswered: 8,
    scoring: 'percent_of_answered',
    scoringRule: '[Sum ÷ (5 × sections answered)] × 100, 0–100% [9].',
    missingItemsRule:
      'Up to 2 sections may be unanswered (sex life is often skipped [8]); the denominator drops by 5 for each. With 3 or more missing the ODI is not scored (Palpa’s choice ⚠).',
    scoreMin: 0,
    scoreMax: 100,
    scoreUnit: 'percent',
    direction: 'higher_is_worse',
    mcid: 10,
    mcidNote: 'MIC 10 points or 30% [3]; other estimates 12.8 [11], MID 12 [4].',
    bands: [
      { label: 'minimal disability', min: 0, max: 20 },
      { label: 'moderate disability', min: 21, max: 40 },
      { label: 'severe disability', min: 41, max: 60 },
      // The published category names [10], kept verbatim so they match the literature clinicians read.
      { label: 'crippled', min: 61, max: 80 },
      { label: 'bed-bound or exaggerating symptoms', min: 81, max: 100 },
    ],
    bandScale: { headlinePointsPerUnit: 1, description: 'The percentage, nearest whole number.' },
    bandsSource:
      '0–20 minimal, 21–40 moderate, 41–60 severe, 61–80 crippled, 81–100 bed-bound or exaggerating [10].',
    licence:
      'Distributed by Mapi Research Trust (ePROVIDE); fees may apply to healthcare organisations and IT companies [9]. Item text not shipped.',
    shipItemText: false,
  },

  lefs: {
    id: 'lefs',
    name: 'LEFS',
    fullName: 'Lower Extremity Functional Scale',
    // Numbered ids only: the activity list is APTA-copyright ⚠ [13] and not in the reference.
    items: numberedItems(20),
    itemMin: 0,
    itemMax: 4,
    answerCount: { min: 20, max: 20 },
    // ⚠ The reference gives no missing-item rule. Palpa follows the common practice of prorating up to 4
    // missing items (80% answered) with the mean of the answered ones.
    minAnswered: 16,
    scoring: 'prorated_sum',
    scoringRule: 'Sum of the 20 items, 0–80 [13]; unanswered items count as the mean of the answered ones.',
    missingItemsRule:
      'Up to 4 items may be unanswered and are given the mean of the answered items (sum × 20 ÷ answered). With 5 or more missing the LEFS is not scored (common practice ⚠).',
    scoreMin: 0,
    scoreMax: 80,
    scoreUnit: 'points',
    direction: 'higher_is_better',
    mcid: 9,
    mcidNote: 'MDC 9 and MCID 9 points (90% CI) [14]; MID 9–16 [4].',
    // ⚠ No official bands [13]. Palpa's descriptive grouping: the answer the items average to (score ÷ 20;
    // 0 = extreme difficulty … 4 = no difficulty [13]), labelled in our own words.
    bands: [
      { label: 'extreme limitation', min: 0, max: 0 },
      { label: 'marked limitation', min: 1, max: 1 },
      { label: 'moderate limitation', min: 2, max: 2 },
      { label: 'mild limitation', min: 3, max: 3 },
      { label: 'no limitation', min: 4, max: 4 },
    ],
    bandScale: {
      headlinePointsPerUnit: 20,
      description: 'The average item answer (score ÷ 20, 0–4), nearest whole number.',
    },
    bandsSource:
      'No official bands [13]. Palpa’s descriptive grouping by the average answer on the 0–4 item scale.',
    licence:
      'Listed as free [15], but forms are reprinted with permission of the APTA [13]: copyright unverified ⚠. Item text not shipped.',
    shipItemText: false,
  },

  quickdash: {
    id: 'quickdash',
    name: 'QuickDASH',
    fullName: 'Quick Disabilities of the Arm, Shoulder and Hand',
    // Numbered ids only: commercial software needs an IWH licence [20], and the items are not in the reference.
    items: numberedItems(11),
    itemMin: 1,
    itemMax: 5,
    answerCount: { min: 11, max: 11 },
    minAnswered: 10, // At least 10 of 11 answered [17].
    scoring: 'quickdash',
    scoringRule: '[(Sum ÷ items answered) − 1] × 25, 0–100 [18] ⚠ (secondary source).',
    missingItemsRule: 'At most 1 item may be unanswered; the mean of the answered items is used [17][18].',
    scoreMin: 0,
    scoreMax: 100,
    scoreUnit: 'points',
    direction: 'higher_is_worse',
    mcid: 14,
    mcidNote: 'MCID 14 points (95% CI 9–20) [19].',
    // ⚠ No official bands [17]. Palpa's descriptive grouping: the answer the items average to
    // (score ÷ 25 = mean − 1; 1 = no difficulty … 5 = unable [16][17]).
    bands: [
      { label: 'no disability', min: 0, max: 0 },
      { label: 'mild disability', min: 1, max: 1 },
      { label: 'moderate disability', min: 2, max: 2 },
      { label: 'severe disability', min: 3, max: 3 },
      { label: 'extreme disability', min: 4, max: 4 },
    ],
    bandScale: {
      headlinePointsPerUnit: 25,
      description: 'The average item answer minus 1 (score ÷ 25, 0–4), nearest whole number.',
    },
    bandsSource:
      'No official bands [17]. Palpa’s descriptive grouping by the average answer on the 1–5 item scale.',
    licence:
      'IWH: free for non-commercial use; commercial/web software needs a paid licence [20]. Item text not shipped.',
    shipItemText: false,
  },
};

/** The measure with this id, or undefined (own keys only, so "constructor" is not a measure). */
export function findOutcomeMeasure(id: string): OutcomeMeasure | undefined {
  return Object.hasOwn(OUTCOME_MEASURES, id) ? OUTCOME_MEASURES[id as OutcomeMeasureId] : undefined;
}

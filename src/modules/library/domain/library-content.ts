import { z } from 'zod';

/**
 * The condition & protocol library's content format (issue 4). Content is data — one JSON file per
 * condition and per technique under content/library/ — checked by these schemas and by the content tests
 * (every ICD-10-CM code billable, every technique, region, screening rule, special test and measure
 * reference resolves). Written for Palpa, with 2–5 real references per condition.
 */
export const CONDITION_CATEGORIES = [
  'spine_and_neck',
  'headache_and_jaw',
  'upper_limb',
  'lower_limb',
  'pelvis_and_hip',
  'widespread_pain',
  'neurological',
  'injury_and_recovery',
  'lymphatic_and_circulatory',
  'postural',
  'mental_health',
  'pregnancy',
  'visceral',
  'oncology',
] as const;
export type ConditionCategory = (typeof CONDITION_CATEGORIES)[number];

/** Coarse body areas for browsing (the body chart's regions are finer; steps use those). */
export const BODY_AREAS = [
  'head',
  'jaw',
  'neck',
  'shoulder',
  'upper_back',
  'chest',
  'low_back',
  'pelvis_hip',
  'elbow_forearm',
  'wrist_hand',
  'thigh_knee',
  'leg_ankle_foot',
  'abdomen',
  'whole_body',
] as const;
export type BodyArea = (typeof BODY_AREAS)[number];

export const POSITIONS = ['prone', 'supine', 'side_lying', 'seated', 'semi_reclined'] as const;

const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'kebab-case id');
const sentence = z
  .string()
  .trim()
  .min(3, 'Write at least a few words.')
  .max(1200, 'Keep it under 1,200 characters.');

export const ZReference = z.strictObject({
  title: z.string().trim().min(3).max(300),
  source: z.string().trim().min(2).max(200),
  year: z.number().int().min(1950).max(2026).optional(),
  url: z.string().url().optional(),
});

export const ZProtocolStep = z.strictObject({
  technique: z.string().min(2).max(60),
  /** Body-chart region ids (src/modules/assessments/domain/body-regions.ts). */
  regions: z.array(z.string()).min(1).max(12),
  position: z.enum(POSITIONS),
  /** Walton's 0–5 pressure scale. */
  pressure: z.number().int().min(0).max(5),
  minutes: z.number().int().min(1).max(60),
  serviceCode: z.enum(['97124', '97140', '97112', '97110', '97530', '97010']),
  purpose: sentence,
});

export const ZCondition = z.strictObject({
  id,
  name: z.string().trim().min(3).max(120),
  /** Other names people search with: lay words, older terms, abbreviations ("frozen shoulder"). */
  aliases: z.array(z.string().trim().min(2).max(80)).max(20),
  category: z.enum(CONDITION_CATEGORIES),
  bodyAreas: z.array(z.enum(BODY_AREAS)).min(1).max(6),
  summary: sentence,
  presentation: z.array(sentence).min(2).max(10),
  redFlags: z.array(sentence).min(1).max(10),
  icd10cm: z
    .array(
      z.strictObject({
        code: z.string().regex(/^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/),
        label: z.string().min(3),
      }),
    )
    .min(1)
    .max(12),
  /** Laterality, 7th character (A/D/S), or which code to choose when. */
  codingNotes: sentence.optional(),
  /** Screening rule ids (src/modules/screening/domain/screening-rules.ts) whose cautions apply. */
  screeningRules: z.array(z.string()).max(10),
  cautions: z.array(sentence).min(1).max(10),
  gentle: z.boolean(),
  healingPhase: sentence.optional(),
  assessmentFocus: z.strictObject({
    rom: z.array(z.strictObject({ joint: z.string(), movement: z.string() })).max(12),
    specialTests: z.array(z.string()).max(8),
    outcomeMeasures: z
      .array(z.enum(['nprs', 'psfs', 'ndi', 'odi', 'lefs', 'quickdash']))
      .min(1)
      .max(4),
    notes: sentence.optional(),
  }),
  protocol: z.strictObject({
    steps: z.array(ZProtocolStep).min(2).max(12),
    hydrotherapy: z
      .array(
        z.strictObject({
          kind: z.enum(['heat', 'cold', 'contrast']),
          where: z.string().min(2).max(200),
          minutes: z.number().int().min(1).max(30),
          when: sentence,
        }),
      )
      .max(4),
    homeCare: z.array(sentence).min(1).max(10),
  }),
  course: z.strictObject({
    frequencyPerWeek: z.number().int().min(1).max(5),
    durationWeeks: z.number().int().min(1).max(26),
    note: sentence.optional(),
  }),
  goals: z
    .array(
      z.discriminatedUnion('kind', [
        z.strictObject({
          kind: z.literal('measure'),
          instrument: z.enum(['nprs', 'psfs', 'ndi', 'odi', 'lefs', 'quickdash']),
          text: sentence,
        }),
        z.strictObject({ kind: z.literal('functional'), text: sentence }),
      ]),
    )
    .min(1)
    .max(6),
  references: z.array(ZReference).min(2).max(5),
});
export type Condition = z.infer<typeof ZCondition>;

export const ZTechnique = z.strictObject({
  /** Same id as the session notes' technique list (src/modules/session-notes/domain/session-note.ts). */
  id: z.string().regex(/^[a-z0-9_]+$/),
  name: z.string().trim().min(3).max(120),
  aliases: z.array(z.string().trim().min(2).max(80)).max(20),
  what: sentence,
  how: z.array(sentence).min(2).max(10),
  indications: z.array(sentence).min(2).max(12),
  contraindications: z.array(sentence).min(1).max(12),
  /** Screening rule ids under which this technique needs care or is ruled out. */
  screeningRules: z.array(z.string()).max(15),
  evidence: sentence,
  defaultServiceCode: z.enum(['97124', '97140', '97112', '97110', '97530', '97010']),
  references: z.array(ZReference).min(2).max(5),
});
export type Technique = z.infer<typeof ZTechnique>;

/** Issue 4's required list: each must exist (by id) in content/library/conditions. */
export const REQUIRED_CONDITIONS = [
  'chronic-neck-pain',
  'low-back-pain',
  'tension-type-headache',
  'migraine',
  'fibromyalgia',
  'sciatica',
  'carpal-tunnel-syndrome',
  'whiplash',
  'muscle-strain',
  'osteoarthritis',
  'myofascial-pain-syndrome',
  'tmj-disorder',
  'edema',
  'lymphedema',
  'thoracic-outlet-syndrome',
  'tendinitis',
  'scoliosis-and-postural-disorders',
  'multiple-sclerosis',
  'sports-injuries',
  'post-surgical-recovery',
  'repetitive-strain-injury',
  'plantar-fasciitis',
  'frozen-shoulder',
  'shin-splints',
  'stroke-rehabilitation',
  'bursitis',
  'rotator-cuff-injury',
  'si-joint-dysfunction',
  'irritable-bowel-syndrome',
  'anxiety',
  'depression',
  'ptsd',
  'pregnancy-related-conditions',
  'piriformis-syndrome',
  'it-band-syndrome',
  'lateral-epicondylalgia',
  'medial-epicondylalgia',
  'de-quervain-tenosynovitis',
  'achilles-tendinopathy',
  'ankle-sprain',
  'patellofemoral-pain',
  'hip-osteoarthritis',
  'knee-osteoarthritis',
  'cervicogenic-headache',
  'upper-crossed-syndrome',
  'lower-crossed-syndrome',
  'hamstring-strain',
  'oncology-informed-massage',
] as const;

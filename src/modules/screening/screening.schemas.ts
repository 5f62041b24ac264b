import { z } from '@hono/zod-openapi';
import {
  ACTIVITY_LEVEL_CODES,
  CONDITION_CODES,
  CONDITION_STATUSES,
  DEVICE_CODES,
  MEDICATION_CLASS_CODES,
  PREGNANCY_STATUSES,
  type HealthHistory,
} from './domain/health-history.js';
import { MODALITY_CODES, SEVERITY_ORDER, VITALS } from './domain/screening-rules.js';
import { isValidIsoDate, type ScreeningAlert } from './domain/screening.js';

const MAX_ENTRIES = 50;

const text = (max: number) => z.string().trim().max(max, `Use at most ${max} characters.`);
const requiredText = (label: string, max: number) => text(max).min(1, `Enter the ${label}.`);
const entries = <T extends z.ZodType>(entry: T) =>
  z.array(entry).max(MAX_ENTRIES, `List at most ${MAX_ENTRIES} entries.`);

export const ZIsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use the format YYYY-MM-DD.')
  .refine(isValidIsoDate, 'This date does not exist.')
  .openapi({ example: '2025-01-30' });

const ZRegion = text(100).openapi({ example: 'left calf' });

export const ZHealthHistory = z
  .strictObject({
    complaints: entries(
      z.strictObject({
        description: requiredText('complaint', 500),
        onsetDate: ZIsoDate.optional(),
        region: ZRegion.optional(),
      }),
    ),
    conditions: entries(
      z.strictObject({
        condition: z.enum(CONDITION_CODES),
        status: z.enum(CONDITION_STATUSES),
        region: ZRegion.optional(),
        note: text(500).optional(),
      }),
    ),
    medications: entries(
      z.strictObject({
        name: requiredText('medication name', 200).openapi({ example: 'Eliquis' }),
        dose: text(100).optional().openapi({ example: '5 mg twice daily' }),
        reason: text(300).optional(),
        medicationClass: z.enum(MEDICATION_CLASS_CODES).optional(),
      }),
    ),
    surgeries: entries(
      z.strictObject({
        procedure: requiredText('procedure', 200),
        date: ZIsoDate.optional(),
        region: ZRegion.optional(),
      }),
    ),
    injuries: entries(
      z.strictObject({
        description: requiredText('injury', 500),
        date: ZIsoDate.optional(),
        region: ZRegion.optional(),
      }),
    ),
    allergies: entries(
      z.strictObject({ substance: requiredText('allergy', 200), reaction: text(300).optional() }),
    ),
    pregnancy: z
      .strictObject({
        status: z.enum(PREGNANCY_STATUSES),
        weeks: z.number().int().min(0).max(45).optional(),
        highRisk: z.boolean().optional(),
      })
      .refine(
        (pregnancy) =>
          pregnancy.status === 'pregnant' || (pregnancy.weeks === undefined && pregnancy.highRisk !== true),
        { message: 'Weeks and high risk apply only to a pregnancy.', path: ['status'] },
      ),
    devices: entries(z.strictObject({ device: z.enum(DEVICE_CODES), region: ZRegion.optional() })),
    activityLevel: z.enum(ACTIVITY_LEVEL_CODES).optional(),
    goalsInClientsWords: text(2000).optional(),
    vitals: z
      .strictObject({
        temperatureC: z.number().min(30).max(45).optional().openapi({ example: 36.8 }),
        systolic: z.number().int().min(50).max(300).optional().openapi({ example: 124 }),
        diastolic: z.number().int().min(20).max(200).optional().openapi({ example: 78 }),
      })
      .optional()
      .openapi({ description: 'Readings taken on the day of the visit' }),
  })
  .openapi('HealthHistory') satisfies z.ZodType<HealthHistory>;
export type THealthHistory = z.infer<typeof ZHealthHistory>;

export const ZScreeningSource = z
  .object({
    ref: z.number().int().openapi({ description: 'Number in the clinical reference source list' }),
    title: z.string(),
    url: z.string().optional(),
    weak: z.boolean().optional().openapi({ description: 'Secondary or unverified source' }),
  })
  .openapi('ScreeningSource');
export type TScreeningSource = z.infer<typeof ZScreeningSource>;

const ZSeverity = z.enum(SEVERITY_ORDER).openapi({
  description: 'postpone_refer (must be acknowledged before signing), local_avoid, modify, gentle',
});
const ZModality = z.enum(MODALITY_CODES);

export const ZScreeningTrigger = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('condition'),
      conditions: z.array(z.enum(CONDITION_CODES)),
      status: z.enum(['current', 'any']).optional(),
    }),
    z.object({ kind: z.literal('medication_class'), classes: z.array(z.enum(MEDICATION_CLASS_CODES)) }),
    z.object({ kind: z.literal('pregnancy'), highRisk: z.boolean().optional() }),
    z.object({ kind: z.literal('recent_surgery'), withinDays: z.number().int() }),
    z.object({ kind: z.literal('device'), devices: z.array(z.enum(DEVICE_CODES)) }),
    z.object({ kind: z.literal('vital'), vital: z.enum(VITALS), atLeast: z.number() }),
  ])
  .openapi('ScreeningTrigger');

export const ZScreeningRule = z
  .object({
    id: z.string(),
    trigger: ZScreeningTrigger,
    severity: ZSeverity,
    title: z.string(),
    guidance: z.string(),
    modalitiesToAvoid: z.array(ZModality).optional(),
    local: z.boolean().openapi({ description: 'Alerts name the region of the intake entry' }),
    source: ZScreeningSource,
    otherSources: z.array(ZScreeningSource).optional(),
    weak: z.boolean().optional(),
  })
  .openapi('ScreeningRule');
export type TScreeningRule = z.infer<typeof ZScreeningRule>;

export const ZScreeningRuleList = z.object({ rules: z.array(ZScreeningRule) }).openapi('ScreeningRuleList');
export type TScreeningRuleList = z.infer<typeof ZScreeningRuleList>;

export const ZScreeningAlert = z
  .object({
    ruleId: z.string(),
    severity: ZSeverity,
    title: z.string(),
    guidance: z.string(),
    region: z.string().optional(),
    modalitiesToAvoid: z.array(ZModality),
    source: ZScreeningSource,
    otherSources: z.array(ZScreeningSource),
    weak: z.boolean(),
    because: z.string().openapi({ example: 'Medication: Eliquis 5 mg (anticoagulant)' }),
  })
  .openapi('ScreeningAlert') satisfies z.ZodType<ScreeningAlert>;
export type TScreeningAlert = z.infer<typeof ZScreeningAlert>;

const ZVocabularyEntry = z.object({ code: z.string(), label: z.string() });

export const ZScreeningVocabulary = z
  .object({
    conditions: z.array(
      z.object({ code: z.enum(CONDITION_CODES), label: z.string(), aliases: z.array(z.string()).optional() }),
    ),
    medicationClasses: z.array(ZVocabularyEntry.extend({ code: z.enum(MEDICATION_CLASS_CODES) })),
    devices: z.array(ZVocabularyEntry.extend({ code: z.enum(DEVICE_CODES) })),
  })
  .openapi('ScreeningVocabulary');
export type TScreeningVocabulary = z.infer<typeof ZScreeningVocabulary>;

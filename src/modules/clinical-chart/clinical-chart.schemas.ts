import { z } from '@hono/zod-openapi';
import { ZAssessment } from '../assessments/index.js';
import { ZEpisode } from '../episodes/index.js';
import { ZConsent, ZIntake } from '../intake/index.js';
import { ZPrescription, ZPrescriptionSummary } from '../prescriptions/index.js';
import { ZScreeningAlert } from '../screening/index.js';
import { ZBillableSession, ZSessionNote } from '../session-notes/index.js';
import { ZTreatmentPlan } from '../treatment-plans/index.js';

export const ZMeasureSeries = z
  .object({
    instrument: z.string(),
    name: z.string(),
    unit: z.string(),
    higherIsBetter: z.boolean(),
    mcid: z.number(),
    range: z.object({ min: z.number(), max: z.number() }),
    points: z.array(
      z.object({
        date: z.string(),
        score: z.number(),
        band: z.string(),
        source: z.enum(['assessment', 'session_note']),
        sourceId: z.string(),
      }),
    ),
    baseline: z.number(),
    latest: z.number(),
    change: z.number(),
    improved: z.boolean(),
    clinicallyImportant: z.boolean(),
    goal: z.object({ target: z.number(), targetDate: z.string() }).nullable(),
  })
  .openapi('MeasureSeries');

export const ZTimelineItem = z
  .object({
    date: z.string(),
    at: z.string(),
    kind: z.string(),
    title: z.string(),
    detail: z.string().nullable(),
    refId: z.string().nullable(),
    status: z.enum(['draft', 'signed']).nullable(),
  })
  .openapi('TimelineItem');

export const ZClinicalChart = z
  .object({
    episode: ZEpisode,
    client: z.object({ id: z.string().uuid(), name: z.string(), dateOfBirth: z.string() }),
    prescriptions: z.array(ZPrescription),
    intake: ZIntake.nullable(),
    consents: z.array(ZConsent),
    alerts: z.array(ZScreeningAlert),
    assessments: z.array(ZAssessment),
    plan: ZTreatmentPlan.nullable(),
    notes: z.array(ZSessionNote),
    measures: z.array(ZMeasureSeries),
    timeline: z.array(ZTimelineItem),
  })
  .openapi('ClinicalChart');
export type TClinicalChart = z.infer<typeof ZClinicalChart>;

/** Biller's view: diagnoses and signed sessions' services and minutes, never the narrative. */
export const ZEpisodeServices = z
  .object({
    episode: ZEpisode,
    diagnoses: z.array(z.object({ code: z.string(), description: z.string(), prescriptionId: z.string() })),
    prescriptions: z.array(ZPrescriptionSummary),
    sessions: z.array(ZBillableSession),
  })
  .openapi('EpisodeServices');
export type TEpisodeServices = z.infer<typeof ZEpisodeServices>;

/** Front desk's view of a client's episodes: visit counts, expiry and warnings for booking. */
export const ZClinicalOverview = z
  .object({
    items: z.array(
      z.object({
        episode: ZEpisode,
        prescriptions: z.array(ZPrescriptionSummary),
        sessionCount: z.number().int(),
        lastSessionOn: z.string().nullable(),
      }),
    ),
  })
  .openapi('ClinicalOverview');
export type TClinicalOverview = z.infer<typeof ZClinicalOverview>;

export const ZReportQuery = z.strictObject({
  kind: z.enum(['progress', 'discharge']).default('progress'),
  /** The narrative for the prescriber; defaults to the latest re-evaluation's findings. */
  summary: z.string().max(10000).optional(),
});

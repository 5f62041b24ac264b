/**
 * Session (SOAP) notes: what was done, where, for how long, under which service code. The billing issue
 * turns these minutes into units; here they are recorded as performed.
 */

/**
 * Service codes massage therapists bill (billing-standards.md §2). Descriptors are Palpa's own short
 * wording: CPT long descriptors are copyrighted by the AMA.
 */
export const SERVICE_CODES = [
  { code: '97124', label: 'Massage therapy', timed: true },
  { code: '97140', label: 'Manual therapy techniques', timed: true },
  { code: '97112', label: 'Neuromuscular re-education', timed: true },
  { code: '97110', label: 'Therapeutic exercise', timed: true },
  { code: '97530', label: 'Therapeutic activities', timed: true },
  { code: '97010', label: 'Hot or cold packs', timed: false },
] as const;
export type ServiceCode = (typeof SERVICE_CODES)[number]['code'];
export const SERVICE_CODE_VALUES = SERVICE_CODES.map((s) => s.code) as [ServiceCode, ...ServiceCode[]];

/**
 * Techniques (clinical-and-learning.md §E) and the code each is usually billed under. The default is a
 * starting point the therapist can change: payers differ (billing-standards.md §2.1).
 */
export const TECHNIQUES = [
  { id: 'swedish', label: 'Swedish massage', defaultCode: '97124' },
  { id: 'deep_tissue', label: 'Deep tissue massage', defaultCode: '97124' },
  { id: 'trigger_point', label: 'Trigger point therapy', defaultCode: '97140' },
  { id: 'neuromuscular', label: 'Neuromuscular therapy', defaultCode: '97140' },
  { id: 'myofascial_release', label: 'Myofascial release', defaultCode: '97140' },
  { id: 'manual_lymph_drainage', label: 'Manual lymphatic drainage', defaultCode: '97140' },
  { id: 'cupping', label: 'Cupping', defaultCode: '97140' },
  { id: 'passive_stretching', label: 'Passive stretching / PNF', defaultCode: '97140' },
  { id: 'sports_massage', label: 'Sports massage', defaultCode: '97124' },
  { id: 'postural_reeducation', label: 'Postural / movement re-education', defaultCode: '97112' },
  { id: 'home_exercise_instruction', label: 'Home exercise instruction', defaultCode: '97110' },
  { id: 'cross_fiber_friction', label: 'Cross-fiber friction', defaultCode: '97140' },
  { id: 'positional_release', label: 'Positional release (strain-counterstrain)', defaultCode: '97140' },
  { id: 'muscle_energy', label: 'Muscle energy technique', defaultCode: '97140' },
  { id: 'scar_mobilization', label: 'Scar tissue mobilization', defaultCode: '97140' },
  { id: 'hot_pack', label: 'Hot pack', defaultCode: '97010' },
  { id: 'cold_pack', label: 'Cold pack', defaultCode: '97010' },
  { id: 'contrast_hydrotherapy', label: 'Contrast hydrotherapy (hot/cold)', defaultCode: '97010' },
] as const satisfies readonly { id: string; label: string; defaultCode: ServiceCode }[];
export type TechniqueId = (typeof TECHNIQUES)[number]['id'];
export const TECHNIQUE_IDS = TECHNIQUES.map((t) => t.id) as [TechniqueId, ...TechniqueId[]];

export type PerformedService = {
  technique: TechniqueId;
  /** Body-chart region ids the technique was applied to. */
  regions: string[];
  minutes: number;
  serviceCode: ServiceCode;
};

export type AlertAcknowledgement = {
  ruleId: string;
  reason: string;
  acknowledgedBy: string;
  acknowledgedByName: string;
  acknowledgedAt: string;
};

/** Walton's pressure scale for oncology massage (after MacDonald & Nelson), free to reprint with credit. */
export const PRESSURE_LEVELS = [
  { level: 0, label: '0 — Stationary, weightless hold' },
  { level: 1, label: '1 — Light lotioning' },
  { level: 2, label: '2 — Light, moves skin' },
  { level: 3, label: '3 — Moderate' },
  { level: 4, label: '4 — Firm' },
  { level: 5, label: '5 — Deep' },
] as const;

export type NoteContent = {
  sessionDate: string;
  subjective: string;
  objective: string;
  assessment: string;
  plan: string;
  painBefore: number | null;
  painAfter: number | null;
  pressureLevel: number | null;
  clientResponse: string;
  homeCare: string;
  services: readonly PerformedService[];
};

export type SignProblem = { path: string; message: string };

/**
 * What must be true before a note can be signed: a complete SOAP record of a session that happened, and
 * every postpone/refer alert acknowledged with a reason (issue 3, item 3).
 */
export function signingProblems(
  note: NoteContent & { acknowledgements: readonly { ruleId: string; reason: string }[] },
  openAlerts: readonly { ruleId: string; title: string; requiresAcknowledgement: boolean }[],
  today: string,
): SignProblem[] {
  const problems: SignProblem[] = [];
  for (const field of ['subjective', 'objective', 'assessment', 'plan'] as const) {
    if (note[field].trim() === '')
      problems.push({ path: field, message: `Write the ${field} before signing.` });
  }
  if (note.sessionDate > today)
    problems.push({ path: 'sessionDate', message: 'A note for a future session cannot be signed yet.' });
  if (note.services.length === 0)
    problems.push({ path: 'services', message: 'Record at least one technique with its minutes.' });
  note.services.forEach((service, index) => {
    if (service.minutes <= 0)
      problems.push({ path: `services[${index}].minutes`, message: 'Minutes must be more than 0.' });
  });
  for (const alert of openAlerts.filter((a) => a.requiresAcknowledgement)) {
    const ack = note.acknowledgements.find((a) => a.ruleId === alert.ruleId);
    if (!ack || ack.reason.trim().length < 5)
      problems.push({
        path: `acknowledgements.${alert.ruleId}`,
        message: `Acknowledge "${alert.title}" with a reason (e.g. the provider's clearance) before signing.`,
      });
  }
  return problems;
}

/** The signed content in a fixed key order, so its SHA-256 can be recomputed and compared later. */
export function canonicalNoteContent(note: NoteContent): string {
  return JSON.stringify([
    note.sessionDate,
    note.subjective,
    note.objective,
    note.assessment,
    note.plan,
    note.painBefore,
    note.painAfter,
    note.pressureLevel,
    note.clientResponse,
    note.homeCare,
    note.services.map((s) => [s.technique, [...s.regions], s.minutes, s.serviceCode]),
  ]);
}

export function totalMinutes(services: readonly PerformedService[]): number {
  return services.reduce((sum, s) => sum + s.minutes, 0);
}

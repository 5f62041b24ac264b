/**
 * A session note's draft as the editor holds it, the request it becomes (autosave sends only the fields that
 * changed), and the checks made before signing. Field errors use the server's paths with dots
 * (`services.0.minutes`, `acknowledgements.<ruleId>`), with service rows numbered as on screen.
 */
import type { BodyChartMark } from '../../../../modules/assessments/domain/body-regions.js';
import {
  signingProblems,
  TECHNIQUES,
  type ServiceCode,
  type TechniqueId,
} from '../../../../modules/session-notes/domain/session-note.js';
import type { TUpdateNoteRequest } from '../../../../modules/session-notes/session-notes.schemas.js';
import type { ScreeningAlert, SessionNote } from '../../../api/clinical.js';
import { normalizePath, alertHeading } from '../shared/notes-format.js';

export type ServiceRow = {
  key: string;
  /** Null on a row just added, until a technique is chosen: such rows are not saved. */
  technique: TechniqueId | null;
  regions: string[];
  /** 0 means "not entered yet" (a session minute count is never 0). */
  minutes: number;
  serviceCode: ServiceCode;
};

export type NoteFormValues = {
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
  services: ServiceRow[];
  marks: BodyChartMark[];
  acknowledgements: { ruleId: string; reason: string }[];
};

/** Everything autosave may send, in request shape. */
export type NoteFields = Required<Omit<TUpdateNoteRequest, 'version' | 'outcomeMeasures'>>;

let rowCounter = 0;
export const rowKey = (): string => `service-${Date.now().toString(36)}-${(rowCounter++).toString(36)}`;

export function noteToForm(note: SessionNote): NoteFormValues {
  return {
    sessionDate: note.sessionDate,
    subjective: note.subjective,
    objective: note.objective,
    assessment: note.assessment,
    plan: note.plan,
    painBefore: note.painBefore,
    painAfter: note.painAfter,
    pressureLevel: note.pressureLevel,
    clientResponse: note.clientResponse,
    homeCare: note.homeCare,
    services: note.services.map((s) => ({ key: rowKey(), ...s, regions: [...s.regions] })),
    marks: note.marks,
    acknowledgements: note.acknowledgements.map((a) => ({ ruleId: a.ruleId, reason: a.reason })),
  };
}

export const savedServiceRows = (values: NoteFormValues) =>
  values.services.filter((s) => s.technique !== null);

export function toFields(values: NoteFormValues): NoteFields {
  return {
    sessionDate: values.sessionDate,
    subjective: values.subjective,
    objective: values.objective,
    assessment: values.assessment,
    plan: values.plan,
    painBefore: values.painBefore,
    painAfter: values.painAfter,
    pressureLevel: values.pressureLevel,
    clientResponse: values.clientResponse,
    homeCare: values.homeCare,
    services: savedServiceRows(values).map((s) => ({
      technique: s.technique!,
      regions: s.regions,
      minutes: s.minutes,
      serviceCode: s.serviceCode,
    })),
    marks: values.marks,
    acknowledgements: values.acknowledgements
      .filter((a) => a.reason.trim() !== '')
      .map((a) => ({ ruleId: a.ruleId, reason: a.reason.trim() })),
  };
}

/** The fields of `next` that differ from `saved`. */
export function changedFields(next: NoteFields, saved: NoteFields): Partial<NoteFields> {
  const changes: Partial<NoteFields> = {};
  for (const key of Object.keys(next) as (keyof NoteFields)[]) {
    if (JSON.stringify(next[key]) !== JSON.stringify(saved[key])) {
      (changes as Record<string, unknown>)[key] = next[key];
    }
  }
  return changes;
}

export const needsAcknowledgement = (alert: ScreeningAlert): boolean => alert.severity === 'postpone_refer';

/** The DOM id of a field, from its path: `note-services-0-minutes`. */
export const noteFieldId = (path: string): string => `note-${path.replace(/[^a-zA-Z0-9_-]/g, '-')}`;

/** A server path (numbered over saved service rows) as a form path (numbered over the rows on screen). */
export function toFormPath(serverPath: string, values: NoteFormValues): string {
  const path = normalizePath(serverPath);
  const match = /^services\.(\d+)(\..*)?$/.exec(path);
  if (!match) return path;
  const row = savedServiceRows(values)[Number(match[1])];
  const index = row ? values.services.indexOf(row) : Number(match[1]);
  return `services.${index}${match[2] ?? ''}`;
}

const FIELD_NAMES: Record<string, string> = {
  sessionDate: 'Session date',
  subjective: 'Subjective',
  objective: 'Objective',
  assessment: 'Assessment',
  plan: 'Plan',
  painBefore: 'Pain before',
  painAfter: 'Pain after',
  pressureLevel: 'Pressure',
  clientResponse: 'Client response',
  homeCare: 'Home care',
  services: 'Services performed',
  marks: 'Body chart',
};

export function noteFieldLabel(path: string, alerts: readonly ScreeningAlert[]): string {
  if (FIELD_NAMES[path]) return FIELD_NAMES[path];
  const service = /^services\.(\d+)\.(\w+)$/.exec(path);
  if (service)
    return `Service ${Number(service[1]) + 1}, ${service[2] === 'serviceCode' ? 'code' : service[2]}`;
  if (path.startsWith('acknowledgements.')) {
    const alert = alerts.find((a) => a.ruleId === path.slice('acknowledgements.'.length));
    return alert ? `Acknowledge “${alertHeading(alert)}”` : 'Acknowledgement';
  }
  return path;
}

/** Paths with a field on screen (the others are listed in the summary without a link). */
export function hasNoteField(path: string): boolean {
  return (
    path in FIELD_NAMES ||
    /^services\.\d+\.(technique|regions|minutes|serviceCode)$/.test(path) ||
    path.startsWith('acknowledgements.')
  );
}

/**
 * The server's signing rules run in the browser first, so the therapist sees what is missing without a
 * round trip. The session date is left to the server: "today" is the clinic's calendar day.
 */
export function localSigningProblems(
  values: NoteFormValues,
  alerts: readonly ScreeningAlert[],
): { path: string; message: string }[] {
  const fields = toFields(values);
  const problems = signingProblems(
    { ...fields, acknowledgements: fields.acknowledgements },
    alerts.map((a) => ({
      ruleId: a.ruleId,
      title: alertHeading(a),
      requiresAcknowledgement: needsAcknowledgement(a),
    })),
    '9999-12-31',
  ).map((p) => ({ path: toFormPath(p.path, values), message: p.message }));
  values.services.forEach((s, index) => {
    if (s.technique === null)
      problems.push({
        path: `services.${index}.technique`,
        message: 'Choose the technique, or remove this row.',
      });
  });
  // Rows without a technique are not counted by the server's rules: keep "at least one" honest.
  if (values.services.length > 0 && savedServiceRows(values).length === 0)
    return problems.filter((p) => p.path !== 'services');
  return problems;
}

export const defaultCodeOf = (technique: TechniqueId): ServiceCode =>
  TECHNIQUES.find((t) => t.id === technique)?.defaultCode ?? '97124';

export const totalMinutesOf = (values: NoteFormValues): number =>
  values.services.reduce((sum, s) => sum + (s.technique === null ? 0 : s.minutes), 0);

/**
 * Labels and summaries shared by the plan and session-note screens: technique, region and service-code
 * names from the domain lists, "97124 23 min · 97140 15 min", pain "5 → 3", time of day.
 */
import {
  BODY_REGIONS,
  BODY_VIEW_LABELS,
  regionById,
} from '../../../../modules/assessments/domain/body-regions.js';
import {
  OUTCOME_MEASURE_IDS,
  OUTCOME_MEASURES,
  type OutcomeMeasureId,
} from '../../../../modules/outcome-measures/domain/instruments.js';
import {
  PRESSURE_LEVELS,
  SERVICE_CODES,
  TECHNIQUES,
} from '../../../../modules/session-notes/domain/session-note.js';
import type { ScreeningAlert, SessionNote } from '../../../api/clinical.js';

export const techniqueLabel = (id: string): string => TECHNIQUES.find((t) => t.id === id)?.label ?? id;

export const regionName = (id: string): string => regionById(id)?.label ?? id;

export const regionNames = (ids: readonly string[]): string => ids.map(regionName).join(', ');

export const serviceCodeLabel = (code: string): string => {
  const found = SERVICE_CODES.find((s) => s.code === code);
  return found ? `${found.code} — ${found.label}` : code;
};

export const pressureLabel = (level: number | null): string =>
  level === null ? 'Not recorded' : (PRESSURE_LEVELS.find((p) => p.level === level)?.label ?? String(level));

/** Select options: techniques by name. */
export const TECHNIQUE_OPTIONS = TECHNIQUES.map((t) => ({ value: t.id, label: t.label }));

/** Select options: "97124 — Massage therapy". */
export const SERVICE_CODE_OPTIONS = SERVICE_CODES.map((s) => ({
  value: s.code,
  label: `${s.code} — ${s.label}`,
}));

export const PRESSURE_OPTIONS = PRESSURE_LEVELS.map((p) => ({ value: String(p.level), label: p.label }));

/** Body regions for a MultiSelect, grouped by the chart's front and back views. */
export const REGION_OPTIONS = (['front', 'back'] as const).map((view) => ({
  group: `${BODY_VIEW_LABELS[view]} view`,
  items: BODY_REGIONS.filter((r) => r.view === view).map((r) => ({ value: r.id, label: r.label })),
}));

/** Minutes per service code, in order of first use: "97124 23 min · 97140 15 min". */
export function codesByCode(
  services: readonly { serviceCode: string; minutes: number }[],
): { code: string; minutes: number }[] {
  const totals = new Map<string, number>();
  for (const s of services) totals.set(s.serviceCode, (totals.get(s.serviceCode) ?? 0) + s.minutes);
  return [...totals].map(([code, minutes]) => ({ code, minutes }));
}

export const codesSummary = (services: readonly { serviceCode: string; minutes: number }[]): string =>
  codesByCode(services)
    .map(({ code, minutes }) => `${code} ${minutes} min`)
    .join(' · ');

export function painSummary(before: number | null, after: number | null): string {
  if (before === null && after === null) return '—';
  return `${before ?? '?'} → ${after ?? '?'}`;
}

/** Newest session first; two notes on one day in the order they were started, newest first. */
export function notesNewestFirst(notes: readonly SessionNote[]): SessionNote[] {
  return [...notes].sort(
    (a, b) => b.sessionDate.localeCompare(a.sessionDate) || b.createdAt.localeCompare(a.createdAt),
  );
}

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
export const formatTime = (date: Date): string => timeFormat.format(date);

/** Name, unit and direction of an outcome measure, as describeGoal wants them. */
export function instrumentFacts(instrument: string) {
  const measure = (OUTCOME_MEASURE_IDS as readonly string[]).includes(instrument)
    ? OUTCOME_MEASURES[instrument as OutcomeMeasureId]
    : undefined;
  if (!measure) return undefined;
  return {
    name: measure.name,
    fullName: measure.fullName,
    unit: measure.scoreUnit === 'percent' ? '%' : 'points',
    higherIsBetter: measure.direction === 'higher_is_better',
    min: measure.scoreMin,
    max: measure.scoreMax,
    mcid: measure.mcid,
  };
}

/** "38%" or "6 points". */
export function formatScore(score: number, instrument: string): string {
  const facts = instrumentFacts(instrument);
  if (facts?.unit === '%') return `${score}%`;
  return `${score} ${score === 1 ? 'point' : 'points'}`;
}

/** Server paths use both `goals.0.target` and `services[0].minutes`: one spelling, with dots. */
export const normalizePath = (path: string): string => path.replace(/\[(\d+)\]/g, '.$1');

/** "Blood clot or inflamed vein (Left calf)". */
export const alertHeading = (alert: Pick<ScreeningAlert, 'title' | 'region'>): string =>
  alert.region ? `${alert.title} (${alert.region})` : alert.title;

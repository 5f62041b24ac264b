/**
 * Screening: turns a health history into the alerts of the rule table (screening-rules.ts). Pure; the
 * visit date is passed in. One matcher per trigger kind reads the history; the rules themselves are data.
 */
import {
  conditionLabel,
  deviceLabel,
  MEDICATION_CLASS_NOUNS,
  medicationClassesIn,
  type HealthHistory,
  type MedicationClass,
  type MedicationEntry,
} from './health-history.js';
import {
  SCREENING_RULES,
  SEVERITY_ORDER,
  type Modality,
  type RuleSource,
  type ScreeningRule,
  type ScreeningTrigger,
  type Severity,
} from './screening-rules.js';

export { SEVERITY_LABELS, SEVERITY_ORDER } from './screening-rules.js';

export type ScreeningAlert = {
  ruleId: string;
  severity: Severity;
  title: string;
  guidance: string;
  /** The region written on the intake entry, for rules about a local area. */
  region?: string;
  modalitiesToAvoid: Modality[];
  source: RuleSource;
  otherSources: RuleSource[];
  /** The rule rests on a source the reference marks ⚠: confirm before relying on it. */
  weak: boolean;
  /** The intake answer(s) that triggered it, e.g. "Medication: Eliquis 5 mg (anticoagulant)". */
  because: string;
};

/** A postpone/refer alert must be acknowledged, with a reason, before a note can be signed. */
export function requiresAcknowledgement(alert: Pick<ScreeningAlert, 'severity'>): boolean {
  return alert.severity === 'postpone_refer';
}

/** Days since 1970-01-01 for a real 'YYYY-MM-DD' date; undefined for anything else. */
export function isoDayNumber(value: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return Date.UTC(year, month - 1, day) / 86_400_000;
}

export function isValidIsoDate(value: string): boolean {
  return isoDayNumber(value) !== undefined;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

type Match = { region?: string; because: string };
type Matcher<K extends ScreeningTrigger['kind']> = (
  trigger: Extract<ScreeningTrigger, { kind: K }>,
  history: HealthHistory,
  today: number,
) => Match[];

const withRegion = (text: string, region: string | undefined) => (region ? `${text}, ${region}` : text);

function medicationClasses(entry: MedicationEntry): MedicationClass[] {
  const classes = medicationClassesIn(entry.name);
  return entry.medicationClass && !classes.includes(entry.medicationClass)
    ? [entry.medicationClass, ...classes]
    : classes;
}

const VITAL_TEXT = {
  temperatureC: (v: { temperatureC?: number }) => `Temperature today: ${v.temperatureC} °C`,
  systolic: (v: { systolic?: number; diastolic?: number }) =>
    `Blood pressure today: ${v.systolic}/${v.diastolic ?? '?'} mmHg`,
  diastolic: (v: { systolic?: number; diastolic?: number }) =>
    `Blood pressure today: ${v.systolic ?? '?'}/${v.diastolic} mmHg`,
};

const MATCHERS: { [K in ScreeningTrigger['kind']]: Matcher<K> } = {
  condition: (trigger, history) =>
    history.conditions
      .filter(
        (entry) =>
          trigger.conditions.includes(entry.condition) &&
          (entry.status === 'current' || trigger.status === 'any'),
      )
      .map((entry) => ({
        region: entry.region,
        because: `Condition: ${conditionLabel(entry.condition)} (${withRegion(entry.status, entry.region?.trim())})`,
      })),

  medication_class: (trigger, history) =>
    history.medications.flatMap((entry) => {
      const classes = medicationClasses(entry).filter((c) => trigger.classes.includes(c));
      if (classes.length === 0) return [];
      const nouns = classes.map((c) => MEDICATION_CLASS_NOUNS[c]).join(', ');
      const taken = [entry.name, entry.dose].filter(Boolean).join(' ');
      return [{ because: `Medication: ${taken} (${nouns})` }];
    }),

  pregnancy: (trigger, history) => {
    const { status, weeks, highRisk } = history.pregnancy;
    if (status !== 'pregnant' || (trigger.highRisk && highRisk !== true)) return [];
    const details = [weeks === undefined ? undefined : `${weeks} weeks`, highRisk ? 'high risk' : undefined];
    return [{ because: ['Pregnancy: pregnant', ...details].filter(Boolean).join(', ') }];
  },

  recent_surgery: (trigger, history, today) =>
    history.surgeries.flatMap((entry) => {
      // An undated surgery cannot be placed in time; the intake asks for the date.
      const day = entry.date === undefined ? undefined : isoDayNumber(entry.date);
      if (day === undefined) return [];
      const daysAgo = today - day;
      if (daysAgo < 0 || daysAgo > trigger.withinDays) return [];
      const ago = daysAgo === 0 ? 'today' : daysAgo === 1 ? '1 day ago' : `${daysAgo} days ago`;
      return [
        {
          region: entry.region,
          because: `Surgery: ${withRegion(entry.procedure, entry.region?.trim())} on ${entry.date} (${ago})`,
        },
      ];
    }),

  device: (trigger, history) =>
    history.devices
      .filter((entry) => trigger.devices.includes(entry.device))
      .map((entry) => ({
        region: entry.region,
        because: `Device: ${deviceLabel(entry.device)}${entry.region?.trim() ? ` (${entry.region.trim()})` : ''}`,
      })),

  vital: (trigger, history) => {
    const value = history.vitals?.[trigger.vital];
    if (value === undefined || history.vitals === undefined || value < trigger.atLeast) return [];
    return [{ because: VITAL_TEXT[trigger.vital](history.vitals) }];
  },
};

function matchesOf(trigger: ScreeningTrigger, history: HealthHistory, today: number): Match[] {
  // MATCHERS[trigger.kind] takes exactly this trigger's kind; TypeScript cannot correlate the two.
  return MATCHERS[trigger.kind](trigger as never, history, today);
}

/**
 * The alerts a health history raises on the visit date `today` ('YYYY-MM-DD'), most serious first, then
 * by title and region. A rule triggered several times for the same region gives one alert naming every
 * answer that triggered it.
 */
export function screenHealthHistory(
  history: HealthHistory,
  today: string,
  rules: readonly ScreeningRule[] = SCREENING_RULES,
): ScreeningAlert[] {
  const todayNumber = isoDayNumber(today);
  if (todayNumber === undefined) throw new RangeError(`today must be a YYYY-MM-DD date, got "${today}"`);

  const found = new Map<string, { alert: ScreeningAlert; because: string[] }>();
  for (const rule of rules) {
    for (const match of matchesOf(rule.trigger, history, todayNumber)) {
      const region = rule.local ? match.region?.trim() || undefined : undefined;
      const key = `${rule.id}\u0000${region?.toLowerCase() ?? ''}`;
      const existing = found.get(key);
      if (existing) {
        if (!existing.because.includes(match.because)) existing.because.push(match.because);
        continue;
      }
      found.set(key, {
        alert: {
          ruleId: rule.id,
          severity: rule.severity,
          title: rule.title,
          guidance: rule.guidance,
          ...(region === undefined ? {} : { region }),
          modalitiesToAvoid: [...(rule.modalitiesToAvoid ?? [])],
          source: rule.source,
          otherSources: [...(rule.otherSources ?? [])],
          weak: rule.weak === true,
          because: '',
        },
        because: [match.because],
      });
    }
  }
  return [...found.values()]
    .map(({ alert, because }) => ({ ...alert, because: because.join('; ') }))
    .sort(compareAlerts);
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function compareAlerts(
  a: Pick<ScreeningAlert, 'severity' | 'title' | 'region'>,
  b: Pick<ScreeningAlert, 'severity' | 'title' | 'region'>,
): number {
  return (
    SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) ||
    compareText(a.title, b.title) ||
    compareText(a.region ?? '', b.region ?? '')
  );
}

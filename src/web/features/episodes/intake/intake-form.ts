/**
 * The intake form's model: what the inputs hold (strings, with a stable key per list row), how a saved
 * health history fills them, how they become the request body, and where each server error path belongs.
 */
import {
  ACTIVITY_LEVELS,
  classifyMedication,
  CONDITIONS,
  DEVICES,
  emptyHealthHistory,
  MEDICATION_CLASSES,
  MEDICATION_CLASS_NOUNS,
  type ActivityLevel,
  type ConditionCode,
  type ConditionStatus,
  type DeviceCode,
  type HealthHistory,
  type MedicationClass,
  type PregnancyStatus,
} from '../../../../modules/screening/domain/health-history.js';

let keySeed = 0;
/** A key for a new list row, so React keeps each row's inputs when an earlier row is removed. */
export const rowKey = (): string => `row-${++keySeed}`;

export type ComplaintRow = { key: string; description: string; onsetDate: string; region: string };
export type ConditionRow = {
  key: string;
  condition: ConditionCode | '';
  status: ConditionStatus;
  region: string;
  note: string;
};
export type MedicationRow = {
  key: string;
  name: string;
  dose: string;
  reason: string;
  medicationClass: MedicationClass | '';
  /** The therapist picked the class: typing the name no longer changes it. */
  classPicked: boolean;
};
export type SurgeryRow = { key: string; procedure: string; date: string; region: string };
export type InjuryRow = { key: string; description: string; date: string; region: string };
export type AllergyRow = { key: string; substance: string; reaction: string };
export type DeviceRow = { key: string; device: DeviceCode | ''; region: string };

export type IntakeFormValues = {
  complaints: ComplaintRow[];
  conditions: ConditionRow[];
  medications: MedicationRow[];
  surgeries: SurgeryRow[];
  injuries: InjuryRow[];
  allergies: AllergyRow[];
  pregnancy: { status: PregnancyStatus; weeks: string; highRisk: boolean };
  devices: DeviceRow[];
  activityLevel: ActivityLevel | '';
  goalsInClientsWords: string;
  vitals: { temperatureC: string; systolic: string; diastolic: string };
};

export type ListName =
  'complaints' | 'conditions' | 'medications' | 'surgeries' | 'injuries' | 'allergies' | 'devices';

export const newRow = {
  complaints: (): ComplaintRow => ({ key: rowKey(), description: '', onsetDate: '', region: '' }),
  conditions: (): ConditionRow => ({ key: rowKey(), condition: '', status: 'current', region: '', note: '' }),
  medications: (): MedicationRow => ({
    key: rowKey(),
    name: '',
    dose: '',
    reason: '',
    medicationClass: '',
    classPicked: false,
  }),
  surgeries: (): SurgeryRow => ({ key: rowKey(), procedure: '', date: '', region: '' }),
  injuries: (): InjuryRow => ({ key: rowKey(), description: '', date: '', region: '' }),
  allergies: (): AllergyRow => ({ key: rowKey(), substance: '', reaction: '' }),
  devices: (): DeviceRow => ({ key: rowKey(), device: '', region: '' }),
} satisfies Record<ListName, () => { key: string }>;

const str = (value: string | undefined): string => value ?? '';
const num = (value: number | undefined): string => (value === undefined ? '' : String(value));

export function historyToForm(history: HealthHistory = emptyHealthHistory()): IntakeFormValues {
  return {
    complaints: history.complaints.map((c) => ({
      key: rowKey(),
      description: c.description,
      onsetDate: str(c.onsetDate),
      region: str(c.region),
    })),
    conditions: history.conditions.map((c) => ({
      key: rowKey(),
      condition: c.condition,
      status: c.status,
      region: str(c.region),
      note: str(c.note),
    })),
    medications: history.medications.map((m) => ({
      key: rowKey(),
      name: m.name,
      dose: str(m.dose),
      reason: str(m.reason),
      medicationClass: m.medicationClass ?? '',
      classPicked: m.medicationClass !== undefined && m.medicationClass !== classifyMedication(m.name),
    })),
    surgeries: history.surgeries.map((s) => ({
      key: rowKey(),
      procedure: s.procedure,
      date: str(s.date),
      region: str(s.region),
    })),
    injuries: history.injuries.map((i) => ({
      key: rowKey(),
      description: i.description,
      date: str(i.date),
      region: str(i.region),
    })),
    allergies: history.allergies.map((a) => ({
      key: rowKey(),
      substance: a.substance,
      reaction: str(a.reaction),
    })),
    pregnancy: {
      status: history.pregnancy.status,
      weeks: num(history.pregnancy.weeks),
      highRisk: history.pregnancy.highRisk === true,
    },
    devices: history.devices.map((d) => ({ key: rowKey(), device: d.device, region: str(d.region) })),
    activityLevel: history.activityLevel ?? '',
    goalsInClientsWords: str(history.goalsInClientsWords),
    vitals: {
      temperatureC: num(history.vitals?.temperatureC),
      systolic: num(history.vitals?.systolic),
      diastolic: num(history.vitals?.diastolic),
    },
  };
}

/** A comparable snapshot (row keys left out) for the unsaved-changes check. */
export function snapshot(values: IntakeFormValues): string {
  return JSON.stringify(values, (key, value: unknown) => (key === 'key' ? undefined : value));
}

const opt = (value: string): string | undefined => (value.trim() === '' ? undefined : value.trim());
const optNumber = (value: string): number | undefined => {
  if (value.trim() === '') return undefined;
  const n = Number(value.replace(',', '.'));
  return Number.isFinite(n) ? n : undefined;
};
const blank = (row: object): boolean =>
  Object.entries(row).every(
    ([key, value]) =>
      key === 'key' ||
      key === 'status' ||
      key === 'classPicked' ||
      (typeof value === 'string' ? value.trim() === '' : true),
  );

/** Removes undefined members, so the body carries only what was entered. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/**
 * The request body, and for each list the form row of each sent entry (empty rows are not sent, so the
 * server's `medications.1` may be the form's third row).
 */
export function formToHistory(values: IntakeFormValues): {
  history: HealthHistory;
  rowIndex: Record<ListName, number[]>;
} {
  const rowIndex = {} as Record<ListName, number[]>;
  const kept = <T extends object>(list: ListName, rows: T[]): T[] => {
    const indexes: number[] = [];
    const out = rows.filter((row, index) => {
      if (blank(row)) return false;
      indexes.push(index);
      return true;
    });
    rowIndex[list] = indexes;
    return out;
  };

  const temperatureC = optNumber(values.vitals.temperatureC);
  const systolic = optNumber(values.vitals.systolic);
  const diastolic = optNumber(values.vitals.diastolic);
  const pregnant = values.pregnancy.status === 'pregnant';
  const weeks = pregnant ? optNumber(values.pregnancy.weeks) : undefined;

  const history: HealthHistory = compact({
    complaints: kept('complaints', values.complaints).map((c) =>
      compact({ description: c.description.trim(), onsetDate: opt(c.onsetDate), region: opt(c.region) }),
    ),
    conditions: kept('conditions', values.conditions).map((c) =>
      compact({
        condition: c.condition as ConditionCode,
        status: c.status,
        region: opt(c.region),
        note: opt(c.note),
      }),
    ),
    medications: kept('medications', values.medications).map((m) =>
      compact({
        name: m.name.trim(),
        dose: opt(m.dose),
        reason: opt(m.reason),
        medicationClass: m.medicationClass || undefined,
      }),
    ),
    surgeries: kept('surgeries', values.surgeries).map((s) =>
      compact({ procedure: s.procedure.trim(), date: opt(s.date), region: opt(s.region) }),
    ),
    injuries: kept('injuries', values.injuries).map((i) =>
      compact({ description: i.description.trim(), date: opt(i.date), region: opt(i.region) }),
    ),
    allergies: kept('allergies', values.allergies).map((a) =>
      compact({ substance: a.substance.trim(), reaction: opt(a.reaction) }),
    ),
    pregnancy: compact({
      status: values.pregnancy.status,
      weeks,
      highRisk: pregnant ? values.pregnancy.highRisk : undefined,
    }),
    devices: kept('devices', values.devices).map((d) =>
      compact({ device: d.device as DeviceCode, region: opt(d.region) }),
    ),
    activityLevel: values.activityLevel || undefined,
    goalsInClientsWords: opt(values.goalsInClientsWords),
    vitals:
      temperatureC === undefined && systolic === undefined && diastolic === undefined
        ? undefined
        : compact({ temperatureC, systolic, diastolic }),
  });
  return { history, rowIndex };
}

/** The DOM id of a field, from its form path (`medications.2.name`). */
export const intakeFieldId = (path: string): string => `intake-${path.replace(/\./g, '-')}`;

const LIST_NOUNS: Record<ListName, string> = {
  complaints: 'Complaint',
  conditions: 'Condition',
  medications: 'Medication',
  surgeries: 'Surgery',
  injuries: 'Injury',
  allergies: 'Allergy',
  devices: 'Device',
};

export const FIELD_LABELS: Record<string, string> = {
  description: 'description',
  onsetDate: 'onset date',
  region: 'region',
  condition: 'condition',
  status: 'status',
  note: 'note',
  name: 'name',
  dose: 'dose',
  reason: 'reason',
  medicationClass: 'class',
  procedure: 'procedure',
  date: 'date',
  substance: 'substance',
  reaction: 'reaction',
  device: 'device',
  weeks: 'weeks',
  highRisk: 'high risk',
  temperatureC: 'temperature',
  systolic: 'systolic pressure',
  diastolic: 'diastolic pressure',
};

const LISTS = new Set<string>(Object.keys(LIST_NOUNS));

/** A field's name for the error summary: "Medication 2: name". */
export function describeFormPath(path: string): string {
  const [head, second, third] = path.split('.');
  if (head && LISTS.has(head)) {
    const noun = LIST_NOUNS[head as ListName];
    if (second === undefined) return `${noun}s`;
    return `${noun} ${Number(second) + 1}${third ? `, ${FIELD_LABELS[third] ?? third}` : ''}`;
  }
  if (head === 'pregnancy') return `Pregnancy${second ? `, ${FIELD_LABELS[second] ?? second}` : ''}`;
  if (head === 'vitals') return `Vitals${second ? `, ${FIELD_LABELS[second] ?? second}` : ''}`;
  if (head === 'activityLevel') return 'Activity level';
  if (head === 'goalsInClientsWords') return "Goals in the client's words";
  return path;
}

/** The form path of a server error path (`healthHistory.medications.0.name`), given which rows were sent. */
export function formPathFor(serverPath: string, rowIndex: Record<ListName, number[]>): string {
  const parts = serverPath.replace(/\[(\d+)\]/g, '.$1').split('.');
  if (parts[0] === 'healthHistory') parts.shift();
  const [head, second] = parts;
  if (head && LISTS.has(head) && second !== undefined && /^\d+$/.test(second)) {
    const mapped = rowIndex[head as ListName]?.[Number(second)];
    if (mapped !== undefined) parts[1] = String(mapped);
  }
  return parts.join('.');
}

/** What must be filled in before sending, for rows that are not empty. */
export function validateIntake(values: IntakeFormValues): Record<string, string> {
  const errors: Record<string, string> = {};
  const check = <T extends object>(list: ListName, rows: T[], field: keyof T & string, message: string) =>
    rows.forEach((row, index) => {
      const value = row[field];
      if (!blank(row) && (typeof value !== 'string' || value.trim() === ''))
        errors[`${list}.${index}.${field}`] = message;
    });
  check('complaints', values.complaints, 'description', 'Describe the complaint, or remove it.');
  check('conditions', values.conditions, 'condition', 'Choose the condition, or remove the row.');
  check('medications', values.medications, 'name', 'Enter the medication name, or remove it.');
  check('surgeries', values.surgeries, 'procedure', 'Enter the procedure, or remove it.');
  check('injuries', values.injuries, 'description', 'Describe the injury, or remove it.');
  check('allergies', values.allergies, 'substance', 'Enter what the client is allergic to, or remove it.');
  check('devices', values.devices, 'device', 'Choose the device, or remove the row.');
  if (values.pregnancy.status === 'pregnant' && values.pregnancy.weeks.trim() !== '') {
    const weeks = Number(values.pregnancy.weeks);
    if (!Number.isInteger(weeks) || weeks < 0 || weeks > 45)
      errors['pregnancy.weeks'] = 'Enter whole weeks from 0 to 45.';
  }
  const range = (
    field: 'temperatureC' | 'systolic' | 'diastolic',
    min: number,
    max: number,
    what: string,
  ) => {
    const raw = values.vitals[field].trim();
    if (raw === '') return;
    const n = Number(raw.replace(',', '.'));
    if (!Number.isFinite(n) || n < min || n > max)
      errors[`vitals.${field}`] = `Enter ${what} from ${min} to ${max}.`;
  };
  range('temperatureC', 30, 45, 'a temperature in °C');
  range('systolic', 50, 300, 'a systolic pressure');
  range('diastolic', 20, 200, 'a diastolic pressure');
  return errors;
}

export const CONDITION_OPTIONS = CONDITIONS.map((c) => ({
  value: c.code,
  label: c.label,
}));
const CONDITION_SEARCH = new Map<string, string>(
  CONDITIONS.map((c) => [
    c.code,
    [c.label, ...(('aliases' in c ? c.aliases : []) as readonly string[])].join(' | ').toLowerCase(),
  ]),
);
/** Matches a search against a condition's label and the other words clients use for it. */
export const conditionMatches = (code: string, search: string): boolean =>
  (CONDITION_SEARCH.get(code) ?? '').includes(search.trim().toLowerCase());

export const MEDICATION_CLASS_OPTIONS = MEDICATION_CLASSES.map((m) => ({
  value: m.code,
  label: m.label,
}));
export const medicationClassNoun = (code: MedicationClass): string => MEDICATION_CLASS_NOUNS[code];
/** The class as it reads after "Recognised as": "an anticoagulant", "a corticosteroid", "insulin". */
export function medicationClassWithArticle(code: MedicationClass): string {
  const noun = MEDICATION_CLASS_NOUNS[code];
  if (code === 'insulin' || code === 'other') return noun;
  return /^[aeiou]|^NSAID/i.test(noun) ? `an ${noun}` : `a ${noun}`;
}
export const DEVICE_OPTIONS = DEVICES.map((d) => ({ value: d.code, label: d.label }));
export const ACTIVITY_OPTIONS = ACTIVITY_LEVELS.map((a) => ({ value: a.code, label: a.label }));

export const PREGNANCY_LABELS: Record<PregnancyStatus, string> = {
  not_applicable: 'Not applicable',
  not_pregnant: 'Not pregnant',
  pregnant: 'Pregnant',
};
export const CONDITION_STATUS_LABELS: Record<ConditionStatus, string> = { current: 'Current', past: 'Past' };

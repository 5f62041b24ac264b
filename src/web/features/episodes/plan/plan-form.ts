/**
 * The treatment plan form: its values, how a plan (or a new episode's chart) becomes form values, the checks
 * made before sending, and the request. Field errors are keyed by the server's paths (`goals.0.target`), so
 * the browser's checks and the server's answer land on the same fields.
 */
import type { OutcomeMeasureId } from '../../../../modules/outcome-measures/domain/instruments.js';
import {
  describeGoal,
  measureGoalProblem,
  type GoalTerm,
  type TreatmentGoal,
} from '../../../../modules/treatment-plans/domain/goals.js';
import type { TSaveTreatmentPlanRequest } from '../../../../modules/treatment-plans/treatment-plans.schemas.js';
import { TECHNIQUES } from '../../../../modules/session-notes/domain/session-note.js';
import type { ClinicalChart, ScreeningAlert, TreatmentPlan } from '../../../api/clinical.js';
import type { LibraryCondition } from '../../../api/library.js';
import { todayDateOnly } from '../../../components/format.js';
import { instrumentFacts, techniqueLabel, alertHeading } from '../shared/notes-format.js';

export type TextRow = { key: string; text: string };

export type GoalForm = {
  /** Kept from the saved plan: re-evaluations review goals by id. */
  id: string;
  term: GoalTerm;
  kind: 'measure' | 'functional';
  instrument: string | null;
  baseline: number | '';
  target: number | '';
  targetDate: string;
  text: string;
  note: string;
};

export type TechniqueForm = { key: string; technique: string | null; regions: string[]; note: string };

export type PlanFormValues = {
  problems: TextRow[];
  goals: GoalForm[];
  techniques: TechniqueForm[];
  frequencyPerWeek: number | '';
  durationWeeks: number | '';
  precautions: TextRow[];
};

export type PlanErrors = Record<string, string>;

let counter = 0;
/** A key for a new row (and a new goal's id), unique enough within one plan. */
export const newKey = (prefix: string): string =>
  `${prefix}-${Date.now().toString(36)}-${(counter++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;

export const textRow = (text = ''): TextRow => ({ key: newKey('row'), text });

/** "Blood clot or inflamed vein (Left calf): No massage while …" */
export const precautionFromAlert = (alert: ScreeningAlert): string =>
  `${alertHeading(alert)}: ${alert.guidance}`.slice(0, 500);

/** The latest score of an instrument in the chart, for a goal's baseline. */
export function latestScore(chart: ClinicalChart, instrument: string | null) {
  if (!instrument) return undefined;
  const series = chart.measures.find((m) => m.instrument === instrument);
  const point = series?.points.at(-1);
  return point ? { score: point.score, date: point.date } : undefined;
}

export function emptyGoal(chart: ClinicalChart, term: GoalTerm = 'long'): GoalForm {
  const instrument = chart.measures[0]?.instrument ?? null;
  return {
    id: newKey('goal'),
    term,
    kind: 'measure',
    instrument,
    baseline: latestScore(chart, instrument)?.score ?? '',
    target: '',
    targetDate: '',
    text: '',
    note: '',
  };
}

export const emptyTechnique = (): TechniqueForm => ({
  key: newKey('technique'),
  technique: null,
  regions: [],
  note: '',
});

function goalToForm(goal: TreatmentGoal): GoalForm {
  return goal.kind === 'measure'
    ? {
        id: goal.id,
        term: goal.term,
        kind: 'measure',
        instrument: goal.instrument,
        baseline: goal.baseline,
        target: goal.target,
        targetDate: goal.targetDate,
        text: '',
        note: goal.note ?? '',
      }
    : {
        id: goal.id,
        term: goal.term,
        kind: 'functional',
        instrument: null,
        baseline: '',
        target: '',
        targetDate: goal.targetDate,
        text: goal.text,
        note: goal.note ?? '',
      };
}

/** The saved plan as form values; a new plan starts from the intake, prescription and screening alerts. */
export function planToForm(plan: TreatmentPlan | null, chart: ClinicalChart): PlanFormValues {
  if (plan) {
    return {
      problems: plan.problems.map((p) => textRow(p)),
      goals: plan.goals.map(goalToForm),
      techniques: plan.techniques.map((t) => ({
        key: newKey('technique'),
        technique: t.technique,
        regions: [...t.regions],
        note: t.note ?? '',
      })),
      frequencyPerWeek: plan.frequencyPerWeek ?? '',
      durationWeeks: plan.durationWeeks ?? '',
      precautions: plan.precautions.map((p) => textRow(p)),
    };
  }
  const complaints = chart.intake?.healthHistory.complaints.map((c) => c.description) ?? [];
  const prescription = chart.prescriptions.at(-1);
  return {
    problems: complaints.length > 0 ? complaints.map((c) => textRow(c)) : [textRow()],
    goals: [emptyGoal(chart)],
    techniques: [emptyTechnique()],
    frequencyPerWeek: prescription?.frequencyPerWeek ?? '',
    durationWeeks: prescription?.durationWeeks ?? '',
    precautions: chart.alerts.map((a) => textRow(precautionFromAlert(a))),
  };
}

/** The goal as the domain sees it, when enough is filled in to describe it. */
export function goalForPreview(goal: GoalForm): TreatmentGoal | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(goal.targetDate)) return undefined;
  if (goal.kind === 'functional') {
    if (goal.text.trim() === '') return undefined;
    return {
      id: goal.id,
      term: goal.term,
      kind: 'functional',
      text: goal.text.trim(),
      targetDate: goal.targetDate,
    };
  }
  if (!goal.instrument || goal.baseline === '' || goal.target === '') return undefined;
  return {
    id: goal.id,
    term: goal.term,
    kind: 'measure',
    instrument: goal.instrument,
    baseline: goal.baseline,
    target: goal.target,
    targetDate: goal.targetDate,
  };
}

export function describeGoalForm(goal: GoalForm): string | undefined {
  const domain = goalForPreview(goal);
  if (!domain) return undefined;
  return domain.kind === 'measure'
    ? describeGoal(domain, instrumentFacts(domain.instrument))
    : describeGoal(domain);
}

/** The direction warning of a measure goal ("Lower is better on this measure: …"), once both numbers exist. */
export function goalDirectionProblem(goal: GoalForm): string | null {
  if (goal.kind !== 'measure' || !goal.instrument || goal.baseline === '' || goal.target === '') return null;
  const facts = instrumentFacts(goal.instrument);
  if (!facts) return null;
  return measureGoalProblem(
    {
      id: goal.id,
      term: goal.term,
      kind: 'measure',
      instrument: goal.instrument,
      baseline: goal.baseline,
      target: goal.target,
      targetDate: goal.targetDate,
    },
    facts.higherIsBetter,
  );
}

/** Drops empty rows before checking and sending, so row numbers in errors match what is on screen. */
export function withoutEmptyRows(values: PlanFormValues): PlanFormValues {
  return {
    ...values,
    problems: values.problems.filter((p) => p.text.trim() !== ''),
    precautions: values.precautions.filter((p) => p.text.trim() !== ''),
    techniques: values.techniques.filter(
      (t) => t.technique !== null || t.regions.length > 0 || t.note.trim() !== '',
    ),
  };
}

const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

export function validatePlan(values: PlanFormValues): PlanErrors {
  const errors: PlanErrors = {};
  if (values.goals.length === 0) errors.goals = 'Set at least one measurable goal.';
  values.goals.forEach((goal, i) => {
    const at = (field: string) => `goals.${i}.${field}`;
    const checkDate = () => {
      if (!isDate(goal.targetDate))
        errors[at('targetDate')] = 'Enter the date the goal should be reached by.';
    };
    if (goal.kind === 'functional') {
      if (goal.text.trim().length < 3) errors[at('text')] = 'Describe the goal in measurable terms.';
      checkDate();
      return;
    }
    const facts = goal.instrument ? instrumentFacts(goal.instrument) : undefined;
    if (!facts) {
      errors[at('instrument')] = 'Choose the outcome measure.';
      checkDate();
      return;
    }
    const range = (value: number | '', field: 'baseline' | 'target', label: string) => {
      if (value === '') errors[at(field)] = `Enter the ${label}.`;
      else if (value < facts.min || value > facts.max)
        errors[at(field)] = `The ${facts.name} runs from ${facts.min} to ${facts.max}.`;
    };
    range(goal.baseline, 'baseline', 'baseline score');
    range(goal.target, 'target', 'target score');
    if (!errors[at('target')]) {
      const problem = goalDirectionProblem(goal);
      if (problem) errors[at('target')] = problem;
    }
    checkDate();
  });
  values.techniques.forEach((t, i) => {
    if (!t.technique) errors[`techniques.${i}.technique`] = 'Choose the technique, or remove this row.';
  });
  return errors;
}

export function toSaveRequest(
  values: PlanFormValues,
  version: number | undefined,
): TSaveTreatmentPlanRequest {
  const note = (text: string) => (text.trim() ? { note: text.trim() } : {});
  return {
    ...(version !== undefined ? { version } : {}),
    problems: values.problems.map((p) => p.text.trim()),
    goals: values.goals.map((goal) =>
      goal.kind === 'measure'
        ? {
            id: goal.id,
            term: goal.term,
            kind: 'measure' as const,
            instrument: goal.instrument as OutcomeMeasureId,
            baseline: Number(goal.baseline),
            target: Number(goal.target),
            targetDate: goal.targetDate,
            ...note(goal.note),
          }
        : {
            id: goal.id,
            term: goal.term,
            kind: 'functional' as const,
            text: goal.text.trim(),
            targetDate: goal.targetDate,
            ...note(goal.note),
          },
    ),
    techniques: values.techniques.map((t) => ({
      technique: t.technique ?? '',
      regions: t.regions,
      ...note(t.note),
    })),
    frequencyPerWeek: values.frequencyPerWeek === '' ? null : values.frequencyPerWeek,
    durationWeeks: values.durationWeeks === '' ? null : values.durationWeeks,
    precautions: values.precautions.map((p) => p.text.trim()),
  };
}

/** A readable name for a field path, for the error summary. */
export function fieldLabel(path: string, values: PlanFormValues): string {
  const parts = path.split('.');
  const index = Number(parts[1]);
  const n = Number.isInteger(index) ? index + 1 : undefined;
  const GOAL_FIELDS: Record<string, string> = {
    instrument: 'outcome measure',
    baseline: 'baseline',
    target: 'target',
    targetDate: 'target date',
    text: 'description',
    note: 'note',
    id: 'id',
  };
  switch (parts[0]) {
    case 'problems':
      return n ? `Problem ${n}` : 'Problems';
    case 'precautions':
      return n ? `Precaution ${n}` : 'Precautions';
    case 'goals':
      return n ? `Goal ${n}, ${GOAL_FIELDS[parts[2] ?? ''] ?? parts[2] ?? ''}` : 'Goals';
    case 'techniques': {
      const technique = n ? values.techniques[n - 1]?.technique : null;
      return n ? `Technique ${n}${technique ? ` (${techniqueLabel(technique)})` : ''}` : 'Techniques';
    }
    case 'frequencyPerWeek':
      return 'Sessions per week';
    case 'durationWeeks':
      return 'Duration in weeks';
    default:
      return path;
  }
}

/** The DOM id of a field, from its path: `plan-goals-0-target`. */
export const planFieldId = (path: string): string => `plan-${path.replace(/\./g, '-')}`;

/** Paths that have a field on screen (others go to the summary without a link). */
export function hasField(path: string): boolean {
  return /^(problems\.\d+|precautions\.\d+|goals\.\d+\.(instrument|baseline|target|targetDate|text|note)|techniques\.\d+\.(technique|regions)|frequencyPerWeek|durationWeeks)$/.test(
    path,
  );
}

/** "2026-11-25" plus some weeks, as a calendar date. */
export function addWeeks(date: string, weeks: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y, m - 1, d + weeks * 7));
  return next.toISOString().slice(0, 10);
}

/** Whether goals or techniques hold the therapist's own work (not just the empty rows a new plan starts with). */
export function hasOwnTreatment(values: PlanFormValues): boolean {
  const goal = values.goals.some(
    (g) => g.target !== '' || g.text.trim() !== '' || g.targetDate !== '' || g.note.trim() !== '',
  );
  const technique = values.techniques.some((t) => t.technique !== null || t.regions.length > 0);
  return goal || technique;
}

/** What applying a library protocol changed, for the notice above the form. */
export type ConditionApplied = {
  conditionId: string;
  name: string;
  goals: number;
  techniques: number;
  /** Measure goals whose target the therapist must still set. */
  targetsToSet: number;
};

const KNOWN_TECHNIQUES = new Set<string>(TECHNIQUES.map((t) => t.id));
const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * A library condition's protocol in the plan form (issue 4): problems from its presentation, goals from its
 * typical goals (measure goals take the latest score as baseline; the target is left for the therapist),
 * techniques and regions from its steps (the editor has no field for a technique's note, so none is set), frequency from its course, and its cautions as precautions.
 * `replace` swaps goals, techniques and frequency; `add` appends to what is there. Problems and precautions
 * are only ever added to: nothing the intake or the screening alerts put there is dropped.
 */
export function applyCondition(
  values: PlanFormValues,
  condition: LibraryCondition,
  chart: ClinicalChart,
  mode: 'replace' | 'add',
  today: string = todayDateOnly(),
): { values: PlanFormValues; applied: ConditionApplied } {
  const targetDate = addWeeks(today, condition.course.durationWeeks);
  const goals: GoalForm[] = condition.goals.map((goal) =>
    goal.kind === 'measure'
      ? {
          id: newKey('goal'),
          term: 'long',
          kind: 'measure',
          instrument: goal.instrument,
          baseline: latestScore(chart, goal.instrument)?.score ?? '',
          target: '',
          targetDate,
          text: '',
          note: goal.text.slice(0, 1000),
        }
      : {
          id: newKey('goal'),
          term: 'long',
          kind: 'functional',
          instrument: null,
          baseline: '',
          target: '',
          targetDate,
          // The goal reads "<text> by <date>": without the sentence's full stop.
          text: goal.text.replace(/[.\s]+$/, '').slice(0, 500),
          note: '',
        },
  );

  // One row per technique, with the regions of all its steps.
  const techniques: TechniqueForm[] = [];
  for (const step of condition.protocol.steps) {
    if (!KNOWN_TECHNIQUES.has(step.technique)) continue;
    const row = techniques.find((t) => t.technique === step.technique);
    if (row) row.regions = [...new Set([...row.regions, ...step.regions])];
    else
      techniques.push({
        key: newKey('technique'),
        technique: step.technique,
        regions: [...step.regions],
        note: '',
      });
  }

  const keptProblems = values.problems.filter((p) => p.text.trim() !== '');
  const newProblems = condition.presentation
    .slice(0, 2)
    .filter((line) => !keptProblems.some((p) => same(p.text, line)))
    .map((line) => textRow(line.slice(0, 500)));
  const keptPrecautions = values.precautions.filter((p) => p.text.trim() !== '');
  const alertPrecautions = chart.alerts
    .map(precautionFromAlert)
    .filter((text) => !keptPrecautions.some((p) => same(p.text, text)))
    .map((text) => textRow(text));
  const cautions = condition.cautions
    .filter((text) => !keptPrecautions.some((p) => same(p.text, text)))
    .map((text) => textRow(text.slice(0, 500)));

  const ownGoals = values.goals.filter(
    (g) => g.target !== '' || g.text.trim() !== '' || g.targetDate !== '' || g.note.trim() !== '',
  );
  const ownTechniques = values.techniques.filter((t) => t.technique !== null || t.regions.length > 0);
  const addedTechniques =
    mode === 'replace'
      ? techniques
      : techniques.filter((t) => !ownTechniques.some((own) => own.technique === t.technique));

  const next: PlanFormValues = {
    problems: [...keptProblems, ...newProblems],
    goals: mode === 'replace' ? goals : [...ownGoals, ...goals],
    techniques: mode === 'replace' ? techniques : [...ownTechniques, ...addedTechniques],
    frequencyPerWeek:
      mode === 'replace' || values.frequencyPerWeek === ''
        ? condition.course.frequencyPerWeek
        : values.frequencyPerWeek,
    durationWeeks:
      mode === 'replace' || values.durationWeeks === ''
        ? condition.course.durationWeeks
        : values.durationWeeks,
    precautions: [...keptPrecautions, ...alertPrecautions, ...cautions],
  };
  if (next.goals.length === 0) next.goals = [emptyGoal(chart)];
  return {
    values: next,
    applied: {
      conditionId: condition.id,
      name: condition.name,
      goals: goals.length,
      techniques: addedTechniques.length,
      targetsToSet: goals.filter((g) => g.kind === 'measure').length,
    },
  };
}

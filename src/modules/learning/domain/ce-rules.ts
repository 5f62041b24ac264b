/**
 * Continuing-education rules as data (content/learning/ce-rules.json for the shipped states and NCBTMB;
 * clinics add their own) and the pure status of one licence: hours done in the current cycle against the
 * rule, by category, and what is missing before the renewal date.
 */
import { DateTime } from 'luxon';
import { z } from 'zod';

export const ZCeRequirement = z.strictObject({
  category: z.string().min(1),
  hours: z.number().positive().max(200),
  /** Only courses taken in person count (Florida's 12 classroom hours with hands-on instruction). */
  inPersonOnly: z.boolean().optional(),
});

export const ZCeRule = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  jurisdiction: z.string().min(2).max(40),
  name: z.string().min(3).max(200),
  kind: z.enum(['licence', 'certification']),
  cycleMonths: z.number().int().min(6).max(120),
  totalHours: z.number().min(0).max(500),
  requirements: z.array(ZCeRequirement),
  firstRenewal: z
    .strictObject({
      hoursPerMonthLicensed: z.number().positive(),
      maxHours: z.number().positive(),
      requirements: z.array(ZCeRequirement),
    })
    .optional(),
  exemptFirstRenewal: z.boolean().optional(),
  /** Most hours from self-study or online courses that count. */
  maxSelfStudyHours: z.number().min(0).optional(),
  maxHoursByCategory: z.array(z.strictObject({ category: z.string(), hours: z.number().min(0) })).optional(),
  reference: z.string().min(8),
});
export type CeRule = z.infer<typeof ZCeRule>;

export const ZCeRulesFile = z.object({
  source: z.string(),
  rules: z.array(ZCeRule),
  categories: z.array(z.object({ id: z.string(), name: z.string() })),
});

export type CeCourse = {
  id: string;
  completedOn: string;
  hours: number;
  category: string;
  format: 'in_person' | 'online';
};

export type CeLicence = {
  issuedOn: string | null;
  expiresOn: string;
  /** The first renewal after the licence was issued (Florida and New York treat it differently). */
  firstRenewal: boolean;
};

export type CeCategoryStatus = {
  category: string;
  required: number;
  done: number;
  missing: number;
  inPersonOnly: boolean;
};

export type CeStatus = {
  cycleStarts: string;
  cycleEnds: string;
  requiredHours: number;
  countedHours: number;
  missingHours: number;
  categories: CeCategoryStatus[];
  exempt: boolean;
  daysLeft: number;
  state: 'complete' | 'in_progress' | 'due_soon' | 'overdue';
  /** Plain sentences for the learner: what is still missing. */
  missing: string[];
  courseIds: string[];
};

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Months or part-months from issue to expiry (Florida's first renewal: one hour for each). */
export function monthsOrPartMonths(from: string, to: string): number {
  const start = DateTime.fromISO(from);
  const end = DateTime.fromISO(to);
  if (end <= start) return 0;
  const whole = Math.floor(end.diff(start, 'months').months);
  return start.plus({ months: whole }) < end ? whole + 1 : whole;
}

export function ceStatus(input: {
  rule: CeRule;
  licence: CeLicence;
  courses: readonly CeCourse[];
  today: string;
  categoryNames?: ReadonlyMap<string, string>;
}): CeStatus {
  const { rule, licence } = input;
  const name = (c: string) => input.categoryNames?.get(c) ?? c;
  const cycleEnds = licence.expiresOn;
  const cycleStartDefault = DateTime.fromISO(cycleEnds).minus({ months: rule.cycleMonths }).toISODate()!;
  const cycleStarts =
    licence.firstRenewal && licence.issuedOn && licence.issuedOn > cycleStartDefault
      ? licence.issuedOn
      : cycleStartDefault;

  const exempt = licence.firstRenewal && rule.exemptFirstRenewal === true;
  let requiredHours = rule.totalHours;
  let requirements = rule.requirements;
  if (licence.firstRenewal && rule.firstRenewal && licence.issuedOn) {
    requiredHours = Math.min(
      rule.firstRenewal.maxHours,
      rule.firstRenewal.hoursPerMonthLicensed * monthsOrPartMonths(licence.issuedOn, licence.expiresOn),
    );
    requirements = rule.firstRenewal.requirements;
  }
  if (exempt) {
    requiredHours = 0;
    requirements = [];
  }

  const inCycle = input.courses.filter((c) => c.completedOn > cycleStarts && c.completedOn <= cycleEnds);
  // Caps first: hours above a category cap or the self-study cap do not count toward the total.
  let selfStudyLeft = rule.maxSelfStudyHours ?? Number.POSITIVE_INFINITY;
  const capLeft = new Map((rule.maxHoursByCategory ?? []).map((c) => [c.category, c.hours]));
  const counted = [...inCycle]
    .sort((a, b) => a.completedOn.localeCompare(b.completedOn))
    .map((course) => {
      let hours = course.hours;
      if (course.format === 'online') {
        hours = Math.min(hours, selfStudyLeft);
        selfStudyLeft -= hours;
      }
      const cap = capLeft.get(course.category);
      if (cap !== undefined) {
        hours = Math.min(hours, cap);
        capLeft.set(course.category, cap - hours);
      }
      return { ...course, counted: hours };
    });

  const categories = requirements.map((r) => {
    const done = round2(
      counted
        .filter((c) => c.category === r.category && (!r.inPersonOnly || c.format === 'in_person'))
        .reduce((sum, c) => sum + c.counted, 0),
    );
    return {
      category: r.category,
      required: r.hours,
      done,
      missing: round2(Math.max(0, r.hours - done)),
      inPersonOnly: r.inPersonOnly === true,
    };
  });
  const countedHours = round2(counted.reduce((sum, c) => sum + c.counted, 0));
  // Category hours are part of the total, so the total can only be met once the categories are.
  const missingInCategories = categories.reduce((sum, c) => sum + c.missing, 0);
  const missingHours = round2(Math.max(requiredHours - countedHours, missingInCategories, 0));

  const today = DateTime.fromISO(input.today);
  const daysLeft = Math.round(DateTime.fromISO(cycleEnds).diff(today, 'days').days);
  const state =
    missingHours === 0 ? 'complete' : daysLeft < 0 ? 'overdue' : daysLeft <= 90 ? 'due_soon' : 'in_progress';
  const missing = [
    ...categories
      .filter((c) => c.missing > 0)
      .map((c) => `${c.missing} h of ${name(c.category)}${c.inPersonOnly ? ' (in person)' : ''}`),
    ...(missingHours > missingInCategories
      ? [`${round2(missingHours - missingInCategories)} h more of any approved CE`]
      : []),
  ];
  return {
    cycleStarts,
    cycleEnds,
    requiredHours,
    countedHours,
    missingHours,
    categories,
    exempt,
    daysLeft,
    state,
    missing,
    courseIds: inCycle.map((c) => c.id),
  };
}

/** Days before expiry when the therapist is reminded (issue 8: 90 and 30 days). */
export const CE_REMINDER_DAYS = [90, 30] as const;

/**
 * A week-by-week study plan to the exam date: hours split over the seven areas by the blueprint's weight
 * and by how weak the learner is in each (accuracy so far), full timed exams at the start, every third week
 * and in the last week, and spaced review every week. Recomputed from the latest results whenever it is read,
 * so it adjusts as results come in. Pure: today is an input.
 */
import { DateTime } from 'luxon';

export type PlanArea = {
  id: string;
  name: string;
  weight: number;
  subtopics: { id: string; name: string; accuracy: number | null }[];
  /** Share of this area's items answered correctly so far; null before any. */
  accuracy: number | null;
};

export type PlanWeek = {
  week: number;
  starts: string;
  ends: string;
  hours: number;
  fullExam: boolean;
  review: { hours: number; what: string };
  focus: { area: string; name: string; hours: number; read: string[]; practiceItems: number }[];
  note: string | null;
};

export type StudyPlan = {
  examDate: string;
  hoursPerWeek: number;
  weeks: PlanWeek[];
  /** The order areas are worked on, weakest (relative to weight) first. */
  priorities: { area: string; name: string; share: number; accuracy: number | null }[];
};

/** Accuracy assumed for an area with no answers yet: a cautious middle, so every area gets study time. */
const UNKNOWN_ACCURACY = 0.6;
/** Where an area counts as secure: above it, weight alone decides its time. */
const TARGET_ACCURACY = 0.8;
const FULL_EXAM_HOURS = 2;
/** Multiple-choice practice with reading the rationales: about 25 items an hour. */
const ITEMS_PER_HOUR = 25;

const round1 = (n: number) => Math.round(n * 10) / 10;

export function areaPriority(area: Pick<PlanArea, 'weight' | 'accuracy'>): number {
  const gap = Math.max(0, TARGET_ACCURACY - (area.accuracy ?? UNKNOWN_ACCURACY));
  return area.weight * (1 + 4 * gap);
}

export function buildStudyPlan(input: {
  today: string;
  examDate: string;
  hoursPerWeek: number;
  areas: PlanArea[];
  fullExamsTaken: number;
}): StudyPlan {
  const today = DateTime.fromISO(input.today);
  const exam = DateTime.fromISO(input.examDate);
  const days = Math.max(1, Math.round(exam.diff(today, 'days').days));
  const weekCount = Math.min(52, Math.max(1, Math.ceil(days / 7)));

  const priorityOf = new Map(input.areas.map((a) => [a.id, areaPriority(a)]));
  const prioritySum = [...priorityOf.values()].reduce((s, p) => s + p, 0);
  const priorities = [...input.areas]
    .sort(
      (x, y) => priorityOf.get(y.id)! / y.weight - priorityOf.get(x.id)! / x.weight || y.weight - x.weight,
    )
    .map((a) => ({
      area: a.id,
      name: a.name,
      share: round1((100 * priorityOf.get(a.id)!) / prioritySum),
      accuracy: a.accuracy,
    }));

  const fullExamWeeks = new Set<number>();
  if (weekCount >= 2 && input.fullExamsTaken === 0) fullExamWeeks.add(1);
  for (let w = 4; w < weekCount; w += 3) fullExamWeeks.add(w);
  fullExamWeeks.add(weekCount);

  // Focus hours for the whole plan, shared by priority; each week goes to the areas furthest behind their share.
  const weeks: PlanWeek[] = [];
  const plannedShare = new Map(input.areas.map((a) => [a.id, priorityOf.get(a.id)! / prioritySum]));
  const given = new Map(input.areas.map((a) => [a.id, 0]));
  const readCursor = new Map(input.areas.map((a) => [a.id, 0]));
  let focusSoFar = 0;
  for (let w = 1; w <= weekCount; w++) {
    const starts = today.plus({ weeks: w - 1 });
    const lastDay = DateTime.min(starts.plus({ days: 6 }), exam.minus({ days: 1 }));
    const hours = input.hoursPerWeek;
    const fullExam = fullExamWeeks.has(w);
    const last = w === weekCount;
    const reviewHours = round1(Math.max(0.5, hours * (last ? 0.35 : 0.15)));
    const focusHours = Math.max(0, hours - reviewHours - (fullExam ? FULL_EXAM_HOURS : 0));
    const areasThisWeek = focusHours >= 6 ? 3 : focusHours >= 2.5 ? 2 : 1;
    const behind = input.areas
      .map((a) => ({
        area: a,
        deficit: plannedShare.get(a.id)! * (focusSoFar + focusHours) - given.get(a.id)!,
      }))
      .sort((x, y) => y.deficit - x.deficit)
      .slice(0, areasThisWeek);
    const deficitSum = behind.reduce((s, b) => s + Math.max(0.01, b.deficit), 0);
    const focus = behind
      .filter(() => focusHours > 0)
      .map(({ area, deficit }) => {
        const h = round1((focusHours * Math.max(0.01, deficit)) / deficitSum);
        given.set(area.id, given.get(area.id)! + h);
        // Weakest subtopics first, then the rest in outline order; a cursor walks through them week by week.
        const ordered = [...area.subtopics].sort(
          (x, y) => (x.accuracy ?? UNKNOWN_ACCURACY) - (y.accuracy ?? UNKNOWN_ACCURACY),
        );
        const n = Math.max(1, Math.min(3, Math.round(h / 1.5)));
        const start = readCursor.get(area.id)!;
        const read = Array.from(
          { length: Math.min(n, ordered.length) },
          (_, i) => ordered[(start + i) % ordered.length]!.name,
        );
        readCursor.set(area.id, start + n);
        return {
          area: area.id,
          name: area.name,
          hours: h,
          read,
          practiceItems: Math.max(10, Math.round((h / 2) * ITEMS_PER_HOUR)),
        };
      });
    focusSoFar += focusHours;
    weeks.push({
      week: w,
      starts: starts.toISODate()!,
      ends: (lastDay < starts ? starts : lastDay).toISODate()!,
      hours,
      fullExam,
      review: {
        hours: reviewHours,
        what: last
          ? 'Missed items and flashcards due; no new material.'
          : 'Review queue: missed items and flashcards due.',
      },
      focus,
      note: last
        ? 'Final week: a full timed exam early in the week, then light review; rest the day before the exam.'
        : w === 1 && fullExam
          ? 'Start with a full timed exam: it shows where you stand in each area.'
          : null,
    });
  }
  return { examDate: input.examDate, hoursPerWeek: input.hoursPerWeek, weeks, priorities };
}

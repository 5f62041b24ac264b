import { describe, expect, it } from 'vitest';
import { areaPriority, buildStudyPlan, type PlanArea } from './study-plan.js';

const area = (id: string, weight: number, accuracy: number | null): PlanArea => ({
  id,
  name: id.toUpperCase(),
  weight,
  accuracy,
  subtopics: [
    { id: `${id}-1`, name: `${id} one`, accuracy: null },
    { id: `${id}-2`, name: `${id} two`, accuracy: 0.3 },
  ],
});
const AREAS = [area('a', 11, 0.9), area('b', 12, 0.4), area('c', 17, null)];

describe('buildStudyPlan', () => {
  const plan = buildStudyPlan({
    today: '2026-11-26',
    examDate: '2027-01-21',
    hoursPerWeek: 8,
    areas: AREAS,
    fullExamsTaken: 0,
  });

  it('has one week per week to the exam, each with its hours', () => {
    expect(plan.weeks).toHaveLength(8);
    expect(plan.weeks[0]).toMatchObject({ week: 1, starts: '2026-11-26', ends: '2026-12-02', hours: 8 });
    expect(plan.weeks.at(-1)!.ends).toBe('2027-01-20');
    for (const week of plan.weeks) {
      const used = week.review.hours + week.focus.reduce((s, f) => s + f.hours, 0) + (week.fullExam ? 2 : 0);
      expect(used).toBeCloseTo(8, 0);
    }
  });

  it('sits a full exam first, every third week and in the last week', () => {
    expect(plan.weeks.filter((w) => w.fullExam).map((w) => w.week)).toEqual([1, 4, 7, 8]);
  });

  it('gives weak areas more time than their weight alone, strong ones less, and starts with the weakest', () => {
    const hours = (id: string) =>
      plan.weeks
        .flatMap((w) => w.focus)
        .filter((f) => f.area === id)
        .reduce((s, f) => s + f.hours, 0);
    expect(hours('b') / 12).toBeGreaterThan(hours('a') / 11);
    expect(plan.priorities[0]!.area).toBe('b');
    expect(plan.weeks[0]!.focus[0]!.area).toBe('b');
    expect(areaPriority({ weight: 10, accuracy: 0.95 })).toBe(10);
  });

  it('reads the weakest subtopics first', () => {
    const first = plan.weeks.flatMap((w) => w.focus).find((f) => f.area === 'b')!;
    expect(first.read[0]).toBe('b two');
  });

  it('changes as results come in', () => {
    const better = buildStudyPlan({
      today: '2026-11-26',
      examDate: '2027-01-21',
      hoursPerWeek: 8,
      areas: [area('a', 11, 0.9), area('b', 12, 0.95), area('c', 17, 0.3)],
      fullExamsTaken: 1,
    });
    expect(better.priorities[0]!.area).toBe('c');
    expect(better.weeks[0]!.fullExam).toBe(false);
  });

  it('still plans one week when the exam is days away', () => {
    const soon = buildStudyPlan({
      today: '2026-11-26',
      examDate: '2026-11-29',
      hoursPerWeek: 5,
      areas: AREAS,
      fullExamsTaken: 2,
    });
    expect(soon.weeks).toHaveLength(1);
    expect(soon.weeks[0]!.fullExam).toBe(true);
  });
});

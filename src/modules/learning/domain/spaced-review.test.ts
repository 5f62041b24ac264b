import { describe, expect, it } from 'vitest';
import { gradeCard, missedAgain, newCard, previewGrades } from './spaced-review.js';

const T0 = new Date('2026-11-26T09:00:00Z');
const minutes = (a: Date, b: Date) => Math.round((b.getTime() - a.getTime()) / 60_000);
const days = (a: Date, b: Date) => Math.round((b.getTime() - a.getTime()) / 86_400_000);

describe('FSRS scheduling with a fixed clock', () => {
  it('schedules a new card by grade: again and hard in minutes, good in minutes (learning step), easy in days', () => {
    const preview = previewGrades(newCard(T0), T0);
    expect(minutes(T0, preview.again)).toBe(1);
    expect(minutes(T0, preview.hard)).toBe(6);
    expect(minutes(T0, preview.good)).toBe(10);
    expect(days(T0, preview.easy)).toBeGreaterThanOrEqual(8);
  });

  it('is deterministic: the same grades at the same times give the same schedule', () => {
    const run = () => {
      let card = newCard(T0);
      let now = T0;
      for (const grade of ['good', 'good', 'good', 'hard', 'good'] as const) {
        card = gradeCard(card, grade, now);
        now = card.due;
      }
      return card;
    };
    expect(run()).toEqual(run());
  });

  it('grows the interval with each good answer and resets it after a lapse', () => {
    let card = gradeCard(newCard(T0), 'good', T0);
    card = gradeCard(card, 'good', card.due); // graduates to review
    expect(card.state).toBe('review');
    const intervals: number[] = [];
    for (let i = 0; i < 3; i++) {
      const before = card.due;
      card = gradeCard(card, 'good', before);
      intervals.push(days(before, card.due));
    }
    expect(intervals[1]!).toBeGreaterThan(intervals[0]!);
    expect(intervals[2]!).toBeGreaterThan(intervals[1]!);
    const lapse = gradeCard(card, 'again', card.due);
    expect(lapse.state).toBe('relearning');
    expect(lapse.lapses).toBe(1);
    expect(minutes(card.due, lapse.due)).toBe(10);
  });

  it('puts a missed item back in the queue now', () => {
    const later = new Date('2026-12-20T09:00:00Z');
    const reviewed = { ...gradeCard(newCard(T0), 'easy', T0), due: later };
    expect(missedAgain(reviewed, T0).due).toEqual(T0);
    expect(missedAgain(undefined, T0).state).toBe('new');
  });
});

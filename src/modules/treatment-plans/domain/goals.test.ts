import { describe, expect, it } from 'vitest';
import { describeGoal, measureGoalProblem, measureGoalStatus, type MeasureGoal } from './goals.js';

const ndiGoal: MeasureGoal = {
  id: 'g1',
  term: 'long',
  kind: 'measure',
  instrument: 'ndi',
  baseline: 38,
  target: 18,
  targetDate: '2026-12-20',
};
const ndi = { name: 'NDI', unit: '%', higherIsBetter: false, mcid: 10 };
const lefs = { name: 'LEFS', unit: 'points', higherIsBetter: true, mcid: 9 };

describe('measurable goals', () => {
  it('reads like the issue example', () => {
    expect(describeGoal(ndiGoal, ndi)).toBe('NDI from 38% to ≤18% by Dec 20, 2026');
    expect(
      describeGoal({ ...ndiGoal, instrument: 'lefs', baseline: 40, target: 60 }, { ...lefs, unit: 'points' }),
    ).toBe('LEFS from 40 to ≥60 by Dec 20, 2026');
    expect(
      describeGoal({
        id: 'f',
        term: 'short',
        kind: 'functional',
        text: 'Drive 2 hours',
        targetDate: '2026-12-01',
      }),
    ).toBe('Drive 2 hours by Dec 1, 2026');
  });

  it.each([
    // NDI (lower better, MCID 10 points of %): baseline 38, target 18.
    [undefined, 'not_measured'],
    [38, 'not_progressing'],
    [30, 'not_progressing'], // 8 better: inside the MCID
    [28, 'progressing'], // 10 better: the MCID
    [18, 'met'],
    [12, 'met'],
    [44, 'not_progressing'],
  ] as const)('NDI latest %s → %s', (latest, status) => {
    expect(measureGoalStatus(ndiGoal, latest, ndi)).toBe(status);
  });

  it.each([
    [49, 'progressing'],
    [48, 'not_progressing'],
    [60, 'met'],
  ] as const)('LEFS (higher better) latest %s → %s', (latest, status) => {
    const goal = { ...ndiGoal, instrument: 'lefs', baseline: 40, target: 60 };
    expect(measureGoalStatus(goal, latest, lefs)).toBe(status);
  });

  it('refuses goals in the wrong direction', () => {
    expect(measureGoalProblem({ ...ndiGoal, target: 50 }, false)).toMatch(/below the baseline/);
    expect(measureGoalProblem({ ...ndiGoal, target: 38 }, false)).toMatch(/differ/);
    expect(measureGoalProblem({ ...ndiGoal, baseline: 40, target: 30 }, true)).toMatch(/above the baseline/);
    expect(measureGoalProblem(ndiGoal, false)).toBeNull();
  });
});

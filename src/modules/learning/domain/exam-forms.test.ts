import { describe, expect, it } from 'vitest';
import {
  drawExamForm,
  drawPracticeSet,
  itemsPerArea,
  readinessOf,
  scoreExam,
  seededRandom,
} from './exam-forms.js';

const AREAS = [
  { id: 'a1', weight: 11 },
  { id: 'a2', weight: 12 },
  { id: 'a3', weight: 14 },
  { id: 'a4', weight: 15 },
  { id: 'a5', weight: 17 },
  { id: 'a6', weight: 16 },
  { id: 'a7', weight: 15 },
].map((a) => ({ ...a, subtopics: [{ id: `${a.id}-x` }, { id: `${a.id}-y` }, { id: `${a.id}-z` }] }));

const BANK = AREAS.flatMap((area) =>
  Array.from({ length: area.weight * 4 }, (_, i) => ({
    id: `${area.id}-${i}`,
    area: area.id,
    subtopic: area.subtopics[i % 3]!.id,
    difficulty: 'medium',
  })),
);

describe('itemsPerArea', () => {
  it.each([
    [100, [11, 12, 14, 15, 17, 16, 15]],
    [50, [6, 6, 7, 8, 8, 8, 7]],
    [10, [1, 1, 1, 2, 2, 2, 1]],
  ])('a form of %i items', (total, expected) => {
    const counts = itemsPerArea(AREAS, total);
    expect(AREAS.map((a) => counts.get(a.id))).toEqual(expected);
    expect([...counts.values()].reduce((s, n) => s + n, 0)).toBe(total);
  });
});

describe('drawExamForm', () => {
  it('matches the blueprint exactly, spreads subtopics and never repeats an item', () => {
    const form = drawExamForm({ bank: BANK, areas: AREAS, total: 100, random: seededRandom(7) });
    expect(form).toHaveLength(100);
    expect(new Set(form.map((i) => i.id)).size).toBe(100);
    for (const area of AREAS) {
      const inArea = form.filter((i) => i.area === area.id);
      expect(inArea).toHaveLength(area.weight);
      const perSubtopic = area.subtopics.map((s) => inArea.filter((i) => i.subtopic === s.id).length);
      expect(Math.max(...perSubtopic) - Math.min(...perSubtopic)).toBeLessThanOrEqual(1);
    }
  });

  it('is reproducible from its seed and differs between seeds', () => {
    const ids = (seed: number) =>
      drawExamForm({ bank: BANK, areas: AREAS, total: 100, random: seededRandom(seed) }).map((i) => i.id);
    expect(ids(42)).toEqual(ids(42));
    expect(ids(42)).not.toEqual(ids(43));
  });

  it('prefers items the learner has not seen', () => {
    const seen = new Set(BANK.filter((_, i) => i % 2 === 0).map((i) => i.id));
    const form = drawExamForm({ bank: BANK, areas: AREAS, total: 100, random: seededRandom(1), seen });
    expect(form.filter((i) => seen.has(i.id))).toEqual([]);
  });
});

describe('drawPracticeSet', () => {
  it('draws from one area or one subtopic, at most what there is', () => {
    const set = drawPracticeSet({ bank: BANK, area: 'a2', count: 20, random: seededRandom(3) });
    expect(set).toHaveLength(20);
    expect(new Set(set.map((i) => i.area))).toEqual(new Set(['a2']));
    const one = drawPracticeSet({
      bank: BANK,
      area: 'a1',
      subtopic: 'a1-y',
      count: 50,
      random: seededRandom(3),
    });
    expect(one.length).toBe(BANK.filter((i) => i.subtopic === 'a1-y').length);
  });
});

describe('scoreExam and readiness', () => {
  const answers = [
    { itemId: '1', area: 'a1', subtopic: 'x', chosen: 'A', answer: 'A' },
    { itemId: '2', area: 'a1', subtopic: 'x', chosen: 'B', answer: 'A' },
    { itemId: '3', area: 'a2', subtopic: 'x', chosen: null, answer: 'C' },
    { itemId: '4', area: 'a2', subtopic: 'x', chosen: 'D', answer: 'D' },
  ];
  it('counts unanswered items as wrong and breaks down by area', () => {
    expect(scoreExam(answers, ['a1', 'a2', 'a3'])).toEqual({
      correct: 2,
      total: 4,
      percent: 50,
      byArea: [
        { area: 'a1', correct: 1, total: 2 },
        { area: 'a2', correct: 1, total: 2 },
      ],
    });
  });
  it.each([
    [{ correct: 80, total: 100, percent: 80, byArea: [{ area: 'a1', correct: 8, total: 11 }] }, 'ready'],
    [{ correct: 80, total: 100, percent: 80, byArea: [{ area: 'a1', correct: 5, total: 11 }] }, 'borderline'],
    [{ correct: 66, total: 100, percent: 66, byArea: [] }, 'borderline'],
    [{ correct: 50, total: 100, percent: 50, byArea: [{ area: 'a1', correct: 2, total: 11 }] }, 'not_yet'],
  ] as const)('readiness %#', (score, level) => {
    const result = readinessOf({ ...score, byArea: [...score.byArea] }, new Map([['a1', 'Anatomy']]));
    expect(result.level).toBe(level);
    if (level !== 'ready' && score.byArea.length) expect(result.summary).toContain('Anatomy');
  });
});

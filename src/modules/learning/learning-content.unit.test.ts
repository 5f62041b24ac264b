import { describe, expect, it } from 'vitest';
import { drawExamForm, seededRandom } from './domain/exam-forms.js';
import { OPTION_LETTERS, DIFFICULTIES } from './domain/learning-content.js';
import { readLearningContent } from './learning-content.loader.js';

/**
 * The shipped learning content (issue 8): every file valid, no duplicate or near-duplicate stems, every
 * subtopic covered at three difficulty levels, the blueprint's weights met, the answer letters even, and
 * enough case studies and flashcards. `npm run learning:report` prints the same counts.
 */
const content = readLearningContent();
const { items, blueprint } = content;

describe('the question bank', () => {
  it('has no problems: schema, one correct of four distinct options, rationale per option, no near-duplicate stems', () => {
    expect(content.problems).toEqual([]);
  });

  it('has at least 1,000 items', () => {
    expect(items.length).toBeGreaterThanOrEqual(1000);
  });

  it('weights the seven areas like the MBLEx outline (within one percentage point)', () => {
    expect(blueprint.areas.map((a) => a.weight)).toEqual([11, 12, 14, 15, 17, 16, 15]);
    for (const area of blueprint.areas) {
      const share = (100 * items.filter((i) => i.area === area.id).length) / items.length;
      expect(Math.abs(share - area.weight), area.id).toBeLessThanOrEqual(1);
    }
  });

  it('covers every subtopic, at all three difficulty levels, near its target', () => {
    for (const area of blueprint.areas)
      for (const subtopic of area.subtopics) {
        const inSubtopic = items.filter((i) => i.subtopic === subtopic.id);
        expect(inSubtopic.length, subtopic.id).toBeGreaterThanOrEqual(subtopic.target);
        for (const level of DIFFICULTIES)
          expect(
            inSubtopic.some((i) => i.difficulty === level),
            `${subtopic.id} ${level}`,
          ).toBe(true);
      }
  });

  it('spreads the correct answer evenly over A–D, in the bank and in every subtopic', () => {
    for (const letter of OPTION_LETTERS) {
      const share = items.filter((i) => i.answer === letter).length / items.length;
      expect(share, letter).toBeGreaterThan(0.23);
      expect(share, letter).toBeLessThan(0.27);
    }
    for (const area of blueprint.areas)
      for (const subtopic of area.subtopics) {
        const counts = OPTION_LETTERS.map(
          (l) => items.filter((i) => i.subtopic === subtopic.id && i.answer === l).length,
        );
        expect(Math.max(...counts) - Math.min(...counts), subtopic.id).toBeLessThanOrEqual(2);
      }
  });

  it('mixes the difficulty levels (about 30/45/25 %)', () => {
    const share = (level: string) => items.filter((i) => i.difficulty === level).length / items.length;
    expect(share('easy')).toBeGreaterThan(0.2);
    expect(share('medium')).toBeGreaterThan(0.35);
    expect(share('hard')).toBeGreaterThan(0.15);
  });

  it('draws 50 full exams that each match the blueprint within one item per area and never repeat an item', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const form = drawExamForm({
        bank: items,
        areas: blueprint.areas,
        total: 100,
        random: seededRandom(seed),
      });
      expect(form).toHaveLength(100);
      expect(new Set(form.map((i) => i.id)).size).toBe(100);
      for (const area of blueprint.areas) {
        const n = form.filter((i) => i.area === area.id).length;
        expect(Math.abs(n - area.weight), `seed ${seed} ${area.id}`).toBeLessThanOrEqual(1);
      }
    }
  });
});

describe('case studies and flashcards', () => {
  it('has at least 30 case studies from different conditions of the library, each with all five kinds of question', () => {
    expect(content.caseStudies.length).toBeGreaterThanOrEqual(30);
    expect(new Set(content.caseStudies.map((c) => c.conditionId)).size).toBe(content.caseStudies.length);
  });

  it('has at least 400 flashcards over terminology, muscles and pathology', () => {
    expect(content.flashcards.length).toBeGreaterThanOrEqual(400);
    for (const deck of ['terminology', 'muscles', 'pathology'])
      expect(content.flashcards.filter((c) => c.deck === deck).length, deck).toBeGreaterThanOrEqual(100);
  });
});

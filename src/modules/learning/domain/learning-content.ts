import { z } from 'zod';

/**
 * The learning side's content format (issue 8): the MBLEx-style question bank, flashcards and case
 * studies are data — JSON files under content/learning/ — checked by these schemas and by the content
 * tests. Every item is written for Palpa, never copied from an exam or prep product.
 */

export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

export const OPTION_LETTERS = ['A', 'B', 'C', 'D'] as const;
export type OptionLetter = (typeof OPTION_LETTERS)[number];

const text = (min: number) => z.string().trim().min(min);

export const blueprintSchema = z.object({
  source: text(10),
  examItems: z.number().int().positive(),
  examMinutes: z.number().int().positive(),
  areas: z
    .array(
      z.object({
        id: z.string().regex(/^[a-z][a-z-]*$/),
        number: z.number().int().min(1),
        name: text(3),
        weight: z.number().int().positive(),
        subtopics: z
          .array(
            z.object({
              id: z.string().regex(/^[a-z][a-z-]*$/),
              name: text(3),
              target: z.number().int().positive(),
            }),
          )
          .min(1),
      }),
    )
    .length(7),
});
export type Blueprint = z.infer<typeof blueprintSchema>;

export const questionOptionSchema = z.object({
  text: text(1),
  /** Why this option is right, or why it is wrong. */
  rationale: text(15),
});

export const questionItemSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  difficulty: z.enum(DIFFICULTIES),
  stem: text(15),
  options: z.array(questionOptionSchema).length(4),
  answer: z.enum(OPTION_LETTERS),
  reference: text(8),
});
export type QuestionItem = z.infer<typeof questionItemSchema>;

/** One file per subtopic: content/learning/questions/{area}/{subtopic}.json. */
export const questionFileSchema = z.object({
  area: z.string(),
  subtopic: z.string(),
  items: z.array(questionItemSchema).min(1),
});
export type QuestionFile = z.infer<typeof questionFileSchema>;

export const FLASHCARD_DECKS = ['terminology', 'muscles', 'pathology'] as const;
export type FlashcardDeck = (typeof FLASHCARD_DECKS)[number];

export const flashcardSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  front: text(2),
  back: text(2),
  tags: z.array(z.string()).default([]),
  reference: text(8),
});

/** A muscle note: one card per attribute is made from it (origin, insertion, action, innervation). */
export const muscleNoteSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  muscle: text(3),
  region: text(3),
  origin: text(3),
  insertion: text(3),
  action: text(3),
  innervation: text(3),
  reference: text(8),
});
export type MuscleNote = z.infer<typeof muscleNoteSchema>;

export const flashcardFileSchema = z.object({
  deck: z.enum(FLASHCARD_DECKS),
  cards: z.array(flashcardSchema).default([]),
  muscles: z.array(muscleNoteSchema).default([]),
});
export type FlashcardFile = z.infer<typeof flashcardFileSchema>;

export const CASE_QUESTION_TOPICS = [
  'assessment',
  'measures',
  'plan',
  'contraindications',
  'documentation',
] as const;

export const caseStudySchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  title: text(5),
  /** The condition in the library this case is built from (content/library/conditions/{id}.json). */
  conditionId: z.string(),
  vignette: text(80),
  questions: z
    .array(
      z.object({
        topic: z.enum(CASE_QUESTION_TOPICS),
        prompt: text(10),
        modelAnswer: text(40),
      }),
    )
    .min(5),
  references: z.array(text(8)).min(1),
});
export type CaseStudy = z.infer<typeof caseStudySchema>;

/**
 * Stems compared after normalisation: lower case, punctuation and digits dropped, whitespace collapsed.
 * Two stems whose word sets overlap by this Jaccard share or more count as near-duplicates.
 */
export const NEAR_DUPLICATE_JACCARD = 0.8;

export function normaliseStem(stem: string): string {
  return stem
    .toLowerCase()
    .replace(/[^a-z\s]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function wordSet(stem: string): Set<string> {
  return new Set(
    normaliseStem(stem)
      .split(' ')
      .filter((w) => w.length > 2),
  );
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 1 : shared / union;
}

/** Pairs of item ids whose stems are identical or near-identical after normalisation. */
export function findNearDuplicateStems(
  items: { id: string; stem: string }[],
  threshold = NEAR_DUPLICATE_JACCARD,
): [string, string, number][] {
  const sets = items.map((item) => ({
    id: item.id,
    words: wordSet(item.stem),
    norm: normaliseStem(item.stem),
  }));
  const pairs: [string, string, number][] = [];
  for (let i = 0; i < sets.length; i++) {
    for (let j = i + 1; j < sets.length; j++) {
      const a = sets[i]!;
      const b = sets[j]!;
      if (a.norm === b.norm) {
        pairs.push([a.id, b.id, 1]);
        continue;
      }
      const score = jaccard(a.words, b.words);
      if (score >= threshold) pairs.push([a.id, b.id, score]);
    }
  }
  return pairs;
}

/** Problems inside one item that a schema cannot express. */
export function itemProblems(item: QuestionItem): string[] {
  const problems: string[] = [];
  // Digits matter here ("T12" and "L1" are different options), unlike in stems.
  const normalised = item.options.map((o) =>
    o.text
      .toLowerCase()
      .replace(/[\s.,;:!?]+/g, ' ')
      .trim(),
  );
  if (new Set(normalised).size !== 4) problems.push('options are not four distinct texts');
  for (const option of item.options) {
    if (/\b(all|none|both) of the (above|these)\b/i.test(option.text)) {
      problems.push(`option "${option.text}" is an all/none-of-the-above option`);
    }
  }
  return problems;
}

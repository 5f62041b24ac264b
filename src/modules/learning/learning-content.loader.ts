import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DIFFICULTIES,
  OPTION_LETTERS,
  blueprintSchema,
  caseStudySchema,
  findNearDuplicateStems,
  flashcardFileSchema,
  itemProblems,
  questionFileSchema,
  type Blueprint,
  type CaseStudy,
  type FlashcardDeck,
  type QuestionItem,
} from './domain/learning-content.js';
import { expandMuscleNote } from './domain/flashcards.js';

/** The shipped learning content: content/learning/ (see content/learning/README.md). */
export const SHIPPED_LEARNING_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../content/learning',
);
const SHIPPED_CONDITIONS_DIR = path.resolve(SHIPPED_LEARNING_DIR, '../library/conditions');

export type BankItem = QuestionItem & { area: string; subtopic: string };
export type BankFlashcard = {
  id: string;
  deck: FlashcardDeck;
  front: string;
  back: string;
  tags: string[];
  reference: string;
};

export type LearningContent = {
  version: string;
  blueprint: Blueprint;
  items: BankItem[];
  flashcards: BankFlashcard[];
  caseStudies: CaseStudy[];
  /** Everything wrong with the files; the content tests require none. */
  problems: string[];
};

function listJson(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.split(path.sep).join('/'))
    .sort();
}

/** Reads every file and collects problems instead of stopping at the first (writers fix them in one pass). */
export function readLearningContent(
  dir = SHIPPED_LEARNING_DIR,
  conditionsDir = SHIPPED_CONDITIONS_DIR,
): LearningContent {
  const hash = createHash('sha256');
  const problems: string[] = [];
  const readJson = (relative: string): unknown => {
    const text = fs.readFileSync(path.join(dir, relative), 'utf8');
    hash.update(`${relative}\n${text}\n`);
    try {
      return JSON.parse(text);
    } catch (err) {
      problems.push(`${relative}: not JSON (${(err as Error).message})`);
      return undefined;
    }
  };

  const blueprint = blueprintSchema.parse(readJson('blueprint.json'));
  const subtopicsByArea = new Map(blueprint.areas.map((a) => [a.id, new Set(a.subtopics.map((s) => s.id))]));

  const items: BankItem[] = [];
  for (const relative of listJson(path.join(dir, 'questions'))) {
    const file = `questions/${relative}`;
    const parsed = questionFileSchema.safeParse(readJson(file));
    if (!parsed.success) {
      problems.push(
        `${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      );
      continue;
    }
    const { area, subtopic } = parsed.data;
    if (relative !== `${area}/${subtopic}.json`)
      problems.push(`${file}: should be questions/${area}/${subtopic}.json`);
    if (!subtopicsByArea.get(area)?.has(subtopic))
      problems.push(`${file}: ${area}/${subtopic} is not in the blueprint`);
    for (const item of parsed.data.items) {
      for (const problem of itemProblems(item)) problems.push(`${file} ${item.id}: ${problem}`);
      items.push({ ...item, area, subtopic });
    }
  }

  const flashcards: BankFlashcard[] = [];
  for (const relative of listJson(path.join(dir, 'flashcards'))) {
    const file = `flashcards/${relative}`;
    const parsed = flashcardFileSchema.safeParse(readJson(file));
    if (!parsed.success) {
      problems.push(
        `${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      );
      continue;
    }
    const { deck } = parsed.data;
    for (const card of parsed.data.cards) flashcards.push({ ...card, deck });
    for (const note of parsed.data.muscles)
      flashcards.push(...expandMuscleNote(note).map((c) => ({ ...c, deck })));
  }

  const conditionIds = new Set(
    fs.existsSync(conditionsDir) ? fs.readdirSync(conditionsDir).map((f) => f.replace(/\.json$/, '')) : [],
  );
  const caseStudies: CaseStudy[] = [];
  for (const relative of listJson(path.join(dir, 'case-studies'))) {
    const file = `case-studies/${relative}`;
    const parsed = caseStudySchema.safeParse(readJson(file));
    if (!parsed.success) {
      problems.push(
        `${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      );
      continue;
    }
    if (relative !== `${parsed.data.id}.json`)
      problems.push(`${file}: the file name should be ${parsed.data.id}.json`);
    if (!conditionIds.has(parsed.data.conditionId)) {
      problems.push(`${file}: condition ${parsed.data.conditionId} is not in the library`);
    }
    const topics = new Set(parsed.data.questions.map((q) => q.topic));
    if (topics.size < 5) problems.push(`${file}: questions should cover all five topics`);
    caseStudies.push(parsed.data);
  }

  const duplicateIds = (ids: string[], kind: string) => {
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) problems.push(`duplicate ${kind} id ${id}`);
      seen.add(id);
    }
  };
  duplicateIds(
    items.map((i) => i.id),
    'question',
  );
  duplicateIds(
    flashcards.map((c) => c.id),
    'flashcard',
  );
  duplicateIds(
    caseStudies.map((c) => c.id),
    'case study',
  );
  for (const [a, b, score] of findNearDuplicateStems(items)) {
    problems.push(`near-duplicate stems ${a} and ${b} (${score.toFixed(2)})`);
  }

  return { version: hash.digest('hex'), blueprint, items, flashcards, caseStudies, problems };
}

const pad = (value: string | number, width: number) => String(value).padEnd(width);

/** The counts a reviewer wants to see, as plain text (src/cli/learning-content-check.ts prints it). */
export function learningContentReport(content: LearningContent): { text: string; problems: string[] } {
  const lines: string[] = [];
  const { items, blueprint } = content;
  lines.push(`Question bank: ${items.length} items`);
  lines.push('');
  lines.push(
    `${pad('area / subtopic', 48)}${pad('items', 7)}${pad('share', 8)}${pad('weight', 8)}easy/med/hard   A/B/C/D`,
  );
  const breakdown = (subset: BankItem[]) =>
    `${DIFFICULTIES.map((d) => subset.filter((i) => i.difficulty === d).length)
      .join('/')
      .padEnd(16)}${OPTION_LETTERS.map((l) => subset.filter((i) => i.answer === l).length).join('/')}`;
  for (const area of blueprint.areas) {
    const inArea = items.filter((i) => i.area === area.id);
    const share = items.length === 0 ? 0 : (100 * inArea.length) / items.length;
    lines.push(
      `${pad(`${area.number}. ${area.id}`, 48)}${pad(inArea.length, 7)}${pad(`${share.toFixed(1)}%`, 8)}${pad(`${area.weight}%`, 8)}${breakdown(inArea)}`,
    );
    for (const subtopic of area.subtopics) {
      const inSubtopic = inArea.filter((i) => i.subtopic === subtopic.id);
      lines.push(
        `${pad(`     ${subtopic.id}`, 48)}${pad(inSubtopic.length, 7)}${pad('', 16)}${breakdown(inSubtopic)}`,
      );
    }
  }
  lines.push(`${pad('all', 48)}${pad(items.length, 7)}${pad('', 16)}${breakdown(items)}`);
  lines.push('');
  const decks = new Map<string, number>();
  for (const card of content.flashcards) decks.set(card.deck, (decks.get(card.deck) ?? 0) + 1);
  lines.push(
    `Flashcards: ${content.flashcards.length} (${[...decks].map(([d, n]) => `${d} ${n}`).join(', ')})`,
  );
  lines.push(`Case studies: ${content.caseStudies.length}`);
  lines.push('');
  return { text: `${lines.join('\n')}\n`, problems: content.problems };
}

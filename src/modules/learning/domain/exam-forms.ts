/**
 * Exam forms drawn from the bank like the MBLEx: 100 items weighted by the FSMTB content outline
 * (11/12/14/15/17/16/15 %), answered in order with no going back, 110 minutes (reference notes, section F).
 * Pure: the random source is passed in, so a form is reproducible from its seed.
 */

export type DrawableItem = { id: string; area: string; subtopic: string; difficulty: string };
export type BlueprintArea = { id: string; weight: number; subtopics: { id: string }[] };

/** A small, fast, seedable PRNG (mulberry32): forms are reproducible from a 32-bit seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(values: readonly T[], random: () => number): T[] {
  const out = [...values];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * Items per area for a form of `total` items: the weights' shares rounded by largest remainder, so the
 * counts always add up to `total` and each is within one item of its exact share.
 */
export function itemsPerArea(
  areas: readonly { id: string; weight: number }[],
  total: number,
): Map<string, number> {
  const weightSum = areas.reduce((sum, a) => sum + a.weight, 0);
  const exact = areas.map((a) => ({ id: a.id, share: (a.weight * total) / weightSum }));
  const counts = exact.map((e) => ({
    id: e.id,
    count: Math.floor(e.share),
    remainder: e.share - Math.floor(e.share),
  }));
  let left = total - counts.reduce((sum, c) => sum + c.count, 0);
  for (const c of [...counts].sort((x, y) => y.remainder - x.remainder)) {
    if (left <= 0) break;
    c.count++;
    left--;
  }
  return new Map(counts.map((c) => [c.id, c.count]));
}

/**
 * Picks `count` items from one area, spread over its subtopics (round robin over shuffled subtopics, each
 * shuffled inside), preferring items the learner has not seen yet.
 */
function pickSpread(
  items: readonly DrawableItem[],
  count: number,
  random: () => number,
  seen: ReadonlySet<string>,
): DrawableItem[] {
  const bySubtopic = new Map<string, DrawableItem[]>();
  for (const item of items) {
    const list = bySubtopic.get(item.subtopic) ?? [];
    list.push(item);
    bySubtopic.set(item.subtopic, list);
  }
  // Unseen first, each group shuffled: a learner meets the whole bank before repeats.
  const queues = shuffle([...bySubtopic.values()], random).map((list) => [
    ...shuffle(
      list.filter((i) => !seen.has(i.id)),
      random,
    ),
    ...shuffle(
      list.filter((i) => seen.has(i.id)),
      random,
    ),
  ]);
  const picked: DrawableItem[] = [];
  while (picked.length < count && queues.some((q) => q.length > 0)) {
    for (const queue of queues) {
      if (picked.length >= count) break;
      const next = queue.shift();
      if (next) picked.push(next);
    }
  }
  return picked;
}

export class NotEnoughItemsError extends Error {}

/** A full exam form: per-area counts from the weights, subtopics spread, no item twice, areas interleaved. */
export function drawExamForm(input: {
  bank: readonly DrawableItem[];
  areas: readonly BlueprintArea[];
  total: number;
  random: () => number;
  seen?: ReadonlySet<string>;
}): DrawableItem[] {
  const perArea = itemsPerArea(input.areas, input.total);
  const picked: DrawableItem[] = [];
  for (const area of input.areas) {
    const want = perArea.get(area.id) ?? 0;
    const items = input.bank.filter((i) => i.area === area.id);
    if (items.length < want)
      throw new NotEnoughItemsError(`${area.id} has ${items.length} items; a form needs ${want}.`);
    picked.push(...pickSpread(items, want, input.random, input.seen ?? new Set()));
  }
  // The real exam mixes areas; so does the form.
  return shuffle(picked, input.random);
}

/** A practice set from one area (optionally one subtopic), spread over subtopics. */
export function drawPracticeSet(input: {
  bank: readonly DrawableItem[];
  area: string;
  subtopic?: string | undefined;
  count: number;
  random: () => number;
  seen?: ReadonlySet<string>;
}): DrawableItem[] {
  const items = input.bank.filter(
    (i) => i.area === input.area && (input.subtopic === undefined || i.subtopic === input.subtopic),
  );
  return shuffle(
    pickSpread(items, Math.min(input.count, items.length), input.random, input.seen ?? new Set()),
    input.random,
  );
}

export type ScoredAnswer = {
  itemId: string;
  area: string;
  subtopic: string;
  chosen: string | null;
  answer: string;
};

export type ExamScore = {
  correct: number;
  total: number;
  percent: number;
  byArea: { area: string; correct: number; total: number }[];
};

/** Unanswered items count as wrong, as on the MBLEx (not finishing is a fail). */
export function scoreExam(answers: readonly ScoredAnswer[], areaOrder: readonly string[]): ExamScore {
  const correct = answers.filter((a) => a.chosen === a.answer).length;
  const byArea = areaOrder
    .map((area) => {
      const inArea = answers.filter((a) => a.area === area);
      return { area, correct: inArea.filter((a) => a.chosen === a.answer).length, total: inArea.length };
    })
    .filter((a) => a.total > 0);
  return {
    correct,
    total: answers.length,
    percent: answers.length === 0 ? 0 : Math.round((1000 * correct) / answers.length) / 10,
    byArea,
  };
}

export type Readiness = { level: 'ready' | 'borderline' | 'not_yet'; summary: string; weakAreas: string[] };

/**
 * Palpa's own readiness rule — not an FSMTB score (the MBLEx reports a scaled score, pass 630, that
 * cannot be computed from a practice form): ready at 75 % or more with every area at 65 % or more;
 * borderline from 65 %; not yet below. The thresholds leave a margin above a bare pass.
 */
export function readinessOf(score: ExamScore, areaNames: ReadonlyMap<string, string>): Readiness {
  const weak = score.byArea
    .filter((a) => a.total > 0 && a.correct / a.total < 0.65)
    .sort((x, y) => x.correct / x.total - y.correct / y.total)
    .map((a) => a.area);
  const names = weak.map((a) => areaNames.get(a) ?? a);
  if (score.percent >= 75 && weak.length === 0)
    return {
      level: 'ready',
      summary: `${score.percent} % with every area at 65 % or more: likely ready.`,
      weakAreas: [],
    };
  if (score.percent >= 65)
    return {
      level: 'borderline',
      summary: `${score.percent} %: close. ${names.length ? `Work on ${names.join(', ')}.` : 'Raise every area above 75 %.'}`,
      weakAreas: weak,
    };
  return {
    level: 'not_yet',
    summary: `${score.percent} %: not yet. ${names.length ? `Start with ${names.join(', ')}.` : ''}`.trim(),
    weakAreas: weak,
  };
}

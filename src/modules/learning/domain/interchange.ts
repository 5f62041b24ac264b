/**
 * Question-bank interchange (issue 8, item 6): GIFT (Moodle's text format) and QTI 3.0 item XML, so schools
 * can bring their own banks and take Palpa's elsewhere. Only single-answer, four-option multiple choice maps
 * onto Palpa's items; anything else is reported as skipped with the reason, never silently dropped.
 * GIFT: https://docs.moodle.org/en/GIFT_format (parsed with gift-pegjs). QTI 3.0: 1EdTech, qti-assessment-item
 * with one qti-choice-interaction (max-choices 1) and match-correct response processing.
 */
import gift from 'gift-pegjs';
import { XMLParser } from 'fast-xml-parser';
import { DIFFICULTIES, OPTION_LETTERS, type Difficulty, type OptionLetter } from './learning-content.js';

export type InterchangeItem = {
  id: string;
  area: string;
  subtopic: string;
  difficulty: Difficulty;
  stem: string;
  options: { text: string; rationale: string }[];
  answer: OptionLetter;
  reference: string;
};

export type ParsedItem = Omit<InterchangeItem, 'id' | 'area' | 'subtopic' | 'difficulty' | 'reference'> & {
  title: string | null;
  area: string | null;
  subtopic: string | null;
  difficulty: Difficulty | null;
  reference: string | null;
};

export type ImportOutcome = {
  items: ParsedItem[];
  skipped: { position: number; title: string | null; reason: string }[];
};

// — GIFT —

/** GIFT's special characters are escaped with a backslash inside text. */
const escapeGift = (text: string) => text.replace(/([~=#{}:\\])/g, '\\$1').replace(/\r?\n/g, ' ');

const META = /\s*\|?\s*Difficulty:\s*(easy|medium|hard)\s*$/i;

export function toGift(items: readonly InterchangeItem[]): string {
  const lines: string[] = ['// Palpa question bank (GIFT). Category: palpa/{area}/{subtopic}.', ''];
  let category = '';
  for (const item of items) {
    const next = `palpa/${item.area}/${item.subtopic}`;
    if (next !== category) {
      category = next;
      lines.push(`$CATEGORY: ${category}`, '');
    }
    lines.push(`::${escapeGift(item.id)}::[plain]${escapeGift(item.stem)}{`);
    item.options.forEach((option, index) => {
      const mark = OPTION_LETTERS[index] === item.answer ? '=' : '~';
      lines.push(`\t${mark}${escapeGift(option.text)}#${escapeGift(option.rationale)}`);
    });
    lines.push(
      `\t####Reference\\: ${escapeGift(item.reference)} | Difficulty\\: ${item.difficulty}`,
      '}',
      '',
    );
  }
  return lines.join('\n');
}

type GiftQuestion = ReturnType<typeof gift.parse>[number];

export function fromGift(text: string): ImportOutcome {
  let questions: GiftQuestion[];
  try {
    questions = gift.parse(text.replace(/\r\n/g, '\n'));
  } catch (error) {
    const where = (error as { location?: { start?: { line?: number } } }).location?.start?.line;
    throw new InterchangeError(
      `The GIFT text could not be read${where ? ` (line ${where})` : ''}: ${(error as Error).message}`,
    );
  }
  const outcome: ImportOutcome = { items: [], skipped: [] };
  let area: string | null = null;
  let subtopic: string | null = null;
  let position = 0;
  for (const question of questions) {
    if (question.type === 'Category') {
      const parts = question.title.trim().split('/');
      [area, subtopic] = parts[0] === 'palpa' ? [parts[1] ?? null, parts[2] ?? null] : [null, null];
      continue;
    }
    if (question.type === 'Description') continue;
    position++;
    const title = 'title' in question ? (question.title ?? null) : null;
    if (question.type !== 'MC') {
      outcome.skipped.push({
        position,
        title,
        reason: `${question.type} questions are not multiple choice.`,
      });
      continue;
    }
    const correct = question.choices.filter((c) => c.isCorrect || (c.weight ?? 0) >= 100);
    if (question.choices.length !== 4 || correct.length !== 1) {
      outcome.skipped.push({
        position,
        title,
        reason: `Palpa items have four options with one correct; this has ${question.choices.length} with ${correct.length} correct.`,
      });
      continue;
    }
    const global = question.globalFeedback?.text ?? '';
    const difficulty = (META.exec(global)?.[1]?.toLowerCase() ?? null) as Difficulty | null;
    const reference =
      global
        .replace(META, '')
        .replace(/^Reference:\s*/i, '')
        .trim() || null;
    outcome.items.push({
      title,
      stem: question.stem.text.trim(),
      options: question.choices.map((c) => ({
        text: c.text.text.trim(),
        rationale: c.feedback?.text.trim() ?? '',
      })),
      answer: OPTION_LETTERS[question.choices.findIndex((c) => correct.includes(c))]!,
      area,
      subtopic,
      difficulty: difficulty && DIFFICULTIES.includes(difficulty) ? difficulty : null,
      reference,
    });
  }
  return outcome;
}

// — QTI 3.0 —

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export const QTI_NAMESPACE = 'http://www.imsglobal.org/xsd/imsqtiasi_v3p0';

/** One item as a QTI 3.0 assessment item; per-option rationales are modal feedback keyed by the choice. */
export function toQtiItem(item: InterchangeItem): string {
  const choices = item.options
    .map(
      (o, i) =>
        `      <qti-simple-choice identifier="${OPTION_LETTERS[i]}">${escapeXml(o.text)}</qti-simple-choice>`,
    )
    .join('\n');
  const feedback = item.options
    .map(
      (o, i) =>
        `  <qti-modal-feedback outcome-identifier="FEEDBACK" identifier="${OPTION_LETTERS[i]}" show-hide="show"><qti-content-body><p>${escapeXml(o.rationale)}</p></qti-content-body></qti-modal-feedback>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<qti-assessment-item xmlns="${QTI_NAMESPACE}" identifier="${escapeXml(item.id)}" title="${escapeXml(item.id)}" label="palpa:${escapeXml(`${item.area}/${item.subtopic}/${item.difficulty}`)}" adaptive="false" time-dependent="false" xml:lang="en">
  <qti-response-declaration identifier="RESPONSE" cardinality="single" base-type="identifier">
    <qti-correct-response><qti-value>${item.answer}</qti-value></qti-correct-response>
  </qti-response-declaration>
  <qti-outcome-declaration identifier="SCORE" cardinality="single" base-type="float">
    <qti-default-value><qti-value>0</qti-value></qti-default-value>
  </qti-outcome-declaration>
  <qti-outcome-declaration identifier="FEEDBACK" cardinality="single" base-type="identifier"/>
  <qti-item-body>
    <p>${escapeXml(item.stem)}</p>
    <qti-choice-interaction response-identifier="RESPONSE" max-choices="1">
${choices}
    </qti-choice-interaction>
    <qti-rubric-block view="author" use="reference"><qti-content-body><p>${escapeXml(item.reference)}</p></qti-content-body></qti-rubric-block>
  </qti-item-body>
  <qti-response-processing>
    <qti-response-condition>
      <qti-response-if>
        <qti-match><qti-variable identifier="RESPONSE"/><qti-correct identifier="RESPONSE"/></qti-match>
        <qti-set-outcome-value identifier="SCORE"><qti-base-value base-type="float">1</qti-base-value></qti-set-outcome-value>
      </qti-response-if>
    </qti-response-condition>
    <qti-set-outcome-value identifier="FEEDBACK"><qti-variable identifier="RESPONSE"/></qti-set-outcome-value>
  </qti-response-processing>
${feedback}
</qti-assessment-item>
`;
}

/** The IMS content package manifest listing each item file (items/{id}.xml). */
export function qtiManifest(items: readonly InterchangeItem[]): string {
  const resources = items
    .map(
      (item) =>
        `    <resource identifier="${escapeXml(item.id)}" type="imsqti_item_xmlv3p0" href="items/${escapeXml(item.id)}.xml"><file href="items/${escapeXml(item.id)}.xml"/></resource>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest xmlns="http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1" identifier="palpa-question-bank">
  <metadata><schema>QTI Package</schema><schemaversion>3.0.0</schemaversion></metadata>
  <organizations/>
  <resources>
${resources}
  </resources>
</manifest>
`;
}

export class InterchangeError extends Error {}

const textOf = (node: unknown): string => {
  if (node === null || node === undefined) return '';
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return node.map(textOf).join(' ');
  if (typeof node === 'object')
    return Object.entries(node as Record<string, unknown>)
      .filter(([key]) => !key.startsWith('@_') && !key.startsWith('qti-'))
      .map(([, value]) => textOf(value))
      .join(' ');
  return '';
};
const clean = (s: string) => s.replace(/\s+/g, ' ').trim();
const asArray = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** Reads one QTI 3.0 (or 2.1, camelCase) single-choice item. */
export function fromQtiItem(xml: string): ParsedItem {
  const parser = new XMLParser({
    ignoreAttributes: false,
    removeNSPrefix: true,
    trimValues: true,
    textNodeName: '#text',
  });
  let doc: Record<string, unknown>;
  try {
    doc = parser.parse(xml) as Record<string, unknown>;
  } catch (error) {
    throw new InterchangeError(`The QTI XML could not be read: ${(error as Error).message}`);
  }
  // QTI 2.1 uses camelCase names; map them to the QTI 3 kebab-case ones.
  const kebab = (name: string) =>
    name.startsWith('qti-') ? name : `qti-${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
  const normalise = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(normalise);
    if (node && typeof node === 'object')
      return Object.fromEntries(
        Object.entries(node as Record<string, unknown>).map(([k, v]) => [
          k.startsWith('@_') || k === '#text' || k === 'p' || k === 'div' || k === 'span' ? k : kebab(k),
          normalise(v),
        ]),
      );
    return node;
  };
  const root = (normalise(doc) as Record<string, Record<string, unknown>>)['qti-assessment-item'];
  if (!root)
    throw new InterchangeError('This is not a QTI assessment item (no qti-assessment-item element).');
  const body = root['qti-item-body'] as Record<string, unknown> | undefined;
  const interactions = asArray(
    body?.['qti-choice-interaction'] as Record<string, unknown> | Record<string, unknown>[] | undefined,
  );
  if (interactions.length !== 1)
    throw new InterchangeError('Palpa reads items with exactly one choice interaction.');
  const interaction = interactions[0]!;
  if (textOf(interaction['@_max-choices'] ?? interaction['@_maxChoices'] ?? '1') !== '1')
    throw new InterchangeError('Palpa reads single-answer items (max-choices 1).');
  const choices = asArray(
    interaction['qti-simple-choice'] as Record<string, unknown> | Record<string, unknown>[] | undefined,
  );
  if (choices.length !== 4)
    throw new InterchangeError(`Palpa items have four options; this one has ${choices.length}.`);
  const declaration = asArray(
    root['qti-response-declaration'] as Record<string, unknown> | Record<string, unknown>[],
  ).find((d) => d['@_identifier'] === 'RESPONSE');
  const correctId = textOf(
    (declaration?.['qti-correct-response'] as Record<string, unknown> | undefined)?.['qti-value'],
  ).trim();
  const index = choices.findIndex((c) => String(c['@_identifier']) === correctId);
  if (index < 0) throw new InterchangeError('The item has no correct response among its choices.');
  const feedback = new Map(
    asArray(
      root['qti-modal-feedback'] as Record<string, unknown> | Record<string, unknown>[] | undefined,
    ).map((f) => [String(f['@_identifier']), clean(textOf(f['qti-content-body'] ?? f))]),
  );
  const stemParts = Object.entries(body ?? {})
    .filter(([key]) => key === 'p' || key === 'div' || key === '#text')
    .map(([, value]) => textOf(value));
  const label = textOf(root['@_label']);
  const meta = /^palpa:([a-z-]+)\/([a-z-]+)\/(easy|medium|hard)$/.exec(label);
  const rubric = asArray(
    body?.['qti-rubric-block'] as Record<string, unknown> | Record<string, unknown>[] | undefined,
  ).find((r) => r['@_use'] === 'reference');
  return {
    title: root['@_title']
      ? textOf(root['@_title'])
      : root['@_identifier']
        ? textOf(root['@_identifier'])
        : null,
    stem: clean(stemParts.join(' ')),
    options: choices.map((c) => ({
      text: clean(textOf(c)),
      rationale: feedback.get(String(c['@_identifier'])) ?? '',
    })),
    answer: OPTION_LETTERS[index]!,
    area: meta?.[1] ?? null,
    subtopic: meta?.[2] ?? null,
    difficulty: (meta?.[3] as Difficulty | undefined) ?? null,
    reference: rubric ? clean(textOf(rubric['qti-content-body'] ?? rubric)) || null : null,
  };
}

/** Tab-separated notes for Anki's "Import File" (front, back, tags), with a header Anki reads. */
export function toAnkiText(cards: readonly { front: string; back: string; tags: string[] }[]): string {
  const field = (s: string) => s.replace(/\t/g, ' ').replace(/\r?\n/g, '<br>');
  return [
    '#separator:tab',
    '#html:true',
    '#tags column:3',
    ...cards.map(
      (c) => `${field(c.front)}\t${field(c.back)}\t${c.tags.map((t) => t.replace(/\s+/g, '_')).join(' ')}`,
    ),
    '',
  ].join('\n');
}

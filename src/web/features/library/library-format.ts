/**
 * Labels and small helpers for the condition & protocol library screens: category, body-area, position and
 * hydrotherapy names, the alias a search matched ("Frozen shoulder → Adhesive capsulitis"), and the
 * episode's diagnosis codes for suggestions.
 */
import { SPECIAL_TESTS } from '../../../modules/assessments/domain/assessment.js';
// Types only: the content module builds its zod schemas on import, which the browser does not need.
import type { BodyArea, ConditionCategory } from '../../../modules/library/domain/library-content.js';
import type { ClinicalChart } from '../../api/clinical.js';

/** Every category (the Record type makes the list complete), in the content format's order. */
export const CATEGORY_LABELS: Readonly<Record<ConditionCategory, string>> = {
  spine_and_neck: 'Spine and neck',
  headache_and_jaw: 'Headache and jaw',
  upper_limb: 'Shoulder, arm and hand',
  lower_limb: 'Hip, leg and foot',
  pelvis_and_hip: 'Pelvis and hip',
  widespread_pain: 'Widespread pain',
  neurological: 'Neurological',
  injury_and_recovery: 'Injury and recovery',
  lymphatic_and_circulatory: 'Lymphatic and circulatory',
  postural: 'Posture',
  mental_health: 'Mental health',
  pregnancy: 'Pregnancy',
  visceral: 'Digestive and visceral',
  oncology: 'Oncology',
};

export const categoryLabel = (category: string): string =>
  CATEGORY_LABELS[category as ConditionCategory] ?? humanize(category);

const CATEGORY_ORDER = Object.keys(CATEGORY_LABELS);

/** A category's place in the browsing order. */
export const categoryOrder = (category: string): number => {
  const index = CATEGORY_ORDER.indexOf(category);
  return index === -1 ? CATEGORY_ORDER.length : index;
};

export const BODY_AREA_LABELS: Readonly<Record<BodyArea, string>> = {
  head: 'Head',
  jaw: 'Jaw',
  neck: 'Neck',
  shoulder: 'Shoulder',
  upper_back: 'Upper back',
  chest: 'Chest',
  low_back: 'Low back',
  pelvis_hip: 'Pelvis and hip',
  elbow_forearm: 'Elbow and forearm',
  wrist_hand: 'Wrist and hand',
  thigh_knee: 'Thigh and knee',
  leg_ankle_foot: 'Leg, ankle and foot',
  abdomen: 'Abdomen',
  whole_body: 'Whole body',
};

export const bodyAreaLabel = (area: string): string =>
  Object.hasOwn(BODY_AREA_LABELS, area) ? BODY_AREA_LABELS[area as BodyArea] : humanize(area);

export const POSITION_LABELS: Readonly<Record<string, string>> = {
  prone: 'Prone',
  supine: 'Supine',
  side_lying: 'Side-lying',
  seated: 'Seated',
  semi_reclined: 'Semi-reclined',
};

export const positionLabel = (position: string): string => POSITION_LABELS[position] ?? humanize(position);

export const HYDROTHERAPY_LABELS: Readonly<Record<string, string>> = {
  heat: 'Heat',
  cold: 'Cold',
  contrast: 'Contrast (hot/cold)',
};

export const specialTestLabel = (id: string): string =>
  SPECIAL_TESTS.find((t) => t.id === id)?.label ?? humanize(id);

/** "lateral_flexion" → "Lateral flexion". */
export function humanize(value: string): string {
  const words = value.replace(/_/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const conditionPath = (id: string): string => `/library/conditions/${encodeURIComponent(id)}`;
export const techniquePath = (id: string): string => `/library/techniques/${encodeURIComponent(id)}`;

/** The episode's diagnosis codes, over all its prescriptions, primary codes first (at most 12). */
export function episodeDiagnosisCodes(chart: ClinicalChart): string[] {
  const codes: string[] = [];
  for (const prescription of chart.prescriptions.slice().reverse())
    for (const diagnosis of prescription.diagnoses)
      if (!codes.includes(diagnosis.code)) codes.push(diagnosis.code);
  return codes.slice(0, 12);
}

/** Lower-case words without accents, the way the server folds search text. */
export function foldWords(value: string): string[] {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Whether two words are within one edit of each other (a typo), for words of four letters or more. */
function nearWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.min(a.length, b.length) < 4 || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

/** How many of the query's words a text has (as a word start, or with one typo). */
function wordsMatched(queryWords: readonly string[], text: string): number {
  const words = foldWords(text);
  return queryWords.filter((q) => words.some((w) => w.startsWith(q) || nearWord(q, w))).length;
}

/**
 * The alias that the search query matched, when it matched an alias better than the condition's name:
 * "tennis elbow" → "Tennis elbow" for lateral epicondylalgia. Undefined when the name itself matches.
 */
export function matchedAlias(
  query: string,
  condition: { name: string; aliases: readonly string[] },
): string | undefined {
  const queryWords = foldWords(query);
  if (queryWords.length === 0) return undefined;
  const byName = wordsMatched(queryWords, condition.name);
  let best: { alias: string; score: number } | undefined;
  for (const alias of condition.aliases) {
    const score = wordsMatched(queryWords, alias);
    if (
      score > 0 &&
      (!best || score > best.score || (score === best.score && alias.length < best.alias.length))
    )
      best = { alias, score };
  }
  return best && best.score > byName ? best.alias : undefined;
}

/** Whether every word of the query is in the name, so no alias needs looking up. */
export const nameMatchesAll = (query: string, name: string): boolean => {
  const queryWords = foldWords(query);
  return wordsMatched(queryWords, name) === queryWords.length;
};

/** "Tennis elbow" from "tennis elbow": aliases are written in lower case. */
export const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

import type { Condition } from './library-content.js';

/**
 * What library search compares: lower-cased words without accents, so "Ménière" and "meniere" meet, and
 * "tennis elbow" finds lateral epicondylalgia through its aliases.
 */
export function foldText(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^a-z0-9.]+/g, ' ')
    .trim();
}

export function conditionSearchText(condition: Pick<Condition, 'name' | 'aliases' | 'icd10cm'>): string {
  return foldText(
    [condition.name, ...condition.aliases, ...condition.icd10cm.map((d) => d.code)].join(' | '),
  );
}

/** A query that looks like an ICD-10-CM code (with or without the dot) searches codes by prefix. */
export function icdPrefixOf(query: string): string | null {
  const compact = query.trim().toUpperCase().replace(/\s+/g, '');
  if (!/^[A-Z][0-9][0-9A-Z](\.?[0-9A-Z]{0,4})$/.test(compact)) return null;
  return compact.length > 3 && compact[3] !== '.' ? `${compact.slice(0, 3)}.${compact.slice(3)}` : compact;
}

/**
 * Conditions that fit a prescription's diagnoses: an exact code match counts 3, one more when it is the
 * condition's primary (first) code, the same 3-character category 1 (M54.50 suggests low back pain even
 * when the condition lists M54.59). Best first.
 */
export function suggestConditions<T extends { slug: string; name: string; icd10cm: readonly string[] }>(
  conditions: readonly T[],
  codes: readonly string[],
): { condition: T; score: number; matchedCodes: string[] }[] {
  const wanted = codes.map((c) => c.toUpperCase());
  return conditions
    .map((condition) => {
      const matchedCodes = wanted.filter((code) => condition.icd10cm.includes(code));
      const categories = wanted.filter(
        (code) =>
          !matchedCodes.includes(code) && condition.icd10cm.some((c) => c.slice(0, 3) === code.slice(0, 3)),
      );
      const primary =
        condition.icd10cm[0] !== undefined && matchedCodes.includes(condition.icd10cm[0]) ? 1 : 0;
      return { condition, score: matchedCodes.length * 3 + primary + categories.length, matchedCodes };
    })
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.condition.name.localeCompare(b.condition.name));
}

/**
 * How well a condition answers a query, for ordering the matches the database found: the condition's own
 * name beats an alias, a whole-name match beats a prefix, a prefix beats words inside, and a code is best
 * matched by the condition whose primary code it is. `similarity` (pg_trgm, 0–1) orders typo matches.
 */
export function matchRank(
  query: { folded: string; icdPrefix: string | null },
  condition: { name: string; aliases: readonly string[]; icd10cm: readonly string[] },
  similarity: number,
): number {
  const q = query.folded;
  const name = foldText(condition.name);
  const aliases = condition.aliases.map(foldText);
  const containsWords = (text: string) => ` ${text} `.includes(` ${q} `);
  if (query.icdPrefix) {
    const index = condition.icd10cm.findIndex((code) => code.startsWith(query.icdPrefix!));
    if (index >= 0) return 65 - Math.min(index, 10) * 2;
  }
  if (name === q) return 100;
  if (aliases.includes(q)) return 90;
  if (name.startsWith(q)) return 80;
  if (aliases.some((a) => a.startsWith(q))) return 70;
  if (containsWords(name)) return 60;
  if (aliases.some(containsWords)) return 55;
  return similarity * 40;
}

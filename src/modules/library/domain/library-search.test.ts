import { describe, expect, it } from 'vitest';
import {
  conditionSearchText,
  foldText,
  icdPrefixOf,
  matchRank,
  suggestConditions,
} from './library-search.js';

describe('library search text', () => {
  it.each([
    ["Golfer's elbow", 'golfers elbow'],
    ['Ménière’s disease', 'menieres disease'],
    ['  TMJ/TMD  ', 'tmj tmd'],
  ])('folds %s', (input, folded) => expect(foldText(input)).toBe(folded));

  it('joins name, aliases and codes', () => {
    expect(
      conditionSearchText({
        name: 'Adhesive capsulitis',
        aliases: ['Frozen shoulder'],
        icd10cm: [{ code: 'M75.01', label: 'x' }],
      }),
    ).toBe('adhesive capsulitis frozen shoulder m75.01');
  });

  it.each([
    ['m54.2', 'M54.2'],
    ['M542', 'M54.2'],
    ['s13.4xxa', 'S13.4XXA'],
    ['m54', 'M54'],
    ['neck pain', null],
    ['tmj', null],
  ])('%s as an ICD prefix → %s', (q, prefix) => expect(icdPrefixOf(q)).toBe(prefix));
});

describe('suggestConditions', () => {
  const neck = { slug: 'chronic-neck-pain', name: 'Chronic neck pain', icd10cm: ['M54.2', 'M62.838'] };
  const lbp = { slug: 'low-back-pain', name: 'Low back pain', icd10cm: ['M54.50', 'M54.59'] };
  const whiplash = { slug: 'whiplash', name: 'Whiplash', icd10cm: ['S13.4XXA', 'M54.2'] };

  it('ranks exact code matches above same-category ones', () => {
    const result = suggestConditions([lbp, neck, whiplash], ['M54.2', 'S13.4XXA']);
    expect(result.map((r) => [r.condition.slug, r.score])).toEqual([
      ['whiplash', 7],
      ['chronic-neck-pain', 4],
      ['low-back-pain', 1],
    ]);
    expect(result[0]!.matchedCodes).toEqual(['M54.2', 'S13.4XXA']);
  });

  it('prefers the condition whose primary code matches (M54.2 → chronic neck pain before a headache listing it second)', () => {
    const headache = {
      slug: 'cervicogenic-headache',
      name: 'Cervicogenic headache',
      icd10cm: ['G44.86', 'M54.2'],
    };
    expect(suggestConditions([headache, neck], ['M54.2'])[0]!.condition.slug).toBe('chronic-neck-pain');
  });

  it('suggests nothing for unrelated codes', () => {
    expect(suggestConditions([neck, lbp], ['K58.9'])).toEqual([]);
  });
});

describe('matchRank', () => {
  const sciatica = { name: 'Sciatica', aliases: ['lumbar radiculopathy'], icd10cm: ['M54.31'] };
  const piriformis = {
    name: 'Piriformis syndrome',
    aliases: ['sciatica from the buttock'],
    icd10cm: ['G57.01'],
  };
  const neck = { name: 'Chronic neck pain', aliases: ['cervicalgia'], icd10cm: ['M54.2'] };
  const headache = { name: 'Cervicogenic headache', aliases: [], icd10cm: ['G44.86', 'M54.2'] };
  const q = (text: string) => ({ folded: foldText(text), icdPrefix: icdPrefixOf(text) });

  it('puts the condition named by the query above one that mentions it', () => {
    expect(matchRank(q('sciatica'), sciatica, 1)).toBeGreaterThan(matchRank(q('sciatica'), piriformis, 1));
  });
  it('puts the condition whose primary code it is first', () => {
    expect(matchRank(q('m54.2'), neck, 0)).toBeGreaterThan(matchRank(q('m54.2'), headache, 0));
  });
  it('ranks an alias match above a typo match', () => {
    expect(matchRank(q('cervicalgia'), neck, 1)).toBe(90);
    expect(matchRank(q('cervicalgya'), neck, 0.7)).toBeCloseTo(28);
  });
});

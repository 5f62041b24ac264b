import { describe, expect, it } from 'vitest';
import { officialTermsFor, prefixTsquery } from './lay-terms.js';

describe('lay terms', () => {
  it.each([
    ['neck pain', 'cervicalgia'],
    ['Neck  Pain', 'cervicalgia'],
    ['chronic neck pain', 'cervicalgia'],
    ['tennis elbow', 'lateral epicondylitis'],
    ['frozen shoulder', 'adhesive capsulitis'],
    ['cervicalgia', undefined],
  ])('%s → %s', (text, official) => {
    expect(officialTermsFor(text)).toBe(official);
  });

  it.each([
    ['neck pain', 'neck:* & pain:*'],
    ['low back', 'low:* & back:*'],
    ["o'brien's & co", 'o:* & brien:* & s:* & co:*'],
    ['  ', undefined],
  ])('prefixTsquery(%s)', (text, query) => {
    expect(prefixTsquery(text)).toBe(query);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../tests/support/test-app.js';

describe('outcome measures (public calculator, nothing stored)', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.dispose());

  it('scores an NDI with one item missing without signing in: 16/45 → 35.6%', async () => {
    const res = await t.agent().post('/api/outcome-measures/ndi/score', {
      answers: [2, 2, 2, 2, 2, 2, 2, 1, 1, null],
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      valid: true,
      instrument: 'ndi',
      score: 35.6,
      band: 'moderate disability',
      answered: 9,
      unanswered: 1,
      minScore: 0,
      maxScore: 100,
      unit: 'percent',
      direction: 'higher_is_worse',
    });
  });

  it('scores a PSFS with three activities', async () => {
    const res = await t.agent().post('/api/outcome-measures/psfs/score', { answers: [3, 5, 7] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ valid: true, score: 5, band: 'moderate limitation', answered: 3 });
  });

  it('answers valid: false with the reason when a QuickDASH has 2 items missing', async () => {
    const res = await t.agent().post('/api/outcome-measures/quickdash/score', {
      answers: [2, 2, 2, 2, 2, 2, 2, 2, 2, null, null],
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      valid: false,
      instrument: 'quickdash',
      reason:
        'The QuickDASH cannot be scored: 2 of its 11 items are unanswered, and at most 1 may be. Ask the patient to complete the missing items.',
      answered: 9,
      unanswered: 2,
    });
  });

  it('answers 404 for an unknown instrument', async () => {
    for (const instrument of ['sf36', 'NDI', 'constructor']) {
      const res = await t.agent().post(`/api/outcome-measures/${instrument}/score`, { answers: [1] });
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(res.body).toMatchObject({
        code: 'not_found',
        detail: `There is no outcome measure "${instrument}". Palpa scores: nprs, psfs, ndi, odi, lefs, quickdash.`,
      });
    }
  });

  it('answers 400 naming the answers array when it has the wrong length', async () => {
    const res = await t.agent().post('/api/outcome-measures/ndi/score', { answers: [1, 1, 1] });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.body).toMatchObject({
      code: 'validation',
      detail: 'Please correct: answers.',
      errors: [
        {
          path: 'answers',
          message: 'The NDI needs exactly 10 answers (null for an item not answered); got 3.',
        },
      ],
    });
  });

  it('answers 400 naming each answer out of range', async () => {
    const res = await t.agent().post('/api/outcome-measures/ndi/score', {
      answers: [1, 1, 1, 6, 1, 1, -1, 1, 1, 1],
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      code: 'validation',
      detail: 'Please correct: answers.3, answers.6.',
      errors: [
        { path: 'answers.3', message: 'Must be a whole number from 0 to 5, or null if not answered.' },
        { path: 'answers.6', message: 'Must be a whole number from 0 to 5, or null if not answered.' },
      ],
    });
  });

  it('answers 400 in the same shape for a fraction, a string or an unknown field', async () => {
    const fraction = await t.agent().post('/api/outcome-measures/nprs/score', { answers: [2.5] });
    expect(fraction.status).toBe(400);
    expect(fraction.body.errors).toEqual([
      { path: 'answers.0', message: 'Must be a whole number, or null if not answered.' },
    ]);
    const text = await t.agent().post('/api/outcome-measures/nprs/score', { answers: ['7'] });
    expect(text.status).toBe(400);
    expect(text.body.errors).toEqual([
      { path: 'answers.0', message: 'Must be a whole number, or null if not answered.' },
    ]);
    const extra = await t.agent().post('/api/outcome-measures/nprs/score', { answers: [7], clientId: 'x' });
    expect(extra.status).toBe(400);
    expect(extra.body.errors).toEqual([{ path: 'clientId', message: 'Unknown field "clientId".' }]);
  });

  it('lists every instrument, with item text only for NPRS and PSFS', async () => {
    const res = await t.agent().get('/api/outcome-measures');
    expect(res.status).toBe(200);
    expect(res.body.items.map((m: { id: string }) => m.id)).toEqual([
      'nprs',
      'psfs',
      'ndi',
      'odi',
      'lefs',
      'quickdash',
    ]);
    const ndi = res.body.items.find((m: { id: string }) => m.id === 'ndi');
    expect(ndi).toMatchObject({
      name: 'NDI',
      itemMin: 0,
      itemMax: 5,
      answerCount: { min: 10, max: 10 },
      minScore: 0,
      maxScore: 100,
      unit: 'percent',
      direction: 'higher_is_worse',
      mcid: 10,
      itemTextShipped: false,
    });
    expect(ndi.items[0]).toEqual({ id: 'pain_intensity' });
    expect(ndi.bands[1]).toEqual({ label: 'mild disability', min: 5, max: 14 });
    const nprs = res.body.items.find((m: { id: string }) => m.id === 'nprs');
    expect(nprs.items[0].text).toMatch(/0 \(no pain\) to 10/);
    const withText = res.body.items.filter((m: { items: { text?: string }[] }) =>
      m.items.some((item) => item.text !== undefined),
    );
    expect(withText.map((m: { id: string }) => m.id)).toEqual(['nprs', 'psfs']);
  });

  it('documents both routes in the OpenAPI document', async () => {
    const res = await t.agent().get('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/api/outcome-measures', '/api/outcome-measures/{instrument}/score']),
    );
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractPdfPages } from '../../../tests/support/pdf-text.js';
import { createTestApp, type TestContext } from '../../../tests/support/test-app.js';

describe('condition & protocol library (API)', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.dispose());

  const search = async (q: string) => {
    const res = await t.agent().get(`/api/library/conditions?q=${encodeURIComponent(q)}`);
    expect(res.status).toBe(200);
    return res.body.items as { id: string; name: string; icd10cm: string[] }[];
  };

  it('lists every condition without q, each with its ICD-10-CM codes', async () => {
    const res = await t.agent().get('/api/library/conditions?limit=200');
    expect(res.body.items.length).toBeGreaterThanOrEqual(70);
    expect(res.body.items.find((c: { id: string }) => c.id === 'chronic-neck-pain')).toMatchObject({
      name: 'Chronic neck pain',
      icd10cm: expect.arrayContaining(['M54.2']),
      bodyAreas: expect.arrayContaining(['neck']),
      own: false,
    });
  });

  it.each([
    ['frozen shoulder', 'frozen-shoulder'],
    ['adhesive capsulitis', 'frozen-shoulder'],
    ['tennis elbow', 'lateral-epicondylalgia'],
    ["golfer's elbow", 'medial-epicondylalgia'],
    ['neck pain', 'chronic-neck-pain'],
    ['cervicalgia', 'chronic-neck-pain'],
    ['fibromialgia', 'fibromyalgia'],
    ['carpel tunnel', 'carpal-tunnel-syndrome'],
    ['sciatica', 'sciatica'],
    ['runners knee', 'patellofemoral-pain'],
    ['TMJ', 'tmj-disorder'],
    ['m54.2', 'chronic-neck-pain'],
  ])('"%s" finds %s first', async (q, id) => {
    const items = await search(q);
    expect(items[0]?.id, JSON.stringify(items.slice(0, 3))).toBe(id);
  });

  it('answers a whole condition with its protocol, and 404 for an unknown one', async () => {
    const res = await t.agent().get('/api/library/conditions/chronic-neck-pain');
    expect(res.status).toBe(200);
    expect(res.body.protocol.steps.length).toBeGreaterThan(1);
    expect(res.body.references.length).toBeGreaterThanOrEqual(2);
    expect((await t.agent().get('/api/library/conditions/no-such-thing')).status).toBe(404);
  });

  it('renders a client education sheet PDF with the home care and red flags', async () => {
    const raw = await t.app.request(
      'http://palpa.test/api/library/conditions/chronic-neck-pain/education-sheet.pdf',
    );
    expect(raw.status).toBe(200);
    expect(raw.headers.get('content-type')).toBe('application/pdf');
    const text = (await extractPdfPages(new Uint8Array(await raw.arrayBuffer()))).join('\n');
    for (const expected of [
      'Chronic neck pain',
      'Looking after yourself at home',
      'Chin tucks',
      'See a doctor promptly if',
    ])
      expect(text).toContain(expected);
  });

  it('links a screening alert to the library pages that explain its caution', async () => {
    const res = await t.agent().get('/api/library/cautions/blood_thinning_medication');
    expect(res.status).toBe(200);
    expect(res.body.techniques.map((x: { id: string }) => x.id)).toEqual(
      expect.arrayContaining(['cupping', 'deep_tissue']),
    );
    expect(res.body.conditions.length).toBeGreaterThan(0);
  });

  it('lists the technique catalogue', async () => {
    const res = await t.agent().get('/api/library/techniques');
    expect(res.body.items.length).toBeGreaterThanOrEqual(12);
    expect(res.body.items.map((x: { id: string }) => x.id)).toContain('manual_lymph_drainage');
  });

  it("suggests conditions from a prescription's codes", async () => {
    const res = await t.agent().get('/api/library/suggestions?codes=M54.2');
    expect(res.status).toBe(200);
    expect(res.body.items.map((x: { id: string }) => x.id)).toContain('chronic-neck-pain');
    expect((await t.agent().get('/api/library/suggestions?codes=notacode')).status).toBe(400);
  });
});

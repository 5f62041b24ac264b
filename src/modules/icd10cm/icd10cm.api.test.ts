import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../tests/support/test-app.js';
import { queryRows } from '../../../tests/support/test-database.js';
import { createIcd10cmService, SHIPPED_ORDER_FILE } from './index.js';

describe('ICD-10-CM (FY2026 edition shipped with Palpa)', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.dispose());

  it('holds every code of the official file: 74,719 billable, 23,467 headings', async () => {
    const rows = await queryRows(
      t.database,
      sql`select billable, count(*)::int as n from icd10cm_codes where edition = 2026 group by billable order by billable`,
    );
    expect(rows).toEqual([
      { billable: false, n: 23_467 },
      { billable: true, n: 74_719 },
    ]);
  });

  it.each([
    { q: 'm54.2', first: 'M54.2', description: 'Cervicalgia' },
    { q: 'M542', first: 'M54.2', description: 'Cervicalgia' },
    { q: 'cervicalgia', first: 'M54.2', description: 'Cervicalgia' },
    { q: 'neck pain', first: 'M54.2', description: 'Cervicalgia' },
    { q: 'fibromyalgia', first: 'M79.7', description: 'Fibromyalgia' },
    { q: 'carpal tunnel', first: 'G56.00', description: 'Carpal tunnel syndrome, unspecified upper limb' },
    {
      q: 's13.4xxa',
      first: 'S13.4XXA',
      description: 'Sprain of ligaments of cervical spine, initial encounter',
    },
  ])('finds $first first for "$q"', async ({ q, first, description }) => {
    const res = await t.agent().get(`/api/icd10cm?q=${encodeURIComponent(q)}`);
    expect(res.status).toBe(200);
    expect(res.body.items[0]).toEqual({ code: first, description, billable: true });
  });

  it('lists the billable codes under a heading such as M54.5, and the heading itself on request', async () => {
    const billable = await t.agent().get('/api/icd10cm?q=M54.5');
    expect(billable.body.items.map((i: { code: string }) => i.code)).toEqual(['M54.50', 'M54.51', 'M54.59']);
    const all = await t.agent().get('/api/icd10cm?q=M54.5&billable=all');
    expect(all.body.items[0]).toEqual({ code: 'M54.5', description: 'Low back pain', billable: false });
  });

  it('answers one entry with or without the dot, explains headings, and 404s unknown codes', async () => {
    expect((await t.agent().get('/api/icd10cm/M542')).body).toMatchObject({
      code: 'M54.2',
      billable: true,
      problem: null,
    });
    const heading = await t.agent().get('/api/icd10cm/M54.5');
    expect(heading.status).toBe(200);
    expect(heading.body).toMatchObject({
      code: 'M54.5',
      billable: false,
      problem:
        'M54.5 is a category heading, not a billable code. Choose a more specific code, e.g. M54.50, M54.51, M54.59.',
      suggestions: ['M54.50', 'M54.51', 'M54.59'],
    });
    const missingSeventh = await t.agent().get('/api/icd10cm/S13.4XX');
    expect(missingSeventh.status).toBe(404);
    expect(missingSeventh.body.detail).toMatch(/^S13.4XX needs a 7th character/);
    expect((await t.agent().get('/api/icd10cm/Z99.999')).status).toBe(404);
  });

  it('validates the query', async () => {
    const res = await t.agent().get('/api/icd10cm?q=');
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe('query.q');
  });

  it('loads a newer fiscal year from its order file and searches it, keeping the older edition', async () => {
    const lines = gunzipSync(fs.readFileSync(SHIPPED_ORDER_FILE))
      .toString('latin1')
      .split('\n')
      .slice(0, 1500);
    // A made-up FY2027 change: A00.0 gets a new title.
    const changed = lines.map((line) =>
      line.slice(6, 13).trim() === 'A000' ? `${line.slice(0, 77)}Cholera, classical biovar\r` : line,
    );
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palpa-icd-'));
    const file = path.join(dir, 'icd10cm-order-2027.txt');
    fs.writeFileSync(file, changed.join('\n'));
    try {
      const service = createIcd10cmService({ database: t.database, now: () => t.clock.now() });
      expect(await service.loadFile(file)).toEqual({ edition: 2027, codes: 1500, loaded: true });
      expect(await service.loadFile(file)).toEqual({ edition: 2027, codes: 1500, loaded: false });
      const res = await t.agent().get('/api/icd10cm/A00.0');
      expect(res.body).toMatchObject({ edition: 2027, description: 'Cholera, classical biovar' });
      const editions = await queryRows(
        t.database,
        sql`select edition, code_count from icd10cm_editions order by edition`,
      );
      expect(editions).toEqual([
        { edition: 2026, code_count: 98_186 },
        { edition: 2027, code_count: 1500 },
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

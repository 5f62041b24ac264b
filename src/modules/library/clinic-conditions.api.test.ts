import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestContext } from '../../../tests/support/test-app.js';
import { createLibraryService, SHIPPED_LIBRARY_DIR } from './index.js';

describe("clinics' own conditions", () => {
  let t: TestContext;
  let owner: Agent;
  let therapist: Agent;
  let frontDesk: Agent;
  let otherClinic: Agent;
  let neck: Record<string, any>;

  beforeAll(async () => {
    t = await createTestApp();
    ({ owner } = await t.setupClinic());
    therapist = (await t.addStaff(owner, 'therapist')).agent;
    frontDesk = (await t.addStaff(owner, 'front_desk')).agent;
    otherClinic = (await t.signupClinic()).owner;
    neck = (await t.agent().get('/api/library/conditions/chronic-neck-pain')).body;
  });
  afterAll(() => t.dispose());

  it('overrides a shipped condition for the clinic only', async () => {
    const own = {
      ...neck,
      name: 'Chronic neck pain (Riverside protocol)',
      aliases: [...neck.aliases, 'desk neck'],
    };
    const saved = await therapist.request('PUT', '/api/library/conditions/chronic-neck-pain', { json: own });
    expect(saved.status).toBe(200);
    expect((await therapist.get('/api/library/conditions/chronic-neck-pain')).body.name).toBe(
      'Chronic neck pain (Riverside protocol)',
    );
    const search = await therapist.get('/api/library/conditions?q=desk%20neck');
    expect(search.body.items[0]).toMatchObject({
      id: 'chronic-neck-pain',
      name: 'Chronic neck pain (Riverside protocol)',
    });
    expect((await t.agent().get('/api/library/conditions/chronic-neck-pain')).body.name).toBe(
      'Chronic neck pain',
    );
    expect((await otherClinic.get('/api/library/conditions/chronic-neck-pain')).body.name).toBe(
      'Chronic neck pain',
    );
    const all = await therapist.get('/api/library/conditions?limit=200');
    expect(all.body.items.filter((c: { id: string }) => c.id === 'chronic-neck-pain')).toHaveLength(1);
  });

  it('keeps the override when the shipped content changes', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palpa-library-'));
    fs.cpSync(SHIPPED_LIBRARY_DIR, dir, { recursive: true });
    const file = path.join(dir, 'conditions/chronic-neck-pain.json');
    fs.writeFileSync(
      file,
      JSON.stringify({ ...JSON.parse(fs.readFileSync(file, 'utf8')), summary: 'A newer summary.' }),
    );
    const updated = createLibraryService({ database: t.database, now: () => new Date(), contentDir: dir });
    expect((await updated.ensureShippedContent()).loaded).toBe(true);
    expect((await updated.getCondition(null, 'chronic-neck-pain')).summary).toBe('A newer summary.');
    expect((await therapist.get('/api/library/conditions/chronic-neck-pain')).body.name).toBe(
      'Chronic neck pain (Riverside protocol)',
    );
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('holds its own conditions to the shipped bar, naming the field', async () => {
    const bad = {
      ...neck,
      id: 'my-neck',
      icd10cm: [{ code: 'M54.5', label: 'Low back pain' }],
      protocol: {
        ...neck.protocol,
        steps: [{ ...neck.protocol.steps[0], technique: 'reiki' }, neck.protocol.steps[1]],
      },
    };
    const res = await therapist.request('PUT', '/api/library/conditions/my-neck', { json: bad });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual([
      'protocol.steps.0.technique',
      'icd10cm.0.code',
    ]);
    const mismatch = await therapist.request('PUT', '/api/library/conditions/other-id', { json: neck });
    expect(mismatch.status).toBe(400);
  });

  it('lets only clinical staff write, and audits it', async () => {
    expect(
      (await frontDesk.request('PUT', '/api/library/conditions/chronic-neck-pain', { json: neck })).status,
    ).toBe(403);
    expect(
      (await t.agent().request('PUT', '/api/library/conditions/chronic-neck-pain', { json: neck })).status,
    ).toBe(401);
    const audit = await owner.get('/api/audit?limit=50');
    expect(audit.body.items.map((e: { action: string }) => e.action)).toContain('library.condition_saved');
  });

  it("adds a new condition of the clinic's own, found by search in that clinic only", async () => {
    const own = { ...neck, id: 'neck-protocol-b', name: 'Neck protocol B', aliases: ['desk worker neck'] };
    const res = await therapist.request('PUT', '/api/library/conditions/neck-protocol-b', { json: own });
    expect(res.status).toBe(200);
    const found = await therapist.get('/api/library/conditions?q=neck%20protocol%20b');
    expect(found.body.items[0]).toMatchObject({ id: 'neck-protocol-b', own: true });
    expect((await t.agent().get('/api/library/conditions/neck-protocol-b')).status).toBe(404);
  });

  it('removing the own copy brings the shipped condition back', async () => {
    expect((await therapist.delete('/api/library/conditions/chronic-neck-pain')).status).toBe(204);
    expect((await therapist.get('/api/library/conditions/chronic-neck-pain')).body.name).toBe(
      'Chronic neck pain',
    );
    expect((await therapist.delete('/api/library/conditions/chronic-neck-pain')).status).toBe(404);
  });
});

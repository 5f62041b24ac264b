import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestContext } from '../../../tests/support/test-app.js';

describe('question bank interchange: GIFT, QTI 3.0, Anki (issue 8, item 6)', () => {
  let t: TestContext;
  let owner: Agent;
  beforeAll(async () => {
    t = await createTestApp();
    ({ owner } = await t.setupClinic());
  });
  afterAll(() => t.dispose());

  // Bytes through a Blob: reading arrayBuffer() straight off the response stalled here after other apps ran.
  const raw = async (path: string) => {
    const res = await t.app.request(`http://palpa.test${path}`, { headers: { cookie: owner.cookie ?? '' } });
    const blob = await res.blob();
    return {
      status: res.status,
      type: res.headers.get('content-type'),
      bytes: new Uint8Array(await blob.arrayBuffer()),
    };
  };

  it('exports a subtopic as GIFT and imports it into another clinic for practice', async () => {
    const gift = await raw('/api/learning/bank/export?format=gift&area=kinesiology&subtopic=proprioceptors');
    expect(gift.status).toBe(200);
    expect(gift.type).toContain('text/plain');
    const text = new TextDecoder().decode(gift.bytes);
    expect(text).toContain('$CATEGORY: palpa/kinesiology/proprioceptors');
    const count = (text.match(/^::/gm) ?? []).length;
    expect(count).toBeGreaterThanOrEqual(15);

    const { owner: school } = await t.signupClinic('Gulf Coast School of Massage');
    const imported = await school.post('/api/learning/bank/import', { format: 'gift', text });
    expect(imported.status, imported.text).toBe(200);
    expect(imported.body).toMatchObject({ imported: count, skipped: [] });
    const set = await school.post('/api/learning/exams', {
      mode: 'practice',
      area: 'kinesiology',
      subtopic: 'proprioceptors',
      count: 50,
    });
    expect(set.body.items).toHaveLength(2 * count);
    const importedItem = set.body.items.find((i: { id: string }) => i.id.startsWith('imp-'));
    const answered = await school.post(`/api/learning/exams/${set.body.id}/answers`, {
      itemId: set.body.items[0].id,
      optionId: 'A',
    });
    expect(answered.status).toBe(200);
    expect(importedItem).toBeDefined();
  });

  it('imports a Moodle file into a chosen subtopic and reports what it skipped; only the owner imports', async () => {
    const moodle =
      '::Lever::Which lever class is elbow flexion?{~First#a ~Second#b =Third#c ~None#d}\n\n::TF::The femur is long.{TRUE}\n';
    const noPlace = await owner.post('/api/learning/bank/import', { format: 'gift', text: moodle });
    expect(noPlace.body.imported).toBe(0);
    expect(noPlace.body.skipped.map((s: { reason: string }) => s.reason)).toEqual([
      'TF questions are not multiple choice.',
      'No Palpa area and subtopic: choose them for the import.',
    ]);
    const placed = await owner.post('/api/learning/bank/import', {
      format: 'gift',
      text: moodle,
      area: 'kinesiology',
      subtopic: 'muscle-contraction',
    });
    expect(placed.body.imported).toBe(1);
    const broken = await owner.post('/api/learning/bank/import', {
      format: 'gift',
      text: '::a:: stem {=a ~b',
    });
    expect(broken.status).toBe(400);
    expect(broken.body.errors[0].path).toBe('text');
    const { agent: therapist } = await t.addStaff(owner, 'therapist');
    expect((await therapist.post('/api/learning/bank/import', { format: 'gift', text: moodle })).status).toBe(
      403,
    );
  });

  it('exports a QTI 3.0 package and reads it back', async () => {
    const { unzipSync, strFromU8 } = await import('fflate');
    const pkg = await raw('/api/learning/bank/export?format=qti&area=pathology&subtopic=medications');
    expect(pkg.status).toBe(200);
    expect(pkg.type).toBe('application/zip');
    const files = unzipSync(pkg.bytes);
    const items = Object.keys(files).filter((f) => f.startsWith('items/'));
    expect(items.length).toBeGreaterThanOrEqual(25);
    expect(strFromU8(files['imsmanifest.xml']!)).toContain('imsqti_item_xmlv3p0');
    expect(strFromU8(files[items[0]!]!)).toContain('<qti-assessment-item');
    const back = await owner.post('/api/learning/bank/import', {
      format: 'qti',
      zip: Buffer.from(pkg.bytes).toString('base64'),
    });
    expect(back.body).toMatchObject({ imported: items.length, skipped: [] });
    expect(
      (await owner.post('/api/learning/bank/import', { format: 'qti', zip: 'bm90IGEgemlw' })).status,
    ).toBe(400);
  });

  it('exports the flashcards for Anki', async () => {
    const file = await raw('/api/learning/flashcards/anki.txt?deck=muscles');
    const lines = new TextDecoder().decode(file.bytes).trim().split('\n');
    expect(lines.slice(0, 3)).toEqual(['#separator:tab', '#html:true', '#tags column:3']);
    const cards = (await owner.get('/api/learning/flashcards?deck=muscles')).body.items;
    expect(lines).toHaveLength(3 + cards.length);
    expect(lines[3]!.split('\t')).toHaveLength(3);
  });
});

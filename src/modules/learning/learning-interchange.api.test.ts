import { strFromU8, unzipSync, zipSync, strToU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestContext } from '../../../tests/support/test-app.js';

/**
 * Issue 8, item 6: a school brings its own questions in GIFT (Moodle) or QTI 3.0 and takes Palpa's out;
 * the flashcards go to Anki. Exercised over HTTP; the format details are in domain/interchange.test.ts.
 */
const SCHOOL_GIFT = `// A school's Moodle export
$CATEGORY: $course$/top/Kinesiology

::Prime mover elbow flexion::Which muscle is the prime mover of elbow flexion with the forearm supinated?{
\t=Biceps brachii#It flexes the elbow and supinates the forearm.
\t~Triceps brachii#It extends the elbow.
\t~Anconeus#It assists elbow extension.
\t~Pronator teres#It pronates and weakly flexes.
}

::True or false::The deltoid abducts the arm.{T}

::Rotator cuff::Which muscle is not part of the rotator cuff?{
\t~Supraspinatus
\t~Infraspinatus
\t=Teres major
\t~Subscapularis
}
`;

describe('question bank interchange and the Anki export (issue 8, item 6)', () => {
  let t: TestContext;
  let owner: Agent;
  let therapist: Agent;
  let otherOwner: Agent;

  beforeAll(async () => {
    t = await createTestApp();
    ({ owner } = await t.setupClinic());
    ({ agent: therapist } = await t.addStaff(owner, 'therapist', 'Theo Park'));
    ({ owner: otherOwner } = await t.signupClinic());
  });
  afterAll(() => t.dispose());

  it("imports a school's GIFT file into a chosen subtopic, skipping what is not four-option multiple choice", async () => {
    const res = await owner.post('/api/learning/bank/import', {
      format: 'gift',
      text: SCHOOL_GIFT,
      area: 'kinesiology',
      subtopic: 'attachments-actions',
      difficulty: 'easy',
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body.imported).toBe(2);
    expect(res.body.ids).toHaveLength(2);
    expect(res.body.skipped).toEqual([expect.objectContaining({ title: 'True or false' })]);

    // The clinic sees what it imported, and the subtopic counts them.
    const listed = await therapist.get('/api/learning/bank/imported');
    expect(listed.status, listed.text).toBe(200);
    expect(listed.body.items).toHaveLength(2);
    expect(listed.body.items[0]).toMatchObject({
      area: 'kinesiology',
      subtopic: 'attachments-actions',
      difficulty: 'easy',
      source: 'gift',
    });
    const counts = async (agent: Agent) =>
      (await agent.get('/api/learning/areas')).body.items
        .find((a: { id: string }) => a.id === 'kinesiology')
        .subtopics.find((st: { id: string }) => st.id === 'attachments-actions').items as number;
    expect(await counts(therapist)).toBe((await counts(otherOwner)) + 2);

    // The imported items are practised like the shipped ones: a 50-item set over the subtopic holds them.
    const practice = await therapist.post('/api/learning/exams', {
      mode: 'practice',
      area: 'kinesiology',
      subtopic: 'attachments-actions',
      count: 50,
      feedback: 'each',
    });
    expect(practice.status, practice.text).toBe(201);
    const ids = practice.body.items.map((i: { id: string }) => i.id);
    for (const id of res.body.ids) expect(ids).toContain(id);
    const imported = practice.body.items.find((i: { id: string }) => i.id === res.body.ids[0]);
    expect(imported.stem).toMatch(/prime mover of elbow flexion/);
  });

  it('exports GIFT with Palpa categories, and the file imports again', async () => {
    const res = await therapist.get(
      '/api/learning/bank/export?format=gift&area=kinesiology&subtopic=attachments-actions',
    );
    expect(res.status, res.text).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(res.headers.get('content-disposition')).toMatch(
      /attachment; filename="palpa-questions\.gift\.txt"/,
    );
    expect(res.text).toContain('$CATEGORY: palpa/kinesiology/attachments-actions');
    expect(res.text).toMatch(/prime mover of elbow flexion/);
    const questions = res.text.match(/^::/gm)?.length ?? 0;
    expect(questions).toBeGreaterThan(10);

    const again = await owner.post('/api/learning/bank/import', { format: 'gift', text: res.text });
    expect(again.status, again.text).toBe(200);
    // Every exported item carries its own category, so nothing needs a chosen subtopic.
    expect(again.body).toMatchObject({ imported: questions, skipped: [] });
  });

  it('exports a QTI 3.0 package (manifest and one item per file) that imports again as a ZIP', async () => {
    const res = await therapist.get('/api/learning/bank/export?format=qti&area=ethics-law');
    expect(res.status, res.text.slice(0, 200)).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    const files = unzipSync(res.bytes);
    const names = Object.keys(files);
    expect(names).toContain('imsmanifest.xml');
    const items = names.filter((n) => n.startsWith('items/'));
    expect(items.length).toBeGreaterThan(100);
    const manifest = strFromU8(files['imsmanifest.xml']!);
    expect(manifest).toContain('imsqti_item_xmlv3p0');
    const first = strFromU8(files[items[0]!]!);
    expect(first).toMatch(
      /<qti-assessment-item[^>]+xmlns="http:\/\/www\.imsglobal\.org\/xsd\/imsqtiasi_v3p0"/,
    );
    expect(first).toContain('<qti-correct-response>');

    // A school takes three of them back as a package of its own.
    const package3 = zipSync(Object.fromEntries(items.slice(0, 3).map((n) => [n, files[n]!])));
    const imported = await owner.post('/api/learning/bank/import', {
      format: 'qti',
      zip: Buffer.from(package3).toString('base64'),
    });
    expect(imported.status, imported.text).toBe(200);
    expect(imported.body).toMatchObject({ imported: 3, skipped: [] });
  });

  it('imports one QTI item as XML and refuses a file that is not one, naming the field', async () => {
    const exported = await therapist.get('/api/learning/bank/export?format=qti&subtopic=attachments-actions');
    const files = unzipSync(exported.bytes);
    const name = Object.keys(files).find((n) => n.startsWith('items/'))!;
    const one = await owner.post('/api/learning/bank/import', {
      format: 'qti',
      text: strFromU8(files[name]!),
    });
    expect(one.status, one.text).toBe(200);
    expect(one.body.imported).toBe(1);

    const notXml = await owner.post('/api/learning/bank/import', { format: 'qti', text: 'hello' });
    expect(notXml.status).toBe(400);
    expect(notXml.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(notXml.body.errors[0].path).toBe('text');

    const notZip = await owner.post('/api/learning/bank/import', {
      format: 'qti',
      zip: Buffer.from(strToU8('not a zip at all')).toString('base64'),
    });
    expect(notZip.status).toBe(400);
    expect(notZip.body.errors[0].path).toBe('zip');

    const badGift = await owner.post('/api/learning/bank/import', { format: 'gift', text: '::x::{' });
    expect(badGift.status).toBe(400);
    expect(badGift.body.errors[0].path).toBe('text');
  });

  it('lets only the owner import, and keeps a clinic’s imported items to itself', async () => {
    const refused = await therapist.post('/api/learning/bank/import', { format: 'gift', text: SCHOOL_GIFT });
    expect(refused.status).toBe(403);

    const mine = await owner.get('/api/learning/bank/export?format=gift&subtopic=attachments-actions');
    const theirs = await otherOwner.get('/api/learning/bank/export?format=gift&subtopic=attachments-actions');
    expect(mine.text).toMatch(/prime mover of elbow flexion/);
    expect(theirs.status).toBe(200);
    expect(theirs.text).not.toMatch(/prime mover of elbow flexion/);
  });

  it('lets the owner take an imported question out; past exams still show it', async () => {
    const imported = await owner.post('/api/learning/bank/import', {
      format: 'gift',
      text: SCHOOL_GIFT,
      area: 'kinesiology',
      subtopic: 'joint-structure',
    });
    const [first, second] = imported.body.ids as string[];
    const practice = await therapist.post('/api/learning/exams', {
      mode: 'practice',
      area: 'kinesiology',
      subtopic: 'joint-structure',
      count: 50,
      feedback: 'each',
    });
    expect(practice.body.items.map((i: { id: string }) => i.id)).toContain(first);

    expect((await therapist.delete(`/api/learning/bank/imported/${first}`)).status).toBe(403);
    const bad = await owner.delete('/api/learning/bank/imported/not-an-id');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('path.id');
    expect((await otherOwner.delete(`/api/learning/bank/imported/${first}`)).status).toBe(404);
    const removed = await owner.delete(`/api/learning/bank/imported/${first}`);
    expect(removed.status, removed.text).toBe(204);
    expect((await owner.delete(`/api/learning/bank/imported/${first}`)).status).toBe(404);

    const listed = (await owner.get('/api/learning/bank/imported')).body.items.map(
      (i: { id: string }) => i.id,
    );
    expect(listed).not.toContain(first);
    expect(listed).toContain(second);
    const exported = await owner.get('/api/learning/bank/export?format=gift&subtopic=joint-structure');
    expect(exported.text).not.toContain(`::${first}::`);
    expect(exported.text).toContain(`::${second}::`);
    const later = await therapist.post('/api/learning/exams', {
      mode: 'practice',
      area: 'kinesiology',
      subtopic: 'joint-structure',
      count: 50,
      feedback: 'each',
    });
    expect(later.body.items.map((i: { id: string }) => i.id)).not.toContain(first);
    // The exam that held it still reads, the removed question included.
    const before = await therapist.get(`/api/learning/exams/${practice.body.id}`);
    expect(before.status, before.text).toBe(200);
    expect(before.body.items.map((i: { id: string }) => i.id)).toContain(first);
  });

  it('exports the flashcards for Anki as tab-separated text with deck tags', async () => {
    const res = await therapist.get('/api/learning/flashcards/anki.txt?deck=muscles');
    expect(res.status, res.text).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(res.headers.get('content-disposition')).toMatch(/palpa-flashcards-anki\.txt/);
    const lines = res.text.split('\n').filter((l) => l && !l.startsWith('#'));
    expect(lines.length).toBeGreaterThanOrEqual(400);
    for (const line of lines) {
      const fields = line.split('\t');
      expect(fields).toHaveLength(3);
      expect(fields[2]).toContain('palpa::muscles');
    }
    expect(res.text).toMatch(/^#separator:tab$/m);

    const bad = await therapist.get('/api/learning/flashcards/anki.txt?deck=everything');
    expect(bad.status).toBe(400);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  PASSWORD,
  uniqueEmail,
  type Agent,
  type TestContext,
} from '../../../tests/support/test-app.js';

type ExamItem = { id: string; area: string; stem: string; options: { id: string; text: string }[] };

describe('learning: exams, review, progress, plan (issue 8)', () => {
  let t: TestContext;
  let owner: Agent;
  let therapist: Agent;

  beforeAll(async () => {
    t = await createTestApp();
    ({ owner } = await t.setupClinic());
    ({ agent: therapist } = await t.addStaff(owner, 'therapist', 'Theo Park'));
  });
  afterAll(() => t.dispose());

  /** Time passes while the learner keeps working (a session idles out after 30 minutes). */
  async function waitMinutes(minutes: number) {
    for (let left = minutes; left > 0; left -= 20) {
      t.clock.advance(Math.min(20, left) * 60_000);
      await therapist.get('/api/auth/me');
    }
  }

  it('lists the seven areas with weights summing to 100', async () => {
    const res = await therapist.get('/api/learning/areas');
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(7);
    expect(res.body.items.map((a: { weight: number }) => a.weight)).toEqual([11, 12, 14, 15, 17, 16, 15]);
    for (const area of res.body.items)
      expect(Object.keys(area)).toEqual(expect.arrayContaining(['id', 'name', 'weight']));
  });

  it('starts a full exam: 100 items weighted like the blueprint, 110 minutes, no key or rationale', async () => {
    const res = await therapist.post('/api/learning/exams', { mode: 'full' });
    expect(res.status, res.text).toBe(201);
    expect(res.body.durationMinutes).toBe(110);
    expect(res.body.items).toHaveLength(100);
    const perArea = new Map<string, number>();
    for (const item of res.body.items as ExamItem[])
      perArea.set(item.area, (perArea.get(item.area) ?? 0) + 1);
    expect([...perArea.values()].sort((a, b) => a - b)).toEqual([11, 12, 14, 15, 15, 16, 17]);
    expect(new Set(res.body.items.map((i: ExamItem) => i.id)).size).toBe(100);
    const item = res.body.items[0] as ExamItem;
    expect(Object.keys(item).sort()).toEqual(['area', 'id', 'options', 'stem', 'subtopic']);
    expect(item.options.map((o) => o.id)).toEqual(['A', 'B', 'C', 'D']);
    expect(res.text).not.toMatch(/rationale|"answer"|"correct"/i);
  });

  it('takes answers in order only, once each, and not after the time is up; resumes after a reload', async () => {
    const exam = (await therapist.post('/api/learning/exams', { mode: 'full' })).body;
    const items = exam.items as ExamItem[];
    const answer = (itemId: string, optionId = 'A') =>
      therapist.post(`/api/learning/exams/${exam.id}/answers`, { itemId, optionId });

    const first = await answer(items[0]!.id);
    expect(first.status, first.text).toBe(200);
    expect(first.body).toMatchObject({ position: 1, answered: 1, remaining: 99, feedback: null });
    // Someone else cannot see or answer it.
    expect((await owner.get(`/api/learning/exams/${exam.id}`)).status).toBe(404);
    expect(
      (await owner.post(`/api/learning/exams/${exam.id}/answers`, { itemId: items[1]!.id, optionId: 'A' }))
        .status,
    ).toBe(404);
    const skip = await answer(items[2]!.id);
    expect(skip.status).toBe(409);
    expect(skip.body.detail).toMatch(/in order/);
    const again = await answer(items[0]!.id, 'B');
    expect(again.status).toBe(409);
    expect(again.body.detail).toMatch(/answered already/);
    expect((await answer('not-an-item')).status).toBe(400);
    expect(
      (
        await therapist.post(`/api/learning/exams/${exam.id}/answers`, {
          itemId: items[1]!.id,
          optionId: 'E',
        })
      ).status,
    ).toBe(400);

    // A reload: the exam comes back with what was answered and the server's clock still running.
    await waitMinutes(30);
    const resumed = await therapist.get(`/api/learning/exams/${exam.id}`);
    expect(resumed.body).toMatchObject({ status: 'in_progress', answered: 1, remainingSeconds: 80 * 60 });
    expect((await answer(items[1]!.id)).status).toBe(200);

    await waitMinutes(81);
    const late = await answer(items[2]!.id);
    expect(late.status).toBe(409);
    expect(late.body.detail).toMatch(/time is up/);
    expect((await therapist.get(`/api/learning/exams/${exam.id}`)).body.status).toBe('time_up');
  });

  it('refuses the second of two simultaneous answers to the same item', async () => {
    const exam = (await therapist.post('/api/learning/exams', { mode: 'full' })).body;
    const itemId = exam.items[0].id;
    const results = await Promise.all([
      therapist.post(`/api/learning/exams/${exam.id}/answers`, { itemId, optionId: 'A' }),
      therapist.post(`/api/learning/exams/${exam.id}/answers`, { itemId, optionId: 'B' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect((await therapist.get(`/api/learning/exams/${exam.id}`)).body.answered).toBe(1);
  });

  it('finishes with a per-area breakdown, the review with rationales and a readiness estimate', async () => {
    const exam = (await therapist.post('/api/learning/exams', { mode: 'full' })).body;
    for (const item of (exam.items as ExamItem[]).slice(0, 40))
      expect(
        (await therapist.post(`/api/learning/exams/${exam.id}/answers`, { itemId: item.id, optionId: 'C' }))
          .status,
      ).toBe(200);
    const res = await therapist.post(`/api/learning/exams/${exam.id}/finish`);
    expect(res.status, res.text).toBe(200);
    expect(res.body.total).toBe(100);
    expect(res.body.byArea.reduce((s: number, a: { total: number }) => s + a.total, 0)).toBe(100);
    expect(res.body.correct).toBe(
      res.body.byArea.reduce((s: number, a: { correct: number }) => s + a.correct, 0),
    );
    expect(res.body.percent).toBe(res.body.correct);
    expect(res.body.review).toHaveLength(100);
    const review = res.body.review[0];
    expect(Object.keys(review.rationales)).toEqual(['A', 'B', 'C', 'D']);
    expect(review.chosen).toBe('C');
    expect(res.body.review[99].chosen).toBeNull();
    expect(res.body.readiness.level).toBe('not_yet');
    // Finished: no more answers; finishing again gives the same result.
    expect(
      (
        await therapist.post(`/api/learning/exams/${exam.id}/answers`, {
          itemId: exam.items[40].id,
          optionId: 'A',
        })
      ).status,
    ).toBe(409);
    expect((await therapist.post(`/api/learning/exams/${exam.id}/finish`)).body.correct).toBe(
      res.body.correct,
    );
    const history = await therapist.get('/api/learning/exams');
    expect(history.body.items[0]).toMatchObject({
      id: exam.id,
      mode: 'full',
      total: 100,
      answered: 40,
      correct: res.body.correct,
    });
  });

  it('practises an area with the rationale after each answer', async () => {
    const areas = (await therapist.get('/api/learning/areas')).body.items;
    const area = areas[1];
    const set = await therapist.post('/api/learning/exams', {
      mode: 'practice',
      area: area.id,
      subtopic: area.subtopics[0].id,
      count: 10,
    });
    expect(set.status, set.text).toBe(201);
    expect(set.body).toMatchObject({ mode: 'practice', durationMinutes: null, deadline: null });
    expect(set.body.items).toHaveLength(10);
    expect(new Set(set.body.items.map((i: ExamItem & { subtopic: string }) => i.subtopic))).toEqual(
      new Set([area.subtopics[0].id]),
    );
    const res = await therapist.post(`/api/learning/exams/${set.body.id}/answers`, {
      itemId: set.body.items[0].id,
      optionId: 'B',
    });
    expect(res.body.feedback).toMatchObject({
      chosen: 'B',
      rationales: { A: expect.any(String), D: expect.any(String) },
    });
    expect(res.body.feedback.isCorrect).toBe(res.body.feedback.correct === 'B');
    const view = await therapist.get(`/api/learning/exams/${set.body.id}`);
    expect(view.body.feedbackSoFar).toHaveLength(1);

    const bad = await therapist.post('/api/learning/exams', {
      mode: 'practice',
      area: 'astrology',
      count: 10,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('area');
    expect(
      (await therapist.post('/api/learning/exams', { mode: 'practice', area: area.id, count: 60 })).status,
    ).toBe(400);
  });

  it('queues missed items and new flashcards for review; a graded card moves on', async () => {
    const due = await therapist.get('/api/learning/review/due?limit=200');
    expect(due.status, due.text).toBe(200);
    const kinds = due.body.items.map((c: { kind: string }) => c.kind);
    expect(kinds.filter((k: string) => k === 'item').length).toBeGreaterThan(50);
    expect(kinds.filter((k: string) => k === 'flashcard').length).toBe(20);
    const missed = due.body.items.find((c: { kind: string }) => c.kind === 'item');
    expect(missed.item).toMatchObject({
      correct: expect.stringMatching(/^[A-D]$/),
      rationales: expect.any(Object),
    });
    const card = due.body.items.find((c: { kind: string }) => c.kind === 'flashcard');
    expect(card.flashcard.front.length).toBeGreaterThan(1);
    expect(new Date(card.next.easy).getTime()).toBeGreaterThan(new Date(card.next.good).getTime());

    const graded = await therapist.post(`/api/learning/review/flashcard/${card.id}`, { grade: 'easy' });
    expect(graded.status, graded.text).toBe(200);
    expect(graded.body).toMatchObject({ state: 'review', reps: 1 });
    const later = await therapist.get('/api/learning/review/due?limit=200');
    expect(later.body.items.some((c: { id: string }) => c.id === card.id)).toBe(false);
    // The daily allowance of new cards counts the one introduced today.
    expect(later.body.counts.new).toBe(19);
    expect(new Date(later.body.nextDue).getTime()).toBeGreaterThan(Date.parse(card.next.good));
    expect(new Date(later.body.nextDue).getTime()).toBeGreaterThan(new Date(card.next.good).getTime());

    const itemGraded = await therapist.post(`/api/learning/review/item/${missed.id}`, { grade: 'again' });
    expect(itemGraded.body.state).toBe('learning');
    expect(
      (await therapist.post('/api/learning/review/flashcard/no-such-card', { grade: 'good' })).status,
    ).toBe(404);
    expect(
      (await therapist.post(`/api/learning/review/flashcard/${card.id}`, { grade: 'perfect' })).status,
    ).toBe(400);
  });

  it('shows progress by area and subtopic and the exam history', async () => {
    const res = await therapist.get('/api/learning/progress');
    expect(res.status).toBe(200);
    expect(res.body.byArea).toHaveLength(7);
    const answered = res.body.byArea.reduce((s: number, a: { answered: number }) => s + a.answered, 0);
    expect(answered).toBeGreaterThanOrEqual(44);
    expect(res.body.weekly.length).toBeGreaterThan(0);
    expect(res.body.exams.some((e: { finishedAt: string | null }) => e.finishedAt)).toBe(true);
    expect(res.body.review.cards).toBeGreaterThan(50);
  });

  it('makes a study plan from the exam date and hours, recomputed when read', async () => {
    expect((await therapist.get('/api/learning/plan')).status).toBe(404);
    const past = await therapist.put('/api/learning/plan', { examDate: '2026-01-01', hoursPerWeek: 6 });
    expect(past.status).toBe(400);
    expect(past.body.errors[0].path).toBe('examDate');
    const res = await therapist.put('/api/learning/plan', { examDate: '2027-02-15', hoursPerWeek: 6 });
    expect(res.status, res.text).toBe(200);
    expect(res.body.weeks.length).toBe(12);
    expect(res.body.weeks.at(-1).fullExam).toBe(true);
    expect(res.body.basedOn.fullExams).toBeGreaterThanOrEqual(1);
    expect(res.body.priorities).toHaveLength(7);
    expect((await therapist.get('/api/learning/plan')).body.weeks).toHaveLength(12);
  });
});

describe('licences, certifications and CE (issue 8, item 7)', () => {
  let t: TestContext;
  let owner: Agent;
  let therapist: Agent;
  let therapistId: string;
  let ownerEmail: string;

  beforeAll(async () => {
    t = await createTestApp();
    ({ owner, email: ownerEmail } = await t.setupClinic());
    ({ agent: therapist, id: therapistId } = await t.addStaff(owner, 'therapist', 'Theo Park'));
  });
  afterAll(() => t.dispose());

  it('records a Florida licence and courses and shows what is missing', async () => {
    const rules = await therapist.get('/api/learning/ce/rules');
    expect(rules.body.rules.map((r: { id: string }) => r.id)).toEqual(
      expect.arrayContaining(['fl-lmt', 'tx-lmt', 'ny-lmt', 'hi-lmt', 'ncbtmb-bc']),
    );
    const licence = await therapist.post('/api/learning/ce/credentials', {
      ruleId: 'fl-lmt',
      number: 'MA123456',
      issuedOn: '2019-05-01',
      expiresOn: '2027-08-31',
    });
    expect(licence.status, licence.text).toBe(201);
    expect(licence.body.status).toMatchObject({
      requiredHours: 24,
      countedHours: 0,
      missingHours: 24,
      state: 'in_progress',
    });

    for (const course of [
      {
        title: 'Preventing medical errors',
        provider: 'CE Co',
        completedOn: '2026-02-01',
        hours: 2,
        category: 'medical-errors',
        format: 'online',
      },
      {
        title: 'Florida laws and rules',
        provider: 'CE Co',
        completedOn: '2026-03-01',
        hours: 2,
        category: 'laws-and-rules',
        format: 'online',
      },
      {
        title: 'Myofascial release lab',
        provider: 'Gulf School',
        completedOn: '2026-04-01',
        hours: 8,
        category: 'hands-on',
        format: 'in_person',
        certificate: {
          name: 'mfr.pdf',
          mime: 'application/pdf',
          data: Buffer.from('%PDF-1.4 test').toString('base64'),
        },
      },
    ]) {
      const res = await therapist.post('/api/learning/ce/courses', course);
      expect(res.status, res.text).toBe(201);
    }
    const list = await therapist.get('/api/learning/ce/credentials');
    const status = list.body.items[0].status;
    expect(status.countedHours).toBe(12);
    expect(status.missing).toEqual([
      '2 h of Professional ethics',
      '1 h of Human trafficking awareness',
      '4 h of Hands-on technique (classroom) (in person)',
      '5 h more of any approved CE',
    ]);

    const courses = (await therapist.get('/api/learning/ce/courses')).body.items;
    const lab = courses.find((c: { title: string }) => c.title.startsWith('Myofascial'));
    const file = await t.app.request(`http://palpa.test/api/learning/ce/courses/${lab.id}/certificate`, {
      headers: { cookie: therapist.cookie ?? '' },
    });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
  });

  it('validates: unknown rule, expiry before issue, future course, unknown category', async () => {
    const unknown = await therapist.post('/api/learning/ce/credentials', {
      ruleId: 'zz',
      expiresOn: '2027-01-01',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].path).toBe('ruleId');
    const backwards = await therapist.post('/api/learning/ce/credentials', {
      ruleId: 'tx-lmt',
      issuedOn: '2027-01-01',
      expiresOn: '2026-01-01',
    });
    expect(backwards.body.errors[0].path).toBe('expiresOn');
    const future = await therapist.post('/api/learning/ce/courses', {
      title: 'x',
      provider: 'y',
      completedOn: '2027-06-01',
      hours: 1,
      category: 'ethics',
      format: 'online',
    });
    expect(future.body.errors[0].path).toBe('completedOn');
    const category = await therapist.post('/api/learning/ce/courses', {
      title: 'x',
      provider: 'y',
      completedOn: '2026-06-01',
      hours: 1,
      category: 'astrology',
      format: 'online',
    });
    expect(category.body.errors[0].path).toBe('category');
  });

  it("lets the owner see the whole team's status; a therapist sees only their own", async () => {
    expect((await therapist.get('/api/learning/ce/team')).status).toBe(403);
    const ownerId = (await owner.get('/api/auth/me')).body.id;
    expect((await therapist.get(`/api/learning/ce/credentials?userId=${ownerId}`)).status).toBe(403);
    const team = await owner.get('/api/learning/ce/team');
    expect(team.status).toBe(200);
    const theo = team.body.items.find((m: { userId: string }) => m.userId === therapistId);
    expect(theo.credentials[0]).toMatchObject({ ruleId: 'fl-lmt', status: { missingHours: 12 } });
    expect(theo.courses).toBe(3);
  });

  it('lets the owner add a rule for another state', async () => {
    const rule = {
      id: 'wa-lmt',
      jurisdiction: 'WA',
      name: 'Washington — licensed massage therapist',
      kind: 'licence',
      cycleMonths: 24,
      totalHours: 24,
      requirements: [{ category: 'ethics', hours: 4 }],
      reference: 'Clinic-entered: check WAC 246-830',
    };
    expect((await therapist.post('/api/learning/ce/rules', rule)).status).toBe(403);
    expect((await owner.post('/api/learning/ce/rules', rule)).status).toBe(201);
    expect((await owner.post('/api/learning/ce/rules', rule)).status).toBe(409);
    const mine = await therapist.post('/api/learning/ce/credentials', {
      ruleId: 'wa-lmt',
      expiresOn: '2027-03-31',
    });
    expect(mine.body.status).toMatchObject({ requiredHours: 24 });
  });
  it('reminds 90 and 30 days before expiry, once each, through the outbox', async () => {
    const licence = await therapist.post('/api/learning/ce/credentials', {
      ruleId: 'tx-lmt',
      number: 'TX-9981',
      expiresOn: '2027-01-20',
    });
    expect(licence.status, licence.text).toBe(201);
    const reminders = async () =>
      (
        (await owner.get('/api/outbox')).body.items as {
          kind: string;
          subject: string;
          body: string;
          to: string;
        }[]
      ).filter((m) => m.kind === 'licence_reminder');
    await t.jobs.drain();
    await t.jobs.drain();
    const first = await reminders();
    const texas = first.filter((m) => m.subject.includes('TX-9981'));
    expect(texas).toHaveLength(1);
    expect(texas[0]!.subject).toBe('Texas — licensed massage therapist (TX-9981) expires on 2027-01-20');
    expect(texas[0]!.body).toContain('in 56 days');
    expect(texas[0]!.body).toContain('Still missing for this renewal: 1 h of Human trafficking awareness.');
    // The Florida licence (expiring 2027-08-31) is not due a reminder yet.
    expect(first.some((m) => m.subject.includes('MA123456'))).toBe(false);

    // 26 days before: the 30-day reminder, once, whoever runs the job and however often.
    t.clock.advance(30 * 86_400_000);
    owner = t.agent();
    expect((await owner.post('/api/auth/login', { email: ownerEmail, password: PASSWORD })).status).toBe(200);
    await t.jobs.drain();
    await t.jobs.drain();
    const later = (await reminders()).filter((m) => m.subject.includes('TX-9981'));
    expect(later).toHaveLength(2);
    expect(later.map((m) => m.body).join('\n')).toContain('in 26 days');
  });
});

describe('learners without a clinic (issue 8, item 8)', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestApp();
    await t.setupClinic();
  });
  afterAll(() => t.dispose());

  it('signs up a student who sees only the learning side', async () => {
    const student = t.agent();
    const res = await student.post('/api/learning/signup', {
      name: 'Jordan Lee',
      email: uniqueEmail('student'),
      password: PASSWORD,
    });
    expect(res.status, res.text).toBe(201);
    expect(res.body.user.role).toBe('learner');
    expect(res.body.clinic.kind).toBe('study');
    expect((await student.get('/api/auth/me')).body.role).toBe('learner');
    expect((await student.get('/api/learning/areas')).status).toBe(200);
    expect((await student.post('/api/learning/exams', { mode: 'full' })).status).toBe(201);
    for (const path of [
      '/api/clients',
      '/api/appointments?from=2026-11-01T00:00:00Z&to=2026-11-02T00:00:00Z',
      '/api/staff',
      '/api/outbox',
    ])
      expect((await student.get(path)).status, path).toBe(403);
  });

  it('is closed without PALPA_OPEN_SIGNUP', async () => {
    const closed = await createTestApp({ openSignup: false });
    try {
      const res = await closed
        .agent()
        .post('/api/learning/signup', { name: 'Jo', email: uniqueEmail('s'), password: PASSWORD });
      expect(res.status).toBe(404);
    } finally {
      await closed.dispose();
    }
  });
});

import ICAL from 'ical.js';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NECK_PAIN_PRESCRIPTION, openEpisode } from '../../../tests/support/clinical-fixtures.js';
import { extractPdfPages } from '../../../tests/support/pdf-text.js';
import { queryRows } from '../../../tests/support/test-database.js';
import { createTestApp, type Agent, type TestContext } from '../../../tests/support/test-app.js';

/** "2026-12-01T10:00:00-05:00" → the local wall-clock part "2026-12-01T10:00". */
const wall = (iso: string) => iso.slice(0, 16);

describe('scheduling: calendar, conflicts, series, visit counts, feeds (API)', () => {
  let t: TestContext;
  let owner: Agent;
  let therapist: Agent;
  let frontDesk: Agent;
  let biller: Agent;
  let therapistId: string;
  let ownerId: string;
  let clientA: string;
  let clientB: string;
  let serviceId: string;
  let roomId: string;

  beforeAll(async () => {
    t = await createTestApp();
    ({ owner } = await t.setupClinic());
    const staff = await t.addStaff(owner, 'therapist', 'Jordan Lee');
    therapist = staff.agent;
    therapistId = staff.id;
    frontDesk = (await t.addStaff(owner, 'front_desk', 'Fran Desk')).agent;
    biller = (await t.addStaff(owner, 'biller', 'Bill Biller')).agent;
    ownerId = (await owner.get('/api/auth/me')).body.id;
    clientA = (await t.createClient(frontDesk, { givenName: 'Margaret', familyName: 'Okafor' })).id;
    clientB = (await t.createClient(frontDesk, { givenName: 'Thandiwe', familyName: 'Brooks' })).id;
    const service = await owner.post('/api/schedule/services', {
      name: 'Medical massage, 60 min',
      durationMinutes: 60,
      bufferMinutes: 15,
      priceCents: 11000,
    });
    expect(service.status).toBe(201);
    serviceId = service.body.id;
    roomId = (await owner.post('/api/schedule/rooms', { name: 'Room 1' })).body.id;
  });
  afterAll(() => t.dispose());

  it('GET /api/auth/me names the signed-in staff user and clinic', async () => {
    const me = await therapist.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: therapistId, name: 'Jordan Lee', role: 'therapist' });
    expect(me.body.email).toContain('@');
    expect(me.body.clinicId).toMatch(/^[0-9a-f-]{36}$/);
    expect((await t.agent().get('/api/auth/me')).status).toBe(401);
  });

  it('PATCH /api/clinic sets the IANA time zone; an unknown zone is a 400 naming the field', async () => {
    const bad = await owner.patch('/api/clinic', { timeZone: 'Mars/Olympus_Mons' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('timeZone');
    const ok = await owner.patch('/api/clinic', { timeZone: 'America/New_York' });
    expect(ok.status).toBe(200);
    expect(ok.body.timeZone).toBe('America/New_York');
    expect((await therapist.patch('/api/clinic', { timeZone: 'America/Chicago' })).status).toBe(403);
    const noSlug = await owner.patch('/api/clinic', { bookingPageEnabled: true });
    expect(noSlug.status).toBe(400);
    expect(noSlug.body.errors[0].path).toBe('slug');
  });

  it('books a visit with its service buffer; a collision answers 409 naming the other appointment’s time', async () => {
    const first = await frontDesk.post('/api/appointments', {
      clientId: clientA,
      therapistId,
      start: '2026-12-01T10:00:00-05:00',
      durationMinutes: 60,
      serviceId,
      roomId,
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      start: '2026-12-01T10:00:00-05:00',
      end: '2026-12-01T11:00:00-05:00',
      bufferMinutes: 15,
      status: 'booked',
      clientName: 'Margaret Okafor',
    });

    // Same therapist during the visit, and during its 15-minute buffer.
    for (const start of ['2026-12-01T10:30:00-05:00', '2026-12-01T11:00:00-05:00']) {
      const clash = await frontDesk.post('/api/appointments', {
        clientId: clientB,
        therapistId,
        start,
        durationMinutes: 30,
      });
      expect(clash.status, start).toBe(409);
      expect(clash.headers.get('content-type')).toContain('application/problem+json');
      expect(clash.body.detail).toContain('Dec 1, 2026, 10:00 AM');
      expect(clash.body.conflictingAppointment.id).toBe(first.body.id);
    }
    const afterBuffer = await frontDesk.post('/api/appointments', {
      clientId: clientB,
      therapistId,
      start: '2026-12-01T11:15:00-05:00',
      durationMinutes: 30,
    });
    expect(afterBuffer.status).toBe(201);

    // The same client with another therapist, and the same room with another therapist.
    const sameClient = await frontDesk.post('/api/appointments', {
      clientId: clientA,
      therapistId: ownerId,
      start: '2026-12-01T10:45:00-05:00',
      durationMinutes: 30,
    });
    expect(sameClient.status).toBe(409);
    expect(sameClient.body.detail).toMatch(/client already has an appointment/);
    const sameRoom = await frontDesk.post('/api/appointments', {
      clientId: clientB,
      therapistId: ownerId,
      start: '2026-12-01T10:30:00-05:00',
      durationMinutes: 30,
      roomId,
    });
    expect(sameRoom.status).toBe(409);
    expect(sameRoom.body.detail).toMatch(/room is booked/);

    const list = await therapist.get(
      `/api/appointments?from=${encodeURIComponent('2026-12-01T00:00:00-05:00')}&to=${encodeURIComponent('2026-12-02T00:00:00-05:00')}&therapistId=${therapistId}`,
    );
    expect(list.status).toBe(200);
    expect(list.body.items.map((a: { start: string }) => a.start)).toEqual([
      '2026-12-01T10:00:00-05:00',
      '2026-12-01T11:15:00-05:00',
    ]);
  });

  it('refuses double booking under concurrency: two simultaneous requests give one 201 and one 409', async () => {
    for (const day of ['07', '08', '09', '10', '11']) {
      const start = `2026-12-${day}T14:00:00-05:00`;
      const [a, b] = await Promise.all([
        frontDesk.post('/api/appointments', {
          clientId: clientA,
          therapistId: ownerId,
          start,
          durationMinutes: 60,
        }),
        therapist.post('/api/appointments', {
          clientId: clientB,
          therapistId: ownerId,
          start,
          durationMinutes: 60,
        }),
      ]);
      expect([a.status, b.status].sort(), day).toEqual([201, 409]);
      const loser = a.status === 409 ? a : b;
      expect(loser.body.detail).toMatch(/2:00 PM|moment ago|just taken/);
    }
  });

  it('has the database itself refuse overlapping active appointments (exclusion constraint)', async () => {
    const [row] = await queryRows<Record<string, unknown>>(
      t.database,
      sql`select clinic_id, client_id, therapist_id, start_at, end_at from appointments where status = 'booked' order by start_at limit 1`,
    );
    const insert = t.database.db.execute(sql`insert into appointments
        (clinic_id, client_id, therapist_id, start_at, end_at, busy_until, created_at, updated_at)
        values (${row!.clinic_id}, ${clientB}, ${row!.therapist_id}, ${row!.start_at}, ${row!.end_at}, ${row!.end_at}, now(), now())`);
    await expect(insert).rejects.toMatchObject({ cause: expect.objectContaining({ code: '23P01' }) });
  });

  it('keeps a weekly 10:00 series at 10:00 local across the daylight-saving change and reports conflicts', async () => {
    const blocker = await owner.post('/api/appointments', {
      clientId: clientB,
      therapistId: ownerId,
      start: '2026-11-05T10:30:00-05:00',
      durationMinutes: 30,
    });
    expect(blocker.status).toBe(201);
    const series = await frontDesk.post('/api/appointments', {
      clientId: clientA,
      therapistId: ownerId,
      start: '2026-10-26T10:00:00-04:00',
      durationMinutes: 60,
      recurrence: 'FREQ=WEEKLY;BYDAY=MO,TH;COUNT=6',
    });
    expect(series.status).toBe(201);
    expect(series.body.seriesId).toBeTruthy();
    expect(series.body.items.map((a: { start: string }) => a.start)).toEqual([
      '2026-10-26T10:00:00-04:00',
      '2026-10-29T10:00:00-04:00',
      '2026-11-02T10:00:00-05:00',
      '2026-11-09T10:00:00-05:00',
      '2026-11-12T10:00:00-05:00',
    ]);
    expect(series.body.conflicts).toHaveLength(1);
    expect(series.body.conflicts[0]).toMatchObject({
      start: '2026-11-05T10:00:00-05:00',
      conflictsWith: { id: blocker.body.id, kind: 'therapist' },
    });

    const bad = await frontDesk.post('/api/appointments', {
      clientId: clientA,
      therapistId: ownerId,
      start: '2027-01-04T10:00:00-05:00',
      durationMinutes: 60,
      recurrence: 'FREQ=MINUTELY;COUNT=3',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('recurrence');
  });

  describe('prescription-aware series', () => {
    let episodeId: string;
    let items: { id: string; start: string; visit: { label: string; warnings: string[] } | null }[];
    let client: string;

    beforeAll(async () => {
      client = (await t.createClient(frontDesk, { givenName: 'Priya', familyName: 'Raman' })).id;
      episodeId = await openEpisode(therapist, client);
      const rx = await therapist.post(`/api/episodes/${episodeId}/prescriptions`, {
        ...NECK_PAIN_PRESCRIPTION,
        writtenOn: '2026-11-20',
        visitsAuthorised: 12,
        expiresOn: '2026-12-20',
      });
      expect(rx.status).toBe(201);
    });

    it('books 2×/week for 6 weeks from the plan and shows “visit n of N” with the expiry on each visit', async () => {
      const series = await therapist.post('/api/appointments', {
        clientId: client,
        therapistId,
        episodeId,
        serviceId,
        start: '2026-11-30T09:00:00-05:00',
        recurrence: 'FREQ=WEEKLY;BYDAY=MO,TH;COUNT=12',
      });
      expect(series.status).toBe(201);
      items = series.body.items;
      expect(items).toHaveLength(12);
      expect(items[4]!.visit!.label).toBe('visit 5 of 12, prescription expires 2026-12-20');
      expect(items[0]!.visit!.warnings).toEqual([]);
      // Dec 7 is within 14 days of the expiry; visits after Dec 20 are past it.
      expect(items[2]!.visit!.warnings).toEqual(['The prescription expires on 2026-12-20.']);
      expect(items[6]!.start).toBe('2026-12-21T09:00:00-05:00');
      expect(items[6]!.visit!.warnings).toContain('After the prescription expired on 2026-12-20.');
      expect(items[7]!.visit!.warnings).toContain('After the prescription expired on 2026-12-20.');
      expect(items[11]!.visit!.label).toBe('visit 12 of 12, prescription expires 2026-12-20');
    });

    it('writes the renewal request letter to the prescriber when visits run low', async () => {
      const res = await t.app.request(`http://palpa.test/api/episodes/${episodeId}/renewal-request.pdf`, {
        headers: { cookie: therapist.cookie! },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      const text = (await extractPdfPages(new Uint8Array(await res.arrayBuffer()))).join('\n');
      expect(text).toContain('Request to renew the prescription');
      expect(text).toContain('Dr. Zoë Ødegård');
      expect(text).toContain('Priya Raman');
      expect(text).toContain('M54.2');
      expect(text).toContain('visits you authorised on Nov 20, 2026');
      expect(text).toContain('The prescription expires on Dec 20, 2026');
      expect(text).toMatch(/12 further visits are booked/);
      expect(text).toContain('Prescriber signature');
      expect((await frontDesk.get(`/api/episodes/${episodeId}/renewal-request.pdf`)).status).toBe(403);
    });

    it('refuses booking past the prescription when the clinic says block', async () => {
      expect((await owner.patch('/api/clinic', { authorizationPolicy: 'block' })).status).toBe(200);
      const thirteenth = await therapist.post('/api/appointments', {
        clientId: client,
        therapistId,
        episodeId,
        start: '2027-01-11T09:00:00-05:00',
        durationMinutes: 60,
      });
      expect(thirteenth.status).toBe(409);
      expect(thirteenth.body.detail).toContain('beyond the 12');
      await owner.patch('/api/clinic', { authorizationPolicy: 'warn' });
    });

    it('moves one occurrence, then this-and-following by the same wall-clock shift', async () => {
      const one = await therapist.patch(`/api/appointments/${items[1]!.id}`, {
        start: '2026-12-03T13:00:00-05:00',
      });
      expect(one.status).toBe(200);
      expect(one.body.items).toHaveLength(1);
      expect(one.body.items[0].start).toBe('2026-12-03T13:00:00-05:00');

      const following = await therapist.patch(`/api/appointments/${items[8]!.id}`, {
        start: '2026-12-29T10:30:00-05:00',
        scope: 'following',
      });
      expect(following.status).toBe(200);
      // Monday 09:00 → Tuesday 10:30: every following visit moves a day and 90 minutes on the wall clock.
      expect(following.body.items.map((a: { start: string }) => wall(a.start))).toEqual([
        '2026-12-29T10:30',
        '2027-01-01T10:30',
        '2027-01-05T10:30',
        '2027-01-08T10:30',
      ]);
      const earlier = await therapist.get(`/api/appointments/${items[7]!.id}`);
      expect(wall(earlier.body.start)).toBe('2026-12-24T09:00');
    });

    it('cancels this and the following occurrences with a reason; a late cancellation is charged', async () => {
      await owner.patch('/api/clinic', { lateCancelHours: 24, lateCancelFeeCents: 2500 });
      const cancelled = await therapist.post(`/api/appointments/${items[10]!.id}/cancel`, {
        reason: 'Client travelling',
        scope: 'following',
      });
      expect(cancelled.status).toBe(200);
      expect(cancelled.body.items.map((a: { status: string }) => a.status)).toEqual([
        'cancelled',
        'cancelled',
      ]);
      expect(cancelled.body.items[0].lateCancellation).toBe(false);

      // Tomorrow's visit cancelled today: inside the 24-hour window.
      const tomorrow = await frontDesk.post('/api/appointments', {
        clientId: client,
        therapistId: ownerId,
        start: '2026-11-26T09:00:00-05:00',
        durationMinutes: 60,
      });
      const late = await frontDesk.post(`/api/appointments/${tomorrow.body.id}/cancel`, { reason: 'Sick' });
      expect(late.body.items[0].lateCancellation).toBe(true);
      const ledger = await owner.get(`/api/clients/${client}/ledger`);
      expect(ledger.body.balances.patientCents).toBe(2500);
      const again = await frontDesk.post(`/api/appointments/${tomorrow.body.id}/cancel`, { reason: 'Sick' });
      expect(again.status).toBe(409);
      expect(
        (await frontDesk.post(`/api/appointments/${tomorrow.body.id}/cancel`, {})).body.errors[0].path,
      ).toBe('reason');
    });

    it('marks a past visit completed or no-show (not a future one) and lists completed visits without a signed note', async () => {
      const future = await therapist.patch(`/api/appointments/${items[3]!.id}`, { status: 'no_show' });
      expect(future.status).toBe(400);
      const past = await frontDesk.post('/api/appointments', {
        clientId: client,
        therapistId,
        episodeId,
        start: '2026-11-24T09:00:00-05:00',
        durationMinutes: 60,
      });
      expect(past.status).toBe(201);
      const done = await therapist.patch(`/api/appointments/${past.body.id}`, { status: 'completed' });
      expect(done.status).toBe(200);
      const toDo = await therapist.get(`/api/appointments/to-do?therapistId=${therapistId}`);
      expect(toDo.body.items.map((a: { id: string }) => a.id)).toContain(past.body.id);
      // Opening the visit leads to its note: a draft for that day, the same one the next time.
      const opened = await therapist.post(`/api/appointments/${past.body.id}/session-note`);
      expect(opened.status).toBe(200);
      expect(opened.body.episodeId).toBe(episodeId);
      const note = await therapist.get(`/api/notes/${opened.body.noteId}`);
      expect(note.body.sessionDate).toBe('2026-11-24');
      expect((await therapist.post(`/api/appointments/${past.body.id}/session-note`)).body.noteId).toBe(
        opened.body.noteId,
      );
      expect((await frontDesk.post(`/api/appointments/${past.body.id}/session-note`)).status).toBe(403);
      const withNote = await therapist.get(`/api/appointments/${past.body.id}`);
      expect(withNote.body).toMatchObject({ sessionNoteId: opened.body.noteId, noteSigned: false });
      const noShow = await frontDesk.post('/api/appointments', {
        clientId: clientB,
        therapistId,
        start: '2026-11-23T09:00:00-05:00',
        durationMinutes: 60,
      });
      const marked = await frontDesk.patch(`/api/appointments/${noShow.body.id}`, { status: 'no_show' });
      expect(marked.body.items[0].status).toBe('no_show');
      // A no-show frees the slot.
      const rebook = await frontDesk.post('/api/appointments', {
        clientId: clientA,
        therapistId,
        start: '2026-11-23T09:00:00-05:00',
        durationMinutes: 60,
      });
      expect(rebook.status).toBe(201);
    });
  });

  it('serves a private iCalendar feed with times and initials only; a revoked or unknown token is 404', async () => {
    const feed = await therapist.post('/api/calendar/feeds', { therapistId });
    expect(feed.status).toBe(201);
    expect(feed.body.url).toMatch(/\/api\/calendar\/[A-Za-z0-9_-]+\.ics$/);
    const path = new URL(feed.body.url).pathname;
    const res = await t.app.request(`http://palpa.test${path}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/calendar');
    const text = await res.text();
    const calendar = new ICAL.Component(ICAL.parse(text));
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.length).toBeGreaterThan(5);
    const summaries = new Set(events.map((e) => e.summary));
    expect(summaries).toContain('Client M.O.');
    for (const name of ['Margaret', 'Okafor', 'Thandiwe', 'Brooks', 'Priya', 'Raman', 'Medical massage'])
      expect(text).not.toContain(name);
    const first = events.find((e) => e.startDate.toJSDate().toISOString() === '2026-12-01T15:00:00.000Z');
    expect(first?.endDate.toJSDate().toISOString()).toBe('2026-12-01T16:00:00.000Z');

    expect((await therapist.post('/api/calendar/feeds', { therapistId: ownerId })).status).toBe(403);
    const feeds = await therapist.get('/api/calendar/feeds');
    expect(feeds.body.items).toHaveLength(1);
    expect((await therapist.delete(`/api/calendar/feeds/${feed.body.id}`)).status).toBe(204);
    expect((await t.app.request(`http://palpa.test${path}`)).status).toBe(404);
    expect(
      (await t.app.request('http://palpa.test/api/calendar/not-a-real-token-at-all-0000.ics')).status,
    ).toBe(404);
  });

  it('lets roles do what they should: biller reads, front desk books, therapist sets only own hours', async () => {
    expect(
      (
        await biller.post('/api/appointments', {
          clientId: clientA,
          therapistId,
          start: '2027-02-01T10:00:00-05:00',
          durationMinutes: 60,
        })
      ).status,
    ).toBe(403);
    expect(
      (await therapist.post('/api/schedule/services', { name: 'x', durationMinutes: 30, priceCents: 0 }))
        .status,
    ).toBe(403);
    const own = await therapist.put(`/api/schedule/therapists/${therapistId}/hours`, {
      intervals: [
        { weekday: 1, startTime: '09:00', endTime: '12:00' },
        { weekday: 1, startTime: '13:00', endTime: '17:00' },
      ],
    });
    expect(own.status).toBe(200);
    expect((await therapist.put(`/api/schedule/therapists/${ownerId}/hours`, { intervals: [] })).status).toBe(
      403,
    );
    const reversed = await therapist.put(`/api/schedule/therapists/${therapistId}/hours`, {
      intervals: [{ weekday: 2, startTime: '17:00', endTime: '09:00' }],
    });
    expect(reversed.status).toBe(400);
  });

  it('computes availability from working hours minus appointments, buffers and blocked time', async () => {
    const block = await frontDesk.post('/api/schedule/blocked-times', {
      therapistId,
      start: '2027-03-01T13:00:00-05:00',
      end: '2027-03-01T15:00:00-05:00',
      reason: 'CE course',
    });
    expect(block.status).toBe(201);
    await frontDesk.post('/api/appointments', {
      clientId: clientA,
      therapistId,
      serviceId,
      start: '2027-03-01T10:00:00-05:00',
    });
    const slots = await frontDesk.get(
      `/api/schedule/availability?from=${encodeURIComponent('2027-03-01T00:00:00-05:00')}&to=${encodeURIComponent('2027-03-02T00:00:00-05:00')}&therapistId=${therapistId}&serviceId=${serviceId}`,
    );
    expect(slots.status).toBe(200);
    // 09:00 would run its buffer into the 10:00 visit; 11:15 would run past noon; 13:00–15:00 is blocked.
    expect(slots.body.slots.map((s: { start: string }) => wall(s.start).slice(11))).toEqual([
      '15:00',
      '15:15',
      '15:30',
      '15:45',
      '16:00',
    ]);
    const blockedBooking = await frontDesk.post('/api/appointments', {
      clientId: clientB,
      therapistId,
      start: '2027-03-01T13:30:00-05:00',
      durationMinutes: 30,
    });
    expect(blockedBooking.status).toBe(409);
    expect(blockedBooking.body.detail).toContain('CE course');
  });

  it('offers a cancelled visit’s time to the waiting clients it suits', async () => {
    const waiting = (
      await t.createClient(frontDesk, { givenName: 'Wanda', familyName: 'Waits', email: 'wanda@example.org' })
    ).id;
    const mornings = await frontDesk.post('/api/waitlist', {
      clientId: waiting,
      therapistId,
      earliest: '2027-04-01',
      latest: '2027-04-30',
      weekdays: [1, 2, 3, 4, 5],
      fromTime: '08:00',
      toTime: '12:00',
    });
    expect(mornings.status).toBe(201);
    const evenings = await frontDesk.post('/api/waitlist', {
      clientId: clientB,
      earliest: '2027-04-01',
      latest: '2027-04-30',
      fromTime: '17:00',
    });
    expect(evenings.status).toBe(201);
    const visit = await frontDesk.post('/api/appointments', {
      clientId: clientA,
      therapistId,
      start: '2027-04-06T10:00:00-04:00',
      durationMinutes: 60,
    });
    await frontDesk.post(`/api/appointments/${visit.body.id}/cancel`, { reason: 'Moved away' });
    const list = await frontDesk.get('/api/waitlist');
    const byId = new Map(list.body.items.map((e: { id: string }) => [e.id, e]));
    expect(byId.get(mornings.body.id)).toMatchObject({
      status: 'offered',
      lastOfferStart: '2027-04-06T10:00:00-04:00',
    });
    expect(byId.get(evenings.body.id)).toMatchObject({ status: 'waiting', lastOfferStart: null });
    const outbox = await owner.get('/api/outbox');
    const offer = outbox.body.items.find((m: { kind: string }) => m.kind === 'waitlist_offer');
    expect(offer.to).toBe('wanda@example.org');
    expect(offer.body).toContain('Tue, Apr 6, 2027 at 10:00 AM EDT');
    expect(
      (await frontDesk.patch(`/api/waitlist/${mornings.body.id}`, { status: 'booked' })).body.status,
    ).toBe('booked');
    expect((await frontDesk.get('/api/waitlist')).body.items.map((e: { id: string }) => e.id)).not.toContain(
      mornings.body.id,
    );
  });
});

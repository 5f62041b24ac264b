import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestContext } from '../../../tests/support/test-app.js';

const PNG_1PX =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

describe('public booking page (API)', () => {
  let t: TestContext;
  let owner: Agent;
  let ownerId: string;
  let serviceId: string;
  const page = '/api/public/booking/riverside';
  const booking = {
    givenName: 'Nadia',
    familyName: 'Haddad',
    dateOfBirth: '1990-07-12',
    email: 'nadia@example.org',
    phone: '555 0100 200',
    reason: 'Stiff neck after long drives',
  };

  beforeAll(async () => {
    t = await createTestApp();
    ({ owner } = await t.setupClinic());
    ownerId = (await owner.get('/api/auth/me')).body.id;
    await owner.put(`/api/schedule/therapists/${ownerId}/hours`, {
      intervals: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startTime: '09:00', endTime: '13:00' })),
    });
    serviceId = (
      await owner.post('/api/schedule/services', {
        name: 'Massage 60',
        durationMinutes: 60,
        priceCents: 9000,
      })
    ).body.id;
    await owner.post('/api/schedule/services', {
      name: 'Staff-only assessment',
      durationMinutes: 90,
      priceCents: 15000,
      bookableOnline: false,
    });
    await owner.post('/api/schedule/packages', {
      name: 'Five visits',
      visits: 5,
      priceCents: 40000,
      introductory: true,
    });
    await owner.put(`/api/staff/${ownerId}/booking-profile`, {
      bio: 'Licensed massage therapist; neck and back pain.',
      photo: { mime: 'image/png', data: PNG_1PX },
    });
  });
  afterAll(() => t.dispose());

  it('is not there until the clinic turns it on', async () => {
    expect((await t.agent().get(page)).status).toBe(404);
    const on = await owner.patch('/api/clinic', { slug: 'Riverside', bookingPageEnabled: true });
    expect(on.status).toBe(200);
    expect(on.body.slug).toBe('riverside');
  });

  it('shows the menu, therapists with bio and photo, and offers — and no client data', async () => {
    await t.createClient(owner, { givenName: 'Secret', familyName: 'Client', email: 'secret@example.org' });
    const res = await t.agent().get(page);
    expect(res.status).toBe(200);
    expect(res.body.services.map((s: { name: string }) => s.name)).toEqual(['Massage 60']);
    expect(res.body.therapists[0]).toMatchObject({ name: 'Ana Silva', bio: expect.stringContaining('neck') });
    expect(res.body.packages[0]).toMatchObject({ name: 'Five visits', introductory: true });
    expect(res.text).not.toContain('Secret');
    const photo = await t.app.request(`http://palpa.test${res.body.therapists[0].photoUrl}`);
    expect(photo.status).toBe(200);
    expect(photo.headers.get('content-type')).toBe('image/png');
  });

  it('lets staff read a profile, hide a therapist from the page and show them again', async () => {
    const profile = await owner.get(`/api/staff/${ownerId}/booking-profile`);
    expect(profile.status).toBe(200);
    expect(profile.body).toMatchObject({
      userId: ownerId,
      name: 'Ana Silva',
      showOnBookingPage: true,
      photo: { mime: 'image/png', data: PNG_1PX },
    });
    expect(
      (await owner.put(`/api/staff/${ownerId}/booking-profile`, { showOnBookingPage: false })).status,
    ).toBe(200);
    expect((await t.agent().get(page)).body.therapists).toEqual([]);
    expect((await owner.get(`/api/staff/${ownerId}/booking-profile`)).body).toMatchObject({
      showOnBookingPage: false,
      bio: expect.stringContaining('neck'),
    });
    await owner.put(`/api/staff/${ownerId}/booking-profile`, { showOnBookingPage: true });
    expect((await t.agent().get(page)).body.therapists).toHaveLength(1);
    expect((await owner.get('/api/staff/00000000-0000-4000-8000-000000000000/booking-profile')).status).toBe(
      404,
    );
  });

  it('books a free time for a new client, who gets the portal with the intake form by link', async () => {
    const slots = await t
      .agent()
      .get(
        `${page}/availability?serviceId=${serviceId}&from=${encodeURIComponent('2026-12-01T00:00:00-05:00')}&to=${encodeURIComponent('2026-12-02T00:00:00-05:00')}`,
      );
    expect(slots.body.slots.map((s: { start: string }) => s.start.slice(11, 16))).toEqual([
      '09:00',
      '09:15',
      '09:30',
      '09:45',
      '10:00',
      '10:15',
      '10:30',
      '10:45',
      '11:00',
      '11:15',
      '11:30',
      '11:45',
      '12:00',
    ]);
    const booked = await t.agent().post(`${page}/bookings`, {
      ...booking,
      serviceId,
      therapistId: ownerId,
      start: '2026-12-01T10:00:00-05:00',
    });
    expect(booked.status, booked.text).toBe(201);
    expect(booked.body).toMatchObject({ start: '2026-12-01T10:00:00-05:00', therapistName: 'Ana Silva' });
    const clients = await owner.get('/api/clients?q=Haddad');
    expect(clients.body.items).toHaveLength(1);
    const appointments = await owner.get(
      `/api/appointments?clientId=${clients.body.items[0].id}&from=${encodeURIComponent('2026-12-01T00:00:00-05:00')}&to=${encodeURIComponent('2026-12-02T00:00:00-05:00')}`,
    );
    expect(appointments.body.items[0]).toMatchObject({
      source: 'online',
      notes: 'Reason given online: Stiff neck after long drives',
    });
    const outbox = await owner.get('/api/outbox');
    const kinds = outbox.body.items.map((m: { kind: string }) => m.kind).sort();
    expect(kinds).toEqual(['appointment_confirmation', 'portal_invitation']);
    const invitation = outbox.body.items.find((m: { kind: string }) => m.kind === 'portal_invitation');
    expect(invitation.body).toContain('health history form');
    // The taken time is gone from the page, and cannot be booked again.
    const again = await t.agent().post(`${page}/bookings`, {
      ...booking,
      email: 'other@example.org',
      serviceId,
      therapistId: ownerId,
      start: '2026-12-01T10:30:00-05:00',
    });
    expect(again.status).toBe(409);
  });

  it('answers an existing client’s email the same way, refuses staff-only services, and traps robots', async () => {
    const known = await t.agent().post(`${page}/bookings`, {
      ...booking,
      email: 'secret@example.org',
      serviceId,
      therapistId: ownerId,
      start: '2026-12-02T09:00:00-05:00',
    });
    expect(known.status).toBe(201);
    expect(Object.keys(known.body).sort()).toEqual([
      'end',
      'message',
      'serviceName',
      'start',
      'therapistName',
    ]);
    expect((await owner.get('/api/clients?q=Haddad')).body.items).toHaveLength(1);
    const robot = await t.agent().post(`${page}/bookings`, {
      ...booking,
      email: 'robot@example.org',
      website: 'http://spam.example',
      serviceId,
      therapistId: ownerId,
      start: '2026-12-03T09:00:00-05:00',
    });
    expect(robot.status).toBe(201);
    expect((await owner.get('/api/clients?q=robot')).body.items).toHaveLength(0);
    const missing = await t.agent().post(`${page}/bookings`, { serviceId, therapistId: ownerId });
    expect(missing.status).toBe(400);
  });

  it('limits how often one address may book', async () => {
    let status = 0;
    for (let i = 0; i < 12 && status !== 429; i++) {
      const res = await t.agent().post(`${page}/bookings`, {
        ...booking,
        email: `flood${i}@example.org`,
        serviceId,
        therapistId: ownerId,
        start: '2026-12-04T09:00:00-05:00',
      });
      status = res.status;
      if (status === 429) expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
    }
    expect(status).toBe(429);
  });
});

import { pino } from 'pino';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { DEMO_OWNER, seedDemo } from '../../src/cli/demo.js';
import { createManualClock } from '../../src/platform/clock.js';
import { Agent } from '../support/test-app.js';
import { createTestDatabase } from '../support/test-database.js';

async function seededPeople() {
  const database = await createTestDatabase();
  try {
    const app = createApp({
      database,
      clock: createManualClock(new Date('2026-01-05T14:00:00Z')),
      logger: pino({ level: 'silent' }),
      sessionIdleMinutes: 30,
      openSignup: false,
      sleep: () => Promise.resolve(),
    });
    expect(await seedDemo(app)).toEqual({ clients: 40 });
    const owner = new Agent(app);
    expect((await owner.post('/api/auth/login', DEMO_OWNER)).status).toBe(200);
    const clients = await owner.get('/api/clients?limit=100');
    const staff = await owner.get('/api/staff');
    const withEpisodes = [];
    for (const client of clients.body.items as { id: string }[]) {
      const overview = await owner.get(`/api/clients/${client.id}/clinical-overview`);
      for (const item of overview.body.items as { episode: { title: string }; sessionCount: number }[])
        withEpisodes.push(`${item.episode.title}:${item.sessionCount}`);
    }
    const nextWeek = DateTime.now().setZone('America/Chicago').startOf('week').plus({ weeks: 1 });
    const week = await owner.get(
      `/api/appointments?from=${encodeURIComponent(nextWeek.toISO()!)}&to=${encodeURIComponent(nextWeek.plus({ weeks: 1 }).toISO()!)}`,
    );
    const series = (week.body.items as { visit: { label: string } | null; seriesId: string | null }[]).filter(
      (a) => a.seriesId,
    );
    const claims = await owner.get('/api/claims');
    const toBill = await owner.get('/api/billing/to-bill');
    return {
      claims: claims.body.items.map(
        (c: { status: string; payerName: string }) => `${c.payerName}:${c.status}`,
      ),
      toBill: toBill.body.items.length,
      // The worked episode's visits twice a week, counted against its prescription.
      seriesNextWeek: series.map((a) => /^visit \d+ of \d+/.test(a.visit?.label ?? '')),
      bookedNextWeek: week.body.items.length > 10,
      episodes: withEpisodes,
      clients: clients.body.items.map((c: Record<string, unknown>) =>
        [c.givenName, c.familyName, c.dateOfBirth, c.phone].join('|'),
      ),
      staff: staff.body.items.map((s: { name: string; role: string }) => `${s.name}:${s.role}`),
    };
  } finally {
    await database.dispose();
  }
}

describe('demo seed', () => {
  it('creates one clinic, an owner, three therapists, 40 clients and one episode of care, the same every time', async () => {
    const first = await seededPeople();
    expect(first.clients).toHaveLength(40);
    expect(first.staff.filter((s: string) => s.endsWith(':therapist'))).toHaveLength(3);
    expect(first.staff.filter((s: string) => s.endsWith(':owner'))).toHaveLength(1);
    expect(first.episodes).toEqual(['Neck pain after car accident:6']);
    expect(first.claims).toEqual(['Lakeshore Auto Insurance:paid']);
    expect(first.toBill).toBe(2);
    expect(first.seriesNextWeek).toEqual([true, true]);
    expect(first.bookedNextWeek).toBe(true);
    const second = await seededPeople();
    expect(second).toEqual(first);
    // Seeding twice through the whole API (clinical record, billing, a fortnight of bookings) takes
    // 10–15 s alone and longer while the other test files run beside it.
  }, 120_000);
});

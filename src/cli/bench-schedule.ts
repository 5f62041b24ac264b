// `npm run bench:schedule`: the calendar's speed over HTTP. Five therapists with 500 appointments over five
// weeks (a fifth of them in episodes with prescriptions, so "visit n of N" is computed for them); then the
// week view (GET /api/appointments for one week, all therapists) 200 times, and a month of availability for
// all five (GET /api/schedule/availability) 20 times. Embedded database unless DATABASE_URL is set.
import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { percentile, startBenchApp } from './bench-support.js';

const ZONE = 'America/New_York';
const PASSWORD = 'a long bench passphrase';
const { database, call, stop } = await startBenchApp('palpa-bench-schedule-');
const seedStarted = performance.now();
const ownerEmail = `bench-${randomUUID()}@example.org`;
const owner = await call<{ user: { id: string } }>('POST', '/signup', {
  clinicName: 'Bench Clinic',
  ownerName: 'Bea Bench',
  email: ownerEmail,
  password: PASSWORD,
});
await call('PATCH', '/clinic', { timeZone: ZONE });
const therapists = [owner.user.id];
for (let i = 1; i < 5; i++) {
  const invite = await call<{ acceptPath: string }>('POST', '/staff/invitations', {
    email: `therapist${i}-${randomUUID()}@example.org`,
    name: `Therapist ${i}`,
    role: 'therapist',
  });
  const joined = await call<{ user: { id: string } }>('POST', '/invitations/accept', {
    token: invite.acceptPath.split('/').pop(),
    password: PASSWORD,
  });
  therapists.push(joined.user.id);
  await call('POST', '/auth/login', { email: ownerEmail, password: PASSWORD });
}
for (const id of therapists)
  await call('PUT', `/schedule/therapists/${id}/hours`, {
    intervals: [1, 2, 3, 4, 5].flatMap((weekday) => [
      { weekday, startTime: '09:00', endTime: '12:30' },
      { weekday, startTime: '13:00', endTime: '17:00' },
    ]),
  });

const clients: { id: string; episodeId: string | null }[] = [];
for (let i = 0; i < 100; i++) {
  const client = await call('POST', '/clients', {
    givenName: `Client${i}`,
    familyName: 'Bench',
    dateOfBirth: '1980-01-01',
  });
  let episodeId: string | null = null;
  if (i % 5 === 0) {
    episodeId = (
      await call('POST', `/clients/${client.id}/episodes`, {
        title: 'Neck pain',
        payerContext: 'health_insurance',
        startedOn: '2026-11-01',
      })
    ).id;
    await call('POST', `/episodes/${episodeId}/prescriptions`, {
      prescriberName: 'Dr. Bench',
      writtenOn: '2026-11-01',
      diagnoses: ['M54.2'],
      visitsAuthorised: 12,
      expiresOn: '2027-02-01',
    });
  }
  clients.push({ id: client.id, episodeId });
}

// 5 therapists × 25 weekdays × 4 visits = 500 appointments, from next Monday on.
const firstMonday = DateTime.now().setZone(ZONE).startOf('week').plus({ weeks: 1 });
let booked = 0;
for (let day = 0; day < 35; day++) {
  const date = firstMonday.plus({ days: day });
  if (date.weekday > 5) continue;
  for (const [t, therapistId] of therapists.entries()) {
    for (const [slot, time] of ['09:00', '10:15', '11:30', '14:00'].entries()) {
      const client = clients[(day * 20 + t * 4 + slot) % clients.length]!;
      const start = DateTime.fromISO(`${date.toISODate()}T${time}`, { zone: ZONE });
      await call('POST', '/appointments', {
        clientId: client.id,
        therapistId,
        start: start.toISO(),
        durationMinutes: 60,
        ...(client.episodeId ? { episodeId: client.episodeId } : {}),
      }).catch(() => undefined); // a client already busy at that hour with another therapist: skip
      booked++;
    }
  }
}
const seedSeconds = (performance.now() - seedStarted) / 1000;

async function measure(label: string, runs: number, url: string) {
  const times: number[] = [];
  let size = 0;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const body = await call<{ items?: unknown[]; slots?: unknown[] }>('GET', url);
    times.push(performance.now() - started);
    size = (body.items ?? body.slots ?? []).length;
  }
  times.sort((a, b) => a - b);
  console.log(
    `${label}: ${size} results; p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms (${runs} runs)`,
  );
}

const week = firstMonday.plus({ weeks: 1 });
const q = (from: DateTime, to: DateTime) =>
  `from=${encodeURIComponent(from.toISO()!)}&to=${encodeURIComponent(to.toISO()!)}`;
const all = await call<{ items: unknown[] }>(
  'GET',
  `/appointments?${q(firstMonday, firstMonday.plus({ weeks: 5 }))}`,
);
console.log(
  `Database: ${database.kind}; ${therapists.length} therapists, ${all.items.length} appointments (of ${booked} tried); seeded in ${seedSeconds.toFixed(0)} s`,
);
await measure(
  'Week view, all therapists (GET /api/appointments)',
  200,
  `/appointments?${q(week, week.plus({ weeks: 1 }))}`,
);
await measure(
  'Availability for a month, all therapists, 60 min on a 15-min grid (GET /api/schedule/availability)',
  20,
  `/schedule/availability?${q(firstMonday, firstMonday.plus({ days: 31 }))}&durationMinutes=60`,
);
await stop();

import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import { createTestApp, type Agent, type TestContext } from '../../../tests/support/test-app.js';
import { NECK_PAIN_PRESCRIPTION, openEpisode } from '../../../tests/support/clinical-fixtures.js';
import { claimDueJobs } from '../jobs/jobs.repository.js';
import { createJobQueue, countJobs } from '../jobs/index.js';
import { clinicalWordsIn } from './domain/message.js';
import { smtpSender, type MessageSender, type OutgoingMessage } from './senders.js';

/** Books a visit; answers its id. */
async function book(agent: Agent, body: Record<string, unknown>) {
  const res = await agent.post('/api/appointments', body);
  expect(res.status, res.text).toBe(201);
  return res.body as { id: string; seriesId?: string };
}

describe('messages with no email server: the outbox', () => {
  let t: TestContext;
  let owner: Agent;
  let therapistId: string;

  beforeAll(async () => {
    t = await createTestApp();
    ({ owner } = await t.setupClinic());
    therapistId = (await owner.get('/api/auth/me')).body.id;
    await owner.patch('/api/clinic', { phone: '(555) 100-2000' });
  });
  afterAll(() => t.dispose());

  it('holds the booking confirmation in the outbox, without clinical detail; resend explains why not', async () => {
    const client = await t.createClient(owner, {
      givenName: 'Margaret',
      familyName: 'Okafor',
      email: 'margaret@example.org',
    });
    const episodeId = await openEpisode(owner, client.id);
    await owner.post(`/api/episodes/${episodeId}/prescriptions`, NECK_PAIN_PRESCRIPTION);
    await book(owner, {
      clientId: client.id,
      therapistId,
      episodeId,
      start: '2026-12-01T10:00:00-05:00',
      durationMinutes: 60,
      notes: 'Left shoulder worse; check cervical rotation',
    });
    await t.jobs.drain();
    const outbox = await owner.get('/api/outbox');
    expect(outbox.status).toBe(200);
    expect(outbox.body.channels).toEqual({ email: false, sms: false });
    expect(outbox.body.items).toHaveLength(1);
    const [message] = outbox.body.items;
    expect(message).toMatchObject({
      kind: 'appointment_confirmation',
      status: 'held',
      to: 'margaret@example.org',
      subject: 'Your appointment at Riverside Medical Massage',
    });
    expect(message.body).toContain('Tue, Dec 1, 2026 at 10:00 AM EST');
    expect(message.body).toContain('(555) 100-2000');
    const text = `${message.subject}\n${message.body}`.replaceAll('Riverside Medical Massage', 'CLINIC');
    expect(clinicalWordsIn(text)).toEqual([]);
    expect(text).not.toMatch(/shoulder|cervical|M54|neck/i);

    const resend = await owner.post(`/api/outbox/${message.id}/resend`);
    expect(resend.status).toBe(409);
    expect(resend.body.detail).toContain('SMTP_URL');
  });

  it('does not write to clients without an email address, and audits outbox reads', async () => {
    const noEmail = await t.createClient(owner, { givenName: 'Thandiwe', familyName: 'Brooks' });
    await book(owner, {
      clientId: noEmail.id,
      therapistId,
      start: '2026-12-02T10:00:00-05:00',
      durationMinutes: 30,
    });
    expect((await owner.get('/api/outbox')).body.items).toHaveLength(1);
    const audit = await owner.get('/api/audit?limit=5');
    expect(audit.body.items.map((e: { action: string }) => e.action)).toContain('message.listed');
  });
});

describe('email delivered to a real SMTP server', () => {
  let t: TestContext;
  let smtp: SMTPServer;
  const received: { to: string[]; raw: string }[] = [];

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        let raw = '';
        stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
        stream.on('end', () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const { port } = smtp.server.address() as AddressInfo;
    t = await createTestApp({
      senders: [smtpSender({ url: `smtp://127.0.0.1:${port}`, fromAddress: 'desk@riverside.example' })],
    });
  });
  afterAll(async () => {
    await t.dispose();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  it('sends the confirmation through SMTP and records it as sent', async () => {
    const { owner } = await t.setupClinic();
    const therapistId = (await owner.get('/api/auth/me')).body.id;
    const client = await t.createClient(owner, {
      givenName: 'Zoë',
      familyName: 'Ødegård',
      email: 'zoe@example.org',
    });
    await book(owner, {
      clientId: client.id,
      therapistId,
      start: '2026-12-03T15:30:00-05:00',
      durationMinutes: 60,
    });
    await t.jobs.drain();
    expect(received).toHaveLength(1);
    expect(received[0]!.to).toEqual(['zoe@example.org']);
    expect(received[0]!.raw).toMatch(/^From: Riverside Medical Massage <desk@riverside\.example>/m);
    expect(received[0]!.raw).toMatch(/^Subject: Your appointment at Riverside Medical Massage/m);
    expect(received[0]!.raw).toContain('Thu, Dec 3, 2026 at 3:30 PM EST');
    const outbox = await owner.get('/api/outbox');
    expect(outbox.body.channels.email).toBe(true);
    expect(outbox.body.items[0]).toMatchObject({ status: 'sent', attempts: 1 });
  });
});

describe('reminders: two workers on one database, each reminder sent exactly once', () => {
  let t: TestContext;
  const sent: OutgoingMessage[] = [];
  const capture: MessageSender = {
    channel: 'email',
    async send(message) {
      // A slow mail server widens the window in which a second worker could take the same message.
      await new Promise((resolve) => setTimeout(resolve, 3));
      sent.push(message);
    },
  };

  beforeAll(async () => {
    t = await createTestApp({ senders: [capture] });
  });
  afterAll(() => t.dispose());

  it('shares the due work between two processes without sending anything twice or losing it', async () => {
    const { owner } = await t.setupClinic();
    const therapistId = (await owner.get('/api/auth/me')).body.id;
    // A second Palpa process: its own app and worker on the same database.
    const workerB = createJobQueue({
      database: t.database,
      clock: t.clock,
      logger: pino({ level: 'silent' }),
      workerId: 'test-worker-b',
    });
    createApp({
      database: t.database,
      clock: t.clock,
      logger: pino({ level: 'silent' }),
      sessionIdleMinutes: 30,
      openSignup: false,
      jobs: workerB,
      senders: [capture],
    });

    // Twelve visits tomorrow (within the 24-hour reminder window) and one next week (not yet due).
    for (let i = 0; i < 12; i++) {
      const client = await t.createClient(owner, {
        givenName: `Client${i}`,
        familyName: 'Reminder',
        email: `client${i}@example.org`,
      });
      await book(owner, {
        clientId: client.id,
        therapistId,
        // 07:00 to 09:45 tomorrow, fifteen minutes each: all start within 24 hours of now (10:00).
        start: new Date(Date.parse('2026-11-26T07:00:00-05:00') + i * 15 * 60_000).toISOString(),
        durationMinutes: 15,
      });
    }
    const later = await t.createClient(owner, {
      givenName: 'Later',
      familyName: 'Client',
      email: 'later@example.org',
    });
    await book(owner, {
      clientId: later.id,
      therapistId,
      start: '2026-12-02T09:00:00-05:00',
      durationMinutes: 30,
    });

    // One confirmation each is waiting. Worker A "crashes" holding two of them (claimed, never finished).
    const stranded = await t.database.db.transaction((tx) =>
      claimDueJobs(tx, {
        workerId: 'crashed-worker',
        now: t.clock.now(),
        leaseMs: 60_000,
        limit: 2,
        kinds: ['message.deliver'],
      }),
    );
    expect(stranded).toHaveLength(2);

    // Both workers run at once, three rounds.
    for (let round = 0; round < 3; round++) await Promise.all([t.jobs.drain(), workerB.drain()]);
    const count = (kind: string) => {
      const byAddress = new Map<string, number>();
      for (const m of sent.filter((x) => x.subject.startsWith(kind)))
        byAddress.set(m.to, (byAddress.get(m.to) ?? 0) + 1);
      return byAddress;
    };
    const reminders = count('Reminder:');
    expect(reminders.size).toBe(12);
    expect([...reminders.values()].every((n) => n === 1)).toBe(true);
    expect(reminders.has('later@example.org')).toBe(false);
    // First visits: the health history form goes out with the reminder, once each too.
    const forms = count('A form to fill');
    expect(forms.size).toBe(12);
    expect([...forms.values()].every((n) => n === 1)).toBe(true);
    // The stranded confirmations are not lost: once the lease runs out, a live worker takes them over.
    expect(count('Your appointment').size).toBe(11);
    t.clock.advance(2 * 60_000);
    await Promise.all([t.jobs.drain(), workerB.drain()]);
    const confirmations = count('Your appointment');
    expect(confirmations.size).toBe(13);
    expect([...confirmations.values()].every((n) => n === 1)).toBe(true);

    // Another scan in a later period finds the same visits due and writes nothing new.
    t.clock.advance(10 * 60_000);
    await Promise.all([t.jobs.drain(), workerB.drain()]);
    expect(count('Reminder:').size).toBe(12);
    expect(sent.filter((m) => m.subject.startsWith('Reminder:'))).toHaveLength(12);
    expect(await countJobs(t.database.db, 'queued')).toBe(0);
    expect(await countJobs(t.database.db, 'running')).toBe(0);
  });
});

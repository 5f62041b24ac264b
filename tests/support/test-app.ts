import { pino } from 'pino';
import { createApp, type AppDeps } from '../../src/app.js';
import { createManualClock } from '../../src/platform/clock.js';
import { createJobQueue } from '../../src/modules/jobs/index.js';
import type { LoginThrottlePolicy } from '../../src/modules/accounts/index.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export const TEST_START = new Date('2026-11-25T15:00:00Z');
export const NO_DELAY_THROTTLE: LoginThrottlePolicy = {
  maxFailures: 5,
  lockMinutes: 15,
  baseDelayMs: 0,
  maxDelayMs: 0,
};

export type TestResponse<T = any> = {
  status: number;
  headers: Headers;
  body: T;
  text: string;
  /** The body as sent, for files that are not text (a ZIP, a PDF). */
  bytes: Uint8Array;
};

/** A browser-like caller of the in-process app that keeps its own session cookie. */
export class Agent {
  cookie: string | undefined;
  constructor(private readonly app: ReturnType<typeof createApp>) {}

  async request<T = any>(
    method: string,
    path: string,
    options: { json?: unknown; body?: string; headers?: Record<string, string> } = {},
  ): Promise<TestResponse<T>> {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (this.cookie) headers.cookie = this.cookie;
    let body = options.body;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers['content-type'] ??= 'application/json';
    }
    const res = await this.app.request(`http://palpa.test${path}`, {
      method,
      headers,
      ...(body !== undefined ? { body } : {}),
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) {
      const [pair] = setCookie.split(';');
      this.cookie = pair && !/=$/.test(pair) && !/Max-Age=0/i.test(setCookie) ? pair : undefined;
    }
    const bytes = new Uint8Array(await res.arrayBuffer());
    const text = new TextDecoder().decode(bytes);
    let parsed: unknown = undefined;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: res.status, headers: res.headers, body: parsed as T, text, bytes };
  }

  get = <T = any>(path: string, headers?: Record<string, string>) =>
    this.request<T>('GET', path, headers ? { headers } : {});
  post = <T = any>(path: string, json?: unknown, headers?: Record<string, string>) =>
    this.request<T>('POST', path, {
      ...(json !== undefined ? { json } : {}),
      ...(headers ? { headers } : {}),
    });
  patch = <T = any>(path: string, json?: unknown, headers?: Record<string, string>) =>
    this.request<T>('PATCH', path, {
      ...(json !== undefined ? { json } : {}),
      ...(headers ? { headers } : {}),
    });
  put = <T = any>(path: string, json?: unknown) =>
    this.request<T>('PUT', path, json !== undefined ? { json } : {});
  delete = <T = any>(path: string) => this.request<T>('DELETE', path);
}

export type TestContext = Awaited<ReturnType<typeof createTestApp>>;

let emailCounter = 0;
export const uniqueEmail = (prefix: string) =>
  `${prefix}.${process.pid}.${++emailCounter}.${Date.now()}@example.org`;
export const PASSWORD = 'a long test passphrase';

/** The whole HTTP app on a fresh test database, with a hand-moved clock and helpers to create clinics. */
export async function createTestApp(overrides: Partial<AppDeps> = {}) {
  const database: TestDatabase = await createTestDatabase();
  const clock = createManualClock(TEST_START);
  const sleeps: number[] = [];
  const logger = pino({ level: 'silent' });
  const jobs = overrides.jobs ?? createJobQueue({ database, clock, logger, workerId: 'test-worker-a' });
  const app = createApp({
    jobs,
    database,
    clock,
    logger,
    sessionIdleMinutes: 30,
    openSignup: true,
    loginThrottle: NO_DELAY_THROTTLE,
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
    ...overrides,
  });

  const agent = () => new Agent(app);

  /** First-run setup; answers the owner's signed-in agent. */
  async function setupClinic(name = 'Riverside Medical Massage') {
    const owner = agent();
    const email = uniqueEmail('owner');
    const res = await owner.post('/api/setup', {
      clinicName: name,
      ownerName: 'Ana Silva',
      email,
      password: PASSWORD,
    });
    if (res.status !== 201) throw new Error(`setup failed: ${res.status} ${res.text}`);
    return { owner, email, clinicId: res.body.clinic.id as string };
  }

  async function signupClinic(name = 'Harbour Bodywork') {
    const owner = agent();
    const email = uniqueEmail('owner-b');
    const res = await owner.post('/api/signup', {
      clinicName: name,
      ownerName: 'Bea Owens',
      email,
      password: PASSWORD,
    });
    if (res.status !== 201) throw new Error(`signup failed: ${res.status} ${res.text}`);
    return { owner, email, clinicId: res.body.clinic.id as string };
  }

  /** Invites and signs in a staff member of the owner's clinic with the given role. */
  async function addStaff(
    owner: Agent,
    role: 'owner' | 'therapist' | 'front_desk' | 'biller',
    name = `Staff ${role}`,
  ) {
    const email = uniqueEmail(role);
    const invite = await owner.post('/api/staff/invitations', { email, name, role });
    if (invite.status !== 201) throw new Error(`invite failed: ${invite.status} ${invite.text}`);
    const token = String(invite.body.acceptPath).split('/').pop();
    const member = agent();
    const accepted = await member.post('/api/invitations/accept', { token, password: PASSWORD });
    if (accepted.status !== 201) throw new Error(`accept failed: ${accepted.status} ${accepted.text}`);
    return { agent: member, email, id: accepted.body.user.id as string };
  }

  async function createClient(as: Agent, fields: Record<string, unknown> = {}) {
    const res = await as.post('/api/clients', {
      givenName: 'Margaret',
      familyName: 'Okafor',
      dateOfBirth: '1985-03-14',
      ...fields,
    });
    if (res.status !== 201) throw new Error(`create client failed: ${res.status} ${res.text}`);
    return res.body as { id: string; version: number } & Record<string, unknown>;
  }

  return {
    app,
    database,
    clock,
    /** This app's background-job worker: `await t.jobs.drain()` runs what is due. */
    jobs,
    sleeps,
    agent,
    setupClinic,
    signupClinic,
    addStaff,
    createClient,
    dispose: () => database.dispose(),
  };
}

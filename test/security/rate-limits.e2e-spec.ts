import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Redis } from 'ioredis';

import { ApiClient, type ApiResponse } from '../support/api-client';
import { freePort } from '../support/free-port';
import { startPlatformProcess, type PlatformProcess } from '../support/platform-process';

/**
 * Threat: abusive clients (issue #13, finding 3).
 * Who: anyone on the internet, without an account, from one address or from many, able to set any
 * header (X-Forwarded-For included).
 * What they send: password guesses for one learner (`POST /v2/auth/token`) or one staff member
 * (`POST /o/token` with grant_type=password), client-secret guesses (`POST /o/token`), signups
 * (`POST /v2/auth/signup`), confirmation and staff link tokens (`POST /v2/auth/confirm-email`,
 * `/v2/staff/invitations/accept`, `/v2/staff/password-reset/confirm`), Badge Connect token
 * requests (`POST /o/badgeconnect/token`) and verifications (`POST /v2/verify`), as fast as they can.
 * What stops it: the gateway's rate limits (apps/gateway/src/rate-limits): per-IP windows on each
 * route, per-account windows (address, confirmation token, client_id failures), and a progressive
 * back-off of wrong passwords per username and IP. Refusals are 429 `rate_limited` with
 * Retry-After. The IP is the socket's: X-Forwarded-For is ignored unless TRUST_PROXY says so.
 * Runs on the embedded default (counters in memory) and with REDIS_URL (counters in Redis).
 * Small limits keep it fast; the defaults are in rate-limits/rate-limit.config.ts.
 */
const SMALL_LIMITS = {
  RATE_LIMIT_SIGN_IN_FREE_FAILURES: '3',
  RATE_LIMIT_SIGN_IN_BACKOFF_SECONDS: '1',
  RATE_LIMIT_SIGN_IN_BACKOFF_MAX_SECONDS: '4',
  RATE_LIMIT_OAUTH_TOKEN_FAILURES_PER_CLIENT: '5/60',
  RATE_LIMIT_SIGNUP_PER_IP: '4/60',
  RATE_LIMIT_CONFIRM_EMAIL_PER_TOKEN: '2/60',
  RATE_LIMIT_VERIFY_PER_IP: '3/60',
  RATE_LIMIT_BADGE_CONNECT_TOKEN_PER_IP: '3/60',
};
const PASSWORD = 'correct horse battery staple';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const STORES = [
  { name: 'memory (embedded default)', inRedis: false },
  { name: 'Redis', inRedis: true },
];

/** The rate-limit keys a run left in Redis (each run has its own prefix). */
async function keysInRedis(prefix: string): Promise<string[]> {
  const redis = new Redis(REDIS_URL);
  try {
    return await redis.keys(`${prefix}:*`);
  } finally {
    await redis.quit();
  }
}

describe.each(STORES)('rate limits through the running platform, counters in $name', (store) => {
  let dataDir: string;
  let platform: PlatformProcess;
  let api: ApiClient;
  const run = randomBytes(4).toString('hex');
  const prefix = `badges-rl-e2e-${run}`;

  /** Sends until the first 429 (or `max` requests); returns every answer. */
  const untilRefused = async (max: number, send: (index: number) => Promise<ApiResponse>) => {
    const answers: ApiResponse[] = [];
    for (let index = 0; index < max; index += 1) {
      answers.push(await send(index));
      if (answers.at(-1)?.status === 429) break;
    }
    return answers;
  };
  const expectRateLimited = (answer: ApiResponse | undefined) => {
    expect(answer?.status).toBe(429);
    expect(answer?.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
    expect(answer?.body).toMatchObject({ status: { success: false }, error: { code: 'rate_limited', message: expect.stringMatching(/Try again in/) } });
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'badges-security-rl-'));
    const port = await freePort();
    const redis: Record<string, string> = store.inRedis ? { REDIS_URL, JOBS_PREFIX: `${prefix}-jobs` } : {};
    platform = await startPlatformProcess({ ...redis, RATE_LIMIT_PREFIX: prefix, ...SMALL_LIMITS, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: `http://127.0.0.1:${port}` });
    api = new ApiClient(platform.url);
  }, 90_000);

  afterAll(async () => {
    await platform?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('finding 3: wrong passwords for one learner back off long before 120 tries, and the right one works once the wait is over', async () => {
    const username = `ada-${randomBytes(3).toString('hex')}@example.org`;
    expect((await api.post('/v2/auth/signup', { email: username, password: PASSWORD, name: 'Ada' })).status).toBe(201);

    const answers = await untilRefused(120, () => api.post('/v2/auth/token', { username, password: 'wrong password 123' }));
    expect(answers.slice(0, -1).map((answer) => answer.status)).toEqual([401, 401, 401, 401]); // 3 free, the 4th starts the back-off
    expectRateLimited(answers.at(-1));

    // Refused even with the right password while the wait runs: the attacker learns nothing.
    const early = await api.post('/v2/auth/token', { username, password: PASSWORD });
    expectRateLimited(early);
    await sleep(Number(early.headers.get('retry-after')) * 1000 + 200);
    const signedIn = await api.post('/v2/auth/token', { username, password: PASSWORD });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.access_token).toEqual(expect.any(String));
    // The success reset the run: the next wrong password is free again.
    expect((await api.post('/v2/auth/token', { username, password: 'wrong password 123' })).status).toBe(401);
    // With REDIS_URL the counters are in Redis, where every gateway instance sees them; else in memory.
    expect((await keysInRedis(prefix)).length > 0).toBe(store.inRedis);
  });

  it('wrong client secrets on /o/token get 429 after a few failures for that client', async () => {
    const created = await api.withToken(platform.adminToken).post('/admin/institutions', { name: 'Northern College' });
    const { clientId } = created.body.client;
    const answers = await untilRefused(400, () => api.post('/o/token', { grant_type: 'client_credentials', client_id: clientId, client_secret: 'not-the-secret-0123456789' }));
    expect(answers.length).toBe(6);
    expect(answers.slice(0, -1).every((answer) => answer.status === 401)).toBe(true);
    expectRateLimited(answers.at(-1));
  });

  it('wrong passwords for a staff member (the password grant) back off as a learner’s do', async () => {
    const username = `grace-${randomBytes(3).toString('hex')}@example.org`;
    const answers = await untilRefused(120, () => api.post('/o/token', { grant_type: 'password', username, password: 'wrong password 123' }));
    expect(answers.slice(0, -1).map((answer) => [answer.status, answer.body.error])).toEqual(Array(4).fill([400, 'invalid_grant']));
    expectRateLimited(answers.at(-1));
    // The web app's sign-in checks the same password, on the same counters.
    expectRateLimited(await api.post('/web/session/staff', { username, password: PASSWORD }, { 'x-badges-session': 'staff' }));
  });

  it('signups are limited per IP', async () => {
    // The first test signed up once from this IP already.
    const answers = await untilRefused(20, () => api.post('/v2/auth/signup', { email: `learner-${randomBytes(3).toString('hex')}@example.org`, password: PASSWORD, name: 'Learner' }));
    expect(answers.length).toBe(4);
    expect(answers.slice(0, -1).every((answer) => answer.status === 201)).toBe(true);
    expectRateLimited(answers.at(-1));
  });

  it('one confirmation token is tried only a few times', async () => {
    const token = randomBytes(24).toString('base64url');
    const answers = await untilRefused(20, () => api.post('/v2/auth/confirm-email', { token }));
    expect(answers.map((answer) => answer.status)).toEqual([answers[0].status, answers[0].status, 429]);
    expect(answers[0].status).toBeGreaterThanOrEqual(400);
    expectRateLimited(answers.at(-1));
  });

  it.each(['/v2/staff/invitations/accept', '/v2/staff/password-reset/confirm'])('one staff link token is tried only a few times at %s', async (path) => {
    const token = randomBytes(24).toString('base64url');
    const answers = await untilRefused(20, () => api.post(path, { token, password: PASSWORD }));
    expect(answers.map((answer) => answer.status)).toEqual([400, 400, 429]);
    expectRateLimited(answers.at(-1));
  });

  it('verification is limited per IP', async () => {
    const answers = await untilRefused(20, () => api.post('/v2/verify', { assertion: 'https://nowhere.invalid/assertion' }));
    expect(answers.length).toBe(4);
    expect(answers.slice(0, -1).every((answer) => answer.status !== 429)).toBe(true);
    expectRateLimited(answers.at(-1));
  });

  it('a spoofed X-Forwarded-For does not escape the per-IP limit (TRUST_PROXY is off)', async () => {
    const answers = await untilRefused(20, (index) =>
      api.post('/o/badgeconnect/token', { grant_type: 'authorization_code', code: 'nope' }, { 'x-forwarded-for': `198.51.100.${index + 1}`, 'x-real-ip': `198.51.100.${index + 1}` }),
    );
    expect(answers.length).toBe(4);
    expectRateLimited(answers.at(-1));
  });
});

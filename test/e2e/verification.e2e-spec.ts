import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createScratchPostgres } from '@badges/persistence';

import { ApiClient, type ApiResponse } from '../support/api-client';
import { freePort } from '../support/free-port';
import { startPlatformProcess, type PlatformProcess } from '../support/platform-process';
import { pngDataUri } from '../support/tiny-png';

/**
 * Issue #5's acceptance for badges this platform issued: through the gateway's public
 * POST /v2/verify, hosted and signed badges verify as valid in every form (URL, JSON, JWS, baked
 * PNG, baked SVG), a wrong expected recipient fails, and after revocation every form fails with
 * the reason, once the short response cache (1 s here) has expired. Runs on the embedded default
 * (PGlite, in-process cache) and, when DATABASE_URL and REDIS_URL are set, on PostgreSQL with the
 * Redis cache.
 */
const targets: { name: string; env: () => Promise<{ env: Record<string, string>; dispose(): Promise<void> }> }[] = [
  { name: 'embedded default', env: async () => ({ env: {}, dispose: async () => undefined }) },
];
if (process.env.DATABASE_URL && process.env.REDIS_URL) {
  const databaseUrl = process.env.DATABASE_URL;
  const redisUrl = process.env.REDIS_URL;
  targets.push({
    name: 'postgres + redis',
    env: async () => {
      const scratch = await createScratchPostgres(databaseUrl);
      const env = { DATABASE_URL: (scratch.config as { url: string }).url, REDIS_URL: redisUrl, JOBS_PREFIX: `badges-verify-e2e-${randomBytes(4).toString('hex')}` };
      return { env, dispose: scratch.dispose };
    },
  });
}

const SVG_DATA_URI = `data:image/svg+xml;base64,${Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="#08c"/></svg>').toString('base64')}`;
const RECIPIENT = 'Learner.One@Example.org';

type Form = 'url' | 'json' | 'jws' | 'png' | 'svg';
interface Awarded {
  entityId: string;
  forms: Form[];
}

describe.each(targets)('verifying platform badges on the $name', (target) => {
  let dataDir: string;
  let platform: PlatformProcess;
  let storage: { env: Record<string, string>; dispose(): Promise<void> };
  let anonymous: ApiClient;
  let api: ApiClient;
  const awarded: Record<string, Awarded> = {};

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'badges-verify-e2e-'));
    storage = await target.env();
    const port = await freePort();
    platform = await startPlatformProcess({
      ...storage.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      VERIFY_CACHE_TTL_SECONDS: '1',
    });
    anonymous = new ApiClient(platform.url);
    api = await tokenFor('Northern College');
    const issuer = await api.post('/v2/issuers', { name: 'Northern College', email: 'badges@northern.example', url: 'https://northern.example' });
    expect(issuer.status).toBe(201);
    const issuerId = issuer.body.result[0].entityId;
    for (const [name, verification, image, forms] of [
      ['hosted-png', 'hosted', pngDataUri(), ['url', 'json', 'png']],
      ['hosted-svg', 'hosted', SVG_DATA_URI, ['svg']],
      // A signed badge's JSON alone proves nothing (the reference validator refuses it too): its forms are the JWS and images.
      ['signed-png', 'signed', pngDataUri(), ['url', 'jws', 'png']],
      ['signed-svg', 'signed', SVG_DATA_URI, ['svg']],
    ] as const) {
      const badgeClass = await api.post(`/v2/issuers/${issuerId}/badgeclasses`, { name: `Welding ${name}`, description: 'Safe welding.', image, criteriaNarrative: 'Passed the practical.', verification });
      expect(badgeClass.status).toBe(201);
      const award = await api.post(`/v2/badgeclasses/${badgeClass.body.result[0].entityId}/assertions`, { recipient: { identity: RECIPIENT, type: 'email', hashed: true } });
      expect(award.status).toBe(201);
      awarded[name] = { entityId: award.body.result[0].entityId, forms: [...forms] };
    }
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
    await storage?.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function tokenFor(institution: string): Promise<ApiClient> {
    const admin = anonymous.withToken(platform.adminToken);
    const created = await admin.post('/admin/institutions', { name: institution });
    const { clientId, clientSecret } = created.body.client;
    const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret });
    const token = await anonymous.request('POST', '/o/token', form.toString(), { 'content-type': 'application/x-www-form-urlencoded' });
    return anonymous.withToken(token.body.access_token);
  }

  /** What the holder keeps and presents: the URL, a copy of the JSON or JWS, or the baked image. */
  const held = new Map<string, { body: unknown; contentType?: string }>();
  async function presentation(badge: Awarded, form: Form): Promise<{ body: unknown; contentType?: string }> {
    const key = `${badge.entityId}:${form}`;
    const kept = held.get(key);
    if (kept) return kept;
    const assertionPath = `/public/assertions/${badge.entityId}`;
    let value: { body: unknown; contentType?: string };
    if (form === 'url') value = { body: `${platform.url}${assertionPath}` };
    else if (form === 'json') value = { body: (await anonymous.get(assertionPath, { accept: 'application/ld+json' })).body };
    else if (form === 'jws') value = { body: (await anonymous.get(`${assertionPath}?format=jws`)).body };
    else {
      const image = await anonymous.get(`${assertionPath}/image`);
      expect(image.headers.get('content-type')).toBe(form === 'png' ? 'image/png' : 'image/svg+xml');
      value = { body: image.raw, contentType: image.headers.get('content-type') ?? undefined };
    }
    held.set(key, value);
    return value;
  }

  /** POST /v2/verify without a token, in the given form, as an employer's tool would. */
  async function verify(badge: Awarded, form: Form, expectedRecipient = RECIPIENT): Promise<ApiResponse> {
    const { body: presented, contentType } = await presentation(badge, form);
    if (form === 'url') return anonymous.post('/v2/verify', { url: presented, expected_recipient: expectedRecipient });
    if (form === 'json' || form === 'jws') return anonymous.post('/v2/verify', { json: presented, expected_recipient: expectedRecipient });
    const boundary = `b${randomBytes(8).toString('hex')}`;
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="expected_recipient"\r\n\r\n${expectedRecipient}\r\n`),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="image"; filename="badge.${form}"\r\nContent-Type: ${contentType}\r\n\r\n`),
      presented as Buffer,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const response = await fetch(`${platform.url}/v2/verify`, { method: 'POST', headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, body });
    return { status: response.status, headers: response.headers, body: await response.json(), raw: Buffer.alloc(0) };
  }

  const cases = () => Object.entries(awarded).flatMap(([name, badge]) => badge.forms.map((form) => ({ name, badge, form })));
  const errors = (response: ApiResponse) => response.body.report.messages.filter((m: { level: string }) => m.level === 'ERROR');

  it('every form of every badge verifies as valid, for the right recipient', async () => {
    for (const { name, badge, form } of cases()) {
      const response = await verify(badge, form);
      expect({ name, form, status: response.status, errors: errors(response) }).toEqual({ name, form, status: 200, errors: [] });
      expect(response.body.report).toMatchObject({ valid: true, errorCount: 0 });
      expect(response.body.graph.map((node: { type: string }) => node.type)).toEqual(expect.arrayContaining(['Assertion', 'BadgeClass', 'Issuer']));
    }
  });

  it('a different expected recipient fails the recipient check', async () => {
    const response = await verify(awarded['hosted-png'], 'url', 'someone.else@example.org');
    expect(response.body.report.valid).toBe(false);
    expect(errors(response)).toEqual([expect.objectContaining({ code: 'VERIFY_RECIPIENT_IDENTIFIER', property: 'recipient' })]);
  });

  it('answers a French reader in French through the gateway, the verdict unchanged', async () => {
    const url = `${platform.url}/public/assertions/${awarded['hosted-png'].entityId}`;
    const french = await anonymous.post('/v2/verify', { url, expected_recipient: 'someone.else@example.org' }, { 'accept-language': 'fr-CA,fr;q=0.9' });
    expect(french.status).toBe(200);
    expect(french.headers.get('content-language')).toBe('fr');
    expect(french.headers.get('vary')).toMatch(/Accept-Language/i);
    expect(french.body.report.valid).toBe(false);
    expect(errors(french)).toEqual([
      expect.objectContaining({ code: 'VERIFY_RECIPIENT_IDENTIFIER', messageCode: 'RECIPIENT_MISMATCH', message: expect.stringContaining('n’a pas été décerné à la personne attendue') }),
    ]);
    expect(french.body.report.steps.find((step: { step: string }) => step.step === 'RECIPIENT').title).toBe('Vérifier que le badge appartient à la personne attendue');
    const english = await anonymous.post('/v2/verify', { url }, { 'accept-language': 'de' });
    expect(english.headers.get('content-language')).toBe('en');
  });

  it('after revocation every form the holder kept fails with the reason, within the cache TTL', async () => {
    for (const badge of Object.values(awarded)) {
      expect((await api.delete(`/v2/assertions/${badge.entityId}`, { revocation_reason: 'Awarded in error' })).status).toBe(200);
    }
    await new Promise((resolve) => setTimeout(resolve, 1100));
    for (const { name, badge, form } of cases()) {
      const response = await verify(badge, form);
      expect({ name, form, valid: response.body.report.valid }).toEqual({ name, form, valid: false });
      expect(errors(response).map((m: { message: string }) => m.message).join(' ')).toMatch(/This badge was revoked by .*: Awarded in error\./);
    }
  });
});

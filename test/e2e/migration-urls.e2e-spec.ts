import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ApiClient, type ApiResponse } from '../support/api-client';
import { freePort } from '../support/free-port';
import { startPlatformProcess, type PlatformProcess } from '../support/platform-process';
import { startRedirectingOrigin } from '../support/redirecting-origin';
import { pngDataUri } from '../support/tiny-png';

/**
 * Issue #18's two URL set-ups (decision 0044), on the compiled platform (embedded default):
 * (a) the platform takes over the old domain: PUBLIC_URL is the old origin, the ids are ours;
 * (b) a new domain, the old origin answering 301 to the platform: the imported documents keep ids at
 * the old origin. Our verifier, given the old URL, a pasted JSON or a baked image, says valid, or
 * revoked with the reason. The old origin is a loopback server the verifier may reach
 * (VERIFY_ALLOWED_PRIVATE_ADDRESSES, every redirect hop checked against it).
 */
const RECIPIENT = 'learner.one@example.org';
const PNG = { contentType: 'image/png', base64: pngDataUri().split(',')[1] };

function records(origin: string, suffix: string) {
  const issuer = `issuer${suffix}`;
  const badgeClass = `class${suffix}`;
  const salt = randomBytes(4).toString('hex');
  const assertion = (id: string, revoked: boolean) => ({
    sourceId: id,
    documentId: `${origin}/public/assertions/${id}`,
    badgeClassSourceId: badgeClass,
    issuerSourceId: issuer,
    recipient: { type: 'email', identity: `sha256$${createHash('sha256').update(RECIPIENT + salt).digest('hex')}`, hashed: true, salt, plaintextIdentity: RECIPIENT },
    issuedOn: '2020-06-01T00:00:00Z',
    expires: null,
    narrative: null,
    evidence: [],
    revoked,
    revocationReason: revoked ? 'Awarded in error' : null,
    createdAt: '2020-06-01T00:00:00Z',
    updatedAt: '2020-06-01T00:00:00Z',
  });
  return {
    issuers: [{ sourceId: issuer, documentId: `${origin}/public/issuers/${issuer}`, name: 'Northern College', description: null, email: 'badges@northern.example', url: 'https://northern.example', image: PNG, staff: [], createdAt: '2019-01-01T00:00:00Z' }],
    badgeClasses: [
      {
        sourceId: badgeClass,
        documentId: `${origin}/public/badges/${badgeClass}`,
        issuerSourceId: issuer,
        name: 'Welding I',
        description: 'Safe welding.',
        image: PNG,
        criteriaUrl: null,
        criteriaNarrative: 'Passed the practical.',
        tags: [],
        alignments: [],
        expires: null,
        createdAt: '2019-01-02T00:00:00Z',
      },
    ],
    assertions: [assertion(`award${suffix}`, false), assertion(`revoked${suffix}`, true)],
  };
}

describe('migrated badges verify on both URL set-ups (embedded default)', () => {
  let dataDir: string;
  let platform: PlatformProcess;
  let oldOrigin: Awaited<ReturnType<typeof startRedirectingOrigin>>;
  let oldUrl: string;
  let anonymous: ApiClient;
  let operator: ApiClient;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'badges-migration-urls-'));
    const port = await freePort();
    // The old origin the operator redirects: every path, permanently, to the same path on the platform.
    oldOrigin = await startRedirectingOrigin(port);
    oldUrl = oldOrigin.url;
    platform = await startPlatformProcess({
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      VERIFY_ALLOWED_PRIVATE_ADDRESSES: '127.0.0.1',
      VERIFY_CACHE_TTL_SECONDS: '1',
    });
    anonymous = new ApiClient(platform.url);
    operator = anonymous.withToken(platform.adminToken);
  }, 180_000);

  afterAll(async () => {
    await platform?.stop();
    await oldOrigin?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function migrate(origin: string, suffix: string): Promise<void> {
    const institution = await operator.post('/admin/institutions', { name: `Migrated ${suffix}` });
    const id = institution.body.id;
    const run = await operator.post(`/admin/institutions/${id}/migrations`, {});
    expect(run.status).toBe(201);
    const batch = await operator.post(`/admin/institutions/${id}/migrations/${run.body.id}/batches`, records(origin, suffix));
    expect(batch.status).toBe(200);
    expect(batch.body.items.map((item: { outcome: string }) => item.outcome)).toEqual(['created', 'created', 'created', 'created']);
    expect((await operator.post(`/admin/institutions/${id}/migrations/${run.body.id}/finish`, {})).body.status).toBe('finished');
  }

  const errors = (response: ApiResponse) => response.body.report.messages.filter((m: { level: string }) => m.level === 'ERROR');
  async function verifyImage(path: string): Promise<ApiResponse> {
    const image = await anonymous.get(`${path}/image`);
    expect(image.headers.get('content-type')).toBe('image/png');
    const boundary = `b${randomBytes(8).toString('hex')}`;
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="expected_recipient"\r\n\r\n${RECIPIENT}\r\n`),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="image"; filename="badge.png"\r\nContent-Type: image/png\r\n\r\n`),
      image.raw,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const response = await fetch(`${platform.url}/v2/verify`, { method: 'POST', headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, body });
    return { status: response.status, headers: response.headers, body: await response.json(), raw: Buffer.alloc(0) };
  }

  for (const setUp of ['same domain taken over', 'new domain, old origin redirected'] as const) {
    it(`${setUp}: the old URL, the JSON and the baked image verify, a revoked one says why`, async () => {
      const suffix = setUp.startsWith('same') ? 'Same1' : 'Moved1';
      const origin = setUp.startsWith('same') ? platform.url : oldUrl;
      await migrate(origin, suffix);
      const documentUrl = `${origin}/public/assertions/award${suffix}`;
      const document = await anonymous.get(`/public/assertions/award${suffix}`, { accept: 'application/ld+json' });
      expect(document.body).toMatchObject({ id: documentUrl, badge: `${origin}/public/badges/class${suffix}` });

      for (const response of [
        await anonymous.post('/v2/verify', { url: documentUrl, expected_recipient: RECIPIENT }),
        await anonymous.post('/v2/verify', { json: document.body, expected_recipient: RECIPIENT }),
        await verifyImage(`/public/assertions/award${suffix}`),
      ]) {
        expect({ status: response.status, errors: errors(response) }).toEqual({ status: 200, errors: [] });
        expect(response.body.report).toMatchObject({ valid: true });
      }
      // The redirected set-up really went through the old origin; the taken-over one never left the platform.
      expect(oldOrigin.hits() > 0).toBe(origin === oldUrl);
      const revoked = await anonymous.post('/v2/verify', { url: `${origin}/public/assertions/revoked${suffix}` });
      expect(revoked.body.report.valid).toBe(false);
      expect(errors(revoked).map((m: { message: string }) => m.message).join(' ')).toMatch(/Awarded in error/);
    });
  }
});

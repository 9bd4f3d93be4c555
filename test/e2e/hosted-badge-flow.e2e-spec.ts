import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { unbakeBadgeImage, verifyOpenBadge } from '@badges/openbadges';

import { ApiClient } from '../support/api-client';
import { freePort } from '../support/free-port';
import { startPlatformProcess, type PlatformProcess } from '../support/platform-process';
import { embeddedStorageTargets } from '../support/storage-targets';
import { pngDataUri } from '../support/tiny-png';

const fetchDocument = async (url: string) => {
  const response = await fetch(url, { headers: { accept: 'application/ld+json' } });
  return { status: response.status, contentType: response.headers.get('content-type') ?? undefined, body: await response.text() };
};

/**
 * Issue #2's acceptance walk-through, against the real HTTP server of the compiled runner:
 * once on the embedded PGlite default, and once on the real PostgreSQL when DATABASE_URL is set.
 */
describe.each(embeddedStorageTargets())('hosted badge end to end on $name', (target) => {
  let dataDir: string;
  let platform: PlatformProcess;
  let storage: { env: Record<string, string>; dispose(): Promise<void> };
  let env: Record<string, string>;
  let admin: ApiClient;
  let api: ApiClient;
  let anonymous: ApiClient;
  const ids = { issuer: '', badgeClass: '', assertion: '' };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'badges-e2e-'));
    storage = await target.env();
    const port = await freePort();
    env = { ...storage.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: `http://127.0.0.1:${port}` };
    platform = await startPlatformProcess(env);
    anonymous = new ApiClient(platform.url);
    admin = anonymous.withToken(platform.adminToken);
  }, 90_000);

  afterAll(async () => {
    await platform?.stop();
    await storage?.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function tokenFor(institution: string): Promise<ApiClient> {
    const created = await admin.post('/admin/institutions', { name: institution });
    expect(created.status).toBe(201);
    const { clientId, clientSecret } = created.body.client;
    const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret });
    const token = await anonymous.request('POST', '/o/token', form.toString(), { 'content-type': 'application/x-www-form-urlencoded' });
    expect(token.status).toBe(200);
    expect(token.body.token_type).toBe('Bearer');
    return anonymous.withToken(token.body.access_token);
  }

  it('1. bootstraps an institution and gets a token', async () => {
    api = await tokenFor('Northern College');
    const self = await api.get('/v2/institutions/self');
    expect(self.status).toBe(200);
    expect(self.body.result[0].name).toBe('Northern College');
  });

  it('2. creates an issuer and a bilingual badge class with an alignment and a criteria narrative', async () => {
    const issuer = await api.post('/v2/issuers', {
      name: 'Faculty of Engineering', email: 'badges@northern.example', url: 'https://northern.example', description: 'Engineering faculty',
    });
    expect(issuer.status).toBe(201);
    ids.issuer = issuer.body.result[0].entityId;

    const badgeClass = await api.post(`/v2/issuers/${ids.issuer}/badgeclasses`, {
      name: 'Robotics Fundamentals',
      description: 'Built and programmed a working robot.',
      image: pngDataUri(),
      criteriaNarrative: 'Build a robot that follows a line for 10 metres.',
      alignments: [{ targetName: 'ISTE Standard 5', targetUrl: 'https://www.iste.org/standards/students', targetFramework: 'ISTE', targetCode: '5c' }],
      tags: ['robotics', 'stem'],
      language: 'en',
      translations: [{ language: 'fr', name: 'Fondements de la robotique', description: 'A construit et programmé un robot.', criteriaNarrative: 'Construire un robot suiveur de ligne.' }],
    });
    expect(badgeClass.status).toBe(201);
    ids.badgeClass = badgeClass.body.result[0].entityId;
  });

  it('3. awards the badge to an email address', async () => {
    const award = await api.post(`/v2/badgeclasses/${ids.badgeClass}/assertions`, {
      recipient: { identity: 'Learner.One@Example.org', type: 'email', hashed: true },
      narrative: 'Completed the line-follower challenge.',
      evidence: [{ url: 'https://portfolio.example.org/robot', narrative: 'Video of the run' }],
    });
    expect(award.status).toBe(201);
    const assertion = award.body.result[0];
    ids.assertion = assertion.entityId;
    expect(assertion.recipient.hashed).toBe(true);
    expect(assertion.recipient.identity).toMatch(/^sha256\$[0-9a-f]{64}$/);
  });

  it('4. serves the assertion, badge class and issuer as JSON-LD that the library validates', async () => {
    const assertionUrl = `${platform.url}/public/assertions/${ids.assertion}`;
    const assertion = await anonymous.get(`/public/assertions/${ids.assertion}`, { accept: 'application/ld+json' });
    expect(assertion.status).toBe(200);
    expect(assertion.body['@context']).toBe('https://w3id.org/openbadges/v2');
    expect(assertion.body.id).toBe(assertionUrl);

    const badge = await anonymous.get(`/public/badges/${ids.badgeClass}`, { accept: 'application/json' });
    expect(badge.status).toBe(200);
    expect(badge.body.alignment[0].targetName).toBe('ISTE Standard 5');
    expect(badge.body.criteria.narrative).toContain('line');
    expect(badge.body.related).toEqual(expect.arrayContaining([expect.objectContaining({ '@language': 'fr' })]));
    const french = await fetchDocument(badge.body.related.find((r: { '@language': string }) => r['@language'] === 'fr').id);
    expect(JSON.parse(french.body).name).toBe('Fondements de la robotique');

    const issuer = await anonymous.get(`/public/issuers/${ids.issuer}`, { accept: 'application/ld+json' });
    expect(issuer.status).toBe(200);
    expect(issuer.body.type).toBe('Issuer');

    const result = await verifyOpenBadge(assertionUrl, { fetchDocument, recipientProfile: { email: 'learner.one@example.org' } });
    expect(result.report.messages.filter((m: { level: string }) => m.level === 'ERROR')).toEqual([]);
    expect(result.report.valid).toBe(true);

    const html = await anonymous.get(`/public/assertions/${ids.assertion}`, { accept: 'text/html' });
    expect(html.headers.get('content-type')).toMatch(/text\/html/);
    expect(html.body).toContain('Robotics Fundamentals');
  });

  it('5. bakes the assertion into the PNG and unbakes back to it', async () => {
    const image = await anonymous.get(`/public/assertions/${ids.assertion}/image`);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    const unbaked = unbakeBadgeImage(image.raw);
    expect(unbaked?.kind).toBe('png');
    const payload = unbaked!.payload.trim();
    const embedded = payload.startsWith('{') ? JSON.parse(payload).id : payload;
    expect(embedded).toBe(`${platform.url}/public/assertions/${ids.assertion}`);
  });

  it('6. revokes, and the public assertion says revoked with the reason', async () => {
    const revoke = await api.delete(`/v2/assertions/${ids.assertion}`, { revocation_reason: 'Awarded in error' });
    expect(revoke.status).toBe(200);
    const publicAssertion = await anonymous.get(`/public/assertions/${ids.assertion}`, { accept: 'application/ld+json' });
    expect(publicAssertion.status).toBe(410);
    expect(publicAssertion.body).toMatchObject({ revoked: true, revocationReason: 'Awarded in error' });
  });

  it("7. gives a second institution 404 on every one of the first institution's resources", async () => {
    const other = await tokenFor('Southern Polytechnic');
    const attempts: [string, string, unknown?][] = [
      ['GET', `/v2/issuers/${ids.issuer}`],
      ['PUT', `/v2/issuers/${ids.issuer}`, { name: 'Hijacked', email: 'x@example.org', url: 'https://x.example.org' }],
      ['DELETE', `/v2/issuers/${ids.issuer}`],
      ['GET', `/v2/issuers/${ids.issuer}/badgeclasses`],
      ['POST', `/v2/issuers/${ids.issuer}/badgeclasses`, { name: 'X', description: 'X', image: pngDataUri(), criteriaNarrative: 'X' }],
      ['GET', `/v2/issuers/${ids.issuer}/assertions`],
      ['GET', `/v2/badgeclasses/${ids.badgeClass}`],
      ['PUT', `/v2/badgeclasses/${ids.badgeClass}`, { name: 'Hijacked' }],
      ['DELETE', `/v2/badgeclasses/${ids.badgeClass}`],
      ['GET', `/v2/badgeclasses/${ids.badgeClass}/assertions`],
      ['POST', `/v2/badgeclasses/${ids.badgeClass}/assertions`, { recipient: { identity: 'a@example.org' } }],
      ['POST', `/v2/badgeclasses/${ids.badgeClass}/issue`, { assertions: [{ recipient: { identity: 'a@example.org' } }] }],
      ['GET', `/v2/assertions/${ids.assertion}`],
      ['DELETE', `/v2/assertions/${ids.assertion}`, { revocation_reason: 'nope' }],
    ];
    for (const [method, path, body] of attempts) {
      const response = await other.request(method, path, body);
      expect({ method, path, status: response.status, code: response.body?.error?.code }).toEqual({ method, path, status: 404, code: 'not_found' });
    }
    const ownList = await other.get('/v2/issuers');
    expect(ownList.body.result).toEqual([]);
  });

  it('keeps everything across a restart', async () => {
    await platform.stop();
    platform = await startPlatformProcess(env);
    const again = await anonymous.get(`/public/badges/${ids.badgeClass}`, { accept: 'application/ld+json' });
    expect(again.status).toBe(200);
    expect(again.body.name).toBe('Robotics Fundamentals');
    const issuers = await api.get('/v2/issuers');
    expect(issuers.status).toBe(200);
    expect(issuers.body.result.map((issuer: { entityId: string }) => issuer.entityId)).toEqual([ids.issuer]);
  }, 90_000);
});

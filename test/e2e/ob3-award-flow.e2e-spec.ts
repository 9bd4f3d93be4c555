/**
 * Issue #19, end to end on the compiled platform (PGlite, and PostgreSQL with DATABASE_URL): OB 3.0
 * credentials go through every pipeline as 2.0 badges do. An award in 3.0 only and one in both
 * forms are emailed (through a real SMTP sink) with the baked credential and a working link, and
 * their webhooks carry the credential; each form verifies through `POST /v2/verify` as an employer's
 * tool would send it (URL, JSON, JWT, baked PNG); a revocation shows in the status list and
 * verification says why; a key rotation leaves the old credential valid; baking and unbaking give
 * back the identical credential; a VC-JWT issuer's credential verifies as a JWT.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { decodeStatusList, unbakeCredentialImage } from '@badges/openbadges';

import { parseEmail, type ParsedEmail } from '../../apps/notification/src/testing/mime';
import { ApiClient, type ApiResponse } from '../support/api-client';
import { eventually } from '../support/distributed-stack';
import { freePort } from '../support/free-port';
import { startPlatformProcess, type PlatformProcess } from '../support/platform-process';
import { SmtpSink } from '../support/smtp-sink';
import { embeddedStorageTargets } from '../support/storage-targets';
import { pngDataUri } from '../support/tiny-png';
import { WebhookReceiver } from '../support/webhook-receiver';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const RECIPIENT = 'jordan.learner@example.org';

describe.each(embeddedStorageTargets())('OB 3.0 awards through every pipeline, on $name', (target) => {
  const smtp = new SmtpSink();
  const hooks = new WebhookReceiver();
  let dataDir: string;
  let platform: PlatformProcess;
  let storage: { env: Record<string, string>; dispose(): Promise<void> };
  let anonymous: ApiClient;
  let api: ApiClient;
  let issuerId: string;
  const classes: Record<'ob3' | 'both', string> = { ob3: '', both: '' };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'badges-ob3-e2e-'));
    storage = await target.env();
    const [smtpUrl, hooksUrl, port] = await Promise.all([smtp.start(), hooks.start(), freePort()]);
    platform = await startPlatformProcess({
      ...storage.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      SMTP_URL: smtpUrl,
      ALLOW_PRIVATE_NETWORK_FETCH: 'true',
      VERIFY_CACHE_TTL_SECONDS: '1',
    });
    anonymous = new ApiClient(platform.url);
    api = await anonymous.forNewInstitution(platform.adminToken, 'Lakeshore College');
    issuerId = (await api.post('/v2/issuers', { name: 'Lakeshore College', email: 'badges@lakeshore.example', url: 'https://lakeshore.example' })).body.result[0].entityId;
    for (const version of ['3.0', 'both'] as const) {
      const created = await api.post(`/v2/issuers/${issuerId}/badgeclasses`, {
        name: `Data Literacy ${version}`,
        description: 'Reads and questions data.',
        image: pngDataUri(),
        criteriaNarrative: 'Completed the **capstone**.',
        openBadgesVersion: version,
      });
      expect([created.status, created.body.result[0].openBadgesVersion]).toEqual([201, version]);
      classes[version === '3.0' ? 'ob3' : 'both'] = created.body.result[0].entityId;
    }
    expect((await api.post('/v2/webhooks', { url: hooksUrl, events: ['badges.assertion.issued.v1'] })).status).toBe(201);
  }, 180_000);

  afterAll(async () => {
    await platform?.stop();
    await Promise.all([smtp.stop(), hooks.stop()]);
    await storage?.dispose();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  async function award(badgeClassId: string, notify = false): Promise<Json> {
    const response = await api.post(`/v2/badgeclasses/${badgeClassId}/assertions`, { recipient: { identity: RECIPIENT, type: 'email', hashed: true }, notify });
    expect(response.status).toBe(201);
    return response.body.result[0];
  }

  async function verify(body: Json): Promise<ApiResponse> {
    const response = await anonymous.post('/v2/verify', { ...body, expected_recipient: RECIPIENT });
    expect(response.status).toBe(200);
    return response;
  }

  const errors = (response: ApiResponse) => response.body.report.messages.filter((m: { level: string }) => m.level === 'ERROR');

  async function emailWith(link: string): Promise<ParsedEmail> {
    let found: ParsedEmail | undefined;
    await eventually(() => {
      found = smtp.messages.map((mail) => parseEmail(mail.raw)).find((mail) => mail.text.includes(link));
      return found !== undefined;
    }, 30_000, `an email linking ${link}`);
    return found!;
  }

  it('an award in 3.0 only: emailed with its baked credential and a working link, its webhook carries it, and each form verifies', async () => {
    const awarded = await award(classes.ob3, true);
    const credentialUrl = awarded.openBadgeCredentialUrl as string;
    expect(credentialUrl).toBe(`${platform.url}/public/credentials/${awarded.entityId}`);
    // No 2.0 document is published for it.
    expect((await anonymous.get(`/public/assertions/${awarded.entityId}`, { accept: 'application/ld+json' })).body.error.code).toBe('ob3_only');

    const served = await anonymous.get(`/public/credentials/${awarded.entityId}`, { accept: 'application/vc+ld+json' });
    expect(served.status).toBe(200);
    const credential = served.body as Json;
    expect(credential.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(credential.credentialStatus.type).toBe('BitstringStatusListEntry');

    const mail = await emailWith(credentialUrl);
    expect(mail.attachments).toHaveLength(1);
    const unbaked = unbakeCredentialImage(mail.attachments[0].content);
    expect(unbaked?.format).toBe('json');
    expect(JSON.parse(unbaked!.credential)).toEqual(credential);

    await eventually(() => hooks.received.some((hook) => JSON.parse(hook.rawBody).payload?.assertionId === awarded.entityId), 30_000, 'the webhook');
    const hook = JSON.parse(hooks.received.find((h) => JSON.parse(h.rawBody).payload?.assertionId === awarded.entityId)!.rawBody);
    expect(hook.payload).toMatchObject({ credentialUrl, credentialFormat: 'ldp' });

    for (const body of [{ url: credentialUrl }, { json: credential }]) {
      const report = await verify(body);
      expect({ body: Object.keys(body)[0], errors: errors(report) }).toEqual({ body: Object.keys(body)[0], errors: [] });
      expect(report.body.report.valid).toBe(true);
      // As the official schema wants it: `proof` a list, no warning.
      expect((report.body.report.steps as Json[]).find((step) => step.step === 'CREDENTIAL_SCHEMA')?.status).toBe('passed');
    }
    const baked = await fetch(`${platform.url}/v2/verify`, { method: 'POST', headers: { 'content-type': 'image/png' }, body: new Uint8Array(mail.attachments[0].content) });
    expect(((await baked.json()) as Json).report.valid).toBe(true);
  }, 90_000);

  it('an award in both forms: two documents that name each other, both valid', async () => {
    const awarded = await award(classes.both);
    const assertion = await anonymous.get(`/public/assertions/${awarded.entityId}`, { accept: 'application/ld+json' });
    const credential = await anonymous.get(`/public/credentials/${awarded.entityId}`, { accept: 'application/vc+ld+json' });
    expect(assertion.headers.get('link')).toContain(`<${awarded.openBadgeCredentialUrl}>`);
    expect(credential.headers.get('link')).toContain(`<${awarded.openBadgeId}>`);
    expect((credential.body as Json).credentialSubject.identifier[0]).toMatchObject({ identityHash: (assertion.body as Json).recipient.identity, salt: (assertion.body as Json).recipient.salt });
    expect((await verify({ url: awarded.openBadgeId })).body.report.valid).toBe(true);
    expect((await verify({ url: awarded.openBadgeCredentialUrl })).body.report.valid).toBe(true);
  });

  it('bakes the credential into its image and unbakes the identical credential', async () => {
    const awarded = await award(classes.both);
    const credential = await anonymous.get(`/public/credentials/${awarded.entityId}`, { accept: 'application/vc+ld+json' });
    const image = await anonymous.get(`/public/credentials/${awarded.entityId}/image`);
    expect(image.headers.get('content-type')).toBe('image/png');
    const unbaked = unbakeCredentialImage(image.raw);
    expect(unbaked).toMatchObject({ kind: 'png', format: 'json' });
    expect(unbaked!.credential).toBe(credential.raw.toString('utf8'));
  });

  it('after a key rotation the old credential still verifies; after a revocation the status list says so and verification gives the reason', async () => {
    const awarded = await award(classes.ob3);
    const url = awarded.openBadgeCredentialUrl as string;
    const rotated = await api.post(`/v2/issuers/${issuerId}/keys/rotate`, { algorithm: 'Ed25519' });
    expect(rotated.status).toBe(201);
    expect((await verify({ url })).body.report.valid).toBe(true);

    expect((await api.delete(`/v2/assertions/${awarded.entityId}`, { revocation_reason: 'Awarded in error' })).status).toBe(200);
    const credential = (await anonymous.get(`/public/credentials/${awarded.entityId}`, { accept: 'application/vc+ld+json' })).body as Json;
    const list = (await anonymous.get(new URL(credential.credentialStatus.statusListCredential).pathname, { accept: 'application/vc+ld+json' })).body as Json;
    const bits = await decodeStatusList(list.credentialSubject.encodedList);
    expect(bits.isSet(Number(credential.credentialStatus.statusListIndex))).toBe(true);

    await new Promise((resolve) => setTimeout(resolve, 1100));
    const report = await verify({ url });
    expect(report.body.report.valid).toBe(false);
    expect(JSON.stringify(errors(report))).toContain('Awarded in error');
  });

  it('a VC-JWT issuer: its credential is a compact JWT that verifies as sent, by URL and as text', async () => {
    const jwtIssuer = (await api.post('/v2/issuers', { name: 'Lakeshore Continuing Studies', email: 'ce@lakeshore.example', url: 'https://lakeshore.example/ce', credentialProof: 'vc-jwt' })).body.result[0].entityId;
    const badgeClass = (await api.post(`/v2/issuers/${jwtIssuer}/badgeclasses`, { name: 'Spreadsheets', description: 'Builds sheets.', image: pngDataUri(), criteriaNarrative: 'Built one.', openBadgesVersion: '3.0' })).body.result[0].entityId;
    const awarded = await award(badgeClass);
    const served = await anonymous.get(`/public/credentials/${awarded.entityId}`, { accept: 'application/vc+jwt' });
    expect(served.headers.get('content-type')).toMatch(/^application\/vc\+jwt/);
    const jwt = served.raw.toString('utf8').trim();
    expect(jwt.split('.')).toHaveLength(3);
    expect((await verify({ json: jwt })).body.report.valid).toBe(true);
    expect((await verify({ url: awarded.openBadgeCredentialUrl })).body.report.valid).toBe(true);
  });
});

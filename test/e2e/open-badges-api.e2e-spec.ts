/**
 * Issue #19 through the compiled platform (PGlite, and PostgreSQL with DATABASE_URL): an
 * institution awards a learner two Open Badges 3.0 credentials, one with a Data Integrity proof and
 * one as a VC-JWT; the passport collects them; a wallet written from the OB 3.0 specification alone
 * (apps/passport/src/testing/ob3-wallet.ts) reaches the passport through the gateway: discovery,
 * RFC 7591 registration, the consent page at the authorization URL, the token endpoint with a form
 * body, getCredentials (the credentials exactly as the issuer signed them, with X-Total-Count and
 * Link), upsertCredential (checked by the verification service), getProfile; every error in
 * Imsx_StatusInfo. The export carries the credential files.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { OpenBadgesApiScope } from '@badges/api-contracts';

import { readZip } from '../../apps/passport/src/export/testing/read-zip';
import { Ob3Wallet } from '../../apps/passport/src/testing/ob3-wallet';
import { ApiClient } from '../support/api-client';
import { eventually } from '../support/distributed-stack';
import { freePort } from '../support/free-port';
import { startPlatformProcess, type PlatformProcess } from '../support/platform-process';
import { mailText, SmtpSink } from '../support/smtp-sink';
import { embeddedStorageTargets } from '../support/storage-targets';
import { pngDataUri } from '../support/tiny-png';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const LEARNER = { email: 'wallet.owner@example.org', password: 'correct horse battery', name: 'Wallet Owner' };
const ALL_OB3 = Object.values(OpenBadgesApiScope);

describe.each(embeddedStorageTargets())('the Open Badges 3.0 API for a learner’s wallet, end to end on $name', (target) => {
  const smtp = new SmtpSink();
  let dataDir: string;
  let platform: PlatformProcess;
  let storage: { env: Record<string, string>; dispose(): Promise<void> };
  let anonymous: ApiClient;
  let learner: ApiClient;
  let learnerToken: string;
  /** The awards' ids: a Data Integrity credential (badge class in both forms) and a VC-JWT (3.0 only). */
  const awarded: { ldp?: string; jwt?: string } = {};

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'badges-ob3-api-e2e-'));
    storage = await target.env();
    const smtpUrl = await smtp.start();
    const port = await freePort();
    platform = await startPlatformProcess({ ...storage.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: `http://127.0.0.1:${port}`, SMTP_URL: smtpUrl, PASSWORD_SCRYPT_LOG_N: '14' });
    anonymous = new ApiClient(platform.url);
    const client = await anonymous.forNewInstitution(platform.adminToken, 'Harbour College');

    expect((await anonymous.post('/v2/auth/signup', LEARNER)).status).toBe(201);
    let token = '';
    await eventually(() => {
      const mail = smtp.messages.findLast((received) => received.to.includes(LEARNER.email) && /confirm-email\?token=/.test(mailText(received)));
      token = mail ? /confirm-email\?token=([A-Za-z0-9_-]+)/.exec(mailText(mail))![1] : '';
      return token !== '';
    }, 20_000, 'the confirmation email');
    expect((await anonymous.post('/v2/auth/confirm-email', { token })).status).toBe(200);
    learnerToken = (await anonymous.post('/v2/auth/token', { username: LEARNER.email, password: LEARNER.password })).body.access_token;
    learner = anonymous.withToken(learnerToken);

    const badgeClass = async (issuer: Json, openBadgesVersion: string) => {
      const issuerId = (await client.post('/v2/issuers', issuer)).body.result[0].entityId;
      const created = await client.post(`/v2/issuers/${issuerId}/badgeclasses`, { name: `Wound Care ${openBadgesVersion}`, description: 'Dresses wounds.', image: pngDataUri(), criteriaNarrative: 'Pass the practical.', openBadgesVersion });
      expect(created.status).toBe(201);
      return created.body.result[0].entityId as string;
    };
    const award = async (badgeClassId: string) => {
      const response = await client.post(`/v2/badgeclasses/${badgeClassId}/assertions`, { recipient: { identity: LEARNER.email, type: 'email', hashed: true } });
      expect(response.status).toBe(201);
      return response.body.result[0].entityId as string;
    };
    awarded.ldp = await award(await badgeClass({ name: 'School of Nursing', email: 'badges@harbour.example', url: 'https://harbour.example' }, 'both'));
    awarded.jwt = await award(await badgeClass({ name: 'School of Paramedics', email: 'para@harbour.example', url: 'https://harbour.example/para', credentialProof: 'vc-jwt' }, '3.0'));
    // Auto-collected as pending; the learner accepts both.
    await eventually(async () => ((await learner.get('/v2/backpack/assertions')).body.result as Json[]).length === 2, 20_000, 'both awards in the passport');
    for (const id of [awarded.ldp, awarded.jwt]) expect((await learner.put(`/v2/backpack/assertions/${id}`, { acceptance: 'Accepted' })).status).toBe(200);
  }, 240_000);

  afterAll(async () => {
    await platform?.stop();
    await smtp.stop();
    await storage?.dispose();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('a wallet connects through the gateway and reads the learner’s credentials exactly as the issuer signed them', async () => {
    const wallet = new Ob3Wallet((url, init) => fetch(url, init));
    const sdd = await wallet.discover(platform.url);
    expect(sdd.components.securitySchemes.OAuth2ACG.flows.authorizationCode.tokenUrl).toBe(`${platform.url}/o/badgeconnect/token`);
    expect((await wallet.register(ALL_OB3)).status).toBe(201);

    // The browser opens the authorization URL, the web app's consent page (test/browser's Badge
    // Connect journey drives it in Chromium; e2e runs build no web app): the page asks the passport
    // with the learner's session and posts their approval; the browser then goes where it is told.
    const authorizationUrl = wallet.authorizationUrl(ALL_OB3);
    expect(new URL(authorizationUrl).origin + new URL(authorizationUrl).pathname).toBe(`${platform.url}/o/badgeconnect/authorize`);
    const query = new URL(authorizationUrl).search;
    const asked = await learner.get(`/o/badgeconnect/consent${query}`);
    expect(asked.body).toMatchObject({ outcome: 'ask', scopes: ALL_OB3 });
    const approved = await learner.post('/o/badgeconnect/authorize', { ...Object.fromEntries(new URLSearchParams(query)), decision: 'approve' });
    expect(approved.status).toBe(200);
    // The token endpoint, form-encoded with HTTP Basic client authentication, through the gateway.
    expect((await wallet.callback(approved.body.location)).status).toBe(200);

    const first = await wallet.getCredentials({ limit: 1 });
    expect({ status: first.status, total: first.total, rels: Object.keys(first.links).sort() }).toEqual({ status: 200, total: 2, rels: ['first', 'last', 'next'] });
    const all = await wallet.allCredentials(1);
    expect(all.pages).toBe(2);
    const issued = async (id: string, accept: string) => (await fetch(`${platform.url}/public/credentials/${id}`, { headers: { accept } })).text();
    expect(all.credential).toEqual([JSON.parse(await issued(awarded.ldp!, 'application/vc+ld+json'))]);
    expect(all.compactJwsStrings).toEqual([await issued(awarded.jwt!, 'application/vc+jwt')]);
    expect(all.credential[0]).toMatchObject({ id: `${platform.url}/public/credentials/${awarded.ldp}`, proof: [{ type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022' }] });

    // upsertCredential through the gateway, checked by the verification service: the learner's own
    // credentials come back as the same ones (200), as JSON, as JSON-LD and as the VC-JWT in text/plain.
    const json = await wallet.upsert(all.credential[0]);
    expect([json.status, JSON.parse(json.body)]).toEqual([200, all.credential[0]]);
    const jsonLd = await wallet.request('/credentials', { method: 'POST', headers: { 'content-type': 'application/vc+ld+json' }, body: JSON.stringify(all.credential[0]) });
    expect(jsonLd.status).toBe(200);
    expect(await wallet.upsert(all.compactJwsStrings[0])).toEqual({ status: 200, contentType: 'text/plain; charset=utf-8', body: all.compactJwsStrings[0] });
    // Changed after it was signed: the verifier says so, nothing is kept.
    const tampered = await wallet.upsert({ ...all.credential[0], name: 'Something else' });
    expect(tampered.status).toBe(400);
    expect(JSON.parse(tampered.body).imsx_codeMinor.imsx_codeMinorField[0]).toEqual({ imsx_codeMinorFieldName: 'import_failed', imsx_codeMinorFieldValue: 'invalid_data' });
    expect((await wallet.getCredentials()).total).toBe(2);

    const profile = await wallet.getProfile();
    expect(profile).toMatchObject({ status: 200, body: { type: ['Profile'], name: LEARNER.name, email: LEARNER.email } });

    // The export carries each credential as signed, beside the summary.
    const files = readZip((await learner.get('/v2/backpack/export')).raw);
    expect(files.get(`badges/${awarded.jwt}.credential.jwt`)!.toString()).toBe(all.compactJwsStrings[0]);
    expect(JSON.parse(files.get(`badges/${awarded.ldp}.credential.json`)!.toString())).toEqual(all.credential[0]);
    // The badge in OB 3.0 only has no 2.0 assertion: its image is its credential's, baked by the issuer.
    expect(files.has(`badges/${awarded.jwt}.json`)).toBe(false);
    const bakedImage = Buffer.from(await (await fetch(`${platform.url}/public/credentials/${awarded.jwt}/image`)).arrayBuffer());
    expect(files.get(`badges/${awarded.jwt}.png`)).toEqual(bakedImage);
  });

  it('answers errors through the gateway as Imsx_StatusInfo, with the bearer challenge', async () => {
    const response = await fetch(`${platform.url}/ims/ob/v3p0/credentials`, { headers: { accept: 'application/json' } });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="passport"');
    expect(await response.json()).toMatchObject({ imsx_codeMajor: 'failure', imsx_severity: 'error', imsx_codeMinor: { imsx_codeMinorField: [{ imsx_codeMinorFieldName: 'unauthorized', imsx_codeMinorFieldValue: 'unauthorizedrequest' }] } });
    const learnerTokenIsNotAWalletToken = await fetch(`${platform.url}/ims/ob/v3p0/profile`, { headers: { authorization: `Bearer ${learnerToken}` } });
    expect(learnerTokenIsNotAWalletToken.status).toBe(401);
  });

  it('answers what the gateway refuses itself (a body over its limit) as Imsx_StatusInfo too', async () => {
    const tooLarge = await oversizedPost('/ims/ob/v3p0/credentials');
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body).toEqual({
      imsx_codeMajor: 'failure',
      imsx_severity: 'error',
      imsx_description: expect.any(String),
      imsx_codeMinor: { imsx_codeMinorField: [{ imsx_codeMinorFieldName: expect.any(String), imsx_codeMinorFieldValue: 'invalid_data' }] },
    });
    // The platform's own paths keep the platform's envelope.
    const elsewhere = await oversizedPost('/v2/backpack/assertions');
    expect(elsewhere.status).toBe(413);
    expect(elsewhere.body).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
  });

  /**
   * A POST whose Content-Length is over the gateway's 2 MB limit, sent without its body: the
   * gateway answers from the header alone. (Sending the body, the client could still be writing
   * when the gateway closes the connection, and fetch then fails with EPIPE instead of the answer.)
   */
  function oversizedPost(path: string): Promise<{ status: number; body: unknown }> {
    return new Promise((resolve, reject) => {
      const request = httpRequest(`${platform.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${learnerToken}`, 'content-type': 'application/json', 'content-length': String(3 * 1024 * 1024) } }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          request.destroy();
          resolve({ status: response.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
        });
      });
      request.on('error', reject);
      request.flushHeaders();
    });
  }
});

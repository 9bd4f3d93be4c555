import { gzipSync } from 'node:zlib';

import { bakeCredentialImage } from '@badges/openbadges';

import { BadgeServer, hostBadge } from '../testing/badge-server';
import { makeBadgeTestPng } from '../testing/badge-test-data';
import { OB3_RECIPIENT, Ob3TestIssuer } from '../testing/ob3-issuer';
import { startVerificationTestApp, type VerificationTestApp, type VerifyAnswer } from '../testing/verification-test-app';

type Json = Record<string, unknown>;
const SVG = Buffer.from('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><circle r="30" cx="32" cy="32"/></svg>\n');
const report = (json: VerifyAnswer) => json.report as VerifyAnswer['report'] & { openBadgesVersion: string; steps: Array<{ step: string; status: string; title: string }> };
const errorCodes = (json: VerifyAnswer) => json.report.messages.filter((m) => m.level === 'ERROR').map((m) => m.code);

/**
 * POST /v2/verify with OB 3.0 credentials (decision 0048) beside 2.0: every form a credential can
 * come in, signed in the test with the Digital Bazaar stack and jose, its DID document, JWKS and
 * status list served by a real HTTP server on 127.0.0.2, whose origin is the service's PUBLIC_URL.
 */
describe('POST /v2/verify: Open Badges 3.0', () => {
  let service: VerificationTestApp;
  let server: BadgeServer;
  let issuer: Ob3TestIssuer;
  let signed: Json;

  beforeAll(async () => {
    server = await BadgeServer.start('127.0.0.2');
    issuer = await Ob3TestIssuer.start(server);
    signed = await issuer.signed(issuer.credential('c1', 7));
    service = await startVerificationTestApp({ PUBLIC_URL: server.origin, VERIFY_ALLOWED_PRIVATE_ADDRESSES: '127.0.0.2', VERIFY_CACHE_TTL_SECONDS: '0', VERIFY_FETCH_TIMEOUT_MS: '2000' });
  });
  afterAll(async () => {
    await service.close();
    await server.close();
  });

  const expectValid = (status: number, json: VerifyAnswer) => {
    expect(status).toBe(200);
    expect(errorCodes(json)).toEqual([]);
    expect(report(json)).toMatchObject({ valid: true, openBadgesVersion: '3.0' });
    expect(report(json).steps.map((s) => `${s.step}:${s.status}`)).toEqual(expect.arrayContaining(['CREDENTIAL_PROOF:passed', 'CREDENTIAL_ISSUER:passed', 'CREDENTIAL_STATUS:passed']));
  };

  it.each([
    ['{json: credential}', () => ({ body: { json: signed }, type: 'application/json' })],
    ['{json: "<credential JSON text>"}', () => ({ body: { json: JSON.stringify(signed) }, type: 'application/json' })],
    ['the credential as an application/vc+ld+json body', () => ({ body: JSON.stringify(signed), type: 'application/vc+ld+json' })],
    ['the credential as an application/json body', () => ({ body: signed, type: 'application/json' })],
  ])('verifies a Data Integrity credential given as %s, reading its DID document and status list', async (_form, make) => {
    const { body, type } = make();
    const { status, json } = await service.verify(body, type);
    expectValid(status, json);
    expect(json.input).toEqual({ input_type: 'json', value: JSON.stringify(signed) });
    expect(json.graph).toEqual([signed]);
  });

  it.each([
    ['text/plain', (jwt: string) => ({ body: jwt, type: 'text/plain' })],
    ['application/vc+jwt', (jwt: string) => ({ body: jwt, type: 'application/vc+jwt' })],
    ['{json: jwt}', (jwt: string) => ({ body: { json: jwt }, type: 'application/json' })],
    ['{jws: jwt}', (jwt: string) => ({ body: { jws: jwt }, type: 'application/json' })],
  ])('verifies a VC-JWT given as %s with the key its kid names in the issuer\'s JWKS', async (_form, make) => {
    const jwt = await issuer.jwt(issuer.credential('c2', 8));
    const { body, type } = make(jwt);
    const { status, json } = await service.verify(body, type);
    expectValid(status, json);
    expect(json.input).toEqual({ input_type: 'jws', value: jwt });
  });

  it.each([
    ['PNG, raw', async () => ({ body: bakeCredentialImage(makeBadgeTestPng(), JSON.stringify(signed)), type: 'image/png', input: 'png' })],
    ['SVG, raw, with the VC-JWT', async () => ({ body: bakeCredentialImage(SVG, await issuer.jwt(issuer.credential('c2', 8))), type: 'image/svg+xml', input: 'svg' })],
    ['PNG, multipart', async () => multipart(bakeCredentialImage(makeBadgeTestPng(), JSON.stringify(signed)))],
  ])('verifies a credential baked into a %s upload', async (_form, make) => {
    const { body, type, input } = await make();
    const { status, json } = await service.verify(body, type);
    expectValid(status, json);
    expect(json.input).toEqual({ input_type: input });
  });

  it.each([
    ['its JSON', async (credential: Json) => ({ type: 'application/vc+ld+json', body: JSON.stringify(await issuer.signed(credential)) })],
    ['its VC-JWT', async (credential: Json) => ({ type: 'application/vc+jwt', body: await issuer.jwt(credential) })],
  ])('verifies a credential URL (/public/credentials/…) that answers %s, the same way', async (_form, answer) => {
    const id = `hosted-${_form.length}`;
    const { type, body } = await answer(issuer.credential(id, 9));
    server.routes.set(`/public/credentials/${id}`, (_req, res) => res.writeHead(200, { 'content-type': type }).end(body));
    const url = issuer.credentialUrl(id);
    const { status, json } = await service.verify({ url });
    expectValid(status, json);
    expect(json.input).toEqual({ input_type: 'url', value: url });
    await waitFor(() => service.events.some((event) => (event.payload as { subjectUrl?: string }).subjectUrl === url));
  });

  it('matches the expected recipient against the credential\'s hashed identifier', async () => {
    const match = await service.verify({ json: signed, expected_recipient: OB3_RECIPIENT });
    expect(report(match.json).steps.find((s) => s.step === 'RECIPIENT')?.status).toBe('passed');
    const mismatch = await service.verify({ json: signed, expected_recipient: 'someone@example.org' });
    expect(errorCodes(mismatch.json)).toEqual(['VERIFY_RECIPIENT_IDENTIFIER']);
  });

  it('says a revoked credential is revoked, with the issuer\'s reason for one of this platform\'s own, in the reader\'s language', async () => {
    const credential = await issuer.signed(issuer.credential('c3', 11));
    await issuer.revoke(11);
    const { status, json } = await service.verify({ json: credential });
    expect(status).toBe(200);
    expect(errorCodes(json)).toEqual(['BitstringStatusListProbe']);
    expect(json.report.messages.find((m) => m.level === 'ERROR')?.message).toBe(`This badge was revoked by Northern College. It is no longer valid; the earner can ask the issuer about it. (Marked revoked in ${issuer.statusList}.)`);

    // The same award's 2.0 assertion (one id, decision 0048) answers 410 with the issuer's reason.
    server.json('/public/assertions/c3', { id: `${server.origin}/public/assertions/c3`, revoked: true, revocationReason: 'Awarded in error', revokedAt: '2026-03-01T09:00:00Z' }, 410);
    const french = await service.app.inject({ method: 'POST', url: '/v2/verify', headers: { 'content-type': 'application/json', 'accept-language': 'fr-CA' }, payload: { json: credential } });
    expect(french.headers['content-language']).toBe('fr');
    const answer = french.json<VerifyAnswer>();
    const revoked = answer.report.messages.find((m) => m.level === 'ERROR');
    expect(revoked).toMatchObject({ code: 'BitstringStatusListProbe', level: 'ERROR' });
    expect(revoked?.message).toBe(`Ce badge a été révoqué par Northern College le 2026-03-01 : Awarded in error. Il n’est plus valide ; son titulaire peut se renseigner auprès de l’émetteur. (Inscrit dans ${issuer.statusList}.)`);
    expect(report(answer).steps.find((s) => s.step === 'CREDENTIAL_STATUS')?.title).toBe('Consulter la liste de statuts de l’émetteur : le badge n’est pas révoqué');
  });

  it('leaves 2.0 badges to the 2.0 verifier, unchanged', async () => {
    const { assertion, ids } = hostBadge(server);
    for (const body of [{ json: assertion }, { url: ids.assertion }]) {
      const { status, json } = await service.verify(body);
      expect(status).toBe(200);
      expect(report(json)).toMatchObject({ valid: true, openBadgesVersion: '2.0' });
      expect(report(json).steps.map((s) => s.step)).toContain('HOSTED_VERIFICATION');
    }
  });

  describe('hostile input answers 4xx or a coded failure, never 500', () => {
    it('a status list whose encodedList is a decompression bomb', async () => {
      const bombIssuer = await Ob3TestIssuer.start(server, 'bomb');
      await bombIssuer.publishStatusList(`u${gzipSync(Buffer.alloc(200 * 1024 * 1024)).toString('base64url')}`);
      const { status, json } = await service.verify({ json: await bombIssuer.signed(bombIssuer.credential('x', 1)) });
      expect(status).toBe(200);
      expect(json.report.messages.find((m) => m.level === 'ERROR')).toMatchObject({ code: 'BitstringStatusListProbe' });
      expect(JSON.stringify(json.report.messages)).toContain('VC_STATUS_LIST_TOO_LARGE');
    });

    it('deeply nested JSON, as a credential body or a field', async () => {
      const deep = `{"@context":${'['.repeat(50_000)}${']'.repeat(50_000)}}`;
      for (const [body, type] of [
        [deep, 'application/vc+ld+json'],
        [JSON.stringify({ json: deep }), 'application/json'],
      ] as const) {
        const { status, json } = await service.verify(body, type);
        expect(status).toBe(400);
        expect(json.error.code).toMatch(/validation_failed|invalid_json/);
      }
    });

    it('hundreds of proofs: refused before any signature is checked', async () => {
      const many = { ...signed, proof: Array.from({ length: 300 }, () => signed.proof) };
      const { status, json } = await service.verify({ json: many });
      expect(status).toBe(400);
      expect(json.error).toMatchObject({ code: 'validation_failed', field: 'json' });
      const some = { ...signed, proof: Array.from({ length: 20 }, () => signed.proof) };
      const answer = await service.verify({ json: some });
      expect(answer.status).toBe(200);
      expect(errorCodes(answer.json)).toContain('EmbeddedProofProbe');
    });

    it('a VC-JWT that is not one, an empty body, a key on an address nobody may reach', async () => {
      const garbage = await service.verify('eyJhbGciOiJub25lIn0.bm90IGpzb24.c2ln', 'text/plain');
      expect(garbage.status).toBe(200);
      expect(garbage.json.report.valid).toBe(false);
      const empty = await service.verify('   ', 'text/plain');
      expect(empty.status).toBe(400);
      const elsewhere = await issuer.signed({ ...issuer.credential('c4', 12), issuer: { id: 'did:web:127.0.0.1%3A9:x', type: ['Profile'] } });
      const refused = await service.verify({ json: elsewhere });
      expect(refused.status).toBe(200);
      expect(refused.json.report.valid).toBe(false);
    });
  });
});

function multipart(image: Buffer): { body: Buffer; type: string; input: string } {
  const boundary = 'ob3boundary';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="image"; filename="badge.png"\r\nContent-Type: image/png\r\n\r\n`),
    image,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, type: `multipart/form-data; boundary=${boundary}`, input: 'png' };
}

async function waitFor(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

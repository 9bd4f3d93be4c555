/**
 * Signed badges end to end through the issuer's HTTP API: each JWS is checked INDEPENDENTLY
 * (jose.compactVerify with only the PEM fetched from the published CryptographicKey) and with
 * the openbadges lib's verifier, whose fetcher serves this app through inject.
 */
import type { LightMyRequestResponse } from 'fastify';
import { compactVerify, decodeProtectedHeader, importSPKI } from 'jose';

import { unbakeBadgeImage, verifyOpenBadge, type FetchDocument } from '@badges/openbadges';
import { databaseTargets } from '@badges/persistence';
import { InternalHeader, tenantScope } from '@badges/service-kit';

import { IssuerPrismaService } from '../prisma/issuer-prisma.service';
import { SVG_DATA_URI, TEST_CONFIG, badgeClassBody, issuerBody } from '../testing/fixtures';
import { createTestApp, TEST_INTERNAL_TOKEN, type TestApp } from '../testing/issuer-test-app';
import { KeySealer, signingKeyContext } from './key-sealer';
import { SigningKeysService } from './signing-keys.service';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const BASE = TEST_CONFIG.publicUrl;
const publicHeaders = { [InternalHeader.InternalToken]: TEST_INTERNAL_TOKEN };
const payloadOf = (jws: string): Json => JSON.parse(Buffer.from(jws.split('.')[1], 'base64url').toString('utf8')) as Json;
const codesOf = (messages: { level: string; code: string; message: string }[]) => messages.filter((m) => m.level === 'ERROR').map((m) => `${m.code}: ${m.message}`);

describe.each(databaseTargets())('signed badges on $name', (target) => {
  let t: TestApp;
  let A: Record<string, string>;
  let B: Record<string, string>;
  let issuer: Json;
  let badgeClass: Json;
  let first: Json;

  const call = (method: string, url: string, headers: Record<string, string>, payload?: unknown): Promise<LightMyRequestResponse> =>
    t.app.inject({ method: method as 'GET', url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
  const get = (url: string, headers: Record<string, string> = {}) => call('GET', url, { ...publicHeaders, ...headers });
  const created = async (response: Promise<LightMyRequestResponse>): Promise<Json> => {
    const r = await response;
    if (r.statusCode !== 201) throw new Error(`${r.statusCode} ${r.body}`);
    return (r.json() as Json).result[0];
  };
  const award = (identity: string, badgeClassId = badgeClass.entityId) =>
    created(call('POST', `/v2/badgeclasses/${badgeClassId}/assertions`, A, { recipient: { identity }, issuedOn: '2024-05-01T00:00:00Z' }));
  /** The verifier's only window on the world: this app, reached through inject. */
  const fetchDocument: FetchDocument = async (url) => {
    if (!url.startsWith(`${BASE}/`)) return { status: 404, body: '' };
    const response = await get(url.slice(BASE.length), { accept: 'application/ld+json' });
    return { status: response.statusCode, contentType: response.headers['content-type'] as string, body: response.body };
  };
  const verify = (jws: string) => verifyOpenBadge(jws, { fetchDocument, now: new Date('2025-01-01T00:00:00Z') });

  /** The independent check: nothing but jose and the PEM published at the creator's URL. */
  const verifyIndependently = async (jws: string): Promise<{ payload: Json; key: Json }> => {
    const payload = payloadOf(jws);
    const creator = payload.verification.creator as string;
    expect(creator.startsWith(`${BASE}/public/issuers/${issuer.entityId}/keys/`)).toBe(true);
    const keyResponse = await get(creator.slice(BASE.length));
    expect(keyResponse.statusCode).toBe(200);
    expect(keyResponse.headers['content-type']).toMatch(/^application\/ld\+json/);
    expect(keyResponse.headers['cache-control']).toBe('public, max-age=60');
    expect((await get(creator.slice(BASE.length), { accept: 'application/json' })).headers['content-type']).toBe('application/json; charset=utf-8');
    const key = keyResponse.json() as Json;
    expect(key).toMatchObject({ type: 'CryptographicKey', id: creator, owner: `${BASE}/public/issuers/${issuer.entityId}` });
    const { alg } = decodeProtectedHeader(jws);
    const verified = await compactVerify(jws, await importSPKI(key.publicKeyPem, alg as string), { algorithms: ['RS256', 'ES256'] });
    expect(JSON.parse(new TextDecoder().decode(verified.payload))).toEqual(payload);
    const profile = (await get(`/public/issuers/${issuer.entityId}`)).json() as Json;
    expect(profile.publicKey).toContain(creator);
    return { payload, key };
  };

  beforeAll(async () => {
    t = await createTestApp(target);
    A = await t.institution('inst-a');
    B = await t.institution('inst-b');
    issuer = await created(call('POST', '/v2/issuers', A, issuerBody()));
    badgeClass = await created(call('POST', `/v2/issuers/${issuer.entityId}/badgeclasses`, A, badgeClassBody({ verification: 'signed' })));
    first = await award('first@example.org');
  });
  afterAll(async () => t.close());

  it('signs an award with the issuer key: the JWS verifies independently and with the library verifier', async () => {
    expect(badgeClass.verification).toBe('signed');
    expect(first).toMatchObject({ verification: 'signed', signature: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/) });
    const jws = first.signature as string;
    expect(decodeProtectedHeader(jws).alg).toBe('RS256');
    const { payload } = await verifyIndependently(jws);
    expect(payload).toMatchObject({
      '@context': 'https://w3id.org/openbadges/v2',
      type: 'Assertion',
      id: `${BASE}/public/assertions/${first.entityId}`,
      badge: `${BASE}/public/badges/${badgeClass.entityId}`,
      verification: { type: 'SignedBadge' },
      recipient: { hashed: true, identity: first.recipient.identity },
    });
    const profile = (await get(`/public/issuers/${issuer.entityId}`)).json() as Json;
    expect(profile.revocationList).toBe(`${BASE}/public/issuers/${issuer.entityId}/revocations`);
    const keys = (await call('GET', `/v2/issuers/${issuer.entityId}/keys`, A)).json() as Json;
    expect(keys.result).toEqual([expect.objectContaining({ entityId: expect.any(String), algorithm: 'RS256', active: true, retiredAt: null, openBadgeId: payload.verification.creator })]);
    expect(JSON.stringify(keys)).not.toMatch(/PRIVATE KEY|privateKey/);

    const result = await verify(jws);
    expect(codesOf(result.report.messages)).toEqual([]);
    expect(result.report.valid).toBe(true);

    // Control: the same checks refuse an altered badge.
    const [header, , signature] = jws.split('.');
    const forged = `${header}.${Buffer.from(JSON.stringify({ ...payload, narrative: 'forged' })).toString('base64url')}.${signature}`;
    await expect(verifyIndependently(forged)).rejects.toThrow();
    expect((await verify(forged)).report.valid).toBe(false);
  });

  it('serves the signed JSON at the hosted URL and the compact JWS on request', async () => {
    const url = `/public/assertions/${first.entityId}`;
    const json = await get(url, { accept: 'application/ld+json' });
    expect(json.statusCode).toBe(200);
    expect(json.json()).toEqual(payloadOf(first.signature));
    for (const response of [await get(`${url}?format=jws`), await get(url, { accept: 'application/jose' })]) {
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('application/jose');
      expect(response.body).toBe(first.signature);
    }
    expect((await call('GET', `/v2/assertions/${first.entityId}`, A)).json()).toMatchObject({ result: [{ verification: 'signed', signature: first.signature }] });
    const hosted = await created(call('POST', `/v2/issuers/${issuer.entityId}/badgeclasses`, A, badgeClassBody({ translations: [] })));
    const hostedAssertion = await award('hosted@example.org', hosted.entityId);
    expect(hostedAssertion.verification).toBe('hosted');
    expect(hostedAssertion.signature).toBeUndefined();
    expect((await get(`/public/assertions/${hostedAssertion.entityId}?format=jws`)).statusCode).toBe(404);
  });

  it('bakes the stored JWS into the PNG and SVG images', async () => {
    const png = await get(`/public/assertions/${first.entityId}/image`);
    expect(png.headers['content-type']).toBe('image/png');
    expect(unbakeBadgeImage(png.rawPayload)).toEqual({ kind: 'png', payload: first.signature });
    const svgClass = await created(call('POST', `/v2/issuers/${issuer.entityId}/badgeclasses`, A, badgeClassBody({ image: SVG_DATA_URI, translations: [], verification: 'signed' })));
    const svgAssertion = await award('svg@example.org', svgClass.entityId);
    const svg = await get(`/public/assertions/${svgAssertion.entityId}/image`);
    expect(unbakeBadgeImage(svg.rawPayload)).toEqual({ kind: 'svg', payload: svgAssertion.signature });
  });

  it('signs every row of a batch /issue', async () => {
    const response = await call('POST', `/v2/badgeclasses/${badgeClass.entityId}/issue`, A, {
      assertions: ['b1@example.org', 'b2@example.org', 'b3@example.org'].map((identity) => ({ recipient: { identity } })),
    });
    expect(response.statusCode).toBe(201);
    const rows = (response.json() as Json).result as Json[];
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(payloadOf(row.signature).id).toBe(`${BASE}/public/assertions/${row.entityId}`);
      await verifyIndependently(row.signature);
    }
  });

  it('lists a revoked signed assertion in the RevocationList, and verifiers see the revocation', async () => {
    const doomed = await award('doomed@example.org');
    expect((await call('DELETE', `/v2/assertions/${doomed.entityId}`, A, { revocation_reason: 'Issued in error' })).statusCode).toBe(200);
    const list = await get(`/public/issuers/${issuer.entityId}/revocations`);
    expect(list.statusCode).toBe(200);
    expect(list.headers['content-type']).toMatch(/^application\/ld\+json/);
    expect(list.headers['cache-control']).toBe('public, max-age=60');
    expect(list.json()).toEqual({
      '@context': 'https://w3id.org/openbadges/v2',
      id: `${BASE}/public/issuers/${issuer.entityId}/revocations`,
      type: 'RevocationList',
      issuer: `${BASE}/public/issuers/${issuer.entityId}`,
      revokedAssertions: [{ id: `${BASE}/public/assertions/${doomed.entityId}`, revocationReason: 'Issued in error' }],
    });
    expect((await get(`/public/assertions/${doomed.entityId}`)).statusCode).toBe(410);
    expect((await get(`/public/assertions/${doomed.entityId}/image`)).statusCode).toBe(410);
    const result = await verify(doomed.signature);
    expect(result.report.valid).toBe(false);
    expect(codesOf(result.report.messages)).toEqual([expect.stringMatching(/^VERIFY_SIGNED_ASSERTION_NOT_REVOKED: /)]);
    expect(JSON.stringify(result.report.messages)).toContain('Issued in error');
    // The signature itself is still sound: only the list says no.
    await verifyIndependently(doomed.signature);
  });

  it('rotates keys: old signatures still verify with the retired (still published) key, new ones use the new key', async () => {
    const oldCreator = payloadOf(first.signature).verification.creator as string;
    const rotated = await call('POST', `/v2/issuers/${issuer.entityId}/keys/rotate`, A);
    expect(rotated.statusCode).toBe(201);
    const keys = (rotated.json() as Json).result as Json[];
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatchObject({ openBadgeId: oldCreator, active: false, retiredAt: expect.any(String) });
    expect(keys[1]).toMatchObject({ active: true, retiredAt: null, algorithm: 'RS256' });

    expect((await get(`/public/assertions/${first.entityId}?format=jws`)).body).toBe(first.signature);
    await verifyIndependently(first.signature);
    expect((await verify(first.signature)).report.valid).toBe(true);

    const second = await award('second@example.org');
    const newCreator = payloadOf(second.signature).verification.creator;
    expect(newCreator).toBe(keys[1].openBadgeId);
    expect(newCreator).not.toBe(oldCreator);
    await verifyIndependently(second.signature);
    expect((await verify(second.signature)).report.valid).toBe(true);
    expect(((await get(`/public/issuers/${issuer.entityId}`)).json() as Json).publicKey).toEqual([oldCreator, newCreator]);

    // ES256 on request.
    const es = (await call('POST', `/v2/issuers/${issuer.entityId}/keys/rotate`, A, { algorithm: 'ES256' })).json() as Json;
    expect(es.result.at(-1)).toMatchObject({ algorithm: 'ES256', active: true });
    const third = await award('third@example.org');
    expect(decodeProtectedHeader(third.signature).alg).toBe('ES256');
    await verifyIndependently(third.signature);
    expect((await verify(third.signature)).report.valid).toBe(true);
    expect((await call('POST', `/v2/issuers/${issuer.entityId}/keys/rotate`, A, { algorithm: 'HS256' })).statusCode).toBe(400);
  });

  it('keeps private keys sealed at rest, bound to their row', async () => {
    const rows = await t.app.get(IssuerPrismaService).signingKey.findMany({ where: { issuerId: issuer.entityId }, orderBy: { createdAt: 'asc' } });
    expect(rows.length).toBeGreaterThanOrEqual(1);
    const sealer = new KeySealer(TEST_CONFIG);
    for (const row of rows) {
      expect(row.privateKeyEnc).not.toContain('PRIVATE KEY');
      expect(sealer.open(row.privateKeyEnc, signingKeyContext(row))).toContain('-----BEGIN PRIVATE KEY-----');
    }
    const [row, other] = rows;
    const wrongMaster = new KeySealer({ secretsEncryptionKey: 'another-secrets-encryption-key-0123456789' });
    expect(() => wrongMaster.open(row.privateKeyEnc, signingKeyContext(row))).toThrow();
    // A ciphertext copied onto another key row does not open there.
    if (other) expect(() => sealer.open(row.privateKeyEnc, signingKeyContext(other))).toThrow();
    expect(() => sealer.open(row.privateKeyEnc, signingKeyContext({ ...row, institutionId: 'inst-b' }))).toThrow();
  });

  it('makes exactly one key when first uses race', async () => {
    const fresh = await created(call('POST', '/v2/issuers', A, issuerBody({ name: 'Fresh' })));
    const keys = t.app.get(SigningKeysService);
    const prisma = t.app.get(IssuerPrismaService);
    const scope = tenantScope('inst-a');
    const used = await Promise.all([1, 2, 3].map(() => prisma.$transaction((tx) => keys.activeKey(scope, fresh.entityId, tx, { correlationId: 'race' }))));
    expect(new Set(used.map((key) => key.id)).size).toBe(1);
    expect(await prisma.signingKey.count({ where: { issuerId: fresh.entityId } })).toBe(1);
  });

  it('scopes the key routes to the institution, and keys to their issuer', async () => {
    const keysUrl = `/v2/issuers/${issuer.entityId}/keys`;
    expect((await call('GET', keysUrl, B)).statusCode).toBe(404);
    expect((await call('POST', `${keysUrl}/rotate`, B)).statusCode).toBe(404);
    expect((await call('GET', '/v2/issuers/nope/keys', A)).statusCode).toBe(404);
    const keys = ((await call('GET', keysUrl, A)).json() as Json).result as Json[];
    const other = await created(call('POST', '/v2/issuers', A, issuerBody({ name: 'Other' })));
    expect((await get(`/public/issuers/${other.entityId}/keys/${keys[0].entityId}`)).statusCode).toBe(404);
    expect(((await get(`/public/issuers/${other.entityId}`)).json() as Json).publicKey).toBeUndefined();
    expect(((await get(`/public/issuers/${other.entityId}/revocations`)).json() as Json).revokedAssertions).toEqual([]);
  });
});

/**
 * Signed endorsements through the endorsement service's HTTP API on every storage target: the
 * endorser opts in, its approvals are JWS made with its own key, checked INDEPENDENTLY (jose with
 * only the published CryptographicKey) and with the openbadges verifier; withdrawal lists them
 * in the endorser's RevocationList; rotation keeps old signatures verifying; keys are sealed.
 */
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { LightMyRequestResponse } from 'fastify';
import { compactVerify, decodeProtectedHeader, exportJWK, importJWK, importSPKI } from 'jose';

import { buildBadgeClass, buildIssuerProfile, validateNode, verifyOpenBadge, type FetchDocument } from '@badges/openbadges';
import { outboxEventsQuery } from '@badges/messaging';
import { databaseTargets, openDatabase, type Database, type ScratchDatabase } from '@badges/persistence';
import { tenantScope } from '@badges/service-kit';

import { EndorsementPrismaService } from '../prisma/endorsement-prisma.service';
import { startEndorsementApp, tenantHeaders, TEST_SECRETS_KEY } from '../testing/endorsement-test-app';
import { FAKE_PUBLIC_URL, startFakeIssuer } from '../testing/fake-issuer';
import { EndorserKeySealer, endorserKeyContext } from './endorser-key-sealer';
import { EndorserKeysService } from './endorser-keys.service';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const COLLEGE = 'inst-college';
const COUNCIL = 'inst-council';
const STRANGER = 'inst-stranger';
const PROFILE = { name: 'Engineering Council', url: 'https://council.example', email: 'endorse@council.example' };
const BADGES = ['badge-one', 'badge-two', 'badge-three', 'badge-four', 'badge-five'];
const ISSUER_URL = `${FAKE_PUBLIC_URL}/public/issuers/issuer-faculty`;
const payloadOf = (jws: string): Json => JSON.parse(Buffer.from(jws.split('.')[1], 'base64url').toString('utf8')) as Json;

describe.each(databaseTargets())('signed endorsements on $name', (target) => {
  let scratch: ScratchDatabase;
  let database: Database;
  let issuer: Awaited<ReturnType<typeof startFakeIssuer>>;
  let app: NestFastifyApplication;
  let profile: Json;
  let first: Json;

  const call = (institution: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown): Promise<LightMyRequestResponse> =>
    app.inject({ method, url, headers: tenantHeaders(institution), ...(payload === undefined ? {} : { payload: payload as object }) });
  const publicGet = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers: { ...tenantHeaders(STRANGER), ...headers } });
  const endorse = async (badge: string): Promise<Json> => {
    const requested = await call(COLLEGE, 'POST', '/v2/endorsement-requests', { target: { type: 'BadgeClass', entityId: badge }, endorser: COUNCIL });
    expect(requested.statusCode).toBe(201);
    const approved = await call(COUNCIL, 'POST', `/v2/endorsement-requests/${requested.json().result[0].entityId}/approve`, { comment: 'Rigorous.' });
    expect(approved.statusCode).toBe(201);
    return approved.json().result[0] as Json;
  };

  /** The independent check: nothing but jose and the JWK of the key published at `kid`/`creator`. */
  const verifyIndependently = async (jws: string): Promise<Json> => {
    const payload = payloadOf(jws);
    const creator = payload.verification.creator as string;
    const header = decodeProtectedHeader(jws);
    expect(header.kid).toBe(creator);
    const key = await publicGet(creator.slice(FAKE_PUBLIC_URL.length));
    expect(key.statusCode).toBe(200);
    expect(key.json()).toMatchObject({ type: 'CryptographicKey', id: creator, owner: profile.openBadgeId });
    expect(validateNode(key.json(), 'CryptographicKey')).toEqual([]);
    const jwk = await exportJWK(await importSPKI(key.json().publicKeyPem, header.alg as string));
    const verified = await compactVerify(jws, await importJWK(jwk, header.alg as string), { algorithms: ['RS256', 'ES256'] });
    expect(JSON.parse(new TextDecoder().decode(verified.payload))).toEqual(payload);
    const hosted = (await publicGet(`/public/endorsers/${profile.entityId}`)).json() as Json;
    expect(hosted.publicKey).toContain(creator);
    return payload;
  };

  /**
   * The openbadges verifier on a BadgeClass that lists the endorsement; our app serves the rest,
   * except URLs in `copies` (by `<accept> <url>`): what a verifier's cache or a mirror still holds.
   */
  const verifyOnBadge = async (endorsement: Json, copies: Record<string, string> = {}) => {
    const badgeUrl = endorsement.target.openBadgeId as string;
    const badge = buildBadgeClass({ id: badgeUrl, issuer: ISSUER_URL, name: 'B', description: 'D', image: `${FAKE_PUBLIC_URL}/i.png`, criteria: { narrative: 'Do it' }, endorsement: [endorsement.openBadgeId] });
    const issuerProfile = buildIssuerProfile({ id: ISSUER_URL, name: 'Faculty', url: 'https://college.example', email: 'faculty@college.example' });
    const fetchDocument: FetchDocument = async (url, options) => {
      if (url === badgeUrl) return { status: 200, body: JSON.stringify(badge) };
      if (url === ISSUER_URL) return { status: 200, body: JSON.stringify(issuerProfile) };
      if (!url.startsWith(`${FAKE_PUBLIC_URL}/public/endorse`)) return { status: 404, body: '' };
      const accept = options?.accept ?? 'application/ld+json';
      if (copies[`${accept} ${url}`]) return { status: 200, body: copies[`${accept} ${url}`] };
      const response = await publicGet(url.slice(FAKE_PUBLIC_URL.length), { accept });
      return { status: response.statusCode, contentType: response.headers['content-type'] as string, body: response.body };
    };
    return (await verifyOpenBadge(badgeUrl, { fetchDocument, checkImages: false })).report;
  };

  beforeAll(async () => {
    issuer = await startFakeIssuer(Object.fromEntries(BADGES.map((id) => [id, { owner: COLLEGE, name: `Badge ${id}`, issuer: 'issuer-faculty' }])));
    scratch = await target.create();
    database = await openDatabase(scratch.config);
    app = await startEndorsementApp(database, issuer.client);
  });

  afterAll(async () => {
    await app?.close();
    await database?.close();
    await scratch?.dispose();
    await issuer?.fastify.close();
  });

  it('an endorser opts in with verification "signed"; a bad value is a 400 naming the field; leaving it out keeps the choice', async () => {
    expect((await call(COUNCIL, 'POST', '/v2/endorsers/self/keys/rotate')).statusCode).toBe(404);
    const hosted = await call(COUNCIL, 'PUT', '/v2/endorsers/self', PROFILE);
    expect(hosted.json().result[0].verification).toBe('hosted');
    const bad = await call(COUNCIL, 'PUT', '/v2/endorsers/self', { ...PROFILE, verification: 'blockchain' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'validation_failed', field: 'verification' });
    const signed = await call(COUNCIL, 'PUT', '/v2/endorsers/self', { ...PROFILE, verification: 'signed' });
    expect(signed.statusCode).toBe(200);
    profile = signed.json().result[0];
    expect(profile.verification).toBe('signed');
    expect((await call(COUNCIL, 'PUT', '/v2/endorsers/self', { ...PROFILE, description: 'Professional body' })).json().result[0].verification).toBe('signed');
    expect((await call(COUNCIL, 'GET', '/v2/endorsers/self/keys')).json().result).toEqual([]);
    expect((await publicGet(`/public/endorsers/${profile.entityId}`)).json().publicKey).toBeUndefined();
  });

  it('approving signs the Endorsement with the endorser key: the JWS verifies independently, and the verifier reports it valid', async () => {
    first = await endorse('badge-one');
    expect(first).toMatchObject({ verification: 'signed', signature: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/) });
    const jws = first.signature as string;
    expect(decodeProtectedHeader(jws).alg).toBe('RS256');
    const payload = await verifyIndependently(jws);
    expect(payload).toMatchObject({
      '@context': 'https://w3id.org/openbadges/v2', type: 'Endorsement', id: first.openBadgeId, issuer: profile.openBadgeId,
      claim: { id: `${FAKE_PUBLIC_URL}/public/badges/badge-one`, endorsementComment: 'Rigorous.' },
      verification: { type: 'SignedBadge', creator: expect.stringMatching(new RegExp(`^${profile.openBadgeId}/keys/`)) },
    });
    expect(validateNode(payload, 'Endorsement')).toEqual([]);
    const keys = (await call(COUNCIL, 'GET', '/v2/endorsers/self/keys')).json().result as Json[];
    expect(keys).toEqual([expect.objectContaining({ entityType: 'EndorserSigningKey', algorithm: 'RS256', active: true, retiredAt: null, openBadgeId: payload.verification.creator })]);
    expect(JSON.stringify(keys)).not.toMatch(/PRIVATE KEY|privateKey/);
    const hostedProfile = (await publicGet(`/public/endorsers/${profile.entityId}`)).json() as Json;
    expect(hostedProfile).toMatchObject({ publicKey: [payload.verification.creator], revocationList: `${profile.openBadgeId}/revocations` });
    expect(validateNode(hostedProfile, 'Profile')).toEqual([]);

    const report = await verifyOnBadge(first);
    expect(report.messages).toEqual([]);
    expect(report.endorsements).toEqual([expect.objectContaining({ id: first.openBadgeId, status: 'valid', endorser: { id: profile.openBadgeId, name: PROFILE.name }, problems: [] })]);

    // Control: an altered endorsement fails both checks.
    const [header, , signature] = jws.split('.');
    const forged = `${header}.${Buffer.from(JSON.stringify({ ...payload, claim: { id: payload.claim.id, endorsementComment: 'Best in class.' } })).toString('base64url')}.${signature}`;
    await expect(verifyIndependently(forged)).rejects.toThrow();
  });

  it('serves the signed JSON at the public URL and the JWS on request; the issued event carries it', async () => {
    const url = `/public/endorsements/${first.entityId}`;
    const json = await publicGet(url, { accept: 'application/ld+json' });
    expect(json.statusCode).toBe(200);
    expect(json.json()).toEqual(payloadOf(first.signature));
    for (const response of [await publicGet(`${url}?format=jws`), await publicGet(url, { accept: 'application/jose' })]) {
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('application/jose');
      expect(response.body).toBe(first.signature);
    }
    const [issued] = (await database.query<{ topic: string; envelope: Json }>(outboxEventsQuery('endorsement'))).filter(
      (row) => row.topic === 'badges.endorsement.issued.v1' && row.envelope.payload.endorsementId === first.entityId,
    );
    expect(issued.envelope.payload.signedJws).toBe(first.signature);
    expect((await call(COLLEGE, 'GET', `/v2/endorsements/${first.entityId}`)).json().result[0]).toMatchObject({ verification: 'signed', signature: first.signature });
  });

  it('a hosted endorsement stays hosted, has no JWS, and still verifies after its endorser switched', async () => {
    expect((await call(COUNCIL, 'PUT', '/v2/endorsers/self', { ...PROFILE, verification: 'hosted' })).json().result[0].verification).toBe('hosted');
    const hosted = await endorse('badge-two');
    expect(hosted.verification).toBe('hosted');
    expect(hosted.signature).toBeUndefined();
    expect((await publicGet(`/public/endorsements/${hosted.entityId}?format=jws`)).statusCode).toBe(404);
    expect((await publicGet(`/public/endorsements/${hosted.entityId}`)).json().verification).toEqual({ type: 'HostedBadge' });
    // The endorser's earlier signed endorsement is unchanged, and its key is still published.
    expect((await verifyOnBadge(first)).endorsements?.[0]).toMatchObject({ status: 'valid' });
    expect((await call(COUNCIL, 'PUT', '/v2/endorsers/self', { ...PROFILE, verification: 'signed' })).statusCode).toBe(200);
  });

  it('withdrawing a signed endorsement: 410 at its URL, listed in the endorser RevocationList, the verifier says revoked', async () => {
    const doomed = await endorse('badge-three');
    const copies = {
      [`application/ld+json ${doomed.openBadgeId}`]: (await publicGet(`/public/endorsements/${doomed.entityId}`)).body,
      [`application/jose ${doomed.openBadgeId}`]: doomed.signature as string,
    };
    expect((await call(COLLEGE, 'DELETE', `/v2/endorsements/${doomed.entityId}`, { reason: 'Programme closed' })).statusCode).toBe(200);
    expect((await publicGet(`/public/endorsements/${doomed.entityId}`)).statusCode).toBe(410);
    expect((await publicGet(`/public/endorsements/${doomed.entityId}?format=jws`)).statusCode).toBe(410);
    const list = await publicGet(`/public/endorsers/${profile.entityId}/revocations`);
    expect(list.statusCode).toBe(200);
    expect(list.headers['content-type']).toMatch(/^application\/ld\+json/);
    expect(list.json()).toEqual({
      '@context': 'https://w3id.org/openbadges/v2',
      id: `${profile.openBadgeId}/revocations`,
      type: 'RevocationList',
      issuer: profile.openBadgeId,
      revokedAssertions: [{ id: doomed.openBadgeId, revocationReason: 'Programme closed' }],
    });
    const report = await verifyOnBadge(doomed);
    expect(report.valid).toBe(true);
    expect(report.endorsements).toEqual([expect.objectContaining({ id: doomed.openBadgeId, status: 'revoked' })]);
    // A verifier still holding the signed endorsement learns of the withdrawal from the RevocationList.
    const cached = await verifyOnBadge(doomed, copies);
    expect(cached.valid).toBe(true);
    expect(cached.endorsements).toEqual([expect.objectContaining({ id: doomed.openBadgeId, status: 'revoked', problems: [expect.stringContaining('withdrawn by its endorser: Programme closed.')] })]);
    expect(cached.messages.map((m) => m.code)).toEqual(['ENDORSEMENT_REVOKED']);
    // The signature itself is still sound: only the withdrawal says no.
    await verifyIndependently(doomed.signature);
  });

  it('rotates keys: old signatures still verify with the retired (still published) key, new approvals use the new key', async () => {
    const oldCreator = payloadOf(first.signature).verification.creator as string;
    const rotated = await call(COUNCIL, 'POST', '/v2/endorsers/self/keys/rotate');
    expect(rotated.statusCode).toBe(201);
    const keys = rotated.json().result as Json[];
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatchObject({ openBadgeId: oldCreator, active: false, retiredAt: expect.any(String) });
    expect(keys[1]).toMatchObject({ active: true, retiredAt: null, algorithm: 'RS256' });
    await verifyIndependently(first.signature);
    expect((await verifyOnBadge(first)).endorsements?.[0]).toMatchObject({ status: 'valid' });

    const es = await call(COUNCIL, 'POST', '/v2/endorsers/self/keys/rotate', { algorithm: 'ES256' });
    expect(es.json().result.at(-1)).toMatchObject({ algorithm: 'ES256', active: true });
    const second = await endorse('badge-four');
    expect(decodeProtectedHeader(second.signature).alg).toBe('ES256');
    expect(payloadOf(second.signature).verification.creator).toBe(es.json().result.at(-1).openBadgeId);
    await verifyIndependently(second.signature);
    expect((await verifyOnBadge(second)).endorsements?.[0]).toMatchObject({ status: 'valid' });
    expect(((await publicGet(`/public/endorsers/${profile.entityId}`)).json() as Json).publicKey).toHaveLength(3);

    const hmac = await call(COUNCIL, 'POST', '/v2/endorsers/self/keys/rotate', { algorithm: 'HS256' });
    expect(hmac.statusCode).toBe(400);
    expect(hmac.json().error).toMatchObject({ code: 'validation_failed', field: 'algorithm' });
  });

  it('keeps private keys sealed at rest, bound to their row; keys and lists are per endorser', async () => {
    const rows = await app.get(EndorsementPrismaService).endorserSigningKey.findMany({ orderBy: { createdAt: 'asc' } });
    const sealer = new EndorserKeySealer({ secretsEncryptionKey: TEST_SECRETS_KEY });
    for (const row of rows) {
      expect(row.privateKeyEnc).not.toContain('PRIVATE KEY');
      expect(sealer.open(row.privateKeyEnc, endorserKeyContext(row))).toContain('-----BEGIN PRIVATE KEY-----');
    }
    const [row, other] = rows;
    expect(() => new EndorserKeySealer({ secretsEncryptionKey: 'another-secrets-encryption-key-0123456789' }).open(row.privateKeyEnc, endorserKeyContext(row))).toThrow();
    expect(() => sealer.open(row.privateKeyEnc, endorserKeyContext(other))).toThrow();
    // A key under another endorser's Profile URL is 404; so are unknown ids.
    const stranger = (await call(STRANGER, 'PUT', '/v2/endorsers/self', { ...PROFILE, name: 'Other' })).json().result[0];
    expect((await publicGet(`/public/endorsers/${stranger.entityId}/keys/${row.id}`)).statusCode).toBe(404);
    expect((await publicGet(`/public/endorsers/${stranger.entityId}/revocations`)).json().revokedAssertions).toEqual([]);
    expect((await publicGet('/public/endorsers/nope/revocations')).statusCode).toBe(404);
    expect((await call(STRANGER, 'GET', '/v2/endorsers/self/keys')).json().result).toEqual([]);
  });

  it('makes exactly one key when first signed approvals race', async () => {
    const fresh = (await call('inst-fresh', 'PUT', '/v2/endorsers/self', { ...PROFILE, name: 'Fresh', verification: 'signed' })).json().result[0];
    const keys = app.get(EndorserKeysService);
    const prisma = app.get(EndorsementPrismaService);
    const used = await Promise.all([1, 2, 3].map(() => prisma.$transaction((tx) => keys.activeKey(tenantScope('inst-fresh'), fresh.entityId, tx))));
    expect(new Set(used.map((key) => key.id)).size).toBe(1);
    expect(await prisma.endorserSigningKey.count({ where: { endorserProfileId: fresh.entityId } })).toBe(1);
  });
});

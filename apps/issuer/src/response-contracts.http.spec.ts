/**
 * One source of truth (issue #15): what the issuer really answers is exactly its response
 * contract, the schema the OpenAPI components and the TypeScript types are derived from. A field
 * the service sends but the contract lacks fails, as do a wrong type and a missing field.
 */
import type { LightMyRequestResponse } from 'fastify';
import type { z } from 'zod';

import {
  AssertionV2Schema,
  BadgeClassV2Schema,
  BatchRevokeResultV2Schema,
  contractMismatches,
  DOCUMENTED_ERROR_CODES,
  IssuerV2Schema,
  SigningKeyV2Schema,
  V2ErrorEnvelopeSchema,
  v2SuccessEnvelopeSchema,
} from '@badges/api-contracts';
import { databaseTargets } from '@badges/persistence';

import { badgeClassBody, issuerBody } from './testing/fixtures';
import { createTestApp, type TestApp } from './testing/issuer-test-app';

describe.each(databaseTargets())('issuer answers match the response contracts on $name', (target) => {
  let t: TestApp;
  let headers: Record<string, string>;

  const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object): Promise<LightMyRequestResponse> =>
    t.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload }) });
  /** The answer's envelope, checked against the contract of its items; returns the first item. */
  const answered = async (schema: z.ZodType, response: Promise<LightMyRequestResponse>, status = 200) => {
    const answer = await response;
    expect({ status: answer.statusCode, mismatches: contractMismatches(v2SuccessEnvelopeSchema(schema), answer.json()) }).toEqual({ status, mismatches: [] });
    return answer.json().result[0];
  };

  beforeAll(async () => {
    t = await createTestApp(target);
    headers = await t.institution('inst-contracts');
  });
  afterAll(async () => t.close());

  it('issuers, badge classes, assertions and keys, hosted and signed, as created, read, listed, updated and revoked', async () => {
    const issuer = await answered(IssuerV2Schema, call('POST', '/v2/issuers', issuerBody()), 201);
    await answered(IssuerV2Schema, call('GET', `/v2/issuers/${issuer.entityId}`));
    await answered(IssuerV2Schema, call('PUT', `/v2/issuers/${issuer.entityId}`, issuerBody({ description: null, image: undefined })));
    await answered(IssuerV2Schema, call('GET', '/v2/issuers?include_staff=false'));

    const hosted = await answered(BadgeClassV2Schema, call('POST', `/v2/issuers/${issuer.entityId}/badgeclasses`, badgeClassBody()), 201);
    const signed = await answered(BadgeClassV2Schema, call('POST', `/v2/issuers/${issuer.entityId}/badgeclasses`, badgeClassBody({ verification: 'signed', expires: null, alignments: [] })), 201);
    expect(signed.verification).toBe('signed');
    await answered(BadgeClassV2Schema, call('GET', `/v2/badgeclasses/${hosted.entityId}`));
    await answered(BadgeClassV2Schema, call('GET', '/v2/badgeclasses'));

    // A hashed email (plaintextIdentity and salt), an unhashed url with evidence and expiry, and a signed one.
    const emailed = await answered(AssertionV2Schema, call('POST', `/v2/badgeclasses/${hosted.entityId}/assertions`, { recipient: { identity: 'ada@example.org' } }), 201);
    expect(emailed.recipient).toMatchObject({ hashed: true, plaintextIdentity: 'ada@example.org', salt: expect.any(String) });
    await answered(
      AssertionV2Schema,
      call('POST', `/v2/badgeclasses/${hosted.entityId}/assertions`, {
        recipient: { identity: 'https://ada.example.org', type: 'url' },
        evidence: [{ url: 'https://ada.example.org/work' }, { narrative: 'Built a robot.' }],
        narrative: 'Well done.',
        expires: '2999-01-01T00:00:00Z',
      }),
      201,
    );
    const signedAward = await answered(AssertionV2Schema, call('POST', `/v2/badgeclasses/${signed.entityId}/assertions`, { recipient: { identity: 'ada@example.org' } }), 201);
    expect(signedAward.signature).toEqual(expect.any(String));
    await answered(AssertionV2Schema, call('POST', `/v2/badgeclasses/${hosted.entityId}/issue`, { assertions: [{ recipient: { identity: 'bo@example.org' } }] }), 201);
    await answered(AssertionV2Schema, call('GET', `/v2/assertions/${emailed.entityId}`));
    await answered(AssertionV2Schema, call('GET', `/v2/issuers/${issuer.entityId}/assertions`));
    const revoked = await answered(AssertionV2Schema, call('DELETE', `/v2/assertions/${emailed.entityId}`, { revocation_reason: 'Issued in error' }));
    expect(revoked).toMatchObject({ revoked: true, revocationReason: 'Issued in error' });
    // Revoked, already revoked, unknown: every kind of batch revoke result.
    const batch = [signedAward.entityId, emailed.entityId, 'no-such-assertion'].map((entityId) => ({ entityId, revocationReason: 'Duplicate' }));
    await answered(BatchRevokeResultV2Schema, call('POST', '/v2/assertions/revoke', batch));

    await answered(SigningKeyV2Schema, call('GET', `/v2/issuers/${issuer.entityId}/keys`));
    await answered(SigningKeyV2Schema, call('POST', `/v2/issuers/${issuer.entityId}/keys/rotate`, {}), 201);
  });

  it('OB 3.0 (decision 0048): a VC-JWT issuer, classes in 3.0 and both, awards with their credential URL, Ed25519 keys', async () => {
    const issuer = await answered(IssuerV2Schema, call('POST', '/v2/issuers', issuerBody({ credentialProof: 'vc-jwt' })), 201);
    expect(issuer.credentialProof).toBe('vc-jwt');
    await answered(IssuerV2Schema, call('PUT', `/v2/issuers/${issuer.entityId}`, issuerBody({ credentialProof: 'eddsa-rdfc-2022' })));
    const ob3 = await answered(BadgeClassV2Schema, call('POST', `/v2/issuers/${issuer.entityId}/badgeclasses`, badgeClassBody({ openBadgesVersion: '3.0' })), 201);
    const both = await answered(BadgeClassV2Schema, call('PUT', `/v2/badgeclasses/${ob3.entityId}`, { ...badgeClassBody({ openBadgesVersion: 'both' }), image: undefined }));
    expect(both.openBadgesVersion).toBe('both');
    const award = await answered(AssertionV2Schema, call('POST', `/v2/badgeclasses/${ob3.entityId}/assertions`, { recipient: { identity: 'ada@example.org' } }), 201);
    expect(award.openBadgeCredentialUrl).toEqual(expect.any(String));
    await answered(AssertionV2Schema, call('PUT', `/v2/assertions/${award.entityId}`, { narrative: 'Edited.' }));
    await answered(AssertionV2Schema, call('DELETE', `/v2/assertions/${award.entityId}`, { revocation_reason: 'Issued in error' }));
    const keys = await answered(SigningKeyV2Schema, call('POST', `/v2/issuers/${issuer.entityId}/keys/rotate`, { algorithm: 'Ed25519' }), 201);
    expect(keys).toMatchObject({ algorithm: 'Ed25519', openBadgeId: expect.stringMatching(/^did:web:/) });
  });

  it('errors: the error envelope, with a documented code', async () => {
    for (const response of [await call('GET', '/v2/issuers/no-such-issuer'), await call('POST', '/v2/issuers', issuerBody({ email: 'nope' }))]) {
      expect(response.statusCode).toBeGreaterThanOrEqual(400);
      expect(contractMismatches(V2ErrorEnvelopeSchema, response.json())).toEqual([]);
      expect(DOCUMENTED_ERROR_CODES).toContain(response.json().error.code);
    }
  });
});

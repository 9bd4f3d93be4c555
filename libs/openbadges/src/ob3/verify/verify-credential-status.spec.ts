import { gzipSync } from 'node:zlib';

import type { JsonNode } from '../../validation/present-values';
import type { VerificationResult } from '../../verification/report';
import { MAX_PROOFS } from './limits';
import {
  controllerDocument,
  ed25519Key,
  encodedList,
  servedDocuments,
  signDataIntegrity,
  statusEntry,
  statusListCredential,
  testCredential,
  TEST_RECIPIENT,
  type TestKey,
} from './testing/test-credentials';
import { verifyOpenBadgeCredential } from './verify-credential';

const ISSUER = 'https://college.example/issuers/1';
const LIST = 'https://college.example/issuers/1/status/0';
const errors = (result: VerificationResult) => result.report.messages.filter((m) => m.level === 'ERROR').map((m) => `${m.code}:${m.messageCode}`);
const warnings = (result: VerificationResult) => result.report.messages.filter((m) => m.level === 'WARNING').map((m) => `${m.code}:${m.messageCode}`);

describe('verifyOpenBadgeCredential: status, dates, endorsements, recipient, hostile input', () => {
  let key: TestKey;
  let issuerDocument: JsonNode;
  const listed = async (revoked: number[], overrides: JsonNode = {}, signer?: TestKey) =>
    signDataIntegrity(statusListCredential(LIST, ISSUER, encodedList(revoked), overrides), signer ?? key);
  const credentialAt = (index: number, overrides: JsonNode = {}) => signDataIntegrity(testCredential(ISSUER, { credentialStatus: statusEntry(LIST, index), ...overrides }), key);

  beforeAll(async () => {
    key = await ed25519Key(ISSUER, 'key-1');
    issuerDocument = controllerDocument(ISSUER, [key]);
  });

  describe('Bitstring Status List', () => {
    it('is valid when its bit is clear, and revoked when set, in the list its issuer signed', async () => {
      const list = await listed([3, 42]);
      const fetchDocument = servedDocuments({ [ISSUER]: issuerDocument, [LIST]: list });
      const clear = await verifyOpenBadgeCredential(await credentialAt(41), { fetchDocument });
      expect(errors(clear)).toEqual([]);
      expect(clear.report.steps?.find((s) => s.step === 'CREDENTIAL_STATUS')?.status).toBe('passed');
      const revoked = await verifyOpenBadgeCredential(await credentialAt(42), { fetchDocument });
      expect(errors(revoked)).toEqual(['BitstringStatusListProbe:VC_REVOKED_IN_LIST']);
      expect(revoked.report.messages.find((m) => m.level === 'ERROR')?.message).toBe(
        `This badge was revoked by Northern College. It is no longer valid; the earner can ask the issuer about it. (Marked revoked in ${LIST}.)`,
      );
    });

    it('tells the reason when the service can look it up for one of its own credentials', async () => {
      const fetchDocument = servedDocuments({ [ISSUER]: issuerDocument, [LIST]: await listed([42]) });
      const asked: string[] = [];
      const result = await verifyOpenBadgeCredential(await credentialAt(42), {
        fetchDocument,
        revocationDetails: async (id) => (asked.push(id), { reason: 'Awarded in error', date: '2026-03-01T10:00:00Z' }),
      });
      expect(asked).toEqual(['https://badges.example/public/credentials/a1']);
      expect(result.report.messages.find((m) => m.level === 'ERROR')).toMatchObject({
        code: 'BitstringStatusListProbe',
        messageCode: 'REVOKED_LISTED',
        message: `This badge was revoked by Northern College on 2026-03-01: Awarded in error. It is no longer valid; the earner can ask the issuer about it. (Listed in ${LIST}.)`,
      });
    });

    it('reports a suspended credential', async () => {
      const list = await signDataIntegrity(
        statusListCredential(LIST, ISSUER, encodedList([5]), { credentialSubject: { id: `${LIST}#list`, type: 'BitstringStatusList', statusPurpose: 'suspension', encodedList: encodedList([5]) } }),
        key,
      );
      const credential = await signDataIntegrity(testCredential(ISSUER, { credentialStatus: statusEntry(LIST, 5, 'suspension') }), key);
      const result = await verifyOpenBadgeCredential(credential, { fetchDocument: servedDocuments({ [ISSUER]: issuerDocument, [LIST]: list }) });
      expect(errors(result)).toEqual(['BitstringStatusListProbe:VC_SUSPENDED_IN_LIST']);
    });

    it.each([
      ['not published', async () => undefined, 'FETCH_HTTP_STATUS'],
      ['signed by another issuer', async () => signDataIntegrity(statusListCredential(LIST, 'https://mallory.example/me', encodedList([])), key), 'VC_STATUS_LIST_WRONG_ISSUER'],
      ['altered after signing', async () => ({ ...(await signDataIntegrity(statusListCredential(LIST, ISSUER, encodedList([42])), key)), credentialSubject: { id: `${LIST}#list`, type: 'BitstringStatusList', statusPurpose: 'revocation', encodedList: encodedList([]) } }), 'VC_PROOF_INVALID'],
      ['unsigned', async () => statusListCredential(LIST, ISSUER, encodedList([])), 'VC_PROOF_MISSING'],
      ['too short for the index', async () => signDataIntegrity(statusListCredential(LIST, ISSUER, encodedList([], 64)), key), 'VC_STATUS_INDEX_OUT_OF_RANGE'],
      ['no longer valid', async () => listed([], { validUntil: '2025-01-01T00:00:00Z' }), 'VC_STATUS_LIST_EXPIRED'],
      ['for another purpose', async () => signDataIntegrity(statusListCredential(LIST, ISSUER, encodedList([]), { credentialSubject: { id: `${LIST}#list`, type: 'BitstringStatusList', statusPurpose: 'message', encodedList: encodedList([]) } }), key), 'VC_STATUS_PURPOSE_MISMATCH'],
      ['not a status list', async () => signDataIntegrity(testCredential(ISSUER, { id: LIST }), key), 'VC_STATUS_LIST_NOT_LIST'],
      ['a decompression bomb', async () => listed([], { credentialSubject: { id: `${LIST}#list`, type: 'BitstringStatusList', statusPurpose: 'revocation', encodedList: `u${gzipSync(Buffer.alloc(64 * 1024 * 1024)).toString('base64url')}` } }), 'VC_STATUS_LIST_TOO_LARGE'],
      ['not GZIP', async () => listed([], { credentialSubject: { id: `${LIST}#list`, type: 'BitstringStatusList', statusPurpose: 'revocation', encodedList: 'uAAAA' } }), 'VC_STATUS_LIST_UNDECODABLE'],
    ])('is an error when the list is %s: nobody can say it was not revoked', async (_case, list, reason) => {
      const served: Record<string, unknown> = { [ISSUER]: issuerDocument };
      const document = await list();
      if (document) served[LIST] = document;
      const result = await verifyOpenBadgeCredential(await credentialAt(100), { now: new Date('2026-06-01T00:00:00Z'), fetchDocument: servedDocuments(served) });
      const message = result.report.messages.find((m) => m.level === 'ERROR');
      expect(message).toMatchObject({ code: 'BitstringStatusListProbe', messageCode: 'VC_STATUS_UNAVAILABLE' });
      expect(JSON.stringify(message?.params)).toContain(`"messageCode":"${reason}"`);
      expect(result.report.valid).toBe(false);
    });

    it('refuses a status entry without a usable index or list, an unknown status type and too many entries', async () => {
      const fetchDocument = servedDocuments({ [ISSUER]: issuerDocument });
      const bad = { ...statusEntry(LIST, 1), statusListIndex: '-1' };
      expect(errors(await verifyOpenBadgeCredential(await signDataIntegrity(testCredential(ISSUER, { credentialStatus: bad }), key), { fetchDocument }))).toEqual([
        'BitstringStatusListProbe:VC_STATUS_ENTRY_INVALID',
      ]);
      const unknown = { id: 'https://x.example/s', type: 'https://x.example/vocab#SomeStatus2030' };
      expect(errors(await verifyOpenBadgeCredential(await signDataIntegrity(testCredential(ISSUER, { credentialStatus: unknown }), key), { fetchDocument }))).toEqual([
        'BitstringStatusListProbe:VC_STATUS_UNSUPPORTED',
      ]);
      const many = [1, 2, 3].map((i) => statusEntry(LIST, i));
      // (The official schema allows one status object; the list is refused by its length first.)
      expect(errors(await verifyOpenBadgeCredential(await signDataIntegrity(testCredential(ISSUER, { credentialStatus: many }), key), { fetchDocument }))).toContain(
        'BitstringStatusListProbe:VC_STATUS_TOO_MANY',
      );
    });
  });

  it('checks validFrom and validUntil against the clock', async () => {
    const fetchDocument = servedDocuments({ [ISSUER]: issuerDocument });
    const expired = await signDataIntegrity(testCredential(ISSUER, { validUntil: '2025-01-01T00:00:00Z' }), key);
    expect(errors(await verifyOpenBadgeCredential(expired, { fetchDocument, now: new Date('2026-01-01T00:00:00Z') }))).toEqual(['ExpirationProbe:EXPIRED']);
    expect(errors(await verifyOpenBadgeCredential(expired, { fetchDocument, now: new Date('2024-06-01T00:00:00Z') }))).toEqual([]);
    const future = await signDataIntegrity(testCredential(ISSUER, { validFrom: '2030-01-01T00:00:00Z' }), key);
    expect(errors(await verifyOpenBadgeCredential(future, { fetchDocument, now: new Date('2026-01-01T00:00:00Z') }))).toEqual(['IssuanceProbe:VC_NOT_YET_VALID']);
  });

  describe('endorsements', () => {
    const ENDORSER = 'https://council.example/endorsers/3';
    let endorserKey: TestKey;
    const endorsement = (subject: string, overrides: JsonNode = {}) => ({
      '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
      id: 'https://council.example/endorsements/9',
      type: ['VerifiableCredential', 'EndorsementCredential'],
      issuer: { id: ENDORSER, type: ['Profile'], name: 'Engineering Council' },
      validFrom: '2024-02-01T00:00:00Z',
      name: 'Accredited',
      credentialSubject: { id: subject, type: ['EndorsementSubject'], endorsementComment: 'Meets our standard.' },
      ...overrides,
    });
    beforeAll(async () => {
      endorserKey = await ed25519Key(ENDORSER, 'e1');
    });

    it('verifies each endorsement as a credential of its own; a bad one is a warning, not fatal to the badge', async () => {
      const good = await signDataIntegrity(endorsement('https://badges.example/public/badges/b1'), endorserKey);
      const tampered = { ...(await signDataIntegrity(endorsement('https://badges.example/public/badges/b1', { id: 'https://council.example/endorsements/10' }), endorserKey)), name: 'Changed' };
      const base = testCredential(ISSUER);
      const subject = base.credentialSubject as JsonNode;
      const credential = await signDataIntegrity({ ...base, credentialSubject: { ...subject, achievement: { ...(subject.achievement as JsonNode), endorsement: [good, tampered] } } }, key);
      const fetchDocument = servedDocuments({ [ISSUER]: issuerDocument, [ENDORSER]: controllerDocument(ENDORSER, [endorserKey]) });
      const result = await verifyOpenBadgeCredential(credential, { fetchDocument });
      expect(errors(result)).toEqual([]);
      expect(result.report.valid).toBe(true);
      expect(warnings(result)).toContain('ENDORSEMENT_SIGNATURE_INVALID:VC_ENDORSEMENT_PROBLEM');
      expect(result.report.endorsements?.map((e) => [e.id, e.target, e.status, e.endorser?.name, e.comment])).toEqual([
        ['https://council.example/endorsements/9', 'https://badges.example/public/badges/b1', 'valid', 'Engineering Council', 'Meets our standard.'],
        ['https://council.example/endorsements/10', 'https://badges.example/public/badges/b1', 'invalid', 'Engineering Council', 'Meets our standard.'],
      ]);
      expect(result.report.steps?.find((s) => s.step === 'CREDENTIAL_ENDORSEMENTS')?.status).toBe('warning');
    });

    it('does not count an endorsement of something else', async () => {
      const other = await signDataIntegrity(endorsement('https://elsewhere.example/badges/x'), endorserKey);
      const credential = await signDataIntegrity(testCredential(ISSUER, { endorsement: [other] }), key);
      const fetchDocument = servedDocuments({ [ISSUER]: issuerDocument, [ENDORSER]: controllerDocument(ENDORSER, [endorserKey]) });
      const result = await verifyOpenBadgeCredential(credential, { fetchDocument });
      expect(warnings(result)).toEqual(expect.arrayContaining(['ENDORSEMENT_CLAIM_MISMATCH:VC_ENDORSEMENT_PROBLEM']));
      expect(result.report.endorsements?.[0]).toMatchObject({ target: 'https://badges.example/public/credentials/a1', status: 'invalid' });
    });
  });

  it('matches the expected recipient against the hashed identifier, as 2.0 does', async () => {
    const fetchDocument = servedDocuments({ [ISSUER]: issuerDocument });
    const credential = await signDataIntegrity(testCredential(ISSUER), key);
    const match = await verifyOpenBadgeCredential(credential, { fetchDocument, recipientProfile: { email: ['other@example.org', TEST_RECIPIENT.toUpperCase()] } });
    expect(errors(match)).toEqual([]);
    expect(match.report.steps?.find((s) => s.step === 'RECIPIENT')?.status).toBe('passed');
    const mismatch = await verifyOpenBadgeCredential(credential, { fetchDocument, recipientProfile: { email: 'other@example.org' } });
    expect(errors(mismatch)).toEqual(['VERIFY_RECIPIENT_IDENTIFIER:RECIPIENT_MISMATCH']);
    const none = await verifyOpenBadgeCredential(credential, { fetchDocument, recipientProfile: { url: 'https://me.example' } });
    expect(errors(none)).toEqual(['VERIFY_RECIPIENT_IDENTIFIER:RECIPIENT_NONE_GIVEN']);
  });

  describe('hostile input', () => {
    it(`refuses more than ${MAX_PROOFS} proofs before any key is fetched or any signature checked; hundreds do not even get read`, async () => {
      const signed = await signDataIntegrity(testCredential(ISSUER), key);
      const fetchDocument = servedDocuments({ [ISSUER]: issuerDocument });
      const twenty = await verifyOpenBadgeCredential({ ...signed, proof: Array.from({ length: 20 }, () => signed.proof) }, { fetchDocument });
      expect(errors(twenty)).toEqual(expect.arrayContaining(['EmbeddedProofProbe:VC_PROOF_TOO_MANY']));
      const hundreds = await verifyOpenBadgeCredential({ ...signed, proof: Array.from({ length: 300 }, () => signed.proof) }, { fetchDocument });
      expect(errors(hundreds)).toEqual(['DETECT_INPUT_TYPE:VC_INPUT_TOO_LARGE']);
      expect(fetchDocument.requested).toEqual([]);
    });

    it('stops fetching at the budget, whatever the credential names', async () => {
      const signed = await signDataIntegrity(testCredential(ISSUER), key);
      const proofs = Array.from({ length: MAX_PROOFS }, (_, i) => ({ ...(signed.proof as JsonNode), verificationMethod: `https://x${i}.example/k#1` }));
      const fetchDocument = servedDocuments({});
      const result = await verifyOpenBadgeCredential({ ...signed, proof: proofs }, { fetchDocument, maxDocuments: 2 });
      expect(fetchDocument.requested).toHaveLength(2);
      expect(result.report.messages.map((m) => m.messageCode)).toContain('TOO_MANY_DOCUMENTS');
    });

    it.each([
      ['JSON nested 10,000 levels deep', '['.repeat(10_000) + ']'.repeat(10_000), 'INPUT_UNRECOGNISED'],
      ['a deep JSON object', `{"a":${'['.repeat(10_000)}${']'.repeat(10_000)}}`, 'INPUT_JSON_TOO_DEEP'],
      ['a JWT whose payload is deep', `eyJhbGciOiJSUzI1NiJ9.${Buffer.from(`{"vc":${'['.repeat(5000)}${']'.repeat(5000)}}`).toString('base64url')}.c2ln`, 'VC_JWT_UNDECODABLE'],
      ['a JWT without a credential', `eyJhbGciOiJSUzI1NiJ9.${Buffer.from('{"sub":"x"}').toString('base64url')}.c2ln`, 'VC_JWT_NO_CREDENTIAL'],
      ['text', 'not a credential', 'INPUT_UNRECOGNISED'],
    ])('answers %s with a DETECT_INPUT_TYPE error', async (_case, input, messageCode) => {
      const result = await verifyOpenBadgeCredential(input, { fetchDocument: servedDocuments({}) });
      expect(result.report).toMatchObject({ valid: false, errorCount: 1 });
      expect(result.report.messages[0]).toMatchObject({ code: 'DETECT_INPUT_TYPE', messageCode });
      expect(result.report.steps?.filter((s) => s.status === 'skipped').length).toBeGreaterThan(5);
    });
  });
});

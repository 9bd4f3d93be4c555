import { generateKeyPairSync } from 'node:crypto';

import {
  buildIssuerDidDocument,
  buildJwk,
  buildOpenBadgeCredential,
  buildStatusListCredential,
  didWebDocumentUrl,
  encodeStatusList,
  generateEd25519Key,
  issuerDid,
  signAsVcJwt,
  signWithDataIntegrity,
} from '../issue';
import { fullInput, PUBLIC_URL, STATUS_LIST_URL } from '../issue/testing/ob3-fixtures';
import type { VerificationResult } from '../../verification/report';
import { digitalBazaar } from './proof/digital-bazaar';
import { servedDocuments } from './testing/test-credentials';
import { verifyOpenBadgeCredential } from './verify-credential';

const errors = (result: VerificationResult) => result.report.messages.filter((m) => m.level === 'ERROR').map((m) => `${m.code}:${m.messageCode}`);

/**
 * What this platform issues (ob3/issue, decision 0048) verifies here: the credential of a full award
 * signed with the issuer's Ed25519 key (Data Integrity) or its RS256 key (VC-JWT, kid the key's own
 * URL), its did:web document, its key's JWK and its signed status list, laid out as the issuer serves them.
 */
describe('credentials issued by ob3/issue verify with ob3/verify', () => {
  const did = issuerDid(PUBLIC_URL, 'iss1');
  let served: Record<string, unknown>;
  let signer: { verificationMethod: string; privateKeyPem: string; publicKeyPem: string };
  const credential = () => buildOpenBadgeCredential(fullInput());
  const statusList = async (revoked: number[]) =>
    signWithDataIntegrity(buildStatusListCredential({ id: STATUS_LIST_URL, issuer: did, validFrom: '2024-05-01T00:00:00Z', encodedList: await encodeStatusList(revoked) }), signer);

  beforeAll(async () => {
    await digitalBazaar(); // the ES modules, loaded once before the signers import them concurrently
    const key = await generateEd25519Key();
    signer = { verificationMethod: `${did}#k1`, privateKeyPem: key.privateKeyPem, publicKeyPem: key.publicKeyPem };
    served = { [didWebDocumentUrl(did)]: buildIssuerDidDocument(did, [{ keyId: 'k1', publicKeyMultibase: key.publicKeyMultibase }]), [STATUS_LIST_URL]: await statusList([]) };
  });

  it('a Data Integrity credential is valid; only its unsigned example endorsement is a warning', async () => {
    const result = await verifyOpenBadgeCredential(await signWithDataIntegrity(credential(), signer), { fetchDocument: servedDocuments(served), now: new Date('2026-01-01T00:00:00Z') });
    expect(errors(result)).toEqual([]);
    expect(result.report.valid).toBe(true);
    expect(result.report.endorsements?.map((e) => e.status)).toEqual(['invalid']);
  });

  it('a VC-JWT whose kid is the key\'s own URL answering its JWK is valid', async () => {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const kid = `${PUBLIC_URL}/public/issuers/iss1/jwks/rk1`;
    const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const jwt = await signAsVcJwt(credential(), { algorithm: 'RS256', kid, privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() });
    const fetchDocument = servedDocuments({ ...served, [kid]: await buildJwk({ kid, algorithm: 'RS256', publicKeyPem }) });
    const result = await verifyOpenBadgeCredential(jwt, { fetchDocument, now: new Date('2026-01-01T00:00:00Z') });
    expect(errors(result)).toEqual([]);
    expect(result.input.input_type).toBe('jws');
  });

  it('is revoked once its index is set in the issuer\'s status list', async () => {
    const fetchDocument = servedDocuments({ ...served, [STATUS_LIST_URL]: await statusList([94567]) });
    const result = await verifyOpenBadgeCredential(await signWithDataIntegrity(credential(), signer), { fetchDocument, now: new Date('2026-01-01T00:00:00Z') });
    expect(errors(result)).toEqual(['BitstringStatusListProbe:VC_REVOKED_IN_LIST']);
  });
});

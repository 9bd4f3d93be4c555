import { generateKeyPairSync } from 'node:crypto';

import { createBundledDocumentLoader } from '../../context/bundled-document-loader';
import { buildOpenBadgeCredential } from './build-credential';
import { buildIssuerDidDocument, type DidDocumentKey } from './did-web';
import { generateEd25519Key, type Ed25519KeyPair } from './ed25519-key';
import { signWithDataIntegrity, type DataIntegritySigner } from './sign-data-integrity';
import { buildStatusListCredential, decodeStatusList, encodeStatusList } from './status-list';
import { fullInput, ISSUER_DID, STATUS_LIST_URL } from './testing/ob3-fixtures';

// The verifier here is @digitalbazaar/vc's own `verifyCredential`, given the issuer's DID document as
// buildIssuerDidDocument writes it (the platform's verifier is ob3/verify's). Its status check reads the
// signed status list credential with decodeStatusList, after verifying that credential's proof too.

const CREATED = new Date('2024-05-01T10:00:05Z');
const NOW = new Date('2025-01-01T00:00:00Z');
const bundled = createBundledDocumentLoader();

function signerFor(key: Ed25519KeyPair, keyId: string): DataIntegritySigner {
  return { verificationMethod: `${ISSUER_DID}#${keyId}`, privateKeyPem: key.privateKeyPem, publicKeyPem: key.publicKeyPem };
}

function didKeys(...keys: [string, Ed25519KeyPair][]): DidDocumentKey[] {
  return keys.map(([keyId, key]) => ({ keyId, publicKeyMultibase: key.publicKeyMultibase }));
}

/** A document loader that resolves the issuer's DID (and its keys) to `didDocument`, and every context from the bundle. */
function loaderFor(didDocument: Record<string, unknown>) {
  return async (url: string) => {
    const [did] = url.split('#');
    if (did !== didDocument.id) return bundled(url);
    if (url === did) return { documentUrl: url, document: didDocument };
    const method = (didDocument.verificationMethod as { id: string }[]).find((m) => m.id === url);
    if (!method) throw new Error(`${url} is not in the DID document.`);
    return { documentUrl: url, document: { '@context': didDocument['@context'], ...method } };
  };
}

async function verify(credential: unknown, didDocument: Record<string, unknown>, statusLists = new Map<string, Record<string, unknown>>()) {
  const [vc, { DataIntegrityProof }, { cryptosuite }] = await Promise.all([
    import('@digitalbazaar/vc'),
    import('@digitalbazaar/data-integrity'),
    import('@digitalbazaar/eddsa-rdfc-2022-cryptosuite'),
  ]);
  const documentLoader = loaderFor(didDocument);
  const suite = new DataIntegrityProof({ cryptosuite });
  const checkStatus = async ({ credential: checked }: { credential: Record<string, unknown> }) => {
    const entry = checked.credentialStatus as { statusListCredential: string; statusListIndex: string };
    const list = statusLists.get(entry.statusListCredential);
    if (!list) return { verified: false, error: new Error('status list not found') };
    const listResult = await vc.verifyCredential({ credential: list, suite, documentLoader, now: NOW });
    if (!listResult.verified) return { verified: false, error: listResult.error };
    const bits = await decodeStatusList((list.credentialSubject as { encodedList: string }).encodedList);
    return { verified: !bits.isSet(Number(entry.statusListIndex)) };
  };
  return vc.verifyCredential({ credential, suite, documentLoader, checkStatus, now: NOW });
}

async function signedStatusList(key: Ed25519KeyPair, revoked: number[]): Promise<Map<string, Record<string, unknown>>> {
  const unsigned = buildStatusListCredential({ id: STATUS_LIST_URL, issuer: ISSUER_DID, validFrom: CREATED, encodedList: await encodeStatusList(revoked) });
  return new Map([[STATUS_LIST_URL, await signWithDataIntegrity(unsigned, signerFor(key, 'k1'), CREATED)]]);
}

describe('signWithDataIntegrity', () => {
  let key: Ed25519KeyPair;
  let didDocument: Record<string, unknown>;

  beforeAll(async () => {
    key = await generateEd25519Key();
    didDocument = buildIssuerDidDocument(ISSUER_DID, didKeys(['k1', key]));
  });

  it('adds an eddsa-rdfc-2022 DataIntegrityProof that verifies against the issuer DID document', async () => {
    const credential = buildOpenBadgeCredential(fullInput());
    const signed = await signWithDataIntegrity(credential, signerFor(key, 'k1'), CREATED);

    expect(signed.proof).toEqual({
      type: 'DataIntegrityProof',
      created: '2024-05-01T10:00:05Z',
      verificationMethod: `${ISSUER_DID}#k1`,
      cryptosuite: 'eddsa-rdfc-2022',
      proofPurpose: 'assertionMethod',
      proofValue: expect.stringMatching(/^z[1-9A-HJ-NP-Za-km-z]+$/),
    });
    expect({ ...signed, proof: undefined }).toEqual({ ...credential, proof: undefined });
    expect(credential).not.toHaveProperty('proof'); // the input is left as it was

    const result = await verify(signed, didDocument, await signedStatusList(key, []));
    expect(result.error).toBeUndefined();
    expect(result.verified).toBe(true);
  });

  it.each([
    ['the name', (c: Record<string, unknown>) => ({ ...c, name: 'Robotique avancée' })],
    ['the recipient', (c: Record<string, unknown>) => ({ ...c, credentialSubject: { ...(c.credentialSubject as object), identifier: [] } })],
    ['validUntil', (c: Record<string, unknown>) => ({ ...c, validUntil: '2099-05-01T10:00:00Z' })],
    ['the proof value', (c: Record<string, unknown>) => ({ ...c, proof: { ...(c.proof as object), proofValue: `z${'1'.repeat(86)}` } })],
  ])('fails verification once %s is changed', async (_what, tamper) => {
    const signed = await signWithDataIntegrity(buildOpenBadgeCredential(fullInput()), signerFor(key, 'k1'), CREATED);
    const result = await verify(tamper(signed), didDocument, await signedStatusList(key, []));
    expect(result.verified).toBe(false);
  });

  it('fails verification once its index is set in the signed status list (revoked)', async () => {
    const signed = await signWithDataIntegrity(buildOpenBadgeCredential(fullInput()), signerFor(key, 'k1'), CREATED);
    const result = await verify(signed, didDocument, await signedStatusList(key, [94_567]));
    expect(result.verified).toBe(false);
    expect(result.statusResult).toMatchObject({ verified: false });
    // Only that index: a neighbour's revocation leaves it valid.
    expect((await verify(signed, didDocument, await signedStatusList(key, [94_566, 94_568]))).verified).toBe(true);
  });

  it('still verifies with a retired key listed beside the new one, and not once the key is no longer allowed to assert', async () => {
    const signed = await signWithDataIntegrity(buildOpenBadgeCredential(fullInput()), signerFor(key, 'k1'), CREATED);
    const newKey = await generateEd25519Key();
    const rotated = buildIssuerDidDocument(ISSUER_DID, didKeys(['k1', key], ['k2', newKey]));
    expect((await verify(signed, rotated, await signedStatusList(key, []))).verified).toBe(true);

    const notAllowed = { ...rotated, assertionMethod: [`${ISSUER_DID}#k2`] };
    const result = await verify(signed, notAllowed, await signedStatusList(key, []));
    expect(result.verified).toBe(false);
    const otherKeyUnderSameId = buildIssuerDidDocument(ISSUER_DID, didKeys(['k1', newKey]));
    expect((await verify(signed, otherKeyUnderSameId, await signedStatusList(key, []))).verified).toBe(false);
  });

  it('signs with the key it is given, not an earlier one cached under the same verification method', async () => {
    const other = await generateEd25519Key();
    await signWithDataIntegrity(buildOpenBadgeCredential(fullInput()), signerFor(key, 'k9'), CREATED);
    const signed = await signWithDataIntegrity(buildOpenBadgeCredential(fullInput()), signerFor(other, 'k9'), CREATED);
    const withOther = buildIssuerDidDocument(ISSUER_DID, didKeys(['k1', key], ['k9', other]));
    expect((await verify(signed, withOther, await signedStatusList(key, []))).verified).toBe(true);
  });

  it('dates the proof now when no date is given', async () => {
    const before = Math.floor(Date.now() / 1000) * 1000;
    const signed = await signWithDataIntegrity(buildOpenBadgeCredential(fullInput()), signerFor(key, 'k1'));
    const created = Date.parse(signed.proof.created as string);
    expect(created).toBeGreaterThanOrEqual(before);
    expect(created).toBeLessThanOrEqual(Date.now());
  });

  it('refuses a credential with a term no context defines, instead of signing it', async () => {
    const credential = { ...buildOpenBadgeCredential(fullInput()), recipient: 'learner@example.org' };
    await expect(signWithDataIntegrity(credential, signerFor(key, 'k1'), CREATED)).rejects.toThrow(/[Ss]afe mode/);
  });

  it('refuses a key pair whose halves do not match, and a key that is not Ed25519', async () => {
    const other = await generateEd25519Key();
    const mismatched = { ...signerFor(key, 'k-mismatch'), publicKeyPem: other.publicKeyPem };
    await expect(signWithDataIntegrity(buildOpenBadgeCredential(fullInput()), mismatched, CREATED)).rejects.toThrow(TypeError);

    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256', privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
    const notEd25519 = { verificationMethod: `${ISSUER_DID}#k-ec`, privateKeyPem: ec.privateKey, publicKeyPem: ec.publicKey };
    await expect(signWithDataIntegrity(buildOpenBadgeCredential(fullInput()), notEd25519, CREATED)).rejects.toThrow(/Ed25519/);
  });
});

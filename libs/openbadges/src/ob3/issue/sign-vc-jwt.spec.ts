import { decodeJwt, decodeProtectedHeader, importJWK, jwtVerify, type JWK } from 'jose';
import { buildOpenBadgeCredential } from './build-credential';
import { generateEd25519Key } from './ed25519-key';
import { buildJwks, type JwksKey } from './jwks';
import { signWithDataIntegrity } from './sign-data-integrity';
import { signAsVcJwt, type VcJwtSigner } from './sign-vc-jwt';
import { fullInput, ISSUER_DID, pemKeyPair, PUBLIC_URL } from './testing/ob3-fixtures';

const KEY_URL = `${PUBLIC_URL}/public/issuers/iss1/jwks`;
const NOW = new Date('2025-01-01T00:00:00Z');
const rsa = pemKeyPair('rsa');
const ec = pemKeyPair('ec');

const rsaSigner: VcJwtSigner = { algorithm: 'RS256', kid: `${KEY_URL}/k1`, privateKeyPem: rsa.privateKey };
const ecSigner: VcJwtSigner = { algorithm: 'ES256', kid: `${KEY_URL}/k2`, privateKeyPem: ec.privateKey };
const jwksKeys: JwksKey[] = [
  { kid: `${KEY_URL}/k1`, algorithm: 'RS256', publicKeyPem: rsa.publicKey },
  { kid: `${KEY_URL}/k2`, algorithm: 'ES256', publicKeyPem: ec.publicKey },
];

/** What a verifier does with our VC-JWT: dereference the `kid` to its JWK (here: the set's key with that kid), verify with jose. */
async function verifyWithJwks(jwt: string, keys: JwksKey[]) {
  const jwks = await buildJwks(keys);
  const { kid } = decodeProtectedHeader(jwt);
  expect(kid?.startsWith(`${KEY_URL}/`)).toBe(true);
  const jwk = jwks.keys.find((k) => k.kid === kid);
  if (!jwk) throw new Error(`No key ${kid} in the JWKS.`);
  return jwtVerify(jwt, await importJWK(jwk as unknown as JWK, jwk.alg as string), { currentDate: NOW, typ: 'JWT', algorithms: ['RS256', 'ES256'] });
}

describe('signAsVcJwt', () => {
  it('signs the OB 3.0 VC-JWT (RS256) that verifies against the issuer JWKS', async () => {
    const credential = buildOpenBadgeCredential(fullInput());
    const jwt = await signAsVcJwt(credential, rsaSigner);

    expect(jwt.split('.')).toHaveLength(3);
    const { protectedHeader, payload } = await verifyWithJwks(jwt, jwksKeys);
    expect(protectedHeader).toEqual({ alg: 'RS256', typ: 'JWT', kid: `${KEY_URL}/k1` });
    expect(payload).toEqual({
      ...credential,
      iss: ISSUER_DID,
      jti: credential.id,
      nbf: Date.parse('2024-05-01T10:00:00Z') / 1000,
      exp: Date.parse('2029-05-01T10:00:00Z') / 1000,
    });
  });

  it('names an id recipient as sub, and leaves exp out without validUntil (ES256)', async () => {
    const credential = buildOpenBadgeCredential(fullInput({ recipient: { type: 'id', identity: 'did:example:learner' }, validUntil: undefined }));
    const jwt = await signAsVcJwt(credential, ecSigner);
    const { protectedHeader, payload } = await verifyWithJwks(jwt, jwksKeys);
    expect(protectedHeader.alg).toBe('ES256');
    expect(payload).toEqual({ ...credential, iss: ISSUER_DID, jti: credential.id, sub: 'did:example:learner', nbf: Date.parse('2024-05-01T10:00:00Z') / 1000 });
  });

  it('carries the credential without an embedded proof', async () => {
    const key = await generateEd25519Key();
    const credential = buildOpenBadgeCredential(fullInput());
    const withProof = await signWithDataIntegrity(credential, { verificationMethod: `${ISSUER_DID}#ed1`, ...key });
    const { iss: _iss, jti: _jti, nbf: _nbf, exp: _exp, ...payload } = decodeJwt(await signAsVcJwt(withProof, rsaSigner));
    expect(payload).toEqual(credential);
  });

  it('fails verification once the payload is changed, or against another key', async () => {
    const jwt = await signAsVcJwt(buildOpenBadgeCredential(fullInput()), rsaSigner);
    const [header, payload, signature] = jwt.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    claims.name = 'Robotique avancée';
    const tampered = [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join('.');
    await expect(verifyWithJwks(tampered, jwksKeys)).rejects.toMatchObject({ code: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' });

    const otherRsa = pemKeyPair('rsa');
    await expect(verifyWithJwks(jwt, [{ kid: `${KEY_URL}/k1`, algorithm: 'RS256', publicKeyPem: otherRsa.publicKey }])).rejects.toMatchObject({
      code: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED',
    });
  });

  it('still verifies with a retired key kept in the JWKS after a rotation', async () => {
    const jwt = await signAsVcJwt(buildOpenBadgeCredential(fullInput()), rsaSigner);
    const next = pemKeyPair('rsa');
    await expect(verifyWithJwks(jwt, [...jwksKeys, { kid: `${KEY_URL}/k3`, algorithm: 'RS256', publicKeyPem: next.publicKey }])).resolves.toBeTruthy();
  });

  it('signs with the key it is given, not an earlier one cached under the same kid', async () => {
    const next = pemKeyPair('rsa');
    await signAsVcJwt(buildOpenBadgeCredential(fullInput()), rsaSigner);
    const jwt = await signAsVcJwt(buildOpenBadgeCredential(fullInput()), { ...rsaSigner, privateKeyPem: next.privateKey });
    await expect(verifyWithJwks(jwt, [{ kid: `${KEY_URL}/k1`, algorithm: 'RS256', publicKeyPem: next.publicKey }])).resolves.toBeTruthy();
  });

  it('refuses an algorithm it does not sign with, and a key that is not of its algorithm', async () => {
    const credential = buildOpenBadgeCredential(fullInput());
    await expect(signAsVcJwt(credential, { ...rsaSigner, algorithm: 'HS256' as 'RS256' })).rejects.toThrow(TypeError);
    await expect(signAsVcJwt(credential, { ...rsaSigner, kid: `${KEY_URL}/k-wrong`, algorithm: 'ES256' })).rejects.toThrow();
  });
});

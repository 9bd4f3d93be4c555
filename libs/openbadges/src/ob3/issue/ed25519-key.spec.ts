import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';

import { ed25519PublicKeyMultibase, generateEd25519Key } from './ed25519-key';

describe('generateEd25519Key', () => {
  it('makes a PKCS#8 / SPKI Ed25519 pair whose halves belong together', async () => {
    const key = await generateEd25519Key();
    expect(key.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(key.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    const privateKey = createPrivateKey(key.privateKeyPem);
    const publicKey = createPublicKey(key.publicKeyPem);
    expect([privateKey.asymmetricKeyType, publicKey.asymmetricKeyType]).toEqual(['ed25519', 'ed25519']);
    const data = Buffer.from('credential');
    expect(verify(null, data, publicKey, sign(null, data, privateKey))).toBe(true);
  });

  it('gives the publicKeyMultibase ed25519-multikey writes for the same key (z6Mk…)', async () => {
    const key = await generateEd25519Key();
    expect(key.publicKeyMultibase).toMatch(/^z6Mk[1-9A-HJ-NP-Za-km-z]{44}$/);
    // ed25519-multikey, given the same 32-byte seed, must name the same public key.
    const seed = Buffer.from(createPrivateKey(key.privateKeyPem).export({ format: 'jwk' }).d as string, 'base64url');
    const Ed25519Multikey = await import('@digitalbazaar/ed25519-multikey');
    expect((await Ed25519Multikey.generate({ seed })).publicKeyMultibase).toBe(key.publicKeyMultibase);
    expect(await ed25519PublicKeyMultibase(key.publicKeyPem)).toBe(key.publicKeyMultibase);
  });

  it('makes a new key each time', async () => {
    const [a, b] = await Promise.all([generateEd25519Key(), generateEd25519Key()]);
    expect(a.publicKeyMultibase).not.toBe(b.publicKeyMultibase);
  });

  it('refuses to name a key that is not Ed25519', async () => {
    const ec = (await import('node:crypto')).generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey;
    await expect(ed25519PublicKeyMultibase(ec)).rejects.toThrow(/Ed25519/);
  });
});

import { CompactSign, compactVerify, importJWK, importPKCS8, type JWK } from 'jose';
import { buildJwks } from './jwks';
import { pemKeyPair } from './testing/ob3-fixtures';

const rsa = pemKeyPair('rsa');
const ec = pemKeyPair('ec');

describe('buildJwks', () => {
  it('publishes each key as a public JWK with kid, alg and use', async () => {
    const jwks = await buildJwks([
      { kid: `https://badges.example.org/public/issuers/iss1/jwks/k1`, algorithm: 'RS256', publicKeyPem: rsa.publicKey },
      { kid: `https://badges.example.org/public/issuers/iss1/jwks/k2`, algorithm: 'ES256', publicKeyPem: ec.publicKey },
    ]);
    expect(jwks.keys).toEqual([
      { kty: 'RSA', n: expect.any(String), e: 'AQAB', kid: 'https://badges.example.org/public/issuers/iss1/jwks/k1', alg: 'RS256', use: 'sig' },
      { kty: 'EC', crv: 'P-256', x: expect.any(String), y: expect.any(String), kid: 'https://badges.example.org/public/issuers/iss1/jwks/k2', alg: 'ES256', use: 'sig' },
    ]);
    expect(JSON.stringify(jwks)).not.toContain('"d"');
  });

  it('publishes keys that verify what their private halves signed', async () => {
    const jwks = await buildJwks([
      { kid: `https://badges.example.org/public/issuers/iss1/jwks/k1`, algorithm: 'RS256', publicKeyPem: rsa.publicKey },
      { kid: `https://badges.example.org/public/issuers/iss1/jwks/k2`, algorithm: 'ES256', publicKeyPem: ec.publicKey },
    ]);
    for (const [jwk, privateKeyPem] of [
      [jwks.keys[0], rsa.privateKey],
      [jwks.keys[1], ec.privateKey],
    ] as const) {
      const alg = jwk.alg as string;
      const jws = await new CompactSign(Buffer.from('payload')).setProtectedHeader({ alg }).sign(await importPKCS8(privateKeyPem, alg));
      await expect(compactVerify(jws, await importJWK(jwk as unknown as JWK, alg))).resolves.toBeTruthy();
    }
  });

  it('is empty without keys', async () => {
    await expect(buildJwks([])).resolves.toEqual({ keys: [] });
  });

  it('refuses a private key, a key of the wrong type for its algorithm, and an algorithm it does not sign with', async () => {
    await expect(buildJwks([{ kid: `https://badges.example.org/public/issuers/iss1/jwks/k1`, algorithm: 'RS256', publicKeyPem: rsa.privateKey }])).rejects.toThrow();
    await expect(buildJwks([{ kid: `https://badges.example.org/public/issuers/iss1/jwks/k1`, algorithm: 'ES256', publicKeyPem: rsa.publicKey }])).rejects.toThrow(TypeError);
    await expect(buildJwks([{ kid: `https://badges.example.org/public/issuers/iss1/jwks/k1`, algorithm: 'RS256', publicKeyPem: ec.publicKey }])).rejects.toThrow(TypeError);
    await expect(buildJwks([{ kid: `https://badges.example.org/public/issuers/iss1/jwks/k1`, algorithm: 'HS256' as 'RS256', publicKeyPem: rsa.publicKey }])).rejects.toThrow(TypeError);
  });
});

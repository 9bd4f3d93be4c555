import { exportJWK, generateKeyPair, importJWK, SignJWT, type KeyLike } from 'jose';

import { AccessTokenCodec, bearerToken, type AccessTokenKeys } from './access-token.codec';

async function keys(kid = 'k1'): Promise<AccessTokenKeys> {
  const pair = await generateKeyPair('ES256', { extractable: true });
  return { kid, privateKey: pair.privateKey, publicKey: pair.publicKey };
}

const identity = { institutionId: 'inst-1', clientId: 'client-1', scope: 'manage' } as const;
const options = { issuer: 'http://localhost:3000', ttlSeconds: 3600 };

describe('AccessTokenCodec', () => {
  let codec: AccessTokenCodec;
  let signing: AccessTokenKeys;

  beforeAll(async () => {
    signing = await keys();
    codec = new AccessTokenCodec(signing, options);
  });

  it('round-trips the identity', async () => {
    const token = await codec.sign(identity);
    await expect(codec.verify(token)).resolves.toEqual(identity);
  });

  it('puts the documented claims and header in the token', async () => {
    const token = await codec.sign(identity);
    const [header, payload] = token.split('.').slice(0, 2).map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()));
    expect(header).toEqual({ alg: 'ES256', kid: 'k1', typ: 'at+jwt' });
    expect(payload).toMatchObject({ iss: options.issuer, aud: 'badges:institution-api', sub: 'client-1', institution_id: 'inst-1', scope: 'rw:issuer' });
    expect(payload.exp - payload.iat).toBe(3600);
  });

  it('carries each client scope as its OAuth2 scope string, and refuses a token whose scope it does not know', async () => {
    for (const [scope, claim] of [['read', 'r:issuer'], ['award', 'award:issuer'], ['manage', 'rw:issuer']] as const) {
      const token = await codec.sign({ ...identity, scope });
      expect(JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).scope).toBe(claim);
      await expect(codec.verify(token)).resolves.toEqual({ ...identity, scope });
    }
    const unknownScope = await new SignJWT({ institution_id: 'inst-1', scope: 'rw:everything' })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1', typ: 'at+jwt' })
      .setIssuer(options.issuer)
      .setAudience('badges:institution-api')
      .setSubject('client-1')
      .setExpirationTime('1h')
      .sign(signing.privateKey);
    await expect(codec.verify(unknownScope)).resolves.toBeUndefined();
  });

  it('refuses an expired token', async () => {
    const token = await new SignJWT({ institution_id: 'inst-1', scope: 'rw:issuer' })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1', typ: 'at+jwt' })
      .setIssuer(options.issuer)
      .setAudience('badges:institution-api')
      .setSubject('client-1')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 7200)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 3600)
      .sign(signing.privateKey);
    await expect(codec.verify(token)).resolves.toBeUndefined();
  });

  it('refuses a tampered payload', async () => {
    const [header, payload, signature] = (await codec.sign(identity)).split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, institution_id: 'inst-2' })).toString('base64url');
    await expect(codec.verify(`${header}.${forged}.${signature}`)).resolves.toBeUndefined();
  });

  it('refuses a token signed by another key', async () => {
    const other = new AccessTokenCodec(await keys('k1'), options);
    await expect(codec.verify(await other.sign(identity))).resolves.toBeUndefined();
  });

  it('refuses other algorithms: HS256 with the public key as secret, and none', async () => {
    const publicJwk = await exportJWK(signing.publicKey);
    const hmacKey = (await importJWK({ kty: 'oct', k: Buffer.from(JSON.stringify(publicJwk)).toString('base64url') }, 'HS256')) as KeyLike;
    const hs256 = await new SignJWT({ institution_id: 'inst-1', scope: 'rw:issuer' })
      .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt' })
      .setIssuer(options.issuer)
      .setAudience('badges:institution-api')
      .setSubject('client-1')
      .setExpirationTime('1h')
      .sign(hmacKey);
    await expect(codec.verify(hs256)).resolves.toBeUndefined();

    const [, payload] = (await codec.sign(identity)).split('.');
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'at+jwt' })).toString('base64url')}.${payload}.`;
    await expect(codec.verify(none)).resolves.toBeUndefined();
  });

  it('refuses a wrong issuer, audience or type', async () => {
    const otherIssuer = new AccessTokenCodec(signing, { ...options, issuer: 'https://elsewhere.example' });
    await expect(codec.verify(await otherIssuer.sign(identity))).resolves.toBeUndefined();

    const wrongAudience = await new SignJWT({ institution_id: 'inst-1', scope: 'rw:issuer' })
      .setProtectedHeader({ alg: 'ES256', typ: 'at+jwt' })
      .setIssuer(options.issuer)
      .setAudience('someone-else')
      .setSubject('client-1')
      .setExpirationTime('1h')
      .sign(signing.privateKey);
    await expect(codec.verify(wrongAudience)).resolves.toBeUndefined();

    const wrongType = await new SignJWT({ institution_id: 'inst-1', scope: 'rw:issuer' })
      .setProtectedHeader({ alg: 'ES256', typ: 'JWT' })
      .setIssuer(options.issuer)
      .setAudience('badges:institution-api')
      .setSubject('client-1')
      .setExpirationTime('1h')
      .sign(signing.privateKey);
    await expect(codec.verify(wrongType)).resolves.toBeUndefined();
  });

  it('refuses garbage', async () => {
    await expect(codec.verify('not.a.jwt')).resolves.toBeUndefined();
    await expect(codec.verify('')).resolves.toBeUndefined();
  });
});

describe('AccessTokenCodec: a person’s tokens', () => {
  const person = { institutionId: 'inst-1', staffId: 'staff-1', sessionId: 'session-1', scope: 'manage' } as const;
  let signing: AccessTokenKeys;
  let codec: AccessTokenCodec;
  const forge = (claims: Record<string, unknown>, subject = 'staff-1') =>
    new SignJWT({ institution_id: 'inst-1', scope: 'rw:issuer', ...claims })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1', typ: 'at+jwt' })
      .setIssuer(options.issuer)
      .setAudience('badges:institution-api')
      .setSubject(subject)
      .setExpirationTime('1h')
      .sign(signing.privateKey);

  beforeAll(async () => {
    signing = await keys();
    codec = new AccessTokenCodec(signing, options);
  });

  it('round-trips the person and their session, and says so in its claims (never a client_id)', async () => {
    const token = await codec.sign(person);
    await expect(codec.verify(token)).resolves.toEqual(person);
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
    expect(claims).toMatchObject({ sub: 'staff-1', staff_id: 'staff-1', sid: 'session-1', institution_id: 'inst-1', scope: 'rw:issuer' });
    expect(claims).not.toHaveProperty('client_id');
  });

  it('refuses a person’s token whose claims disagree: staff_id not sub, no session, or a client_id beside them', async () => {
    await expect(codec.verify(await forge({ staff_id: 'staff-2', sid: 's' }))).resolves.toBeUndefined();
    await expect(codec.verify(await forge({ staff_id: 'staff-1' }))).resolves.toBeUndefined();
    await expect(codec.verify(await forge({ sid: 's' }))).resolves.toBeUndefined();
    await expect(codec.verify(await forge({ staff_id: 'staff-1', sid: 's', client_id: 'staff-1' }))).resolves.toBeUndefined();
    await expect(codec.verify(await forge({ staff_id: 'staff-1', sid: 's' }))).resolves.toEqual({ ...person, sessionId: 's' });
  });
});

describe('bearerToken', () => {
  it('extracts the token of a Bearer header only', () => {
    expect(bearerToken('Bearer abc.def-ghi_jkl')).toBe('abc.def-ghi_jkl');
    expect(bearerToken('bearer abc')).toBe('abc');
    expect(bearerToken('Basic abc')).toBeUndefined();
    expect(bearerToken('Bearer')).toBeUndefined();
    expect(bearerToken('Bearer a b')).toBeUndefined();
    expect(bearerToken(undefined)).toBeUndefined();
    expect(bearerToken(['Bearer a'])).toBeUndefined();
  });
});

import { randomUUID } from 'node:crypto';

import { EmbeddedJWK, exportJWK, generateKeyPair, jwtVerify, SignJWT, type JWK, type KeyLike } from 'jose';

import { createSalt, hashIdentity, normalizeIdentity } from '@badges/openbadges';

type Json = Record<string, unknown>;

export const OB3_CONTEXTS = ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'];

export interface TestCredentialInput {
  /** The credential's id (default: a fresh `urn:uuid:`). */
  id?: string;
  issuerId?: string;
  issuerName?: string;
  achievementName?: string;
  /** Its recipient, as a salted sha256 IdentityObject (OB 3.0 `identifier`). */
  email: string;
  validFrom?: string;
}

/**
 * An OpenBadgeCredential as OB 3.0 writes one (VC 2.0 data model): issuer Profile, achievement,
 * the recipient as a hashed `IdentityObject`. Unsigned: sign it with `signAsTestVcJwt`, or give it
 * a proof where the test needs an embedded one.
 */
export function testCredential(input: TestCredentialInput): Json {
  const salt = createSalt();
  return {
    '@context': OB3_CONTEXTS,
    id: input.id ?? `urn:uuid:${randomUUID()}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: input.issuerId ?? 'https://college.example/issuers/1', type: ['Profile'], name: input.issuerName ?? 'Example College' },
    validFrom: input.validFrom ?? '2024-03-01T00:00:00Z',
    name: input.achievementName ?? 'Teamwork',
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [{ type: 'IdentityObject', identityType: 'emailAddress', hashed: true, salt, identityHash: hashIdentity(normalizeIdentity('email', input.email), salt, 'sha256') }],
      achievement: {
        id: 'https://college.example/achievements/teamwork',
        type: ['Achievement'],
        name: input.achievementName ?? 'Teamwork',
        description: 'Works well in a team.',
        criteria: { narrative: 'Nominated by peers.' },
        image: { id: 'https://college.example/achievements/teamwork.png', type: 'Image' },
      },
    },
  };
}

/** A signer of VC-JWTs that carries its public key in the header (`jwk`, OB 3.0 §8.2.5). */
export async function testJwtSigner(): Promise<(credential: Json) => Promise<string>> {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const jwk = await exportJWK(publicKey);
  return (credential) => signAsTestVcJwt(credential, privateKey, jwk);
}

/** OB 3.0 §8.2's VC-JWT for a VC 2.0 credential, as the platform signs one: the payload is the credential, with `iss`, `jti` and `nbf` from it. */
async function signAsTestVcJwt(credential: Json, privateKey: KeyLike, jwk: JWK): Promise<string> {
  const issuer = credential.issuer as { id: string };
  return new SignJWT({ ...credential })
    .setProtectedHeader({ alg: 'ES256', typ: 'JWT', jwk })
    .setIssuer(issuer.id)
    .setJti(String(credential.id))
    .setNotBefore(Math.floor(new Date(String(credential.validFrom)).getTime() / 1000))
    .sign(privateKey);
}

/** Whether a VC-JWT's signature verifies with the key its header carries; the credential when it does (its `vc` claim in the VC 1.1 form). */
export async function verifyTestVcJwt(jwt: string): Promise<{ valid: true; credential: Json } | { valid: false; reason: string }> {
  try {
    const { payload } = await jwtVerify(jwt, EmbeddedJWK);
    return { valid: true, credential: (payload.vc ?? payload) as Json };
  } catch (error) {
    return { valid: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

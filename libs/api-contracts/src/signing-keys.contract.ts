/**
 * Signing keys, for issuers (`POST /v2/issuers/{id}/keys/rotate`) and endorsers
 * (`POST /v2/endorsers/self/keys/rotate`): the same choice of algorithm in both places.
 */
import { z } from 'zod';


export const SIGNING_ALGORITHMS = ['RS256', 'ES256'] as const;

/**
 * Why RS256 stays the default (and ES256 comes with a warning): the 1EdTech reference validator
 * verifies OB 2.0 signatures with RSA keys only, so an ES256-signed badge or endorsement fails there
 * although it is valid (and passes our verifier). Said in the OpenAPI description of the field.
 */
export const ES256_SIGNED_BADGES_WARNING =
  'Warning: ES256 (P-256) is allowed by OB 2.0, but the 1EdTech reference validator reads RSA keys only, so Open Badges 2.0 badges and endorsements signed with an ES256 key fail there (our verifier accepts both). Keep RS256 unless every verifier your badges meet reads ES256.';

/** Body of a key rotation; optional, RS256 unless asked. */
export const RotateSigningKeyBodySchema = z.object({
  algorithm: z
    .enum(SIGNING_ALGORITHMS, { error: 'algorithm must be "RS256" or "ES256".' })
    .default('RS256')
    .describe(`The new key's algorithm: RS256 (RSA-2048, the default) or ES256. ${ES256_SIGNED_BADGES_WARNING}`),
});
export type SigningAlgorithm = (typeof SIGNING_ALGORITHMS)[number];

/**
 * An issuer's keys (decision 0048): the JWS family (RS256/ES256: OB 2.0 signed badges and VC-JWT)
 * and its DID key (Ed25519: OB 3.0 Data Integrity proofs and status lists). One of each is active.
 */
export const ISSUER_KEY_ALGORITHMS = ['RS256', 'ES256', 'Ed25519'] as const;
export type IssuerKeyAlgorithm = (typeof ISSUER_KEY_ALGORITHMS)[number];

/** Body of an issuer's key rotation (`POST /v2/issuers/{id}/keys/rotate`): `Ed25519` rotates its DID key. */
export const IssuerRotateSigningKeyBodySchema = z.object({
  algorithm: z
    .enum(ISSUER_KEY_ALGORITHMS, { error: 'algorithm must be "RS256", "ES256" or "Ed25519".' })
    .default('RS256')
    .describe(`The new key's algorithm: RS256 (RSA-2048, the default) or ES256 replace the JWS key; Ed25519 replaces the DID key. ${ES256_SIGNED_BADGES_WARNING}`),
});

/** What every signing key shows: public information only, never the private half. */
const signingKeyFields = {
  entityId: z.string(),
  openBadgeId: z.url().describe('The CryptographicKey\'s URL: the `creator` of what this key signed'),
  algorithm: z.enum(SIGNING_ALGORITHMS),
  publicKeyPem: z.string(),
  createdAt: z.iso.datetime(),
  retiredAt: z.iso.datetime().nullable(),
  active: z.boolean().describe('False once retired; retired keys stay published'),
};

/** An issuer's signing key (GET /v2/issuers/{id}/keys). */
export const SigningKeyV2Schema = z.object({
  entityType: z.literal('SigningKey'),
  ...signingKeyFields,
  openBadgeId: z
    .string()
    .describe('Where the key is published: the CryptographicKey\'s URL (RS256/ES256, the `creator` of what it signed) or its DID verification method `{did}#{keyId}` (Ed25519)'),
  algorithm: z.enum(ISSUER_KEY_ALGORITHMS),
  issuer: z.string().describe('entityId of the Issuer'),
});
export type SigningKeyV2 = z.output<typeof SigningKeyV2Schema>;

/** An endorser's signing key (GET /v2/endorsers/self/keys). */
export const EndorserSigningKeyV2Schema = z.object({
  entityType: z.literal('EndorserSigningKey'),
  ...signingKeyFields,
});
export type EndorserSigningKeyV2 = z.output<typeof EndorserSigningKeyV2Schema>;

/**
 * Signing keys, for issuers (`POST /v2/issuers/{id}/keys/rotate`) and endorsers
 * (`POST /v2/endorsers/self/keys/rotate`): the same choice of algorithm in both places.
 */
import { z } from 'zod';


export const SIGNING_ALGORITHMS = ['RS256', 'ES256'] as const;

/** Body of a key rotation; optional, RS256 unless asked. */
export const RotateSigningKeyBodySchema = z.object({
  algorithm: z.enum(SIGNING_ALGORITHMS, { error: 'algorithm must be "RS256" or "ES256".' }).default('RS256'),
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
  algorithm: z.enum(ISSUER_KEY_ALGORITHMS, { error: 'algorithm must be "RS256", "ES256" or "Ed25519".' }).default('RS256'),
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

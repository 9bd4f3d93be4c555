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

/**
 * Only asymmetric algorithms: with `none` anyone can forge a badge, and with HMAC the "public"
 * key would be the signing secret (design.md §5). RS256 is what OB 2.0 examples use.
 */
export const ALLOWED_JWS_ALGORITHMS = ['RS256', 'ES256'] as const;
export type AllowedJwsAlgorithm = (typeof ALLOWED_JWS_ALGORITHMS)[number];

export function isAllowedJwsAlgorithm(alg: unknown): alg is AllowedJwsAlgorithm {
  return typeof alg === 'string' && (ALLOWED_JWS_ALGORITHMS as readonly string[]).includes(alg);
}

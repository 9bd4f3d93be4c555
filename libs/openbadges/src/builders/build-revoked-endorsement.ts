import { OB_V2_CONTEXT } from '../model/common';
import type { Endorsement } from '../model/endorsement';
import { omitUndefined } from './omit-undefined';

export type RevokedEndorsement = Pick<Endorsement, '@context' | 'id' | 'type' | 'issuer' | 'revocationReason'> & { revoked: true };

/**
 * What a withdrawn Endorsement's URL serves (with 410 Gone, as a revoked hosted assertion):
 * the shape of the spec's own revoked-Endorsement example (OB 2.0 examples, "Endorsement").
 */
export function buildRevokedEndorsement(input: { id: string; issuer: string; revocationReason?: string }): RevokedEndorsement {
  return omitUndefined({
    '@context': OB_V2_CONTEXT,
    type: 'Endorsement' as const,
    id: input.id,
    issuer: input.issuer,
    revoked: true as const,
    revocationReason: input.revocationReason,
  });
}

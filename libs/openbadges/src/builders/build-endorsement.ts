import { OB_V2_CONTEXT } from '../model/common';
import type { Endorsement } from '../model/endorsement';
import type { EndorsementInput } from './inputs';
import { toIsoUtc } from './iso-date';
import { omitUndefined } from './omit-undefined';
import { buildVerification } from './verification';

/** An Endorsement: `claim.id` is the endorsed Profile, BadgeClass or Assertion. */
export function buildEndorsement(input: EndorsementInput): Endorsement {
  return {
    '@context': OB_V2_CONTEXT,
    type: 'Endorsement',
    id: input.id,
    claim: omitUndefined({ id: input.claim.id, endorsementComment: input.claim.endorsementComment }),
    issuer: input.issuer,
    issuedOn: toIsoUtc(input.issuedOn, 'issuedOn'),
    verification: buildVerification(input.verification),
  };
}

import { formatDateTimeV2, type EndorsementTargetType, type EndorsementV2 } from '@badges/api-contracts';
import {
  buildEndorsement,
  buildRevokedEndorsement,
  signedPayload,
  type Endorsement as EndorsementDocument,
  type RevokedEndorsement,
  type VerificationInput,
} from '@badges/openbadges';

import type { PublicUrls } from '../common/public-urls';
import type { Endorsement } from '../generated/prisma/client';

/** What an Endorsement document is made of (the row, or the row about to be written). */
export type EndorsementFacts = Pick<Endorsement, 'id' | 'endorserProfileId' | 'targetUrl' | 'comment' | 'issuedOn'>;

export function toEndorsementV2(row: Endorsement, urls: PublicUrls): EndorsementV2 {
  return {
    entityType: 'Endorsement',
    entityId: row.id,
    openBadgeId: urls.endorsement(row.id),
    request: row.requestId,
    target: { type: row.targetType as EndorsementTargetType, entityId: row.targetId, openBadgeId: row.targetUrl },
    requester: row.institutionId,
    endorser: row.endorserInstitutionId,
    comment: row.comment,
    issuedOn: formatDateTimeV2(row.issuedOn),
    revoked: row.revokedAt !== null,
    revocationReason: row.revocationReason,
    verification: row.signedJws ? 'signed' : 'hosted',
    ...(row.signedJws ? { signature: row.signedJws } : {}),
  };
}

/**
 * The OB 2.0 Endorsement (the lib's builder): `claim.id` is the endorsed entity's public id,
 * `issuer` the endorser's hosted Profile; hosted, or signed with the endorser's key (decision 0013).
 */
export function endorsementDocument(facts: EndorsementFacts, urls: PublicUrls, verification: VerificationInput = { type: 'hosted' }): EndorsementDocument {
  return buildEndorsement({
    id: urls.endorsement(facts.id),
    issuer: urls.endorser(facts.endorserProfileId),
    claim: { id: facts.targetUrl, endorsementComment: facts.comment ?? undefined },
    issuedOn: facts.issuedOn,
    verification,
  });
}

/** What a live endorsement's URL serves: a signed one's JSON exactly as signed, never rebuilt. */
export function publishedEndorsementDocument(row: Endorsement, urls: PublicUrls): object {
  return row.signedJws ? signedPayload(row.signedJws) : endorsementDocument(row, urls);
}

/** What a withdrawn endorsement's URL answers, with 410. */
export function revokedEndorsementDocument(row: Endorsement, urls: PublicUrls): RevokedEndorsement {
  return buildRevokedEndorsement({ id: urls.endorsement(row.id), issuer: urls.endorser(row.endorserProfileId), revocationReason: row.revocationReason ?? undefined });
}

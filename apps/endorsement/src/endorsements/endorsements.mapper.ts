import { formatDateTimeV2, type EndorsementTargetType, type EndorsementV2 } from '@badges/api-contracts';
import { buildEndorsement, buildRevokedEndorsement, type Endorsement as EndorsementDocument, type RevokedEndorsement } from '@badges/openbadges';

import type { PublicUrls } from '../common/public-urls';
import type { Endorsement } from '../generated/prisma/client';

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
  };
}

/**
 * The hosted OB 2.0 Endorsement (the lib's builder): `claim.id` is the endorsed entity's public
 * id, `issuer` the endorser's hosted Profile. Hosted verification only (see decision 0013).
 */
export function endorsementDocument(row: Endorsement, urls: PublicUrls): EndorsementDocument {
  return buildEndorsement({
    id: urls.endorsement(row.id),
    issuer: urls.endorser(row.endorserProfileId),
    claim: { id: row.targetUrl, endorsementComment: row.comment ?? undefined },
    issuedOn: row.issuedOn,
    verification: { type: 'hosted' },
  });
}

/** What a withdrawn endorsement's URL answers, with 410. */
export function revokedEndorsementDocument(row: Endorsement, urls: PublicUrls): RevokedEndorsement {
  return buildRevokedEndorsement({ id: urls.endorsement(row.id), issuer: urls.endorser(row.endorserProfileId), revocationReason: row.revocationReason ?? undefined });
}

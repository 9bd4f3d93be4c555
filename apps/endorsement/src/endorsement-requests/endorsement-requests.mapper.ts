import { formatDateTimeV2, type EndorsementRequestV2, type EndorsementTargetType } from '@badges/api-contracts';

import type { EndorsementRequest } from '../generated/prisma/client';

export function toEndorsementRequestV2(row: EndorsementRequest, endorsementId: string | null = null): EndorsementRequestV2 {
  return {
    entityType: 'EndorsementRequest',
    entityId: row.id,
    target: { type: row.targetType as EndorsementTargetType, entityId: row.targetId, openBadgeId: row.targetUrl, name: row.targetName },
    requester: row.institutionId,
    endorser: row.endorserInstitutionId,
    message: row.message,
    status: row.status as EndorsementRequestV2['status'],
    endorsement: endorsementId,
    createdAt: formatDateTimeV2(row.createdAt),
    decidedAt: row.decidedAt ? formatDateTimeV2(row.decidedAt) : null,
  };
}

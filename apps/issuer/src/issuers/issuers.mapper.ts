import type { IssuerStaffV2, IssuerV2 } from '@badges/api-contracts';
import { formatDateTimeV2 } from '@badges/api-contracts';

import type { PublicUrls } from '../common/public-urls';
import type { IssuerRecord } from './issuers.repository';

/** Row -> Badgr v2 `IssuerSerializerV2` shape (field order as Badgr), with its staff entries (issuer-staff/). */
export function toIssuerV2(row: IssuerRecord, urls: PublicUrls, staff: readonly IssuerStaffV2[] = []): IssuerV2 {
  return {
    entityType: 'Issuer',
    entityId: row.id,
    openBadgeId: urls.issuerDocument(row),
    createdAt: formatDateTimeV2(row.createdAt),
    createdBy: row.createdBy,
    name: row.name,
    image: row.imageId ? urls.issuerImage(row.id) : null,
    email: row.email,
    description: row.description,
    url: row.url,
    staff: [...staff],
    extensions: {},
    credentialProof: row.credentialProof,
  };
}

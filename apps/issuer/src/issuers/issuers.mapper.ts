import type { IssuerV2 } from '@badges/api-contracts';
import { formatDateTimeV2 } from '@badges/api-contracts';

import type { PublicUrls } from '../common/public-urls';
import type { IssuerRecord } from './issuers.repository';

/** Row -> Badgr v2 `IssuerSerializerV2` shape (field order as Badgr). */
export function toIssuerV2(row: IssuerRecord, urls: PublicUrls): IssuerV2 {
  return {
    entityType: 'Issuer',
    entityId: row.id,
    openBadgeId: urls.issuer(row.id),
    createdAt: formatDateTimeV2(row.createdAt),
    createdBy: row.createdBy,
    name: row.name,
    image: row.imageId ? urls.issuerImage(row.id) : null,
    email: row.email,
    description: row.description,
    url: row.url,
    staff: [],
    extensions: {},
  };
}

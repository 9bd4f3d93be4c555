import { formatDateTimeV2, type BadgeClassV2, type ExpirationDuration } from '@badges/api-contracts';

import type { PublicUrls } from '../common/public-urls';
import type { BadgeClassRecord } from './badge-classes.repository';

/** Row -> Badgr v2 `BadgeClassSerializerV2` shape plus our language/translations/verification/openBadgesVersion. */
export function toBadgeClassV2(row: BadgeClassRecord, urls: PublicUrls): BadgeClassV2 {
  return {
    entityType: 'BadgeClass',
    entityId: row.id,
    openBadgeId: urls.badgeDocument(row),
    createdAt: formatDateTimeV2(row.createdAt),
    createdBy: row.createdBy,
    issuer: row.issuerId,
    issuerOpenBadgeId: urls.issuer(row.issuerId),
    name: row.name,
    image: urls.badgeImage(row.id),
    description: row.description,
    criteriaUrl: row.criteriaUrl,
    criteriaNarrative: row.criteriaNarrative,
    alignments: row.alignments.map((a) => ({
      targetName: a.targetName,
      targetUrl: a.targetUrl,
      targetDescription: a.targetDescription,
      targetFramework: a.targetFramework,
      targetCode: a.targetCode,
    })),
    tags: row.tags,
    expires: { amount: row.expiresAmount, duration: row.expiresDuration as ExpirationDuration | null },
    extensions: {},
    language: row.language,
    translations: row.translations.map((t) => ({ language: t.language, name: t.name, description: t.description, criteriaNarrative: t.criteriaNarrative })),
    verification: row.verification,
    openBadgesVersion: row.openBadgesVersion,
  };
}

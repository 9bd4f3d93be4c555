import type { EndorserProfileV2, PublishedEndorserV2 } from '@badges/api-contracts';
import { buildIssuerProfile, type Profile } from '@badges/openbadges';

import type { PublicUrls } from '../common/public-urls';
import type { EndorserProfile } from '../generated/prisma/client';

export function toEndorserProfileV2(row: EndorserProfile, urls: PublicUrls): EndorserProfileV2 {
  return {
    entityType: 'EndorserProfile',
    entityId: row.id,
    openBadgeId: urls.endorser(row.id),
    name: row.name,
    url: row.url,
    email: row.email,
    description: row.description,
  };
}

export function toPublishedEndorserV2(row: EndorserProfile, urls: PublicUrls): PublishedEndorserV2 {
  return { ...toEndorserProfileV2(row, urls), institution: row.institutionId };
}

/** The hosted OB 2.0 Profile: the `issuer` of every Endorsement this endorser makes. */
export function endorserProfileDocument(row: EndorserProfile, urls: PublicUrls): Profile {
  return buildIssuerProfile({ id: urls.endorser(row.id), name: row.name, url: row.url, email: row.email, description: row.description ?? undefined });
}

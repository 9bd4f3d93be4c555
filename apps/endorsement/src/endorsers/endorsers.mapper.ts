import type { EndorserLanguage, EndorserProfileV2, PublishedEndorserV2, VerificationType } from '@badges/api-contracts';
import { buildIssuerProfile, type Profile } from '@badges/openbadges';

import type { PublicUrls } from '../common/public-urls';
import type { EndorserProfile, EndorserSigningKey } from '../generated/prisma/client';

export function toEndorserProfileV2(row: EndorserProfile, urls: PublicUrls): EndorserProfileV2 {
  return {
    entityType: 'EndorserProfile',
    entityId: row.id,
    openBadgeId: urls.endorser(row.id),
    name: row.name,
    url: row.url,
    email: row.email,
    description: row.description,
    verification: row.verification as VerificationType,
    // CHECK endorser_profiles_language_check keeps it to ENDORSER_LANGUAGES.
    language: row.language as EndorserLanguage,
  };
}

export function toPublishedEndorserV2(row: EndorserProfile, urls: PublicUrls): PublishedEndorserV2 {
  return { ...toEndorserProfileV2(row, urls), institution: row.institutionId };
}

/**
 * The hosted OB 2.0 Profile: the `issuer` of every Endorsement this endorser makes. Once it has
 * signing keys (signed verification), it lists all of them, retired ones too, in `publicKey` and
 * links its RevocationList, as an issuer Profile does (decision 0009); a hosted-only endorser's
 * Profile stays as it was.
 */
export function endorserProfileDocument(row: EndorserProfile, keys: EndorserSigningKey[], urls: PublicUrls): Profile {
  const signs = keys.length > 0;
  return buildIssuerProfile({
    id: urls.endorser(row.id),
    name: row.name,
    url: row.url,
    email: row.email,
    description: row.description ?? undefined,
    publicKey: signs ? keys.map((key) => urls.endorserKey(row.id, key.id)) : undefined,
    revocationList: signs ? urls.endorserRevocations(row.id) : undefined,
  });
}

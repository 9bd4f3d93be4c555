import { formatDateTimeV2, type EndorserSigningKeyV2, type SigningAlgorithm } from '@badges/api-contracts';
import { buildCryptographicKey, type CryptographicKey } from '@badges/openbadges';

import type { PublicUrls } from '../common/public-urls';
import type { EndorserSigningKey } from '../generated/prisma/client';

export function toEndorserSigningKeyV2(key: EndorserSigningKey, urls: PublicUrls): EndorserSigningKeyV2 {
  return {
    entityType: 'EndorserSigningKey',
    entityId: key.id,
    openBadgeId: urls.endorserKey(key.endorserProfileId, key.id),
    algorithm: key.algorithm as SigningAlgorithm,
    publicKeyPem: key.publicKeyPem,
    createdAt: formatDateTimeV2(key.createdAt),
    retiredAt: key.retiredAt ? formatDateTimeV2(key.retiredAt) : null,
    active: key.retiredAt === null,
  };
}

/** The published key: `owner` is the endorser Profile, whose `publicKey` lists it back. */
export function endorserKeyDocument(key: EndorserSigningKey, urls: PublicUrls): CryptographicKey {
  return buildCryptographicKey({ id: urls.endorserKey(key.endorserProfileId, key.id), owner: urls.endorser(key.endorserProfileId), publicKeyPem: key.publicKeyPem });
}

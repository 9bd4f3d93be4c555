import { formatDateTimeV2, type SigningAlgorithm, type SigningKeyV2 } from '@badges/api-contracts';

import type { PublicUrls } from '../common/public-urls';
import type { SigningKeyRecord } from './signing-keys.repository';

/** A key as the v2 API lists it (the contract's SigningKeyV2): public information only. */
export function toSigningKeyV2(key: SigningKeyRecord, urls: PublicUrls): SigningKeyV2 {
  return {
    entityType: 'SigningKey',
    entityId: key.id,
    openBadgeId: urls.signingKey(key.issuerId, key.id),
    issuer: key.issuerId,
    algorithm: key.algorithm as SigningAlgorithm,
    publicKeyPem: key.publicKeyPem,
    createdAt: formatDateTimeV2(key.createdAt),
    retiredAt: key.retiredAt ? formatDateTimeV2(key.retiredAt) : null,
    active: key.retiredAt === null,
  };
}

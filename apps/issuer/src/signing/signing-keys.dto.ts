import { formatDateTimeV2, type IssuerKeyAlgorithm, type SigningKeyV2 } from '@badges/api-contracts';

import type { PublicUrls } from '../common/public-urls';
import type { SigningKeyRecord } from './signing-keys.repository';

/**
 * A key as the v2 API lists it (the contract's SigningKeyV2): public information only. A JWS key is
 * published as a CryptographicKey at its URL; an Ed25519 key as its DID verification method.
 */
export function toSigningKeyV2(key: SigningKeyRecord, urls: PublicUrls): SigningKeyV2 {
  return {
    entityType: 'SigningKey',
    entityId: key.id,
    openBadgeId: key.algorithm === 'Ed25519' ? urls.didKey(key.issuerId, key.id) : urls.signingKey(key.issuerId, key.id),
    issuer: key.issuerId,
    algorithm: key.algorithm as IssuerKeyAlgorithm,
    publicKeyPem: key.publicKeyPem,
    createdAt: formatDateTimeV2(key.createdAt),
    retiredAt: key.retiredAt ? formatDateTimeV2(key.retiredAt) : null,
    active: key.retiredAt === null,
  };
}

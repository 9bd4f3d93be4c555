import { formatDateTimeV2 } from '@badges/api-contracts';

import type { PublicUrls } from '../common/public-urls';
import type { SigningKeyRecord } from './signing-keys.repository';

/** A signing key as the v2 API lists it: public information only, never the private half. */
export interface SigningKeyV2 {
  entityType: 'SigningKey';
  entityId: string;
  /** The CryptographicKey's URL: the `creator` of the assertions this key signed. */
  openBadgeId: string;
  issuer: string;
  algorithm: string;
  publicKeyPem: string;
  createdAt: string;
  retiredAt: string | null;
  active: boolean;
}

export function toSigningKeyV2(key: SigningKeyRecord, urls: PublicUrls): SigningKeyV2 {
  return {
    entityType: 'SigningKey',
    entityId: key.id,
    openBadgeId: urls.signingKey(key.issuerId, key.id),
    issuer: key.issuerId,
    algorithm: key.algorithm,
    publicKeyPem: key.publicKeyPem,
    createdAt: formatDateTimeV2(key.createdAt),
    retiredAt: key.retiredAt ? formatDateTimeV2(key.retiredAt) : null,
    active: key.retiredAt === null,
  };
}

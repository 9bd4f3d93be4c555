import { Inject, Injectable } from '@nestjs/common';

import { SecretSealer } from '@badges/service-kit';

import { ISSUER_CONFIG } from '../common/tokens';
import type { IssuerConfig } from '../config/issuer.config';

/** Issuers' private keys at rest (service-kit SecretSealer, under its own HKDF purpose). */
@Injectable()
export class KeySealer extends SecretSealer {
  constructor(@Inject(ISSUER_CONFIG) config: Pick<IssuerConfig, 'secretsEncryptionKey'>) {
    super(config.secretsEncryptionKey, 'badges/issuer/signing-key/v1');
  }
}

/** The associated data of one key row. */
export function signingKeyContext(key: { institutionId: string; issuerId: string; id: string }): string {
  return `signing-key:${key.institutionId}:${key.issuerId}:${key.id}`;
}

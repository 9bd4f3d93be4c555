import { Inject, Injectable } from '@nestjs/common';

import { SecretSealer } from '@badges/service-kit';

import { ENDORSEMENT_CONFIG } from '../common/tokens';
import type { EndorsementConfig } from '../config/endorsement.config';

/** Endorsers' private keys at rest (service-kit SecretSealer, under its own HKDF purpose). */
@Injectable()
export class EndorserKeySealer extends SecretSealer {
  constructor(@Inject(ENDORSEMENT_CONFIG) config: Pick<EndorsementConfig, 'secretsEncryptionKey'>) {
    super(config.secretsEncryptionKey, 'badges/endorsement/signing-key/v1');
  }
}

/** The associated data of one key row: a ciphertext copied onto another row does not open. */
export function endorserKeyContext(key: { institutionId: string; endorserProfileId: string; id: string }): string {
  return `endorser-signing-key:${key.institutionId}:${key.endorserProfileId}:${key.id}`;
}

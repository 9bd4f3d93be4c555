import { Inject, Injectable } from '@nestjs/common';

import type { EndorsementConfig } from '../config/endorsement.config';
import { ENDORSEMENT_CONFIG } from './tokens';

/**
 * The public URLs this service owns. Endorsement ids are these URLs and end up inside other
 * documents (the endorsed BadgeClass, baked badges), so their shape must never change.
 */
@Injectable()
export class PublicUrls {
  readonly base: string;

  constructor(@Inject(ENDORSEMENT_CONFIG) config: EndorsementConfig) {
    this.base = config.publicUrl;
  }

  endorsement(id: string): string { return `${this.base}/public/endorsements/${id}`; }
  endorser(profileId: string): string { return `${this.base}/public/endorsers/${profileId}`; }
  /** A CryptographicKey of the endorser (signed verification): the `creator` of what it signed. */
  endorserKey(profileId: string, keyId: string): string { return `${this.endorser(profileId)}/keys/${keyId}`; }
  /** The endorser's RevocationList: its withdrawn signed endorsements. */
  endorserRevocations(profileId: string): string { return `${this.endorser(profileId)}/revocations`; }
}

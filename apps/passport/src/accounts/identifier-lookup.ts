import { createHmac } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';

import { normalizeIdentity } from '@badges/openbadges';

import { PASSPORT_CONFIG } from '../common/tokens';
import type { PassportConfig } from '../config/passport.config';

/**
 * The issuer's recipient lookup, recomputed here (apps/issuer/src/assertions/recipient-identity.ts
 * is the other half): HMAC-SHA256 under RECIPIENT_LOOKUP_SECRET of the normalised identity. Equal
 * keys mean "the same person", without either side publishing the address (decision 0014).
 */
@Injectable()
export class IdentifierLookup {
  constructor(@Inject(PASSPORT_CONFIG) private readonly config: PassportConfig) {}

  normalize(type: string, value: string): string {
    return normalizeIdentity(type, value);
  }

  of(type: string, value: string): string {
    return createHmac('sha256', this.config.recipientLookupSecret).update(this.normalize(type, value), 'utf8').digest('hex');
  }
}

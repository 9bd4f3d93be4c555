import { Injectable } from '@nestjs/common';

import { signAssertion } from '@badges/openbadges';

import { buildAssertionJson, type AssertionSource } from '../common/assertion-json';
import { PublicUrls } from '../common/public-urls';
import type { UnsealedSigningKey } from './signing-keys.service';

export interface Signature {
  signedJws: string;
  signingKeyId: string;
}

/**
 * Makes the canonical form of a signed badge: the assertion JSON with
 * `verification: {type: SignedBadge, creator: <key URL>}`, signed as a compact JWS by the
 * openbadges lib. The JWS is stored with the row, so it never changes after the award.
 */
@Injectable()
export class AssertionSigner {
  constructor(private readonly urls: PublicUrls) {}

  async sign(source: AssertionSource, key: UnsealedSigningKey): Promise<Signature> {
    const creator = this.urls.signingKey(key.issuerId, key.id);
    const payload = buildAssertionJson(source, this.urls, { type: 'signed', creator });
    return { signedJws: await signAssertion(payload, key.privateKey, key.algorithm), signingKeyId: key.id };
  }
}

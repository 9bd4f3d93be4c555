import { Injectable } from '@nestjs/common';

import { signEndorsement } from '@badges/openbadges';

import { PublicUrls } from '../common/public-urls';
import { endorsementDocument, type EndorsementFacts } from '../endorsements/endorsements.mapper';
import type { UnsealedEndorserKey } from './endorser-keys.service';

export interface EndorsementSignature {
  signedJws: string;
  signingKeyId: string;
}

/**
 * The canonical form of a signed endorsement: its JSON with `verification: {type: SignedBadge,
 * creator: <key URL>}`, as a compact JWS (header `kid` = the key URL). Stored with the row and
 * never re-signed, so a rotation or a changed PUBLIC_URL cannot alter what was issued.
 */
@Injectable()
export class EndorsementSigner {
  constructor(private readonly urls: PublicUrls) {}

  async sign(facts: EndorsementFacts, key: UnsealedEndorserKey): Promise<EndorsementSignature> {
    const creator = this.urls.endorserKey(key.endorserProfileId, key.id);
    const document = endorsementDocument(facts, this.urls, { type: 'signed', creator });
    return { signedJws: await signEndorsement(document, key.privateKey, key.algorithm), signingKeyId: key.id };
  }
}

import { createHmac } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';

import { createSalt, hashIdentity, normalizeIdentity } from '@badges/openbadges';

import { ISSUER_CONFIG } from '../common/tokens';
import type { IssuerConfig } from '../config/issuer.config';

export interface StoredRecipient {
  type: string;
  /** `sha256$…` when hashed, else the (normalised) plaintext. */
  identity: string;
  hashed: boolean;
  salt: string | null;
  /** Keyed hash of the normalised identity: equal for every award to the same person. */
  lookup: string;
}

/**
 * Turns a recipient as the API receives it into what we store. A hashed recipient gets its own
 * salt (design.md §5), so the stored identity cannot be matched across assertions; `lookup`
 * is an HMAC under a server secret, so we can still find "all awards to x" without plaintext.
 */
@Injectable()
export class RecipientIdentity {
  constructor(@Inject(ISSUER_CONFIG) private readonly config: IssuerConfig) {}

  toStored(recipient: { type: string; identity: string; hashed: boolean }): StoredRecipient {
    const normalized = normalizeIdentity(recipient.type, recipient.identity);
    const lookup = this.lookup(normalized);
    if (!recipient.hashed) return { type: recipient.type, identity: normalized, hashed: false, salt: null, lookup };
    const salt = createSalt();
    return { type: recipient.type, identity: hashIdentity(normalized, salt, 'sha256'), hashed: true, salt, lookup };
  }

  /** The lookup key of one recipient: the natural key of a bulk award row. */
  lookupOf(recipient: { type: string; identity: string }): string {
    return this.lookup(normalizeIdentity(recipient.type, recipient.identity));
  }

  /**
   * Lookup keys for a search term whose type is unknown (`?recipient=`): the email spelling
   * (lower-cased) and the as-typed spelling (urls/ids are case-sensitive).
   */
  lookupsFor(term: string): string[] {
    return [...new Set([normalizeIdentity('email', term), normalizeIdentity('id', term)])].map((value) => this.lookup(value));
  }

  private lookup(normalized: string): string {
    return createHmac('sha256', this.config.recipientLookupSecret).update(normalized, 'utf8').digest('hex');
  }
}

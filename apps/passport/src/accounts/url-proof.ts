import { createHmac } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';

import { safeFetch } from '@badges/outbound-http';
import { ApiError } from '@badges/service-kit';

import { PASSPORT_CONFIG } from '../common/tokens';
import type { PassportConfig } from '../config/passport.config';

/**
 * Proof that a learner controls a URL: a text derived from the identifier (nothing to store) that
 * they put on the page; we fetch the page with safeFetch (no private addresses, no redirects: a
 * redirect elsewhere proves nothing about the URL itself) and look for it.
 */
@Injectable()
export class UrlProof {
  constructor(@Inject(PASSPORT_CONFIG) private readonly config: PassportConfig) {}

  textFor(identifierId: string): string {
    const token = createHmac('sha256', this.config.recipientLookupSecret).update(`url-proof:${identifierId}`).digest('base64url').slice(0, 32);
    return `badge-passport-proof=${token}`;
  }

  async check(url: string, identifierId: string): Promise<void> {
    let body: string;
    try {
      const response = await safeFetch(url, { accept: 'text/html, text/plain', maxBytes: 1024 * 1024, maxRedirects: 0, timeoutMs: 10_000, allowPrivateNetwork: this.config.allowPrivateNetwork });
      if (response.status !== 200) throw ApiError.validation(`The page answered HTTP ${response.status}; it must answer 200 with the proof text on it.`, 'identifier');
      body = response.body.toString('utf8');
    } catch (error) {
      if (error instanceof ApiError) throw error;
      throw ApiError.validation(`The page could not be fetched: ${error instanceof Error ? error.message : String(error)}`, 'identifier');
    }
    if (!body.includes(this.textFor(identifierId))) throw ApiError.validation(`The page does not show the proof text ${this.textFor(identifierId)} yet.`, 'identifier');
  }
}

import { Inject, Injectable } from '@nestjs/common';

import type { IssuerConfig } from '../config/issuer.config';
import { ISSUER_CONFIG } from './tokens';

/**
 * Every public URL in one place. Document ids are these URLs, so they must never change shape:
 * a baked badge carries them for years.
 */
@Injectable()
export class PublicUrls {
  readonly base: string;

  constructor(@Inject(ISSUER_CONFIG) config: IssuerConfig) {
    this.base = config.publicUrl;
  }

  issuer(id: string): string { return `${this.base}/public/issuers/${id}`; }
  issuerImage(id: string): string { return `${this.issuer(id)}/image`; }
  /** A CryptographicKey: the `creator` of the assertions it signed, so it must never move. */
  signingKey(issuerId: string, keyId: string): string { return `${this.issuer(issuerId)}/keys/${keyId}`; }
  revocationList(issuerId: string): string { return `${this.issuer(issuerId)}/revocations`; }
  badge(id: string): string { return `${this.base}/public/badges/${id}`; }
  badgeTranslation(id: string, language: string): string { return `${this.badge(id)}?lang=${encodeURIComponent(language)}`; }
  badgeImage(id: string): string { return `${this.badge(id)}/image`; }
  assertion(id: string): string { return `${this.base}/public/assertions/${id}`; }
  assertionImage(id: string): string { return `${this.assertion(id)}/image`; }
  /** A v2 API path on the gateway (pagination links). */
  api(pathAndQuery: string): string { return `${this.base}${pathAndQuery}`; }
}

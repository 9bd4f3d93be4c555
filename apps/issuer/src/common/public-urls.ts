import { Inject, Injectable } from '@nestjs/common';

import type { IssuerConfig } from '../config/issuer.config';
import { ISSUER_CONFIG } from './tokens';

/** A row that may hold another platform's published id (issuers, badge classes, assertions). */
export interface StoredDocument {
  id: string;
  documentId: string | null;
}

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
  /**
   * The OB 2.0 `id` of a stored document: the one another platform published, kept unchanged by a
   * migration (decision 0044), or ours. Served at our path either way (`/public/…/{id}`).
   */
  issuerDocument(row: StoredDocument): string { return row.documentId ?? this.issuer(row.id); }
  badgeDocument(row: StoredDocument): string { return row.documentId ?? this.badge(row.id); }
  assertionDocument(row: StoredDocument): string { return row.documentId ?? this.assertion(row.id); }
  /**
   * An issuer whose published id names another origin (a migration, decision 0044) hosts
   * assertions at both: its imported ones keep the old origin, new awards are ours. OB 2.0's default
   * hosted policy allows only the Profile id's host, so the Profile lists both; undefined otherwise.
   */
  hostedOrigins(issuer: StoredDocument): string[] | undefined {
    // Host names: OB 2.0's `allowedOrigins` is a URL authority without port (the validators refuse one).
    const ours = new URL(this.base).hostname;
    const theirs = issuer.documentId ? new URL(issuer.documentId).hostname : ours;
    return theirs === ours ? undefined : [theirs, ours];
  }
  /** A v2 API path on the gateway (pagination links). */
  api(pathAndQuery: string): string { return `${this.base}${pathAndQuery}`; }
}

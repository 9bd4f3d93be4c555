import { Inject, Injectable } from '@nestjs/common';

import { issuerDid } from '@badges/openbadges';

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
  /** OB 3.0 (decision 0048): the award's OpenBadgeCredential, and its image with the credential baked in. */
  credential(id: string): string { return `${this.base}/public/credentials/${id}`; }
  credentialImage(id: string): string { return `${this.credential(id)}/image`; }
  /** The issuer's did:web DID (its OB 3.0 `issuer.id`); its document is at `didDocument`, as did:web resolves it. */
  issuerDid(issuerId: string): string { return issuerDid(this.base, issuerId); }
  didDocument(issuerId: string): string { return `${this.issuer(issuerId)}/did.json`; }
  /** The Data Integrity `verificationMethod` of an Ed25519 key: `{did}#{keyId}` in the DID document. */
  didKey(issuerId: string, keyId: string): string { return `${this.issuerDid(issuerId)}#${keyId}`; }
  jwks(issuerId: string): string { return `${this.issuer(issuerId)}/jwks.json`; }
  /** A VC-JWT's `kid`: the key's own URL, which answers its JWK (and is its `kid` in the JWKS). */
  jwksKey(issuerId: string, keyId: string): string { return `${this.issuer(issuerId)}/jwks/${keyId}`; }
  statusList(issuerId: string, listNumber: number): string { return `${this.issuer(issuerId)}/status/${listNumber}`; }
  /** The award's baked image: the OB 2.0 one, or the credential's when the award has no 2.0 form. */
  awardImage(award: { id: string; openBadgesVersion: string }): string {
    return award.openBadgesVersion === '3.0' ? this.credentialImage(award.id) : this.assertionImage(award.id);
  }
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

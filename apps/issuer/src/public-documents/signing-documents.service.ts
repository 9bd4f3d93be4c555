import { Injectable } from '@nestjs/common';

import { buildCryptographicKey, buildRevocationList, type CryptographicKey, type RevocationList } from '@badges/openbadges';
import { ApiError } from '@badges/service-kit';

import { PublicUrls } from '../common/public-urls';
import { PublicDocumentsRepository } from './public-documents.repository';

/**
 * The two documents a verifier of a signed badge fetches besides the assertion's graph: the key
 * named as `creator` (it must say the issuer owns it) and the issuer's RevocationList.
 */
@Injectable()
export class SigningDocumentsService {
  constructor(private readonly documents: PublicDocumentsRepository, private readonly urls: PublicUrls) {}

  async cryptographicKey(issuerId: string, keyId: string): Promise<CryptographicKey> {
    const [key, issuer] = await Promise.all([this.documents.findSigningKey(issuerId, keyId), this.documents.findIssuer(issuerId)]);
    if (!key || !issuer) throw ApiError.notFound('key');
    // The owner is the issuer's id as its Profile says it (a migrated issuer keeps its old one).
    return buildCryptographicKey({ id: this.urls.signingKey(issuerId, key.id), owner: this.urls.issuerDocument(issuer), publicKeyPem: key.publicKeyPem });
  }

  /** Served for every issuer (empty when nothing signed was revoked), so the URL never 404s. */
  async revocationList(issuerId: string): Promise<RevocationList> {
    const issuer = await this.documents.findIssuer(issuerId);
    if (!issuer) throw ApiError.notFound('issuer');
    const revoked = await this.documents.revokedSignedAssertions(issuerId);
    return buildRevocationList({
      id: this.urls.revocationList(issuerId),
      issuer: this.urls.issuerDocument(issuer),
      revokedAssertions: revoked.map((r) => ({ id: this.urls.assertionDocument(r), revocationReason: r.revocationReason ?? undefined })),
    });
  }
}

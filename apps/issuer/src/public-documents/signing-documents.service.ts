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
    const key = await this.documents.findSigningKey(issuerId, keyId);
    if (!key) throw ApiError.notFound('key');
    return buildCryptographicKey({ id: this.urls.signingKey(issuerId, key.id), owner: this.urls.issuer(issuerId), publicKeyPem: key.publicKeyPem });
  }

  /** Served for every issuer (empty when nothing signed was revoked), so the URL never 404s. */
  async revocationList(issuerId: string): Promise<RevocationList> {
    if (!(await this.documents.findIssuer(issuerId))) throw ApiError.notFound('issuer');
    const revoked = await this.documents.revokedSignedAssertions(issuerId);
    return buildRevocationList({
      id: this.urls.revocationList(issuerId),
      issuer: this.urls.issuer(issuerId),
      revokedAssertions: revoked.map((r) => ({ id: this.urls.assertion(r.id), revocationReason: r.revocationReason ?? undefined })),
    });
  }
}

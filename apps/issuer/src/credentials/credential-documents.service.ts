import { Injectable } from '@nestjs/common';

import { buildIssuerDidDocument, buildJwk, buildJwks, type JwksKey } from '@badges/openbadges';
import { ApiError, cacheTag } from '@badges/service-kit';

import { PublicUrls } from '../common/public-urls';
import type { PageView } from '../public-documents/page-view';
import { PublicDocumentsRepository } from '../public-documents/public-documents.repository';
import { PublicDocumentsService, type AwardCredential } from '../public-documents/public-documents.service';

/** An award's stored credential as served, with the page a browser gets instead. */
export interface CredentialDocument {
  /** The stored credential exactly as signed: its JSON, or the compact VC-JWT. */
  body: string;
  credential: AwardCredential;
  /** The award's OB 2.0 assertion URL, when it has that form (the `Link` alternate). */
  ob2Url?: string;
  view: PageView;
  tags: string[];
}

/** A public JSON document of an issuer (DID document, JWKS, status list) with its cache tags. */
export interface IssuerDocument {
  body: string;
  tags: string[];
  /**
   * False for a DID document or JWKS without keys yet: the award that makes the first key announces
   * it by event, which a gateway hears within about a second; not caching the empty answer means a
   * verifier never meets it after that award.
   */
  cacheable: boolean;
}

/**
 * The OB 3.0 public documents (decision 0048): awards' credentials, stored at award time and served
 * as they are, and what a verifier fetches beside them: the issuer's DID document (its Ed25519
 * keys), JWKS (its RS256/ES256 keys) and signed status lists. Reads never sign.
 */
@Injectable()
export class CredentialDocumentsService {
  constructor(
    private readonly documents: PublicDocumentsRepository,
    private readonly publicDocuments: PublicDocumentsService,
    private readonly urls: PublicUrls,
  ) {}

  /**
   * The award's credential, revoked or not (the status list says whether it is revoked). Its page
   * is the award's (`preferred` picks the edition of the badge's texts), naming the credential and
   * linking the OB 2.0 assertion when there is one. 404 for an award in OB 2.0 only.
   */
  async credential(id: string, preferred: readonly string[] = []): Promise<CredentialDocument> {
    const [found] = await this.publicDocuments.assertionsWithSource([id], preferred);
    const credential = found?.document.credential;
    const body = found?.assertion.credential;
    if (!found || !credential || !body) throw ApiError.notFound('credential');
    const { document, assertion } = found;
    const ob2Url = document.ob3Only ? undefined : this.urls.assertionDocument(assertion);
    const view: PageView = {
      ...document.view,
      url: credential.url,
      verifyUrl: this.publicDocuments.verifyUrl(credential.url, document.view.lang),
      data: { label: 'credentialData', type: credential.mediaType },
      alternate: ob2Url ? { url: ob2Url, label: 'data', type: 'application/ld+json' } : undefined,
      editions: document.view.editions?.map((edition) => ({ lang: edition.lang, url: `${credential.url}?lang=${encodeURIComponent(edition.lang)}` })),
    };
    return { body, credential, ob2Url, view, tags: document.tags };
  }

  /** did:web resolution of the issuer's DID: every Ed25519 key it ever had, retired ones too. */
  async didDocument(issuerId: string): Promise<IssuerDocument> {
    await this.requireIssuer(issuerId);
    const keys = (await this.documents.publishedKeys(issuerId)).flatMap((key) =>
      key.algorithm === 'Ed25519' && key.publicKeyMultibase ? [{ keyId: key.id, publicKeyMultibase: key.publicKeyMultibase }] : [],
    );
    return { body: JSON.stringify(buildIssuerDidDocument(this.urls.issuerDid(issuerId), keys)), tags: [cacheTag.issuer(issuerId)], cacheable: keys.length > 0 };
  }

  /** The issuer's RS256/ES256 keys, retired ones too: VC-JWT verifiers find the `kid` here. */
  async jwks(issuerId: string): Promise<IssuerDocument> {
    await this.requireIssuer(issuerId);
    const keys = await this.jwksKeys(issuerId);
    return { body: JSON.stringify(await buildJwks(keys)), tags: [cacheTag.issuer(issuerId)], cacheable: keys.length > 0 };
  }

  /** One of them alone, at its `kid` (OB 3.0 §8.2: a VC-JWT's `kid` dereferences to its JWK). */
  async jwk(issuerId: string, keyId: string): Promise<IssuerDocument> {
    const key = (await this.jwksKeys(issuerId)).find((k) => k.kid === this.urls.jwksKey(issuerId, keyId));
    if (!key) throw ApiError.notFound('key');
    return { body: JSON.stringify(await buildJwk(key)), tags: [cacheTag.issuer(issuerId)], cacheable: true };
  }

  private async jwksKeys(issuerId: string): Promise<JwksKey[]> {
    return (await this.documents.publishedKeys(issuerId)).flatMap((key) =>
      key.algorithm === 'RS256' || key.algorithm === 'ES256' ? [{ kid: this.urls.jwksKey(issuerId, key.id), algorithm: key.algorithm, publicKeyPem: key.publicKeyPem }] : [],
    );
  }

  /** The signed BitstringStatusListCredential, as stored by the last award or revocation that changed it. */
  async statusList(issuerId: string, listNumber: number): Promise<IssuerDocument> {
    const list = await this.documents.findStatusList(issuerId, listNumber);
    if (!list) throw ApiError.notFound('status list');
    // Revocations make it stale; caches hear them as they hear the RevocationList's.
    return { body: list.credential, tags: [cacheTag.issuer(issuerId), cacheTag.revocations(issuerId)], cacheable: true };
  }

  private async requireIssuer(issuerId: string): Promise<void> {
    if (!(await this.documents.findIssuer(issuerId))) throw ApiError.notFound('issuer');
  }
}

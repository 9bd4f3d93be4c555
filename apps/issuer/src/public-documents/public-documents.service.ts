import { Injectable } from '@nestjs/common';

import { canonicalLanguageTag } from '@badges/api-contracts';
import { buildBadgeClass, buildIssuerProfile, buildRevokedAssertion, signedPayload } from '@badges/openbadges';
import { ApiError, cacheTag, chooseEdition } from '@badges/service-kit';

import { buildAssertionJson } from '../common/assertion-json';
import { ReceivedEndorsementsRepository, type LiveEndorsement } from '../endorsements/received-endorsements.repository';
import { PublicUrls } from '../common/public-urls';
import { PAGE_LABEL_LANGUAGES } from './page-labels';
import type { PageFact, PageView } from './page-view';
import { PublicDocumentsRepository, type PublicAssertion, type PublicBadgeClass, type PublicIssuer } from './public-documents.repository';

/** A public document in both representations; `status` is 410 for a revoked assertion. */
export interface PublicDocument {
  status: 200 | 410;
  json: object;
  view: PageView;
  /** A live signed assertion's compact JWS: its canonical form, and what its image carries. */
  jws?: string;
  /** What the document is made of (service-kit cacheTag): an event about any of them makes it stale. */
  tags: string[];
  /** An assertion's OB 3.0 form, when the award has one (decision 0048): where it is, and how it is proven. */
  credential?: AwardCredential;
  /** An award made in OB 3.0 only: no OB 2.0 document is published for it (its URL answers 404 `ob3_only`). */
  ob3Only?: boolean;
}

export interface AwardCredential {
  url: string;
  /** `ldp`: JSON with a Data Integrity proof; `jwt`: a compact VC-JWT. */
  format: CredentialFormat;
  /** Its media type: `application/vc+ld+json` or `application/vc+jwt`. */
  mediaType: string;
}

export type CredentialFormat = 'ldp' | 'jwt';

/** The media type a stored credential is served as (decision 0048). */
export function credentialMediaType(format: CredentialFormat): string {
  return format === 'jwt' ? 'application/vc+jwt' : 'application/vc+ld+json';
}

/** Issuers carry no language of their own: their pages speak the reader's, among PAGE_LABEL_LANGUAGES. */
const DEFAULT_PAGE_LANGUAGE = PAGE_LABEL_LANGUAGES[0];

/**
 * Builds the hosted OB 2.0 documents with the openbadges lib's builders; ids are the public
 * URLs, so what a verifier fetches is exactly what the id says.
 */
@Injectable()
export class PublicDocumentsService {
  constructor(
    private readonly documents: PublicDocumentsRepository,
    private readonly urls: PublicUrls,
    private readonly endorsements: ReceivedEndorsementsRepository,
  ) {}

  /** `preferred`: the reader's languages (Accept-Language), which choose the page's labels. */
  async issuer(id: string, preferred: readonly string[] = []): Promise<PublicDocument> {
    const issuer = await this.documents.findIssuer(id);
    if (!issuer) throw ApiError.notFound('issuer');
    const endorsements = await this.endorsements.liveFor('Issuer', issuer.id);
    const json = this.issuerJson(issuer, endorsements);
    return {
      status: 200,
      json,
      tags: [cacheTag.issuer(issuer.id)],
      view: {
        lang: chooseEdition(PAGE_LABEL_LANGUAGES, preferred) ?? DEFAULT_PAGE_LANGUAGE,
        kind: 'Issuer',
        title: issuer.name,
        description: issuer.description ?? undefined,
        url: json.id,
        imageUrl: issuer.imageId ? this.urls.issuerImage(issuer.id) : undefined,
        facts: [
          { label: 'website', value: issuer.url },
          { label: 'contact', value: issuer.email },
        ],
        endorsements: endorsementViews(endorsements),
      },
    };
  }

  /**
   * `lang` absent (or the class's own language): the default edition, listing translations in
   * `related`. Another language: that translation as its own document, id `<badge url>?lang=xx`,
   * whose `related` lists the default edition (then the other translations).
   */
  async badgeClass(id: string, lang?: string, preferred: readonly string[] = []): Promise<PublicDocument> {
    const badgeClass = await this.documents.findBadgeClass(id);
    if (!badgeClass) throw ApiError.notFound('badge class');
    return this.badgeClassDocument(badgeClass, lang ?? editionFor(badgeClass, preferred), await this.endorsements.liveFor('BadgeClass', badgeClass.id));
  }

  /**
   * `preferred`: the reader's languages (`?lang=`, then Accept-Language), which choose the edition
   * of the badge's texts on the HTML page; the assertion's JSON-LD is the same whatever they are.
   */
  async assertion(id: string, preferred: readonly string[] = []): Promise<PublicDocument> {
    const [found] = await this.assertionsWithSource([id], preferred);
    if (!found) throw ApiError.notFound('assertion');
    return found.document;
  }

  /** The document plus the row it came from (the image route needs the badge image id). */
  async assertionWithSource(id: string): Promise<{ document: PublicDocument; assertion: PublicAssertion }> {
    const [found] = await this.assertionsWithSource([id]);
    if (!found) throw ApiError.notFound('assertion');
    return found;
  }

  /** The ones of `ids` that exist, each with its document (a revoked one lists no endorsements). */
  async assertionsWithSource(ids: readonly string[], preferred: readonly string[] = []): Promise<{ document: PublicDocument; assertion: PublicAssertion }[]> {
    const assertions = await this.documents.findAssertions(ids);
    const endorsements = await this.endorsements.liveForMany('Assertion', assertions.filter((a) => !a.revoked).map((a) => a.id));
    // A bulk award's bake job reads 500 assertions of one badge class: build its document once.
    const badges = new Map<string, PublicDocument>();
    const badgeOf = (badgeClass: PublicBadgeClass): PublicDocument => {
      const edition = editionFor(badgeClass, preferred);
      const key = `${badgeClass.id} ${edition ?? ''}`;
      const badge = badges.get(key) ?? this.badgeClassDocument(badgeClass, edition);
      badges.set(key, badge);
      return badge;
    };
    return assertions.map((assertion) => ({ document: this.assertionDocument(assertion, endorsements.get(assertion.id) ?? [], badgeOf(assertion.badgeClass)), assertion }));
  }

  private assertionDocument(assertion: PublicAssertion, endorsements: LiveEndorsement[], badge: PublicDocument): PublicDocument {
    const url = this.urls.assertionDocument(assertion);
    const verifyUrl = this.verifyUrl(url, badge.view.lang);
    const tags = [cacheTag.assertion(assertion.id), ...badge.tags];
    const credential = assertion.credential && assertion.credentialFormat ? this.awardCredential(assertion.id, assertion.credentialFormat as CredentialFormat) : undefined;
    const forms = { ...(credential ? { credential } : {}), ...(assertion.openBadgesVersion === '3.0' ? { ob3Only: true } : {}) };
    const alternate = credential ? { url: credential.url, label: 'credentialData' as const, type: credential.mediaType } : undefined;
    if (assertion.revoked) {
      return {
        status: 410,
        tags,
        ...forms,
        json: buildRevokedAssertion({ id: url, revocationReason: assertion.revocationReason ?? undefined }),
        view: { lang: badge.view.lang, kind: 'Assertion', title: badge.view.title, url, verifyUrl, revoked: { reason: assertion.revocationReason ?? undefined }, alternate },
      };
    }
    // A signed assertion's JSON is exactly what was signed at award time, never rebuilt: the
    // signature must keep matching it whatever changed since (URLs, keys, builders).
    const jws = assertion.signedJws ?? undefined;
    // Endorsements join the hosted JSON only: a signed payload must stay byte-for-byte what was signed.
    const json = jws ? signedPayload(jws) : withEndorsements(buildAssertionJson({ ...assertion, badgeDocumentId: assertion.badgeClass.documentId }, this.urls, { type: 'hosted' }), endorsements);
    const facts: PageFact[] = [{ label: 'issuedOn', value: assertion.issuedOn }];
    if (assertion.expires) facts.push({ label: 'expires', value: assertion.expires });
    if (jws) facts.push({ label: 'verification', code: 'signed' });
    return {
      status: 200,
      json,
      jws,
      tags,
      ...forms,
      view: {
        ...badge.view,
        kind: 'Assertion',
        url,
        verifyUrl,
        alternate,
        // The baked image: what a shared link previews, and what the visitor can download and verify.
        imageUrl: this.urls.awardImage(assertion),
        facts,
        evidence: assertion.evidence.map((e) => ({ url: e.url ?? undefined, narrative: e.narrative ?? undefined })),
        // The same assertion, its badge's texts in another of the badge's languages.
        editions: badgeLanguages(assertion.badgeClass)
          .filter((language) => language.toLowerCase() !== badge.view.lang.toLowerCase())
          .map((language) => ({ lang: language, url: `${this.urls.assertion(assertion.id)}?lang=${encodeURIComponent(language)}` })),
        endorsements: endorsementViews(endorsements),
      },
    };
  }

  /**
   * The web app's verifier on `url`. It opens in the page's language (the web app reads `?lang=`),
   * so a French reader stays in French. It is ours even when the id names a migrated badge's old origin.
   */
  verifyUrl(url: string, lang: string): string {
    return `${new URL(this.urls.base).origin}/verify?url=${encodeURIComponent(url)}&lang=${encodeURIComponent(lang)}`;
  }

  awardCredential(assertionId: string, format: CredentialFormat): AwardCredential {
    return { url: this.urls.credential(assertionId), format, mediaType: credentialMediaType(format) };
  }

  private issuerJson(issuer: PublicIssuer, endorsements: LiveEndorsement[]) {
    return buildIssuerProfile({
      id: this.urls.issuerDocument(issuer),
      name: issuer.name,
      url: issuer.url,
      email: issuer.email,
      description: issuer.description ?? undefined,
      image: issuer.imageId ? this.urls.issuerImage(issuer.id) : undefined,
      // Every key ever made, retired ones included: old signatures name them as `creator`.
      // Both links appear once the issuer has keys (= may have signed badges); see ADR 0009.
      ...(issuer.signingKeys.length > 0
        ? { publicKey: issuer.signingKeys.map((key) => this.urls.signingKey(issuer.id, key.id)), revocationList: this.urls.revocationList(issuer.id) }
        : {}),
      endorsement: endorsements.map((e) => e.url),
      verification: { allowedOrigins: this.urls.hostedOrigins(issuer) },
    });
  }

  private badgeClassDocument(badgeClass: PublicBadgeClass, lang?: string, endorsements: LiveEndorsement[] = []): PublicDocument {
    const wanted = lang ? canonicalLanguageTag(lang.trim()).toLowerCase() : undefined;
    const translation = wanted && wanted !== badgeClass.language.toLowerCase()
      ? badgeClass.translations.find((t) => t.language.toLowerCase() === wanted)
      : undefined;
    if (wanted && wanted !== badgeClass.language.toLowerCase() && !translation) {
      throw ApiError.notFound('badge class translation');
    }
    const defaultEdition = { id: this.urls.badgeDocument(badgeClass), language: badgeClass.language };
    const translations = badgeClass.translations.map((t) => ({ id: this.urls.badgeTranslation(badgeClass.id, t.language), language: t.language }));
    const texts = translation
      ? {
          id: this.urls.badgeTranslation(badgeClass.id, translation.language),
          language: translation.language,
          name: translation.name,
          description: translation.description ?? badgeClass.description,
          narrative: translation.criteriaNarrative ?? badgeClass.criteriaNarrative ?? undefined,
          related: [defaultEdition, ...translations.filter((t) => t.language !== translation.language)],
        }
      : {
          id: defaultEdition.id,
          language: badgeClass.language,
          name: badgeClass.name,
          description: badgeClass.description,
          narrative: badgeClass.criteriaNarrative ?? undefined,
          related: translations,
        };
    const alignment = badgeClass.alignments.map((a) => ({
      targetName: a.targetName,
      targetUrl: a.targetUrl,
      targetDescription: a.targetDescription ?? undefined,
      targetFramework: a.targetFramework ?? undefined,
      targetCode: a.targetCode ?? undefined,
    }));
    const json = buildBadgeClass({
      id: texts.id,
      issuer: this.urls.issuerDocument(badgeClass.issuer),
      name: texts.name,
      description: texts.description,
      image: this.urls.badgeImage(badgeClass.id),
      criteria: { id: badgeClass.criteriaUrl ?? undefined, narrative: texts.narrative },
      alignment,
      tags: badgeClass.tags,
      language: texts.language,
      related: texts.related,
      // An Endorsement's claim is the default edition's URL (that is what endorsers are asked
      // about), and verifiers check that the claim names the node listing it: ours warns
      // ENDORSEMENT_CLAIM_MISMATCH. So a translation lists none; its `related` leads to the default
      // edition, which lists them. The page still shows them (docs/public-document-fields.md).
      endorsement: translation ? [] : endorsements.map((e) => e.url),
    });
    return {
      status: 200,
      json,
      tags: [cacheTag.badgeClass(badgeClass.id), cacheTag.issuer(badgeClass.issuerId)],
      view: {
        lang: texts.language,
        kind: 'BadgeClass',
        title: texts.name,
        description: texts.description,
        url: texts.id,
        imageUrl: this.urls.badgeImage(badgeClass.id),
        issuer: { name: badgeClass.issuer.name, url: this.urls.issuerDocument(badgeClass.issuer) },
        criteria: { url: badgeClass.criteriaUrl ?? undefined, narrative: texts.narrative },
        alignments: alignment,
        editions: texts.related.map((r) => ({ lang: r.language, url: r.id })),
        endorsements: endorsementViews(endorsements),
      },
    };
  }
}

/** The reader's preferred edition among the badge class's languages (undefined: its own). */
function editionFor(badgeClass: PublicBadgeClass, preferred: readonly string[]): string | undefined {
  return chooseEdition(badgeLanguages(badgeClass), preferred);
}

function badgeLanguages(badgeClass: PublicBadgeClass): string[] {
  return [badgeClass.language, ...badgeClass.translations.map((t) => t.language)];
}

/** OB 2.0 `endorsement`: the live Endorsements' URLs (each resolves to the hosted document). */
function withEndorsements<T extends object>(json: T, endorsements: LiveEndorsement[]): T {
  return endorsements.length > 0 ? { ...json, endorsement: endorsements.map((e) => e.url) } : json;
}

function endorsementViews(endorsements: LiveEndorsement[]): PageView['endorsements'] {
  return endorsements.map((e) => ({ url: e.url, endorserName: e.endorserName ?? undefined, endorserUrl: e.endorserUrl ?? undefined, comment: e.comment ?? undefined }));
}

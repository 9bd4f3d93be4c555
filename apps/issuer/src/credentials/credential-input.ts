import type { OpenBadgeCredentialInput } from '@badges/openbadges';

import type { BadgeClassRecord } from '../badge-classes/badge-classes.repository';
import type { AssertionSource } from '../common/assertion-json';
import type { PublicUrls } from '../common/public-urls';
import type { Issuer } from '../generated/prisma/client';

/** The stored fields of an award its credential is built from (a row about to be saved, or a saved one): the 2.0 assertion's own. */
export type CredentialAward = Pick<AssertionSource, 'id' | 'recipientType' | 'recipientIdentity' | 'recipientHashed' | 'recipientSalt' | 'issuedOn' | 'expires' | 'narrative' | 'evidence'>;

/** What the credential says of the badge and its issuer, read once for a whole batch. */
export interface CredentialSubjectSource {
  issuer: Pick<Issuer, 'id' | 'name' | 'url' | 'email' | 'description' | 'imageId' | 'documentId'>;
  badgeClass: BadgeClassRecord;
}

/**
 * The OB 3.0 credential's input, from the same data as the award's OB 2.0 assertion (decision 0048):
 * the same id (at its 3.0 URL), recipient hash and salt, dates, narrative and evidence, and the badge
 * class's texts, translations, alignments, tags and criteria as they are now. The badge class's
 * endorsements are left out: ours are OB 2.0 Endorsements, and an OB 3.0 achievement takes only
 * EndorsementCredentials signed by their endorsers.
 */
export function credentialInput(award: CredentialAward, source: CredentialSubjectSource, urls: PublicUrls, statusIndex: { listNumber: number; statusListIndex: number }): OpenBadgeCredentialInput {
  const { issuer, badgeClass } = source;
  return {
    id: urls.credential(award.id),
    issuer: {
      id: urls.issuerDid(issuer.id),
      name: issuer.name,
      // The OB 2.0 Profile's URL: the same issuer in both forms.
      url: urls.issuerDocument(issuer),
      email: issuer.email,
      ...(issuer.description ? { description: issuer.description } : {}),
      ...(issuer.imageId ? { image: urls.issuerImage(issuer.id) } : {}),
    },
    achievement: {
      id: urls.badge(badgeClass.id),
      name: badgeClass.name,
      description: badgeClass.description,
      image: urls.badgeImage(badgeClass.id),
      criteria: { ...(badgeClass.criteriaUrl ? { id: badgeClass.criteriaUrl } : {}), ...(badgeClass.criteriaNarrative ? { narrative: badgeClass.criteriaNarrative } : {}) },
      alignment: badgeClass.alignments.map((a) => ({
        targetName: a.targetName,
        targetUrl: a.targetUrl,
        ...(a.targetDescription ? { targetDescription: a.targetDescription } : {}),
        ...(a.targetFramework ? { targetFramework: a.targetFramework } : {}),
        ...(a.targetCode ? { targetCode: a.targetCode } : {}),
      })),
      tags: badgeClass.tags,
      language: badgeClass.language,
      translations: badgeClass.translations.map((t) => ({
        language: t.language,
        name: t.name,
        ...(t.description ? { description: t.description } : {}),
        ...(t.criteriaNarrative ? { criteriaNarrative: t.criteriaNarrative } : {}),
      })),
    },
    recipient: credentialRecipient(award),
    validFrom: award.issuedOn,
    ...(award.expires ? { validUntil: award.expires } : {}),
    ...(award.narrative ? { narrative: award.narrative } : {}),
    evidence: award.evidence.map((e) => ({ ...(e.url ? { id: e.url } : {}), ...(e.narrative ? { narrative: e.narrative } : {}) })),
    image: urls.credentialImage(award.id),
    status: { statusListCredential: urls.statusList(issuer.id, statusIndex.listNumber), statusListIndex: statusIndex.statusListIndex },
  };
}

/**
 * The 2.0 recipient as the 3.0 subject: an IdentityObject with the same hash and salt, or, for an
 * unhashed `id` recipient (a DID or URL that is the learner), `credentialSubject.id`. A hashed `id`
 * recipient is refused before this (award.usecase.ts): it can be neither.
 */
function credentialRecipient(award: CredentialAward): OpenBadgeCredentialInput['recipient'] {
  if (award.recipientType === 'id') return { type: 'id', identity: award.recipientIdentity };
  return {
    type: award.recipientType as 'email' | 'url' | 'telephone',
    identity: award.recipientIdentity,
    hashed: award.recipientHashed,
    ...(award.recipientSalt ? { salt: award.recipientSalt } : {}),
  };
}

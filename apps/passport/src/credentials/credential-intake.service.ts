import { randomUUID } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';

import type { BadgeStatus } from '@badges/api-contracts';
import { identityMatches, normalizeIdentity } from '@badges/openbadges';
import { newEntityId } from '@badges/persistence';
import { ApiError, ErrorCode } from '@badges/service-kit';

import { BackpackRepository, type BadgeView } from '../backpack/backpack.repository';
import { BadgeAcceptanceService } from '../backpack/badge-acceptance.service';
import { BadgeCollector } from '../backpack/badge-collector';
import type { LearnerScope } from '../common/learner-scope';
import { VERIFIER } from '../common/tokens';
import type { LearnerIdentifier } from '../generated/prisma/client';
import type { Verifier } from '../imports/verification.client';
import { expectedRecipients, IMPORT_FAILED, RECIPIENT_MISMATCH, refuseInvalid, SOMEONE_ELSES } from '../imports/verification-answer';
import { PassportPrismaService, type PassportTx } from '../prisma/passport-prisma.service';
import { credentialFacts, type CredentialFacts, type HeldCredential } from './credential-document';

/** A baked image the credential came in, kept with it (already vetted: imported-image.ts). */
export interface CredentialImage {
  image: Buffer;
  contentType: 'image/png' | 'image/svg+xml';
}

export interface HoldOptions {
  /** The same credential (OB 3.0 equality: its id and its issuer's) already held: `conflict` (409), or `replace` it (upsertCredential). */
  existing: 'conflict' | 'replace';
  image?: CredentialImage;
  /** A new badge's answer: `accepted` (the learner or their wallet brought it), or a Badgr backpack's own. */
  status?: BadgeStatus;
  /**
   * With `replace`: the request's correlation id. A wallet that sends the learner's own award from
   * this platform, not yet accepted, accepts it: it is then in the list the wallet reads.
   */
  correlationId?: string;
}

type Recipient = { type: string; identity: string; hashed: boolean; salt?: string };

/**
 * Takes an OB 3.0 credential into a learner's passport, from an import or a wallet's
 * upsertCredential: the verification service checks it (proof, status, dates, schema; its
 * recipient against the learner's confirmed identifiers), the passport checks the recipient again,
 * and keeps the credential exactly as given, as an accepted badge. The same credential again
 * replaces the kept one when it is not older (OB 3.0: the newer `validFrom` is the more up to date).
 */
@Injectable()
export class CredentialIntakeService {
  constructor(
    private readonly prisma: PassportPrismaService,
    private readonly backpack: BackpackRepository,
    private readonly collector: BadgeCollector,
    private readonly acceptance: BadgeAcceptanceService,
    @Inject(VERIFIER) private readonly verifier: Verifier,
  ) {}

  async hold(scope: LearnerScope, held: HeldCredential, options: HoldOptions): Promise<{ view: BadgeView; created: boolean }> {
    const facts = credentialFacts(held.document);
    if (!facts) throw new ApiError(400, IMPORT_FAILED, 'This credential has no id or its issuer has none: the passport files a credential by both.');
    const identifiers = await this.prisma.learnerIdentifier.findMany({ where: { learnerId: scope.learnerId, verifiedAt: { not: null } } });
    const input = options.image ?? { json: held.format === 'ldp' ? held.document : held.text };
    refuseInvalid(await this.verifier.verify(input, expectedRecipients(identifiers)));
    // The verifier already compared; checked again here so no verifier bug can put someone else's badge in this passport.
    const recipient = recipientOf(facts, identifiers);
    if (!recipient) throw new ApiError(400, RECIPIENT_MISMATCH, SOMEONE_ELSES);

    const outcome = await this.prisma.$transaction(async (tx) => {
      // Two uploads of one credential at once must not both create it.
      await this.collector.lock(tx, `credential:${scope.learnerId}:${facts.issuerId}:${facts.id}`);
      const existing = await tx.backpackBadge.findFirst({
        where: { learnerId: scope.learnerId, award: { OR: [{ credentialUrl: facts.id }, { assertionUrl: facts.id, issuerId: facts.issuerId, credential: { isNot: null } }] } },
        include: { award: true },
      });
      if (existing && options.existing === 'conflict') throw new ApiError(409, ErrorCode.Conflict, 'This badge is already in your passport.');
      if (existing) {
        // The learner's own award from this platform is kept from its issuer; one given before is replaced unless this one is older.
        const newer = existing.award.origin === 'imported' && (facts.validFrom ?? new Date()).getTime() >= existing.award.issuedOn.getTime();
        if (newer) await this.replace(tx, existing.assertionId, held, facts, recipient);
        return { assertionId: existing.assertionId, created: false, accept: existing.status !== 'accepted' };
      }
      return { assertionId: await this.create(tx, scope, held, facts, recipient, options), created: true, accept: false };
    });
    // Announced as any acceptance is (badge-acceptance.service.ts), after the write that found it.
    if (outcome.accept) await this.acceptance.answer(scope, outcome.assertionId, 'accepted', options.correlationId ?? randomUUID());
    const view = await this.backpack.findByAssertion(scope, outcome.assertionId);
    if (!view) throw new Error('the held credential vanished');
    return { view, created: outcome.created };
  }

  private async create(tx: PassportTx, scope: LearnerScope, held: HeldCredential, facts: CredentialFacts, recipient: Recipient, { image, status = 'accepted' }: HoldOptions): Promise<string> {
    const assertionId = newEntityId();
    await tx.award.create({ data: { assertionId, origin: 'imported', institutionId: 'external', lookup: null, ...awardFields(facts, recipient), lastVerifiedAt: new Date() } });
    await tx.awardCredential.create({ data: { assertionId, format: held.format, credential: held.text } });
    await tx.backpackBadge.create({ data: { id: newEntityId(), learnerId: scope.learnerId, assertionId, status } });
    if (image) await tx.awardCopy.create({ data: { assertionId, imageType: image.contentType === 'image/png' ? 'png' : 'svg', imageBase64: image.image.toString('base64'), assertionJson: null } });
    return assertionId;
  }

  private async replace(tx: PassportTx, assertionId: string, held: HeldCredential, facts: CredentialFacts, recipient: Recipient): Promise<void> {
    await tx.award.update({ where: { assertionId }, data: { ...awardFields(facts, recipient), lastVerifiedAt: new Date() } });
    await tx.awardCredential.update({ where: { assertionId }, data: { format: held.format, credential: held.text, keptAt: new Date() } });
  }
}

/** The award row's columns from the credential: its id stands where a 2.0 badge has its assertion URL. */
function awardFields(facts: CredentialFacts, recipient: Recipient) {
  return {
    assertionUrl: facts.id,
    imageUrl: facts.image,
    badgeClassId: facts.achievementId,
    badgeClassName: facts.name,
    issuerId: facts.issuerId,
    issuerName: facts.issuerName,
    recipientType: recipient.type,
    recipientIdentity: recipient.identity,
    recipientSalt: recipient.salt ?? null,
    recipientHashed: recipient.hashed,
    issuedOn: facts.validFrom ?? new Date(),
    expires: facts.validUntil ?? null,
  };
}

/**
 * Which of the credential's recipients is this learner: an `IdentityObject` (hashed or not) of
 * one of their confirmed identifiers, or a `credentialSubject.id` that is one of their confirmed
 * web addresses (or `mailto:` one of their emails).
 */
function recipientOf(facts: CredentialFacts, identifiers: readonly Pick<LearnerIdentifier, 'type' | 'value'>[]): Recipient | undefined {
  const byIdentity = facts.identities.find((identity) => identifiers.some((i) => i.type === identity.type && identityMatches(identity, i.value)));
  if (byIdentity) return byIdentity;
  const subject = facts.subjectId;
  if (!subject) return undefined;
  const email = subject.startsWith('mailto:') ? subject.slice('mailto:'.length) : undefined;
  const matched = identifiers.find((i) => (email !== undefined ? i.type === 'email' && normalizeIdentity('email', email) === i.value : i.type === 'url' && normalizeIdentity('url', subject) === i.value));
  return matched ? { type: matched.type, identity: subject, hashed: false } : undefined;
}

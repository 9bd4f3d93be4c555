import { Inject, Injectable } from '@nestjs/common';

import type { LearnerLanguage } from '@badges/api-contracts';
import { newEntityId } from '@badges/persistence';
import { ApiError, ErrorCode, hashOpaqueToken } from '@badges/service-kit';

import { BadgeCollector } from '../backpack/badge-collector';
import type { LearnerScope } from '../common/learner-scope';
import { PASSPORT_CONFIG } from '../common/tokens';
import type { PassportConfig } from '../config/passport.config';
import { PassportEvents } from '../events/passport-events';
import type { LearnerIdentifier } from '../generated/prisma/client';
import { PassportPrismaService, type PassportTx } from '../prisma/passport-prisma.service';
import { confirmationPath, newConfirmation } from './confirmation-token';
import { IdentifierLookup } from './identifier-lookup';
import { asLanguage, LearnerLanguages, languageOfHeader } from './learner-language';
import { UrlProof } from './url-proof';

/**
 * A learner's identifiers. Emails are verified by a one-time link the notification service
 * sends; once verified, every award already made to that address is collected (BadgeCollector).
 * URLs and telephone numbers are kept unverified: there is no way to prove them yet, and only
 * verified identifiers ever collect badges.
 */
@Injectable()
export class IdentifiersService {
  constructor(
    private readonly prisma: PassportPrismaService,
    private readonly lookups: IdentifierLookup,
    private readonly collector: BadgeCollector,
    private readonly events: PassportEvents,
    @Inject(PASSPORT_CONFIG) private readonly config: PassportConfig,
    private readonly urlProof: UrlProof,
    private readonly languages: LearnerLanguages,
  ) {}

  list(scope: LearnerScope, type?: string): Promise<LearnerIdentifier[]> {
    return this.prisma.learnerIdentifier.findMany({ where: { learnerId: scope.learnerId, ...(type ? { type } : {}) }, orderBy: { createdAt: 'asc' } });
  }

  /**
   * Adds an email (or re-sends the link of one not verified yet) inside `tx`, and queues the
   * confirmation email through the outbox, in the learner's language (null: English and French).
   * A verified address of another learner is refused.
   */
  async requestEmail(tx: PassportTx, scope: LearnerScope, learner: { name: string; language: LearnerLanguage | null }, email: string, correlationId: string): Promise<LearnerIdentifier> {
    const value = this.lookups.normalize('email', email);
    const taken = await tx.learnerIdentifier.findFirst({ where: { type: 'email', value, verifiedAt: { not: null } } });
    if (taken && taken.learnerId !== scope.learnerId) {
      throw new ApiError(409, ErrorCode.Conflict, 'This email address is already verified on another account. Sign in to it and merge the two accounts.', 'email');
    }
    if (taken) throw new ApiError(409, ErrorCode.Conflict, 'This email address is already verified on your account.', 'email');
    const confirmation = newConfirmation();
    const data = { confirmTokenHash: confirmation.tokenHash, confirmExpiresAt: confirmation.expiresAt };
    const identifier = await tx.learnerIdentifier.upsert({
      where: { learnerId_type_value: { learnerId: scope.learnerId, type: 'email', value } },
      create: { id: newEntityId(), learnerId: scope.learnerId, type: 'email', value, lookup: this.lookups.of('email', value), ...data },
      update: data,
    });
    await this.events.emailConfirmationRequested(tx, correlationId, {
      learnerId: scope.learnerId,
      identifierId: identifier.id,
      email: value,
      learnerName: learner.name,
      confirmUrl: `${this.config.publicUrl}${confirmationPath(confirmation.token)}`,
      ...(learner.language ? { language: learner.language } : {}),
    });
    return identifier;
  }

  /**
   * `language` is the web app's current one, and becomes the learner's; without it the learner's
   * own stays, and only a learner who has none takes the request's Accept-Language.
   */
  async addEmail(scope: LearnerScope, input: { email: string; language?: LearnerLanguage }, acceptLanguage: string | undefined, correlationId: string): Promise<LearnerIdentifier> {
    const identifier = await this.prisma.$transaction(async (tx) => {
      const learner = await tx.learner.findUniqueOrThrow({ where: { id: scope.learnerId } });
      const language = input.language ?? asLanguage(learner.language) ?? languageOfHeader(acceptLanguage);
      if (language !== learner.language) {
        await tx.learner.update({ where: { id: learner.id }, data: { language } });
        await this.languages.publish(tx, learner.id, correlationId);
      }
      return this.requestEmail(tx, scope, { name: learner.name, language }, input.email, correlationId);
    });
    this.events.published();
    return identifier;
  }

  async addOther(scope: LearnerScope, type: 'url' | 'telephone', value: string): Promise<LearnerIdentifier> {
    const normalized = this.lookups.normalize(type, value);
    const existing = await this.prisma.learnerIdentifier.findUnique({ where: { learnerId_type_value: { learnerId: scope.learnerId, type, value: normalized } } });
    if (existing) throw new ApiError(409, ErrorCode.Conflict, 'This identifier is already on your account.', 'value');
    return this.prisma.learnerIdentifier.create({ data: { id: newEntityId(), learnerId: scope.learnerId, type, value: normalized, lookup: this.lookups.of(type, normalized) } });
  }

  /** The link's token: verifies the address and collects what was awarded to it. */
  async confirm(token: string, correlationId: string): Promise<{ identifier: LearnerIdentifier; collected: number }> {
    const result = await this.prisma.$transaction(async (tx) => {
      const found = await tx.learnerIdentifier.findUnique({ where: { confirmTokenHash: hashOpaqueToken(token) } });
      if (!found || !found.confirmExpiresAt || found.confirmExpiresAt.getTime() < Date.now()) {
        throw new ApiError(400, ErrorCode.InvalidConfirmation, 'This confirmation link is invalid or has expired. Add the address again to get a new link.', 'token');
      }
      await this.collector.lock(tx, found.lookup);
      const other = await tx.learnerIdentifier.findFirst({ where: { type: found.type, value: found.value, verifiedAt: { not: null }, learnerId: { not: found.learnerId } } });
      if (other) throw new ApiError(409, ErrorCode.Conflict, 'This address was verified on another account in the meantime. Sign in to it and merge the two accounts.');
      const identifier = await tx.learnerIdentifier.update({ where: { id: found.id }, data: { verifiedAt: new Date(), confirmTokenHash: null, confirmExpiresAt: null } });
      const collected = await this.collector.collectForIdentifier(tx, identifier);
      await this.events.identifierVerified(tx, correlationId, { learnerId: identifier.learnerId, identifierId: identifier.id, identifierType: 'email' });
      await this.languages.publish(tx, identifier.learnerId, correlationId);
      return { identifier, collected };
    });
    this.events.published();
    return result;
  }

  /** A URL identifier: verified once its page shows the proof text; then its awards are collected. */
  async verifyUrl(scope: LearnerScope, id: string, correlationId: string): Promise<{ identifier: LearnerIdentifier; collected: number }> {
    const found = await this.prisma.learnerIdentifier.findFirst({ where: { id, learnerId: scope.learnerId } });
    if (!found) throw ApiError.notFound('identifier');
    if (found.type !== 'url') throw ApiError.validation('Only URL identifiers are verified this way (emails by their link; telephone numbers cannot be verified yet).', 'identifier');
    if (found.verifiedAt) return { identifier: found, collected: 0 };
    await this.urlProof.check(found.value, found.id);
    const result = await this.prisma.$transaction(async (tx) => {
      await this.collector.lock(tx, found.lookup);
      const other = await tx.learnerIdentifier.findFirst({ where: { type: 'url', value: found.value, verifiedAt: { not: null }, learnerId: { not: found.learnerId } } });
      if (other) throw new ApiError(409, ErrorCode.Conflict, 'This URL is verified on another account. Sign in to it and merge the two accounts.', 'identifier');
      const identifier = await tx.learnerIdentifier.update({ where: { id: found.id }, data: { verifiedAt: new Date() } });
      const collected = await this.collector.collectForIdentifier(tx, identifier);
      await this.events.identifierVerified(tx, correlationId, { learnerId: identifier.learnerId, identifierId: identifier.id, identifierType: 'url' });
      return { identifier, collected };
    });
    this.events.published();
    return result;
  }

  /** Removing a verified address also takes it out of the learner's language projection (decision 0041). */
  async remove(scope: LearnerScope, id: string, correlationId: string): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const found = await tx.learnerIdentifier.findFirst({ where: { id, learnerId: scope.learnerId } });
      if (!found) throw ApiError.notFound('identifier');
      await tx.learnerIdentifier.delete({ where: { id: found.id } });
      if (found.type === 'email' && found.verifiedAt) await this.languages.publish(tx, scope.learnerId, correlationId);
    });
    this.events.published();
  }
}

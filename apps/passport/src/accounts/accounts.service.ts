import { Inject, Injectable } from '@nestjs/common';

import type { LearnerLanguage } from '@badges/api-contracts';
import { newEntityId } from '@badges/persistence';
import { ApiError, dummyPasswordHash, ErrorCode, hashPassword, scryptCost, verifyPassword } from '@badges/service-kit';

import { learnerScope, type LearnerScope } from '../common/learner-scope';
import { PASSPORT_CONFIG } from '../common/tokens';
import type { PassportConfig } from '../config/passport.config';
import { PassportEvents } from '../events/passport-events';
import type { Learner, LearnerIdentifier } from '../generated/prisma/client';
import { PassportPrismaService, type PassportTx } from '../prisma/passport-prisma.service';
import { CONFIRMATION_TTL_MS } from './confirmation-token';
import { IdentifierLookup } from './identifier-lookup';
import { IdentifiersService } from './identifiers.service';
import { asLanguage, LearnerLanguages, languageOfHeader } from './learner-language';
import { SessionsService } from './sessions.service';

export interface LearnerProfile {
  learner: Learner;
  identifiers: LearnerIdentifier[];
}

const WRONG_CREDENTIALS = 'The username or the password is wrong.';

/** Sign-up, sign-in, the profile, deleting an account and merging two. */
@Injectable()
export class AccountsService {
  constructor(
    private readonly prisma: PassportPrismaService,
    private readonly identifiers: IdentifiersService,
    private readonly sessions: SessionsService,
    private readonly lookups: IdentifierLookup,
    private readonly events: PassportEvents,
    private readonly languages: LearnerLanguages,
    @Inject(PASSPORT_CONFIG) private readonly config: PassportConfig,
  ) {}

  /**
   * A new account, or, for an address that already has an owner, the same answer (status, shape,
   * and about the same time: the password is hashed either way) while the owner is emailed
   * instead. The sign-up page cannot tell the two apart, so it cannot be used to learn who has a
   * passport (issue #13, finding 8). The language is the web app's (`language`), else the
   * request's Accept-Language, else unknown (null).
   */
  async signUp(input: { email: string; password: string; name: string; language?: LearnerLanguage }, acceptLanguage: string | undefined, correlationId: string): Promise<LearnerProfile> {
    const username = this.lookups.normalize('email', input.email);
    const passwordHash = await hashPassword(input.password, scryptCost(this.config.scryptLogN));
    const account = { username, name: input.name, passwordHash, language: input.language ?? languageOfHeader(acceptLanguage) };
    let created: LearnerProfile | null;
    try {
      created = await this.register(account, correlationId);
    } catch (error) {
      // Two sign-ups racing for one address: the unique index decides, and the loser's second
      // try finds the winner's account and answers as for any taken address.
      if ((error as { code?: string }).code !== 'P2002') throw error;
      created = await this.register(account, correlationId);
    }
    return created ?? lookalike(account);
  }

  /** The new account's profile, or null when the address has an owner (who was emailed instead). */
  private async register(account: NewAccount, correlationId: string): Promise<LearnerProfile | null> {
    const { username, name, passwordHash, language } = account;
    const id = newEntityId();
    const owner = await this.prisma.$transaction(async (tx) => {
      const existing = await tx.learner.findUnique({ where: { username }, include: { identifiers: { select: { verifiedAt: true } } } });
      // Someone signing up with an address that is not theirs must not lock its owner out: an
      // account that never verified anything and whose link has expired gives the name up.
      const abandoned = existing?.identifiers.every((i) => i.verifiedAt === null) && existing.createdAt.getTime() < Date.now() - CONFIRMATION_TTL_MS;
      if (existing && abandoned) await tx.learner.delete({ where: { id: existing.id } });
      else if (existing) return this.notifyOwner(tx, existing, account, correlationId);
      // The address may also be verified as another passport's second address.
      const verified = await tx.learnerIdentifier.findFirst({ where: { type: 'email', value: username, verifiedAt: { not: null } }, include: { learner: true } });
      if (verified) return this.notifyOwner(tx, verified.learner, account, correlationId);
      await tx.learner.create({ data: { id, username, name, passwordHash, language } });
      await this.identifiers.requestEmail(tx, learnerScope(id), { name, language }, username, correlationId);
      return null;
    });
    this.events.published();
    return owner ? null : this.profile(learnerScope(id));
  }

  /** The notice speaks the owner's language; an owner who has none yet is most likely the one signing up again, in theirs. */
  private async notifyOwner(tx: PassportTx, owner: Learner, attempt: NewAccount, correlationId: string): Promise<Learner> {
    const language = asLanguage(owner.language) ?? attempt.language;
    await this.events.existingSignupAttempted(tx, correlationId, {
      learnerId: owner.id,
      email: attempt.username,
      learnerName: owner.name,
      signInUrl: `${this.config.publicUrl}/passport`,
      ...(language ? { language } : {}),
    });
    return owner;
  }

  /** The language of the learner's emails; award emails to their verified addresses follow it (decision 0041). */
  async setLanguage(scope: LearnerScope, language: LearnerLanguage, correlationId: string): Promise<LearnerProfile> {
    await this.prisma.$transaction(async (tx) => {
      const { count } = await tx.learner.updateMany({ where: { id: scope.learnerId, OR: [{ language: null }, { language: { not: language } }] }, data: { language } });
      if (count > 0) await this.languages.publish(tx, scope.learnerId, correlationId);
    });
    this.events.published();
    return this.profile(scope);
  }

  async signIn(username: string, password: string): Promise<{ token: string; expiresIn: number }> {
    const learner = await this.prisma.learner.findUnique({ where: { username: this.lookups.normalize('email', username) } });
    const ok = await verifyPassword(password, learner?.passwordHash ?? (await dummyPasswordHash(scryptCost(this.config.scryptLogN))));
    if (!learner || !ok) throw new ApiError(401, ErrorCode.InvalidCredentials, WRONG_CREDENTIALS);
    return this.sessions.issue(learner.id);
  }

  async profile(scope: LearnerScope): Promise<LearnerProfile> {
    const learner = await this.prisma.learner.findUnique({ where: { id: scope.learnerId } });
    if (!learner) throw ApiError.unauthorized('This account no longer exists.');
    return { learner, identifiers: await this.identifiers.list(scope) };
  }

  /** Deletes the learner and, by cascade, every row of theirs: identifiers, badges, collections, shares, sessions. */
  async deleteAccount(scope: LearnerScope, password: string, correlationId: string): Promise<void> {
    const { learner } = await this.profile(scope);
    if (!(await verifyPassword(password, learner.passwordHash))) throw new ApiError(401, ErrorCode.InvalidCredentials, 'The password is wrong.');
    await this.prisma.$transaction(async (tx) => {
      // Copies of badges nobody else holds go with the account (an award has one recipient).
      const mine = await tx.backpackBadge.findMany({ where: { learnerId: learner.id }, select: { assertionId: true } });
      const shared = await tx.backpackBadge.findMany({ where: { assertionId: { in: mine.map((b) => b.assertionId) }, learnerId: { not: learner.id } }, select: { assertionId: true } });
      const keep = new Set(shared.map((b) => b.assertionId));
      await tx.awardCopy.deleteMany({ where: { assertionId: { in: mine.map((b) => b.assertionId).filter((id) => !keep.has(id)) } } });
      await tx.learner.delete({ where: { id: learner.id } });
      await this.languages.forget(tx, learner.id, correlationId);
    });
    this.events.published();
  }

  /**
   * Moves everything of the other account (proved by its password) into this one, then deletes
   * it: one person, one passport. Duplicates (the same badge or identifier in both) keep this
   * account's row; a badge accepted in either stays accepted.
   */
  async merge(scope: LearnerScope, other: { username: string; password: string }, correlationId: string): Promise<LearnerProfile> {
    const source = await this.prisma.learner.findUnique({ where: { username: this.lookups.normalize('email', other.username) } });
    const ok = await verifyPassword(other.password, source?.passwordHash ?? (await dummyPasswordHash(scryptCost(this.config.scryptLogN))));
    if (!source || !ok) throw new ApiError(401, ErrorCode.InvalidCredentials, WRONG_CREDENTIALS);
    if (source.id === scope.learnerId) throw ApiError.validation('That is the account you are signed in to.', 'username');
    const from = source.id;
    const to = scope.learnerId;
    await this.prisma.$transaction(async (tx) => {
      const mine = await tx.learnerIdentifier.findMany({ where: { learnerId: to } });
      for (const identifier of await tx.learnerIdentifier.findMany({ where: { learnerId: from } })) {
        const twin = mine.find((m) => m.type === identifier.type && m.value === identifier.value);
        if (!twin) await tx.learnerIdentifier.update({ where: { id: identifier.id }, data: { learnerId: to } });
        else if (!twin.verifiedAt && identifier.verifiedAt) await tx.learnerIdentifier.update({ where: { id: twin.id }, data: { verifiedAt: identifier.verifiedAt } });
      }
      const myBadges = await tx.backpackBadge.findMany({ where: { learnerId: to } });
      for (const badge of await tx.backpackBadge.findMany({ where: { learnerId: from } })) {
        const twin = myBadges.find((m) => m.assertionId === badge.assertionId);
        if (!twin) await tx.backpackBadge.update({ where: { id: badge.id }, data: { learnerId: to } });
        else {
          if (badge.status === 'accepted' && twin.status !== 'accepted') await tx.backpackBadge.update({ where: { id: twin.id }, data: { status: 'accepted' } });
          // The other account's collections point at its copy: repoint them before it goes.
          await tx.$executeRawUnsafe(
            'UPDATE "passport"."collection_badges" SET "badgeId" = $1 WHERE "badgeId" = $2 AND NOT EXISTS (SELECT 1 FROM "passport"."collection_badges" c WHERE c."collectionId" = "collection_badges"."collectionId" AND c."badgeId" = $1)',
            twin.id,
            badge.id,
          );
        }
      }
      await tx.collection.updateMany({ where: { learnerId: from }, data: { learnerId: to } });
      await tx.share.updateMany({ where: { learnerId: from }, data: { learnerId: to } });
      await tx.learner.delete({ where: { id: from } });
      // This account's language now covers the other's verified addresses.
      await this.languages.forget(tx, from, correlationId);
      await this.languages.publish(tx, to, correlationId);
    });
    this.events.published();
    return this.profile(scope);
  }
}

interface NewAccount {
  username: string;
  name: string;
  passwordHash: string;
  language: LearnerLanguage | null;
}

/** What a new account's sign-up answers, for an address that has an owner: never stored. */
function lookalike({ username, name, language }: NewAccount): LearnerProfile {
  const now = new Date();
  const learner: Learner = { id: newEntityId(), username, name, passwordHash: '', language, createdAt: now, updatedAt: now };
  const email: LearnerIdentifier = { id: newEntityId(), learnerId: learner.id, type: 'email', value: username, lookup: '', verifiedAt: null, confirmTokenHash: null, confirmExpiresAt: null, createdAt: now };
  return { learner, identifiers: [email] };
}

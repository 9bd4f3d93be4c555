import { Injectable } from '@nestjs/common';

import type { BadgeStatus } from '@badges/api-contracts';

import type { LearnerScope } from '../common/learner-scope';
import type { Award, AwardRevocation, BackpackBadge, ReceivedEndorsement } from '../generated/prisma/client';
import { PassportPrismaService, type PassportTx } from '../prisma/passport-prisma.service';

/** One badge of a passport with what is known of it: the award and its revocation, if any. */
export interface BadgeView {
  badge: BackpackBadge;
  award: Award;
  revocation: AwardRevocation | null;
  /** Live endorsements of its Assertion, BadgeClass or Issuer, oldest first. */
  endorsements: ReceivedEndorsement[];
}

/** Every read takes the learner's scope: one learner's query can never return another's rows. */
@Injectable()
export class BackpackRepository {
  constructor(private readonly prisma: PassportPrismaService) {}

  async list(scope: LearnerScope, filter: { status?: BadgeStatus; assertionIds?: string[]; badgeIds?: string[] } = {}, tx: PassportTx = this.prisma): Promise<BadgeView[]> {
    const badges = await tx.backpackBadge.findMany({
      where: {
        learnerId: scope.learnerId,
        ...(filter.status ? { status: filter.status } : {}),
        ...(filter.assertionIds ? { assertionId: { in: filter.assertionIds } } : {}),
        ...(filter.badgeIds ? { id: { in: filter.badgeIds } } : {}),
      },
      include: { award: true },
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    });
    return this.toViews(badges, tx);
  }

  async findByAssertion(scope: LearnerScope, assertionId: string, tx: PassportTx = this.prisma): Promise<BadgeView | undefined> {
    const [view] = await this.list(scope, { assertionIds: [assertionId] }, tx);
    return view;
  }

  async remove(scope: LearnerScope, assertionId: string): Promise<boolean> {
    const removed = await this.prisma.backpackBadge.deleteMany({ where: { learnerId: scope.learnerId, assertionId } });
    return removed.count > 0;
  }

  /** Each badge with its revocation and the live endorsements of its assertion, class and issuer. */
  private async toViews(badges: (BackpackBadge & { award: Award })[], tx: PassportTx): Promise<BadgeView[]> {
    if (badges.length === 0) return [];
    const revocations = await tx.awardRevocation.findMany({ where: { assertionId: { in: badges.map((b) => b.assertionId) } } });
    const byId = new Map(revocations.map((r) => [r.assertionId, r]));
    const targetsOf = (award: Award) => [`Assertion:${award.assertionId}`, `BadgeClass:${award.badgeClassId}`, `Issuer:${award.issuerId}`];
    const endorsements = await tx.receivedEndorsement.findMany({
      where: {
        revokedAt: null,
        OR: [
          { targetType: 'Assertion', targetId: { in: badges.map((b) => b.award.assertionId) } },
          { targetType: 'BadgeClass', targetId: { in: [...new Set(badges.map((b) => b.award.badgeClassId))] } },
          { targetType: 'Issuer', targetId: { in: [...new Set(badges.map((b) => b.award.issuerId))] } },
        ],
      },
      orderBy: [{ issuedOn: 'asc' }, { id: 'asc' }],
    });
    return badges.map(({ award, ...badge }) => {
      const targets = new Set(targetsOf(award));
      return { badge, award, revocation: byId.get(badge.assertionId) ?? null, endorsements: endorsements.filter((e) => targets.has(`${e.targetType}:${e.targetId}`)) };
    });
  }
}

/** Shown publicly only when the learner accepted it and it is not revoked. */
export function isPubliclyShowable(view: BadgeView): boolean {
  return view.badge.status === 'accepted' && view.revocation === null;
}

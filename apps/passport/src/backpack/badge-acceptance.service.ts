import { Injectable } from '@nestjs/common';

import type { BadgeStatus } from '@badges/api-contracts';

import type { LearnerScope } from '../common/learner-scope';
import { PassportEvents } from '../events/passport-events';
import { PassportPrismaService } from '../prisma/passport-prisma.service';

/**
 * The learner's answer to a badge: accepted, declined, or back to either. A new acceptance is
 * announced (badges.passport.assertion-accepted.v1) in the transaction that records it, so the
 * issuer's dashboard counts exactly what the passport holds; an answer given again says nothing.
 */
@Injectable()
export class BadgeAcceptanceService {
  constructor(private readonly prisma: PassportPrismaService, private readonly events: PassportEvents) {}

  /** False when the learner has no such badge. */
  async answer(scope: LearnerScope, assertionId: string, status: BadgeStatus, correlationId: string): Promise<boolean> {
    const outcome = await this.prisma.$transaction(async (tx) => {
      const badge = await tx.backpackBadge.findUnique({ where: { learnerId_assertionId: { learnerId: scope.learnerId, assertionId } }, include: { award: true } });
      if (!badge) return 'missing';
      if (badge.status === status) return 'unchanged';
      await tx.backpackBadge.update({ where: { id: badge.id }, data: { status } });
      if (status !== 'accepted') return 'changed';
      await this.events.assertionsEngaged(tx, correlationId, 'accepted', [badge.award], new Date());
      return 'announced';
    });
    if (outcome === 'announced') this.events.published();
    return outcome !== 'missing';
  }
}

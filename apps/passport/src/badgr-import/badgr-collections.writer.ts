import { Injectable } from '@nestjs/common';

import { newEntityId } from '@badges/persistence';

import type { LearnerScope } from '../common/learner-scope';
import type { BadgrImportCollection, BadgrImportItem } from '../generated/prisma/client';
import { PassportPrismaService } from '../prisma/passport-prisma.service';
import type { CollectionResult } from './badgr-import.repository';

/**
 * Recreates the learner's Badgr collections (decision 0046): name, description and badge order,
 * with the passport's badges the items became. A collection holds accepted badges only (as one
 * made here does); the others are counted as left out. The collection is found again by its source
 * key, so a second run makes no second one: it only appends badges that have since come in, and
 * never renames, reorders or removes what the learner arranged here.
 */
@Injectable()
export class BadgrCollectionsWriter {
  constructor(private readonly prisma: PassportPrismaService) {}

  async write(scope: LearnerScope, badgrOrigin: string, collection: BadgrImportCollection, items: readonly BadgrImportItem[]): Promise<CollectionResult> {
    const assertionOf = new Map(items.map((item) => [item.sourceId, item.assertionId]));
    const wanted = collection.itemSourceIds.flatMap((sourceId) => assertionOf.get(sourceId) ?? []);
    const accepted = await this.prisma.backpackBadge.findMany({ where: { learnerId: scope.learnerId, assertionId: { in: wanted }, status: 'accepted' }, select: { id: true, assertionId: true } });
    const badgeOf = new Map(accepted.map((badge) => [badge.assertionId, badge.id]));
    const badgeIds = [...new Set(wanted.flatMap((assertionId) => badgeOf.get(assertionId) ?? []))];
    const leftOut = collection.itemSourceIds.length - badgeIds.length;
    const sourceKey = `${badgrOrigin}/${collection.sourceId}`;
    return this.prisma.$transaction(async (tx) => {
      const existing = await tx.collection.findUnique({ where: { learnerId_sourceKey: { learnerId: scope.learnerId, sourceKey } }, include: { badges: true } });
      if (!existing) {
        if (badgeIds.length === 0 && collection.itemSourceIds.length > 0) return { outcome: 'skipped', collectionId: null, badges: 0, leftOut };
        const id = newEntityId();
        await tx.collection.create({ data: { id, learnerId: scope.learnerId, name: collection.name, description: collection.description ?? '', sourceKey } });
        await tx.collectionBadge.createMany({ data: badgeIds.map((badgeId, position) => ({ collectionId: id, badgeId, position })) });
        return { outcome: 'created', collectionId: id, badges: badgeIds.length, leftOut };
      }
      const present = new Set(existing.badges.map((member) => member.badgeId));
      const added = badgeIds.filter((badgeId) => !present.has(badgeId));
      const next = existing.badges.reduce((max, member) => Math.max(max, member.position + 1), 0);
      if (added.length > 0) {
        await tx.collectionBadge.createMany({ data: added.map((badgeId, index) => ({ collectionId: existing.id, badgeId, position: next + index })) });
        await tx.collection.update({ where: { id: existing.id }, data: { updatedAt: new Date() } });
      }
      const badges = existing.badges.length + added.length;
      return { outcome: added.length > 0 ? 'updated' : 'unchanged', collectionId: existing.id, badges, leftOut };
    });
  }
}

import { Injectable } from '@nestjs/common';

import { type CollectionV2, type CollectionCreateBody, type CollectionUpdateBody } from '@badges/api-contracts';
import { newEntityId } from '@badges/persistence';
import { ApiError } from '@badges/service-kit';

import { BackpackRepository, type BadgeView } from '../backpack/backpack.repository';
import type { LearnerScope } from '../common/learner-scope';
import type { Collection } from '../generated/prisma/client';
import { PassportPrismaService, type PassportTx } from '../prisma/passport-prisma.service';

export interface CollectionWithBadges {
  collection: Collection;
  /** In the collection's order. */
  badges: BadgeView[];
}

/** Collections: a name, a description and an ordered list of the learner's own accepted badges. */
@Injectable()
export class CollectionsService {
  constructor(private readonly prisma: PassportPrismaService, private readonly backpack: BackpackRepository) {}

  async create(scope: LearnerScope, body: CollectionCreateBody): Promise<CollectionV2> {
    const id = newEntityId();
    await this.prisma.$transaction(async (tx) => {
      await tx.collection.create({ data: { id, learnerId: scope.learnerId, name: body.name, description: body.description } });
      await this.setBadges(tx, scope, id, body.assertions);
    });
    return this.getV2(scope, id);
  }

  async list(scope: LearnerScope): Promise<CollectionV2[]> {
    const collections = await this.prisma.collection.findMany({ where: { learnerId: scope.learnerId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: { id: true } });
    return Promise.all(collections.map((c) => this.getV2(scope, c.id)));
  }

  async getV2(scope: LearnerScope, id: string): Promise<CollectionV2> {
    const { collection, badges } = await this.get(scope, id);
    return { entityId: collection.id, entityType: 'BackpackCollection', name: collection.name, description: collection.description, assertions: badges.map((b) => b.award.assertionId), createdAt: collection.createdAt.toISOString() };
  }

  async get(scope: LearnerScope, id: string, tx: PassportTx = this.prisma): Promise<CollectionWithBadges> {
    const collection = await tx.collection.findFirst({ where: { id, learnerId: scope.learnerId }, include: { badges: { orderBy: { position: 'asc' } } } });
    if (!collection) throw ApiError.notFound('collection');
    const views = await this.backpack.list(scope, { badgeIds: collection.badges.map((b) => b.badgeId) }, tx);
    const byId = new Map(views.map((v) => [v.badge.id, v]));
    const { badges: members, ...rest } = collection;
    return { collection: rest, badges: members.flatMap((m) => byId.get(m.badgeId) ?? []) };
  }

  async update(scope: LearnerScope, id: string, body: CollectionUpdateBody): Promise<CollectionV2> {
    await this.prisma.$transaction(async (tx) => {
      // Looked up first: Prisma counts an update with nothing to set as zero rows.
      if (!(await tx.collection.findFirst({ where: { id, learnerId: scope.learnerId }, select: { id: true } }))) throw ApiError.notFound('collection');
      await tx.collection.update({
        where: { id },
        data: { ...(body.name !== undefined ? { name: body.name } : {}), ...(body.description !== undefined ? { description: body.description } : {}), updatedAt: new Date() },
      });
      if (body.assertions) await this.setBadges(tx, scope, id, body.assertions);
    });
    return this.getV2(scope, id);
  }

  async delete(scope: LearnerScope, id: string): Promise<void> {
    const removed = await this.prisma.collection.deleteMany({ where: { id, learnerId: scope.learnerId } });
    if (removed.count === 0) throw ApiError.notFound('collection');
  }

  /** Only the learner's own accepted badges; each refusal names its position in the list. */
  private async setBadges(tx: PassportTx, scope: LearnerScope, collectionId: string, assertionIds: string[]): Promise<void> {
    const views = await this.backpack.list(scope, { assertionIds }, tx);
    const byAssertion = new Map(views.map((v) => [v.award.assertionId, v]));
    const badgeIds = assertionIds.map((assertionId, index) => {
      const view = byAssertion.get(assertionId);
      if (!view) throw ApiError.validation(`assertions.${index}: no badge ${assertionId} in your passport.`, `assertions.${index}`);
      if (view.badge.status !== 'accepted') throw ApiError.validation(`assertions.${index}: accept the badge before adding it to a collection.`, `assertions.${index}`);
      return view.badge.id;
    });
    await tx.collectionBadge.deleteMany({ where: { collectionId } });
    await tx.collectionBadge.createMany({ data: badgeIds.map((badgeId, position) => ({ collectionId, badgeId, position })) });
  }
}

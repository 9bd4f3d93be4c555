import { Injectable } from '@nestjs/common';

import type { BadgeStatus, BadgrCollectionOutcome, BadgrImportOutcome, BadgrImportReason } from '@badges/api-contracts';
import type { BadgrBackpackRead } from '@badges/badgr-migration';
import { newEntityId } from '@badges/persistence';

import type { LearnerScope } from '../common/learner-scope';
import type { BadgrImport, BadgrImportCollection, BadgrImportItem } from '../generated/prisma/client';
import { PassportPrismaService } from '../prisma/passport-prisma.service';

export type BadgrImportWith = BadgrImport & { items: BadgrImportItem[]; collections: BadgrImportCollection[] };

/** Every read of an import takes its items and collections, in Badgr's order. */
const WITH_PARTS = { items: { orderBy: { position: 'asc' } }, collections: { orderBy: { position: 'asc' } } } as const;

/** Where one item ended (the job writes it as soon as the item is done). */
export interface ItemResult {
  outcome: Exclude<BadgrImportOutcome, 'pending'>;
  reason?: BadgrImportReason;
  message?: string;
  assertionId?: string;
}

export interface CollectionResult {
  outcome: Exclude<BadgrCollectionOutcome, 'pending'>;
  collectionId: string | null;
  badges: number;
  leftOut: number;
}

/** A learner's imports: every read and write of an import takes the learner's scope, except the job's. */
@Injectable()
export class BadgrImportRepository {
  constructor(private readonly prisma: PassportPrismaService) {}

  /** The backpack as read, stored whole before the job is queued: the job needs nothing else. */
  async create(scope: LearnerScope, badgrOrigin: string, read: BadgrBackpackRead): Promise<string> {
    const id = newEntityId();
    const { items, collections } = read.backpack;
    await this.prisma.$transaction(async (tx) => {
      await tx.badgrImport.create({ data: { id, learnerId: scope.learnerId, badgrOrigin, problems: read.problems } });
      // Badgr never lists a declined badge (decision 0043): an item's acceptance is as Badgr said.
      const item = ({ sourceId, documentId, status, revoked }: (typeof items)[number], position: number) => ({ importId: id, position, sourceId, documentId, badgrAcceptance: status, revoked });
      const collection = ({ sourceId, name, description, itemSourceIds }: (typeof collections)[number], position: number) => ({ importId: id, position, sourceId, name, description, itemSourceIds });
      await tx.badgrImportItem.createMany({ data: items.map(item) });
      await tx.badgrImportCollection.createMany({ data: collections.map(collection) });
    });
    return id;
  }

  async find(scope: LearnerScope, id: string): Promise<BadgrImportWith | null> {
    return this.prisma.badgrImport.findFirst({ where: { id, learnerId: scope.learnerId }, include: WITH_PARTS });
  }

  async list(scope: LearnerScope): Promise<BadgrImportWith[]> {
    return this.prisma.badgrImport.findMany({ where: { learnerId: scope.learnerId }, include: WITH_PARTS, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], take: 20 });
  }

  /** An import of this learner still at work, started after `since` (an older one is taken as stuck). */
  async unfinishedSince(scope: LearnerScope, since: Date): Promise<boolean> {
    return (await this.prisma.badgrImport.count({ where: { learnerId: scope.learnerId, status: { not: 'completed' }, createdAt: { gt: since } } })) > 0;
  }

  /** The job's read: it has the id only, and finds the learner from the row. */
  async forJob(id: string): Promise<BadgrImportWith | null> {
    return this.prisma.badgrImport.findUnique({ where: { id }, include: WITH_PARTS });
  }

  async markRunning(id: string): Promise<void> {
    await this.prisma.badgrImport.update({ where: { id }, data: { status: 'running' } });
  }

  async markCompleted(id: string): Promise<void> {
    await this.prisma.badgrImport.update({ where: { id }, data: { status: 'completed', finishedAt: new Date() } });
  }

  async saveItem(id: string, position: number, result: ItemResult): Promise<void> {
    await this.prisma.badgrImportItem.update({
      where: { importId_position: { importId: id, position } },
      data: { outcome: result.outcome, reason: result.reason ?? null, message: result.message ?? null, assertionId: result.assertionId ?? null },
    });
  }

  async saveCollection(id: string, position: number, result: CollectionResult): Promise<void> {
    await this.prisma.badgrImportCollection.update({ where: { importId_position: { importId: id, position } }, data: result });
  }

  /** The passport's acceptance of the items' badges now, by award. */
  async statuses(scope: LearnerScope, assertionIds: string[]): Promise<Map<string, BadgeStatus>> {
    if (assertionIds.length === 0) return new Map();
    const badges = await this.prisma.backpackBadge.findMany({ where: { learnerId: scope.learnerId, assertionId: { in: assertionIds } }, select: { assertionId: true, status: true } });
    return new Map(badges.map((badge) => [badge.assertionId, badge.status as BadgeStatus]));
  }
}

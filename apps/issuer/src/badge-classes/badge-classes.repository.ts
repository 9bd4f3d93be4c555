import { Injectable } from '@nestjs/common';

import type { OpenBadgesVersion, VerificationType } from '@badges/api-contracts';
import { newEntityId } from '@badges/persistence';
import { type TenantScope } from '@badges/service-kit';

import type { BadgeClass, BadgeClassAlignment, BadgeClassTranslation } from '../generated/prisma/client';
import { IssuerPrismaService, type IssuerTx } from '../prisma/issuer-prisma.service';

/**
 * A badge class row with `verification` and `openBadgesVersion` narrowed to the contract's lists.
 * The CHECK constraints `badge_classes_verification_check` and `badge_classes_openBadgesVersion_check`
 * keep the columns within those lists, so the readers below narrow them once, where rows leave the
 * database (docs/data-model.md).
 */
export type BadgeClassRow = Omit<BadgeClass, 'verification' | 'openBadgesVersion'> & { verification: VerificationType; openBadgesVersion: OpenBadgesVersion };
export type BadgeClassRecord = BadgeClassRow & { alignments: BadgeClassAlignment[]; translations: BadgeClassTranslation[] };

/** The columns a caller sets; the repository sets ids, tenancy, parent, position and timestamps. */
export type AlignmentFields = Omit<BadgeClassAlignment, 'id' | 'institutionId' | 'badgeClassId' | 'position'>;
export type TranslationFields = Omit<BadgeClassTranslation, 'institutionId' | 'badgeClassId'>;
/** `createdBy` is set once, by `create`. */
/** `documentId` and `migrationDigest` are written only by a migration (migrations-in), never by the API. */
export type BadgeClassFields = Omit<BadgeClassRow, 'id' | 'institutionId' | 'issuerId' | 'createdBy' | 'createdAt' | 'updatedAt' | 'documentId' | 'migrationDigest'>;

/** Children are replaced wholesale when given, kept when undefined. */
export interface BadgeClassChildren {
  alignments?: AlignmentFields[];
  translations?: TranslationFields[];
}

export type DeleteBadgeClassOutcome = { outcome: 'deleted'; imageId: string } | { outcome: 'not_found' } | { outcome: 'in_use' };

const withChildren = {
  alignments: { orderBy: { position: 'asc' } },
  translations: { orderBy: { language: 'asc' } },
} as const;

/** Badge classes of one institution, with their alignments and translations (child tables). */
@Injectable()
export class BadgeClassesRepository {
  constructor(private readonly prisma: IssuerPrismaService) {}

  /** Runs inside the caller's transaction: the class and its children land together or not at all. */
  async create(
    scope: TenantScope,
    issuerId: string,
    fields: BadgeClassFields & Pick<BadgeClassRow, 'createdBy'>,
    children: BadgeClassChildren,
    tx: IssuerTx,
  ): Promise<BadgeClassRecord> {
    const id = newEntityId();
    await tx.badgeClass.create({ data: { id, institutionId: scope.institutionId, issuerId, ...fields } });
    await this.writeChildren(scope, id, children, tx);
    return (await this.findById(scope, id, tx)) as BadgeClassRecord;
  }

  async findById(scope: TenantScope, id: string, tx: IssuerTx = this.prisma): Promise<BadgeClassRecord | null> {
    return tx.badgeClass.findFirst({ where: { id, institutionId: scope.institutionId }, include: withChildren }) as Promise<BadgeClassRecord | null>;
  }

  async list(scope: TenantScope, filter: { issuerId?: string } = {}): Promise<BadgeClassRecord[]> {
    return this.prisma.badgeClass.findMany({
      where: { institutionId: scope.institutionId, ...(filter.issuerId ? { issuerId: filter.issuerId } : {}) },
      include: withChildren,
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    }) as Promise<BadgeClassRecord[]>;
  }

  async update(scope: TenantScope, id: string, fields: BadgeClassFields, children: BadgeClassChildren, tx: IssuerTx): Promise<BadgeClassRecord | null> {
    const { count } = await tx.badgeClass.updateMany({ where: { id, institutionId: scope.institutionId }, data: fields });
    if (count === 0) return null;
    await this.writeChildren(scope, id, children, tx);
    return this.findById(scope, id, tx);
  }

  async delete(scope: TenantScope, id: string, tx: IssuerTx): Promise<DeleteBadgeClassOutcome> {
    const badgeClass = await tx.badgeClass.findFirst({ where: { id, institutionId: scope.institutionId }, select: { imageId: true } });
    if (!badgeClass) return { outcome: 'not_found' };
    const assertions = await tx.assertion.count({ where: { institutionId: scope.institutionId, badgeClassId: id } });
    if (assertions > 0) return { outcome: 'in_use' };
    // Alignments and translations go with it (ON DELETE CASCADE).
    await tx.badgeClass.deleteMany({ where: { id, institutionId: scope.institutionId } });
    return { outcome: 'deleted', imageId: badgeClass.imageId };
  }

  private async writeChildren(scope: TenantScope, badgeClassId: string, children: BadgeClassChildren, tx: IssuerTx): Promise<void> {
    const institutionId = scope.institutionId;
    if (children.alignments) {
      await tx.badgeClassAlignment.deleteMany({ where: { institutionId, badgeClassId } });
      if (children.alignments.length > 0) {
        await tx.badgeClassAlignment.createMany({
          data: children.alignments.map((alignment, position) => ({ institutionId, badgeClassId, position, ...alignment })),
        });
      }
    }
    if (children.translations) {
      await tx.badgeClassTranslation.deleteMany({ where: { institutionId, badgeClassId } });
      if (children.translations.length > 0) {
        await tx.badgeClassTranslation.createMany({
          data: children.translations.map((translation) => ({ institutionId, badgeClassId, ...translation })),
        });
      }
    }
  }
}

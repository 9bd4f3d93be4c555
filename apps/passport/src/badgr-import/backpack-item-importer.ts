import { Injectable } from '@nestjs/common';

import type { BadgeStatus } from '@badges/api-contracts';
import { ApiError, ErrorCode } from '@badges/service-kit';

import { BadgeAcceptanceService } from '../backpack/badge-acceptance.service';
import { BadgeCollector } from '../backpack/badge-collector';
import type { LearnerScope } from '../common/learner-scope';
import { AwardCopiesService } from '../export/award-copies.service';
import type { BadgrImportItem } from '../generated/prisma/client';
import { ImportsService, RECIPIENT_MISMATCH } from '../imports/imports.service';
import { PassportPrismaService } from '../prisma/passport-prisma.service';
import type { ItemResult } from './badgr-import.repository';

/** A learner's verified identifiers: only these may receive a badge. */
export type LearnerIdentifiers = readonly { type: string; value: string }[];

/**
 * One Badgr backpack item into the passport (decision 0046), in this order:
 * 1. already in this passport (the same OB 2.0 id, or the same entityId of a migrated award): its
 *    acceptance is brought over;
 * 2. an award the platform holds (a migrated or issued one) not yet collected: collected, if one of
 *    the learner's verified identifiers is its recipient;
 * 3. anything else: imported as any external badge is (verified, recipient checked), unless Badgr
 *    says it was revoked.
 * Badgr's acceptance only ever moves a pending badge to accepted: an answer the learner gave here
 * stands, and a second run changes nothing.
 */
@Injectable()
export class BackpackItemImporter {
  constructor(
    private readonly prisma: PassportPrismaService,
    private readonly collector: BadgeCollector,
    private readonly imports: ImportsService,
    private readonly acceptance: BadgeAcceptanceService,
    private readonly copies: AwardCopiesService,
  ) {}

  async importItem(scope: LearnerScope, identifiers: LearnerIdentifiers, item: BadgrImportItem, correlationId: string): Promise<ItemResult> {
    const held = await this.findHeld(scope, item);
    if (held) {
      await this.bringAcceptance(scope, held, item, correlationId);
      return { outcome: 'already_in_passport', assertionId: held.assertionId };
    }
    const award = await this.prisma.award.findFirst({ where: { origin: 'platform', OR: sameAward(item) } });
    if (award) {
      const collected = await this.prisma.$transaction((tx) => this.collector.collectForLearner(tx, scope.learnerId, identifiers, award));
      if (!collected) return { outcome: 'skipped', reason: RECIPIENT_MISMATCH, message: 'This badge was issued to someone else: its recipient is none of your verified addresses.' };
      await this.bringAcceptance(scope, { assertionId: award.assertionId, status: 'pending' }, item, correlationId);
      return { outcome: 'imported', assertionId: award.assertionId };
    }
    if (item.revoked) return { outcome: 'skipped', reason: 'revoked', message: 'Its issuer revoked this badge, so it cannot be imported.' };
    return this.importExternal(scope, item);
  }

  private async importExternal(scope: LearnerScope, item: BadgrImportItem): Promise<ItemResult> {
    try {
      const view = await this.imports.import(scope, { url: item.documentId }, item.badgrAcceptance as BadgeStatus);
      return { outcome: 'imported', assertionId: view.award.assertionId };
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.code === RECIPIENT_MISMATCH) return { outcome: 'skipped', reason: RECIPIENT_MISMATCH, message: error.message };
      if (error.status === 503) return { outcome: 'failed', reason: 'verifier_unavailable', message: error.message };
      // Imported meanwhile (the learner's own import by URL): it is in the passport now.
      const held = error.code === ErrorCode.Conflict ? await this.findHeld(scope, item) : null;
      if (held) return { outcome: 'already_in_passport', assertionId: held.assertionId };
      return { outcome: 'failed', reason: 'import_failed', message: error.message };
    }
  }

  private findHeld(scope: LearnerScope, item: BadgrImportItem): Promise<{ assertionId: string; status: string } | null> {
    return this.prisma.backpackBadge.findFirst({ where: { learnerId: scope.learnerId, award: { OR: sameAward(item) } }, select: { assertionId: true, status: true } });
  }

  private async bringAcceptance(scope: LearnerScope, badge: { assertionId: string; status: string }, item: BadgrImportItem, correlationId: string): Promise<void> {
    if (badge.status !== 'pending' || item.badgrAcceptance !== 'accepted') return;
    await this.acceptance.answer(scope, badge.assertionId, 'accepted', correlationId);
    await this.copies.keep(badge.assertionId);
  }
}

/** The same award: its OB 2.0 id, or the entityId a migration kept (only ours: an import's ids are new). */
function sameAward(item: BadgrImportItem) {
  return [{ assertionUrl: item.documentId }, { assertionId: item.sourceId, origin: 'platform' }];
}

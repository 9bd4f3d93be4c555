import { Inject, Injectable } from '@nestjs/common';

import { type ShareType, type ShareV2, type ShareCreateBody } from '@badges/api-contracts';
import { newEntityId } from '@badges/persistence';
import { ApiError, ErrorCode } from '@badges/service-kit';

import { BackpackRepository, isPubliclyShowable, type BadgeView } from '../backpack/backpack.repository';
import { CollectionsService } from '../collections/collections.service';
import { learnerScope, type LearnerScope } from '../common/learner-scope';
import { PASSPORT_CONFIG } from '../common/tokens';
import type { PassportConfig } from '../config/passport.config';
import type { Share } from '../generated/prisma/client';
import { PassportEvents } from '../events/passport-events';
import { PassportPrismaService } from '../prisma/passport-prisma.service';
import type { SharedContent } from './share-page';
import { embedSnippet, linkedInAddToProfileUrl, shareUrl } from './share-links';

const gone = (message: string) => new ApiError(410, ErrorCode.Gone, message);

/**
 * Public links to a badge or a collection. What a link shows is decided when it is viewed: a
 * revoked (or declined) badge disappears from every share at once. Views are a bare counter.
 */
@Injectable()
export class SharesService {
  constructor(
    private readonly prisma: PassportPrismaService,
    private readonly backpack: BackpackRepository,
    private readonly collections: CollectionsService,
    private readonly events: PassportEvents,
    @Inject(PASSPORT_CONFIG) private readonly config: PassportConfig,
  ) {}

  /** The link, and the news that its badges were shared (for their issuers' dashboards), in one transaction. */
  async create(scope: LearnerScope, body: ShareCreateBody, correlationId: string): Promise<ShareV2> {
    let shown: BadgeView[];
    if (body.type === 'badge') {
      const view = await this.backpack.findByAssertion(scope, body.entityId);
      if (!view) throw ApiError.notFound('assertion');
      if (view.revocation) throw ApiError.validation('A revoked badge cannot be shared.', 'entityId');
      if (view.badge.status !== 'accepted') throw ApiError.validation('Accept the badge before sharing it.', 'entityId');
      shown = [view];
    } else {
      shown = (await this.collections.get(scope, body.entityId)).badges.filter(isPubliclyShowable);
    }
    const share = await this.prisma.$transaction(async (tx) => {
      const created = await tx.share.create({ data: { id: newEntityId(), learnerId: scope.learnerId, kind: body.type, targetId: body.entityId } });
      await this.events.assertionsEngaged(tx, correlationId, 'shared', shown.map((view) => view.award), created.createdAt);
      return created;
    });
    this.events.published();
    return this.toV2(scope, share);
  }

  async list(scope: LearnerScope): Promise<ShareV2[]> {
    const shares = await this.prisma.share.findMany({ where: { learnerId: scope.learnerId }, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }] });
    return Promise.all(shares.map((share) => this.toV2(scope, share)));
  }

  async get(scope: LearnerScope, id: string): Promise<ShareV2> {
    const share = await this.prisma.share.findFirst({ where: { id, learnerId: scope.learnerId } });
    if (!share) throw ApiError.notFound('share');
    return this.toV2(scope, share);
  }

  /** The link stops working at once; the row stays so the link answers 410, not 404. */
  async revoke(scope: LearnerScope, id: string): Promise<void> {
    const revoked = await this.prisma.share.updateMany({ where: { id, learnerId: scope.learnerId, revokedAt: null }, data: { revokedAt: new Date() } });
    if (revoked.count === 0 && !(await this.prisma.share.findFirst({ where: { id, learnerId: scope.learnerId } }))) throw ApiError.notFound('share');
  }

  /** Views answered elsewhere (the gateway's cache), added in one statement; unknown ids are ignored. */
  async countViews(views: readonly { id: string; count: number }[]): Promise<void> {
    if (views.length === 0) return;
    await this.prisma.database.query(
      `UPDATE "passport"."shares" AS s SET "views" = s."views" + v."count"
       FROM json_to_recordset($1::json) AS v("id" text, "count" int) WHERE s."id" = v."id"`,
      [JSON.stringify(views)],
    );
  }

  /** What an anonymous visitor sees; counts the view. */
  async view(id: string, count = true): Promise<SharedContent> {
    const share = await this.prisma.share.findUnique({ where: { id } });
    if (!share) throw ApiError.notFound('share');
    if (share.revokedAt) throw gone('The owner stopped sharing this.');
    const content = await this.contentOf(share);
    if (count) await this.prisma.share.update({ where: { id }, data: { views: { increment: 1 } } });
    return content;
  }

  private async contentOf(share: Share): Promise<SharedContent> {
    const scope = learnerScope(share.learnerId);
    const owner = await this.prisma.learner.findUniqueOrThrow({ where: { id: share.learnerId } });
    const url = shareUrl(this.config.publicUrl, share.id);
    if (share.kind === 'badge') {
      const view = await this.backpack.findByAssertion(scope, share.targetId);
      if (!view || !isPubliclyShowable(view)) throw gone('This badge is no longer shared: it was revoked by its issuer or removed by its owner.');
      const { award } = view;
      return {
        kind: 'badge',
        title: award.badgeClassName,
        description: `${award.issuerName} awarded ${award.badgeClassName} to ${owner.name}.`,
        generated: { kind: 'badge', issuer: award.issuerName, badge: award.badgeClassName },
        ownerName: owner.name,
        badges: [view],
        url,
      };
    }
    const found = await this.collections.get(scope, share.targetId).catch(() => undefined);
    if (!found) throw gone('This collection no longer exists.');
    const badges = found.badges.filter(isPubliclyShowable);
    const description = found.collection.description || `${badges.length} badge(s) collected by ${owner.name}.`;
    const generated = found.collection.description ? undefined : { kind: 'collection' as const, count: badges.length };
    return { kind: 'collection', title: found.collection.name, description, generated, ownerName: owner.name, badges, url };
  }

  private async toV2(scope: LearnerScope, share: Share): Promise<ShareV2> {
    const url = shareUrl(this.config.publicUrl, share.id);
    let linkedInUrl: string | null = null;
    let title = 'Badge collection';
    if (share.kind === 'badge') {
      const view = await this.backpack.findByAssertion(scope, share.targetId);
      if (view) {
        title = view.award.badgeClassName;
        linkedInUrl = linkedInAddToProfileUrl({ name: view.award.badgeClassName, organizationName: view.award.issuerName, issuedOn: view.award.issuedOn, expires: view.award.expires, certUrl: url, certId: view.award.assertionId });
      }
    }
    return {
      entityId: share.id,
      type: share.kind as ShareType,
      target: share.targetId,
      url,
      embedHtml: embedSnippet(this.config.publicUrl, share.id, title),
      linkedInUrl,
      views: share.views,
      revoked: share.revokedAt !== null,
      createdAt: share.createdAt.toISOString(),
    };
  }
}

import { Controller, Get, Headers, Inject, Param, Query, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

import { ApiError, cacheTag, EMBEDDABLE_PAGE_CSP, InternalTokenGuard, markPublicCacheable } from '@badges/service-kit';

import { EntityIdPipe } from '../common/entity-id.pipe';
import { KeptCredentialsService } from '../credentials/kept-credentials.service';
import { PASSPORT_CONFIG } from '../common/tokens';
import type { PassportConfig } from '../config/passport.config';
import { shareLanguage } from './share-labels';
import { BadgeEditionsService } from '../badge-texts/badge-editions.service';
import { inLanguage, renderEmbed, renderGonePage, renderSharePage, sharedJson, type SharedContent } from './share-page';
import { SharesService } from './shares.service';

/** Anonymous share pages: HTML for browsers and link previews, JSON when asked for. */
@Controller('public/passport/shares')
@UseGuards(InternalTokenGuard)
export class PublicSharesController {
  constructor(
    private readonly shares: SharesService,
    private readonly editions: BadgeEditionsService,
    private readonly credentials: KeptCredentialsService,
    @Inject(PASSPORT_CONFIG) private readonly config: PassportConfig,
  ) {}

  /** The page's language (`?lang=`, then Accept-Language) and its badges' texts in it. */
  private async told(content: SharedContent, acceptLanguage: string | undefined, requested: unknown): Promise<{ lang: string; content: SharedContent }> {
    const lang = shareLanguage(acceptLanguage, requested);
    return { lang, content: inLanguage(content, await this.editions.editionsFor(content.badges.map((badge) => badge.award), [lang])) };
  }

  @Get(':entityId')
  async show(
    @Param('entityId', EntityIdPipe) id: string,
    @Headers('accept') accept: string | undefined,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Query('lang') requested: unknown,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const wantsJson = /application\/(ld\+)?json/.test(accept ?? '') && !(accept ?? '').includes('text/html');
    let content: SharedContent;
    try {
      content = await this.shares.view(id);
    } catch (error) {
      // A browser following a link to a share that is gone gets a page in its language, not JSON.
      if (!(accept ?? '').includes('text/html') || !(error instanceof ApiError && error.status === 410)) throw error;
      const lang = shareLanguage(acceptLanguage, requested);
      return reply.code(410).type('text/html; charset=utf-8').header('cache-control', 'no-store').header('content-language', lang).send(renderGonePage(this.config.publicUrl, lang));
    }
    // Views are counted, so shared pages must not be served from a shared cache.
    void markSharePage(reply, id, content).header('cache-control', 'no-store').header('vary', 'accept, accept-language');
    if (wantsJson) return reply.type('application/json').send(sharedJson(content, await this.credentials.of(content.badges.map((badge) => badge.award))));
    const page = await this.told(content, acceptLanguage, requested);
    return reply.type('text/html; charset=utf-8').header('content-language', page.lang).send(renderSharePage(page.content, page.lang));
  }

  @Get(':entityId/embed')
  async embed(
    @Param('entityId', EntityIdPipe) id: string,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Query('lang') requested: unknown,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const page = await this.told(await this.shares.view(id), acceptLanguage, requested);
    const { content, lang } = page;
    // Made to be framed by other sites: the page policy, with any frame ancestor allowed.
    return markSharePage(reply, id, content)
      .header('cache-control', 'no-store')
      .header('vary', 'accept-language')
      .header('content-security-policy', EMBEDDABLE_PAGE_CSP)
      .type('text/html; charset=utf-8')
      .send(renderEmbed(content, lang));
  }
}

/**
 * The gateway may answer a share page again (docs/caching.md): for a second at most, since what
 * the owner does (stop sharing, hide a badge, rename a collection) has no event; at once when one of
 * its badges is revoked. It reports its answers back here, so the views stay counted.
 */
function markSharePage(reply: FastifyReply, id: string, content: SharedContent): FastifyReply {
  const tags = [cacheTag.share(id), ...content.badges.map((badge) => cacheTag.assertion(badge.award.assertionId))];
  return markPublicCacheable(reply, { tags, maxAgeSeconds: 1, countHitsAs: cacheTag.share(id) });
}

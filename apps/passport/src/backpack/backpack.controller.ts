import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Put, Query, UseGuards } from '@nestjs/common';

import { successEnvelope, type BackpackAssertionV2, type HeldCredentialV2, type V2SuccessEnvelope, AcceptanceBodySchema, StatusQuerySchema } from '@badges/api-contracts';
import { acceptedLanguages, ApiError, CorrelationId, InternalTokenGuard, parseWith } from '@badges/service-kit';

import { Learner, LearnerAuthGuard } from '../accounts/learner-auth.guard';
import { EntityIdPipe } from '../common/entity-id.pipe';
import type { LearnerScope } from '../common/learner-scope';
import { BadgeEditionsService } from '../badge-texts/badge-editions.service';
import { KeptCredentialsService } from '../credentials/kept-credentials.service';
import { AwardCopiesService } from '../export/award-copies.service';
import { BadgeAcceptanceService } from './badge-acceptance.service';
import { toBackpackAssertionV2 } from './backpack.dto';
import { BackpackRepository, type BadgeView } from './backpack.repository';

/** Badgr v2 backpack assertions: the learner's badges, pending ones included, and their acceptance. */
@Controller('v2/backpack/assertions')
@UseGuards(InternalTokenGuard, LearnerAuthGuard)
export class BackpackController {
  constructor(
    private readonly backpack: BackpackRepository,
    private readonly acceptance: BadgeAcceptanceService,
    private readonly copies: AwardCopiesService,
    private readonly editions: BadgeEditionsService,
    private readonly credentials: KeptCredentialsService,
  ) {}

  /** Each badge with its texts in the caller's `Accept-Language` where its badge class is translated. */
  @Get()
  async list(@Learner() scope: LearnerScope, @Query() query: unknown, @Headers('accept-language') acceptLanguage: string | undefined): Promise<V2SuccessEnvelope<BackpackAssertionV2>> {
    const { status } = parseWith(StatusQuerySchema, query);
    return successEnvelope(await this.told(await this.backpack.list(scope, { status }), acceptLanguage));
  }

  @Get(':entityId')
  async get(@Learner() scope: LearnerScope, @Param('entityId', EntityIdPipe) id: string, @Headers('accept-language') acceptLanguage?: string): Promise<V2SuccessEnvelope<BackpackAssertionV2>> {
    const view = await this.backpack.findByAssertion(scope, id);
    if (!view) throw ApiError.notFound('assertion');
    return successEnvelope(await this.told([view], acceptLanguage));
  }

  /**
   * The badge's OB 3.0 credential as kept (fetched from the issuer the first time for the learner's
   * own award). The badge page verifies this text when the credential's id is no address to fetch.
   */
  @Get(':entityId/credential')
  async credential(@Learner() scope: LearnerScope, @Param('entityId', EntityIdPipe) id: string): Promise<V2SuccessEnvelope<HeldCredentialV2>> {
    const view = await this.backpack.findByAssertion(scope, id);
    if (!view) throw ApiError.notFound('assertion');
    const kept = (await this.credentials.of([view.award])).get(id);
    if (!kept) throw ApiError.notFound('credential of this badge (it is an Open Badges 2.0 badge)');
    return successEnvelope([{ format: kept.format, credential: kept.text }]);
  }

  private async told(views: BadgeView[], acceptLanguage: string | undefined): Promise<BackpackAssertionV2[]> {
    const editions = await this.editions.editionsFor(views.map((view) => view.award), acceptedLanguages(acceptLanguage));
    return views.map((view) => toBackpackAssertionV2(view, editions.get(view.award.badgeClassId)));
  }

  /** Accept or decline a pending badge (a declined one can be accepted later, and the reverse). */
  @Put(':entityId')
  async setAcceptance(
    @Learner() scope: LearnerScope,
    @Param('entityId', EntityIdPipe) id: string,
    @Body() body: unknown,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @CorrelationId() correlationId: string,
  ): Promise<V2SuccessEnvelope<BackpackAssertionV2>> {
    const { acceptance } = parseWith(AcceptanceBodySchema, body);
    if (!(await this.acceptance.answer(scope, id, acceptance, correlationId))) throw ApiError.notFound('assertion');
    if (acceptance === 'accepted') await this.copies.keep(id);
    return this.get(scope, id, acceptLanguage);
  }

  /** Removes the badge from the passport (it comes back only if the issuer awards it again). */
  @Delete(':entityId')
  @HttpCode(204)
  async remove(@Learner() scope: LearnerScope, @Param('entityId', EntityIdPipe) id: string): Promise<void> {
    if (!(await this.backpack.remove(scope, id))) throw ApiError.notFound('assertion');
  }
}

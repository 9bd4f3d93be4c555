import { Body, Controller, Delete, Get, HttpCode, Param, Post, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

import { successEnvelope, type ShareV2, type V2SuccessEnvelope, ShareCreateBodySchema } from '@badges/api-contracts';
import { cacheTag, CorrelationId, InternalTokenGuard, markPublicCacheStale, parseWith } from '@badges/service-kit';

import { Learner, LearnerAuthGuard } from '../accounts/learner-auth.guard';
import { EntityIdPipe } from '../common/entity-id.pipe';
import type { LearnerScope } from '../common/learner-scope';
import { SharesService } from './shares.service';

/** The learner's share links: create, list (with view counts), revoke. */
@Controller('v2/backpack/shares')
@UseGuards(InternalTokenGuard, LearnerAuthGuard)
export class SharesController {
  constructor(private readonly shares: SharesService) {}

  @Post()
  @HttpCode(201)
  async create(@Learner() scope: LearnerScope, @Body() body: unknown, @CorrelationId() correlationId: string): Promise<V2SuccessEnvelope<ShareV2>> {
    return successEnvelope(await this.shares.create(scope, parseWith(ShareCreateBodySchema, body), correlationId));
  }

  @Get()
  async list(@Learner() scope: LearnerScope): Promise<V2SuccessEnvelope<ShareV2>> {
    return successEnvelope(await this.shares.list(scope));
  }

  @Get(':entityId')
  async get(@Learner() scope: LearnerScope, @Param('entityId', EntityIdPipe) id: string): Promise<V2SuccessEnvelope<ShareV2>> {
    return successEnvelope(await this.shares.get(scope, id));
  }

  @Delete(':entityId')
  @HttpCode(204)
  async revoke(@Learner() scope: LearnerScope, @Param('entityId', EntityIdPipe) id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.shares.revoke(scope, id);
    // The link stops working at once through the gateway that forwarded this; others within a second (docs/caching.md).
    markPublicCacheStale(reply, [cacheTag.share(id)]);
  }
}

import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, UseGuards } from '@nestjs/common';

import { successEnvelope, type CollectionV2, type V2SuccessEnvelope, CollectionCreateBodySchema, CollectionUpdateBodySchema } from '@badges/api-contracts';
import { InternalTokenGuard, parseWith } from '@badges/service-kit';

import { Learner, LearnerAuthGuard } from '../accounts/learner-auth.guard';
import { EntityIdPipe } from '../common/entity-id.pipe';
import type { LearnerScope } from '../common/learner-scope';
import { CollectionsService } from './collections.service';

/** Badgr v2 backpack collections. */
@Controller('v2/backpack/collections')
@UseGuards(InternalTokenGuard, LearnerAuthGuard)
export class CollectionsController {
  constructor(private readonly collections: CollectionsService) {}

  @Post()
  @HttpCode(201)
  async create(@Learner() scope: LearnerScope, @Body() body: unknown): Promise<V2SuccessEnvelope<CollectionV2>> {
    return successEnvelope(await this.collections.create(scope, parseWith(CollectionCreateBodySchema, body)));
  }

  @Get()
  async list(@Learner() scope: LearnerScope): Promise<V2SuccessEnvelope<CollectionV2>> {
    return successEnvelope(await this.collections.list(scope));
  }

  @Get(':entityId')
  async get(@Learner() scope: LearnerScope, @Param('entityId', EntityIdPipe) id: string): Promise<V2SuccessEnvelope<CollectionV2>> {
    return successEnvelope(await this.collections.getV2(scope, id));
  }

  @Put(':entityId')
  async update(@Learner() scope: LearnerScope, @Param('entityId', EntityIdPipe) id: string, @Body() body: unknown): Promise<V2SuccessEnvelope<CollectionV2>> {
    return successEnvelope(await this.collections.update(scope, id, parseWith(CollectionUpdateBodySchema, body)));
  }

  @Delete(':entityId')
  @HttpCode(204)
  async delete(@Learner() scope: LearnerScope, @Param('entityId', EntityIdPipe) id: string): Promise<void> {
    await this.collections.delete(scope, id);
  }
}

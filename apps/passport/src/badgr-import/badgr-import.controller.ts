import { Body, Controller, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';

import { BadgrImportBodySchema, successEnvelope, type BadgrImportV2, type V2SuccessEnvelope } from '@badges/api-contracts';
import { InternalTokenGuard, parseWith } from '@badges/service-kit';

import { Learner, LearnerAuthGuard } from '../accounts/learner-auth.guard';
import { EntityIdPipe } from '../common/entity-id.pipe';
import type { LearnerScope } from '../common/learner-scope';
import { BadgrImportService } from './badgr-import.service';

/** The learner's Badgr backpack, brought into the passport with their own Badgr sign-in (decision 0046). */
@Controller('v2/backpack/badgr-imports')
@UseGuards(InternalTokenGuard, LearnerAuthGuard)
export class BadgrImportController {
  constructor(private readonly imports: BadgrImportService) {}

  /** 202: the backpack is read and stored; its items are imported by a job (poll GET by id). */
  @Post()
  @HttpCode(202)
  async start(@Learner() scope: LearnerScope, @Body() body: unknown): Promise<V2SuccessEnvelope<BadgrImportV2>> {
    return successEnvelope(await this.imports.start(scope, parseWith(BadgrImportBodySchema, body)));
  }

  @Get()
  async list(@Learner() scope: LearnerScope): Promise<V2SuccessEnvelope<BadgrImportV2>> {
    return successEnvelope(await this.imports.list(scope));
  }

  @Get(':entityId')
  async get(@Learner() scope: LearnerScope, @Param('entityId', EntityIdPipe) id: string): Promise<V2SuccessEnvelope<BadgrImportV2>> {
    return successEnvelope(await this.imports.get(scope, id));
  }
}

import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';

import { successEnvelope, type BackpackAssertionV2, type V2SuccessEnvelope } from '@badges/api-contracts';
import { InternalTokenGuard, parseWith } from '@badges/service-kit';

import { Learner, LearnerAuthGuard } from '../accounts/learner-auth.guard';
import { toBackpackAssertionV2 } from '../backpack/backpack.dto';
import type { LearnerScope } from '../common/learner-scope';
import { ImportInputSchema } from './imports.dto';
import { ImportsService } from './imports.service';

/** Badgr's `POST /v2/backpack/import`: a badge from elsewhere, by URL, baked image or JSON/JWS. */
@Controller('v2/backpack/import')
@UseGuards(InternalTokenGuard, LearnerAuthGuard)
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Post()
  @HttpCode(201)
  async import(@Learner() scope: LearnerScope, @Body() body: unknown): Promise<V2SuccessEnvelope<BackpackAssertionV2>> {
    return successEnvelope(toBackpackAssertionV2(await this.imports.import(scope, parseWith(ImportInputSchema, body))));
  }
}

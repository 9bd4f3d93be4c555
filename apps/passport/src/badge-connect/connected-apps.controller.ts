import { Controller, Delete, Get, HttpCode, Param, UseGuards } from '@nestjs/common';

import { successEnvelope, type ConnectedApp, type V2SuccessEnvelope } from '@badges/api-contracts';
import { InternalTokenGuard } from '@badges/service-kit';

import { Learner, LearnerAuthGuard } from '../accounts/learner-auth.guard';
import { EntityIdPipe } from '../common/entity-id.pipe';
import type { LearnerScope } from '../common/learner-scope';
import { ConnectedAppsService } from './connected-apps.service';

/** The learner's connected apps (Badge Connect clients they approved): list and revoke. */
@Controller('v2/backpack/connected-apps')
@UseGuards(InternalTokenGuard, LearnerAuthGuard)
export class ConnectedAppsController {
  constructor(private readonly apps: ConnectedAppsService) {}

  @Get()
  async list(@Learner() learner: LearnerScope): Promise<V2SuccessEnvelope<ConnectedApp>> {
    return successEnvelope(await this.apps.list(learner));
  }

  @Delete(':clientId')
  @HttpCode(204)
  async revoke(@Learner() learner: LearnerScope, @Param('clientId', EntityIdPipe) clientId: string): Promise<void> {
    await this.apps.revoke(learner, clientId);
  }
}

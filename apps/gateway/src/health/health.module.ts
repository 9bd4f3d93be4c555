import { Module } from '@nestjs/common';

import { ReadinessController } from './readiness.controller';
import { HealthService } from './health.service';

@Module({ controllers: [ReadinessController], providers: [HealthService] })
export class HealthModule {}

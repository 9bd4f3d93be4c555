import { Controller, Get, Inject } from '@nestjs/common';

import type { Database } from '@badges/persistence';
import { databaseHealth } from '@badges/service-kit';

import { PASSPORT_DATABASE } from '../common/tokens';

/** Liveness + readiness: ok once the database answers. Not behind InternalTokenGuard (probes). */
@Controller('health')
export class HealthController {
  constructor(@Inject(PASSPORT_DATABASE) private readonly database: Database) {}

  @Get()
  check(): Promise<{ status: 'ok' }> {
    return databaseHealth(this.database, 'passport');
  }
}

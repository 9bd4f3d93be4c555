import { Controller, Get, Inject } from '@nestjs/common';

import type { Database } from '@badges/persistence';
import { databaseHealth } from '@badges/service-kit';

import { ISSUER_DATABASE } from '../common/tokens';

/**
 * Liveness + readiness in one: ok once the database answers. Deliberately not behind
 * InternalTokenGuard: orchestrator probes cannot carry the token, and the answer reveals nothing.
 */
@Controller('health')
export class HealthController {
  constructor(@Inject(ISSUER_DATABASE) private readonly database: Database) {}

  @Get()
  check(): Promise<{ status: 'ok' }> {
    return databaseHealth(this.database, 'issuer');
  }
}

import { Controller, Get, Inject } from '@nestjs/common';

import type { Database } from '@badges/persistence';
import { ApiError, ErrorCode } from '@badges/service-kit';

import { ISSUER_DATABASE } from '../common/tokens';

/**
 * Liveness + readiness in one: ok once the database answers. Deliberately not behind
 * InternalTokenGuard: orchestrator probes cannot carry the token, and the answer reveals nothing.
 */
@Controller('health')
export class HealthController {
  constructor(@Inject(ISSUER_DATABASE) private readonly database: Database) {}

  @Get()
  async check(): Promise<{ status: 'ok' }> {
    try {
      await this.database.query('SELECT 1');
    } catch {
      throw new ApiError(503, ErrorCode.ServiceUnavailable, 'The issuer database is not reachable.');
    }
    return { status: 'ok' };
  }
}

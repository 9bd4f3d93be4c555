import { Controller, Get, Inject } from '@nestjs/common';

import type { Database } from '@badges/persistence';
import { ApiError, ErrorCode } from '@badges/service-kit';

import { NOTIFICATION_DATABASE } from '../common/tokens';

/** Liveness + readiness: ok once the database answers. Not behind InternalTokenGuard (probes). */
@Controller('health')
export class HealthController {
  constructor(@Inject(NOTIFICATION_DATABASE) private readonly database: Database) {}

  @Get()
  async check(): Promise<{ status: 'ok' }> {
    try {
      await this.database.query('SELECT 1');
    } catch {
      throw new ApiError(503, ErrorCode.ServiceUnavailable, 'The notification database is not reachable.');
    }
    return { status: 'ok' };
  }
}

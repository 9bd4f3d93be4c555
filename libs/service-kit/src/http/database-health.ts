import type { Database } from '@badges/persistence';

import { ApiError } from '../errors/api-error';
import { ErrorCode } from '../errors/error-codes';

/**
 * A service's `/health`: liveness and readiness in one, ok once its database answers; otherwise
 * 503 so orchestrators and the gateway's health route see it down.
 */
export async function databaseHealth(database: Database, service: string): Promise<{ status: 'ok' }> {
  try {
    await database.query('SELECT 1');
  } catch {
    throw new ApiError(503, ErrorCode.ServiceUnavailable, `The ${service} database is not reachable.`);
  }
  return { status: 'ok' };
}

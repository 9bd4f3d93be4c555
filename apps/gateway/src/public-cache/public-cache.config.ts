import { z } from 'zod';

import { blankAsUnset } from '@badges/service-kit';

/**
 * The gateway's cache of public documents (docs/caching.md). Spread into GatewayConfigSchema.
 * - PUBLIC_CACHE_MAX_MB: its bound in memory, per instance; 0 turns the cache off.
 * - PUBLIC_CACHE_MAX_AGE_SECONDS: the longest an entry is kept even if no event drops it, a
 *   backstop for an event that never arrives (events are what keep entries fresh).
 */
export const PUBLIC_CACHE_ENV = {
  PUBLIC_CACHE_MAX_MB: blankAsUnset(z.coerce.number().int().min(0).max(65_536).default(64)),
  PUBLIC_CACHE_MAX_AGE_SECONDS: blankAsUnset(z.coerce.number().int().min(1).max(86_400).default(300)),
};

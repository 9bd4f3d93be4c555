import { Module } from '@nestjs/common';

import type { ServiceClient } from '@badges/service-kit';

import type { GatewayConfig } from '../config/gateway.config';
import { GATEWAY_CONFIG, SERVICE_CLIENTS } from '../gateway.tokens';
import { CacheHitReporter } from './cache-hit-reporter';
import { PublicCache } from './public-cache';
import { PublicDocumentCache } from './public-document-cache';

/** PublicCache, or null when PUBLIC_CACHE_MAX_MB is 0 (everything is then forwarded). */
@Module({
  providers: [
    {
      provide: PublicCache,
      inject: [GATEWAY_CONFIG, SERVICE_CLIENTS],
      useFactory: (config: GatewayConfig, services: Record<string, ServiceClient>): PublicCache | null =>
        config.PUBLIC_CACHE_MAX_MB > 0
          ? new PublicCache(
              new PublicDocumentCache({ maxBytes: config.PUBLIC_CACHE_MAX_MB * 1024 * 1024, maxAgeMs: config.PUBLIC_CACHE_MAX_AGE_SECONDS * 1000 }),
              new CacheHitReporter(services, config.INTERNAL_TOKEN),
            )
          : null,
    },
  ],
  exports: [PublicCache],
})
export class PublicCacheModule {}

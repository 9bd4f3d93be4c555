import { type DynamicModule, Module } from '@nestjs/common';

import { DOCUMENT_FETCHER, RESPONSE_CACHE, VERIFICATION_CONFIG, VERIFICATION_EVENTS } from './common/tokens';
import type { VerificationConfig } from './config/verification.config';
import type { VerificationEvents } from './events/verification-events';
import type { DocumentFetcher } from './fetching/document-fetcher';
import type { ResponseCache } from './fetching/response-cache';
import { HealthController } from './health/health.controller';
import { ImageProxyController } from './image-proxy/image-proxy.controller';
import { VerifyController } from './verify/verify.controller';
import { VerifyService } from './verify/verify.service';

export interface VerificationModuleOptions {
  config: VerificationConfig;
  cache: ResponseCache;
  fetcher: DocumentFetcher;
  events: VerificationEvents;
}

/** One small module: the adapters (cache, fetcher, event publisher) come from the caller. */
@Module({})
export class VerificationModule {
  static forRoot(options: VerificationModuleOptions): DynamicModule {
    return {
      module: VerificationModule,
      controllers: [HealthController, VerifyController, ImageProxyController],
      providers: [
        { provide: VERIFICATION_CONFIG, useValue: options.config },
        { provide: RESPONSE_CACHE, useValue: options.cache },
        { provide: DOCUMENT_FETCHER, useValue: options.fetcher },
        { provide: VERIFICATION_EVENTS, useValue: options.events },
        VerifyService,
      ],
    };
  }
}

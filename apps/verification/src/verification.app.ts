import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';

import type { FetchedDocument } from '@badges/openbadges';
import { createEventBus, type InProcessEventBus } from '@badges/messaging';
import { createServiceApp, DEFAULT_BODY_LIMIT, type ServiceAppOptions, type ServiceClient } from '@badges/service-kit';

import type { VerificationConfig } from './config/verification.config';
import { ensureVerificationTopic } from './events/ensure-topic';
import { listenForRevocations } from './events/revocation-listener';
import { VerificationEvents, type VerificationEventsOptions } from './events/verification-events';
import { verificationAddressPolicy } from './fetching/address-allow-list';
import { DocumentFetcher } from './fetching/document-fetcher';
import { RedisResponseCache } from './fetching/redis-response-cache';
import { MemoryResponseCache, type ResponseCache } from './fetching/response-cache';
import { VerificationModule } from './verification.module';

export interface VerificationAppInput {
  config: VerificationConfig;
  /** The issuer service (our own badges are read through it); optional when running alone. */
  issuer?: ServiceClient;
  /** The endorsement service (our own hosted Endorsements); optional, as the issuer. */
  endorsement?: ServiceClient;
  /** KAFKA_BROKERS selects Kafka; otherwise the in-process bus. */
  env?: NodeJS.ProcessEnv;
  /** Test seams. */
  inProcessBus?: InProcessEventBus;
  events?: VerificationEventsOptions;
  transport?: (url: string) => Promise<FetchedDocument>;
}

/**
 * Builds the verification service. It owns no tables: its state is a short-lived response cache
 * (Redis with REDIS_URL, in-process otherwise), and its only output besides the answer is the
 * `badges.verification.completed.v1` event.
 */
export async function createVerificationApp(input: VerificationAppInput, options: ServiceAppOptions = {}): Promise<NestFastifyApplication> {
  const env = input.env ?? process.env;
  const { config } = input;
  const cache: ResponseCache = config.redisUrl ? await RedisResponseCache.connect(config.redisUrl) : new MemoryResponseCache();
  await ensureVerificationTopic(env);
  const bus = await createEventBus('verification', env, input.inProcessBus);
  const events = new VerificationEvents(bus.publisher, input.events);
  const fetcher = new DocumentFetcher({
    cache,
    publicUrl: config.publicUrl,
    issuer: input.issuer,
    endorsement: input.endorsement,
    cacheTtlSeconds: config.cacheTtlSeconds,
    timeoutMs: config.fetchTimeoutMs,
    maxBytes: config.maxDocumentBytes,
    allowPrivateNetwork: config.allowPrivateNetwork,
    addressPolicy: verificationAddressPolicy(config.allowedPrivateAddresses, config.allowPrivateNetwork),
    transport: input.transport,
  });
  let app: NestFastifyApplication | undefined;
  try {
    await listenForRevocations(bus.subscriber, fetcher);
    app = await createServiceApp(VerificationModule.forRoot({ config, cache, fetcher, events }), { ...options, metrics: { service: 'verification', token: config.metricsToken } });
    registerUploadParsers(app.getHttpAdapter().getInstance(), options.bodyLimit ?? DEFAULT_BODY_LIMIT);
    app.getHttpAdapter().getInstance().addHook('onClose', async () => {
      fetcher.close();
      await events.flush();
      await bus.close();
      await cache.close();
    });
    return app;
  } catch (error) {
    await app?.close().catch(() => undefined);
    fetcher.close();
    await bus.close();
    await cache.close();
    throw error;
  }
}

/**
 * Baked images arrive as multipart or as the raw body; both are read as bytes within the body limit.
 * An OB 3.0 credential may come as the body itself (JSON-LD, or its VC-JWT as text): read as text,
 * parsed by verify-request.ts with the same depth and size budgets as a `json` field.
 */
function registerUploadParsers(fastify: FastifyInstance, bodyLimit: number): void {
  fastify.addContentTypeParser(['multipart/form-data', 'image/png', 'image/svg+xml'], { parseAs: 'buffer', bodyLimit }, (_request, body, done) =>
    done(null, body),
  );
  fastify.addContentTypeParser(['application/vc+ld+json', 'application/ld+json', 'application/vc', 'application/vc+jwt', 'application/jwt', 'application/jose'], { parseAs: 'string', bodyLimit }, (_request, body, done) =>
    done(null, body),
  );
}

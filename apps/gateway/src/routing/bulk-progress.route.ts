import { Inject, Injectable } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import { isBulkAwardFinished, type BulkAwardJobV2, type BulkAwardProgress, type V2SuccessEnvelope } from '@badges/api-contracts';
import { ApiError, ErrorCode, streamProgress, type ServiceClient } from '@badges/service-kit';

import { BearerAuth } from '../auth/bearer-auth';
import { requireScope } from '../auth/client-scope';
import type { GatewayConfig } from '../config/gateway.config';
import { GATEWAY_CONFIG, SERVICE_CLIENTS } from '../gateway.tokens';
import { buildForwardHeaders, correlationIdFor } from './forward-headers';

/**
 * The progress stream (SSE) of a bulk award, served by the gateway itself: a forwarded response
 * is buffered whole (Fastify inject in the embedded runner, one fetch in distributed mode), which
 * would deliver every event at the end. The gateway instead polls the job through the owning
 * service and streams each change as it happens.
 */
@Injectable()
export class BulkProgressRoute {
  constructor(
    private readonly bearer: BearerAuth,
    @Inject(SERVICE_CLIENTS) private readonly services: Record<string, ServiceClient>,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  register(fastify: FastifyInstance): void {
    const issuer = this.services.issuer;
    if (!issuer) return;
    fastify.get('/v2/bulk-awards/:jobId/events', async (request: FastifyRequest<{ Params: { jobId: string } }>, reply: FastifyReply) => {
      const identity = await this.bearer.authenticate(request.headers.authorization);
      requireScope(identity, request.method, request.routeOptions.url ?? request.url);
      const headers = buildForwardHeaders(request.headers, {
        identity,
        correlationId: correlationIdFor(request.headers),
        internalToken: this.config.INTERNAL_TOKEN,
        publicUrl: this.config.PUBLIC_URL,
      });
      headers.accept = 'application/json';
      const url = `/v2/bulk-awards/${encodeURIComponent(request.params.jobId)}`;
      const read = async (): Promise<BulkAwardProgress | undefined> => {
        const response = await issuer.request({ method: 'GET', url, headers });
        if (response.status === 404) return undefined;
        if (response.status !== 200) throw new ApiError(503, ErrorCode.ServiceUnavailable, 'The issuer service could not report this job right now.');
        const job = (JSON.parse(response.body.toString('utf8')) as V2SuccessEnvelope<BulkAwardJobV2>).result[0];
        return { total: job.total, done: job.done, failed: job.failed, status: job.status };
      };
      // Answer a missing or foreign job with the usual 404 envelope before switching to a stream.
      if (!(await read())) throw ApiError.notFound('bulk award');
      // Polled every 250 ms, not the default 500: a chunk commits every few hundred milliseconds on
      // the embedded default, and a slower poll saw two or three of them at once (issue #17).
      await streamProgress(
        reply,
        async () => {
          const job = await read().catch(() => undefined);
          return job && { data: job, finished: isBulkAwardFinished(job.status) };
        },
        { pollMs: 250 },
      );
    });
  }
}

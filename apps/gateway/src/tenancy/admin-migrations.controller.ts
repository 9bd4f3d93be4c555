import { Body, Controller, Get, HttpCode, Inject, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { isEntityId } from '@badges/persistence';
import { ApiError, ErrorCode, InternalHeader, type ServiceClient } from '@badges/service-kit';

import type { GatewayConfig } from '../config/gateway.config';
import { GATEWAY_CONFIG, SERVICE_CLIENTS } from '../gateway.tokens';
import { AdminTokenGuard } from './admin-token.guard';
import { internalHeaders } from './internal-headers';

/**
 * The operator's migration runs (issue #18, decision 0044): the CLI and the console start a run
 * for an institution, post batches of records to it and read its progress and problems. The issuer
 * service owns runs and records; this forwards to its internal routes with the institution as the
 * tenant, and passes its answer (or its error envelope) through unchanged.
 */
@Controller('admin/institutions/:id/migrations')
@UseGuards(AdminTokenGuard)
export class AdminMigrationsController {
  constructor(
    @Inject(SERVICE_CLIENTS) private readonly services: Record<string, ServiceClient>,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  @Post()
  @HttpCode(201)
  start(@Param('id') id: string, @Body() body: unknown, @Res() reply: FastifyReply): Promise<FastifyReply> {
    return this.forward(reply, id, 'POST', '', body ?? {});
  }

  /** A run the platform drives itself from Badgr credentials (the console's; decision 0045). */
  @Post('badgr')
  startFromBadgr(@Param('id') id: string, @Body() body: unknown, @Res() reply: FastifyReply): Promise<FastifyReply> {
    return this.forward(reply, id, 'POST', '/badgr', body ?? {});
  }

  @Get()
  list(@Param('id') id: string, @Res() reply: FastifyReply): Promise<FastifyReply> {
    return this.forward(reply, id, 'GET', '');
  }

  @Get(':runId')
  find(@Param('id') id: string, @Param('runId') runId: string, @Res() reply: FastifyReply): Promise<FastifyReply> {
    return this.forward(reply, id, 'GET', `/${runPath(runId)}`);
  }

  @Post(':runId/batches')
  batch(@Param('id') id: string, @Param('runId') runId: string, @Body() body: unknown, @Res() reply: FastifyReply): Promise<FastifyReply> {
    return this.forward(reply, id, 'POST', `/${runPath(runId)}/batches`, body ?? {});
  }

  @Post(':runId/finish')
  finish(@Param('id') id: string, @Param('runId') runId: string, @Body() body: unknown, @Res() reply: FastifyReply): Promise<FastifyReply> {
    return this.forward(reply, id, 'POST', `/${runPath(runId)}/finish`, body ?? {});
  }

  @Get(':runId/problems')
  problems(@Param('id') id: string, @Param('runId') runId: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
    return this.forward(reply, id, 'GET', `/${runPath(runId)}/problems${query}`);
  }

  private async forward(reply: FastifyReply, institutionId: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<FastifyReply> {
    // An id that cannot be an institution's is as unknown as one that is not (the issuer answers 404 for those).
    if (!isEntityId(institutionId)) throw ApiError.notFound('institution');
    const issuer = this.services.issuer;
    if (!issuer) throw new ApiError(503, ErrorCode.ServiceUnavailable, 'The issuer service is not reachable from this gateway.');
    const headers = internalHeaders(this.config.INTERNAL_TOKEN, { [InternalHeader.InstitutionId]: institutionId, ...(body === undefined ? {} : { 'content-type': 'application/json' }) });
    const response = await issuer.request({ method, url: `/internal/migrations/runs${path}`, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const contentType = response.headers['content-type'];
    return reply.status(response.status).header('content-type', Array.isArray(contentType) ? contentType[0] : (contentType ?? 'application/json')).send(response.body);
  }
}

function runPath(runId: string): string {
  if (!isEntityId(runId)) throw ApiError.notFound('migration run');
  return runId;
}

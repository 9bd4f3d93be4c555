import { Readable } from 'node:stream';

import { Controller, Get, Inject, Query, Req, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { AuditFilterSchema, AuditQuerySchema, successEnvelope, type AuditEntryV2, type V2SuccessEnvelope } from '@badges/api-contracts';
import { nextPagePath, parseWith } from '@badges/service-kit';

import { BearerTokenGuard, CurrentCaller } from '../auth/bearer-token.guard';
import type { CallerIdentity } from '../auth/caller';
import type { GatewayConfig } from '../config/gateway.config';
import { GATEWAY_CONFIG } from '../gateway.tokens';
import { AuditService } from './audit.service';

/**
 * The institution's audit trail, for its admins: BearerTokenGuard lets only `manage` tokens in
 * (client-scope.ts); staff admins will reach the same routes. Reads only: the trail has no route
 * that changes it, and its table refuses UPDATE and DELETE.
 */
@Controller('v2/audit')
@UseGuards(BearerTokenGuard)
export class AuditController {
  constructor(
    private readonly audit: AuditService,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  /** Newest first, a page at a time: `pagination.nextResults` is the full URL of the next page (Badgr's cursor pagination). */
  @Get()
  async list(@CurrentCaller() caller: CallerIdentity, @Query() query: unknown, @Req() request: FastifyRequest): Promise<V2SuccessEnvelope<AuditEntryV2>> {
    const { entries, next } = await this.audit.page(caller.institutionId, parseWith(AuditQuerySchema, query));
    const nextResults = next ? new URL(nextPagePath(request.url, next), this.config.PUBLIC_URL).toString() : null;
    return { ...successEnvelope(entries), pagination: { nextResults, previousResults: null } };
  }

  /** Every entry the filters match, in the list's order, streamed as it is read. */
  @Get('export.csv')
  async exportCsv(@CurrentCaller() caller: CallerIdentity, @Query() query: unknown, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const filter = parseWith(AuditFilterSchema, query);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="audit.csv"')
      .send(Readable.from(this.audit.csv(caller.institutionId, filter)));
  }
}

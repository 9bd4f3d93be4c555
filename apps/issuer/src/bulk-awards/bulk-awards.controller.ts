import { Body, Controller, Get, Headers, Param, Post, Query, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

import { successEnvelope } from '@badges/api-contracts';
import type { EventOrigin } from '@badges/events';
import { ApiError, InstitutionId, InternalTokenGuard, RequestOrigin, requireIssuerAction, StaffIssuerAccess, tenantScope, type IssuerAccess } from '@badges/service-kit';

import { EntityIdPipe } from '../common/entity-id.pipe';
import { OwnedEntities } from '../common/owned-entities';
import { BulkAwardsService } from './bulk-awards.service';
import { BulkProgressStream } from './bulk-progress.stream';
import { DEFAULT_ERRORS_SHOWN } from './bulk-awards.service';

@Controller('v2')
@UseGuards(InternalTokenGuard)
export class BulkAwardsController {
  constructor(
    private readonly bulk: BulkAwardsService,
    private readonly progress: BulkProgressStream,
    private readonly owned: OwnedEntities,
  ) {}

  /** 202 with the new job; 200 with the existing one when the Idempotency-Key was used before. */
  @Post('badgeclasses/:entityId/bulk-awards')
  async create(
    @InstitutionId() institutionId: string,
    @Param('entityId', EntityIdPipe) badgeClassId: string,
    @Body() body: unknown,
    @Headers('content-type') contentType: string | undefined,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @RequestOrigin() origin: EventOrigin,
    @Res({ passthrough: true }) reply: FastifyReply,
    @StaffIssuerAccess() access: IssuerAccess,
  ) {
    if (access.kind === 'staff') requireIssuerAction(access, await this.owned.requireBadgeClass(tenantScope(institutionId), badgeClassId), 'award');
    const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
    let source: Parameters<BulkAwardsService['create']>[2];
    if (type === 'text/csv') source = { kind: 'csv', bytes: Buffer.isBuffer(body) ? body : Buffer.from(String(body ?? '')) };
    else if (type === 'application/json') source = { kind: 'json', body };
    else throw new ApiError(415, 'unsupported_media_type', 'Send the rows as text/csv or as application/json {"rows": [...]}.');
    const { job, created } = await this.bulk.create(tenantScope(institutionId), badgeClassId, source, { idempotencyKey, origin });
    void reply.status(created ? 202 : 200);
    if (created) void reply.header('location', this.bulk.view(job).resultCsv.replace(/\/result\.csv$/, ''));
    return successEnvelope(this.bulk.view(job));
  }

  @Get('bulk-awards/:jobId')
  async get(@InstitutionId() institutionId: string, @Param('jobId', EntityIdPipe) jobId: string, @Query() query: Record<string, string | undefined>) {
    const limit = clampInt(query.errorsLimit, DEFAULT_ERRORS_SHOWN, 1, 10_000);
    const afterLine = clampInt(query.errorsAfter, 0, 0, Number.MAX_SAFE_INTEGER);
    return successEnvelope(await this.bulk.get(tenantScope(institutionId), jobId, { all: query.errors === 'all', afterLine, limit }));
  }

  @Get('bulk-awards/:jobId/result.csv')
  async resultCsv(@InstitutionId() institutionId: string, @Param('jobId', EntityIdPipe) jobId: string, @Res() reply: FastifyReply): Promise<void> {
    const scope = tenantScope(institutionId);
    await this.bulk.require(scope, jobId);
    let body = '';
    for await (const chunk of this.bulk.resultCsv(scope, jobId)) body += chunk;
    await reply
      .status(200)
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="bulk-award-${jobId}.csv"`)
      .send(body);
  }

  /** Server-sent events: `progress` on every change (polled across processes), then `complete`. */
  @Get('bulk-awards/:jobId/events')
  async events(@InstitutionId() institutionId: string, @Param('jobId', EntityIdPipe) jobId: string, @Res() reply: FastifyReply): Promise<void> {
    const scope = tenantScope(institutionId);
    await this.bulk.require(scope, jobId);
    await this.progress.stream(scope, jobId, reply);
  }
}

function clampInt(value: string | undefined, fallback: number, min: number, max: number): number {
  const parsed = value === undefined ? NaN : Number.parseInt(value, 10);
  return Number.isFinite(parsed) ? Math.min(max, Math.max(min, parsed)) : fallback;
}

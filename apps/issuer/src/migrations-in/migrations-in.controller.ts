import { Body, Controller, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';

import {
  BadgrMigrationStartBodySchema,
  MigrationBatchBodySchema,
  MigrationProblemQuerySchema,
  MigrationRunFinishBodySchema,
  MigrationRunStartBodySchema,
  type MigrationBatchResult,
  type MigrationProblemPage,
  type MigrationRun,
  type MigrationRunList,
} from '@badges/api-contracts';
import { InstitutionId, InternalTokenGuard, parseWith, tenantScope } from '@badges/service-kit';

import { EntityIdPipe } from '../common/entity-id.pipe';
import { BadgrRunsService } from './badgr-runs.service';
import { toMigrationRun } from './migration-runs.mapper';
import { MigrationRunsRepository } from './migration-runs.repository';
import { MigrationWriterService } from './migration-writer.service';

/**
 * Internal: the gateway forwards the operator's `/admin/institutions/{id}/migrations` here, with
 * the institution in `x-institution-id` (decision 0044). Plain answers, as the operator API's.
 */
@Controller('internal/migrations/runs')
@UseGuards(InternalTokenGuard)
export class MigrationsInController {
  constructor(private readonly writer: MigrationWriterService, private readonly runs: MigrationRunsRepository, private readonly badgr: BadgrRunsService) {}

  @Post()
  @HttpCode(201)
  async start(@InstitutionId() institutionId: string, @Body() body: unknown): Promise<MigrationRun> {
    return toMigrationRun(await this.writer.start(tenantScope(institutionId), parseWith(MigrationRunStartBodySchema, body ?? {})));
  }

  /** A run this platform drives from Badgr credentials (the console): answered once signed in and started. */
  @Post('badgr')
  @HttpCode(202)
  startFromBadgr(@InstitutionId() institutionId: string, @Body() body: unknown): Promise<MigrationRun> {
    return this.badgr.start(tenantScope(institutionId), parseWith(BadgrMigrationStartBodySchema, body ?? {}));
  }

  @Get()
  async list(@InstitutionId() institutionId: string): Promise<MigrationRunList> {
    return { runs: (await this.runs.list(tenantScope(institutionId))).map(toMigrationRun) };
  }

  @Get(':runId')
  async find(@InstitutionId() institutionId: string, @Param('runId', EntityIdPipe) runId: string): Promise<MigrationRun> {
    return toMigrationRun(await this.writer.find(tenantScope(institutionId), runId));
  }

  @Post(':runId/batches')
  @HttpCode(200)
  async batch(@InstitutionId() institutionId: string, @Param('runId', EntityIdPipe) runId: string, @Body() body: unknown): Promise<MigrationBatchResult> {
    const { items, run } = await this.writer.writeBatch(tenantScope(institutionId), runId, parseWith(MigrationBatchBodySchema, body));
    return { items, run: toMigrationRun(run) };
  }

  @Post(':runId/finish')
  @HttpCode(200)
  async finish(@InstitutionId() institutionId: string, @Param('runId', EntityIdPipe) runId: string, @Body() body: unknown): Promise<MigrationRun> {
    return toMigrationRun(await this.writer.finish(tenantScope(institutionId), runId, parseWith(MigrationRunFinishBodySchema, body ?? {})));
  }

  @Get(':runId/problems')
  async problems(@InstitutionId() institutionId: string, @Param('runId', EntityIdPipe) runId: string, @Query() query: unknown): Promise<MigrationProblemPage> {
    const page = parseWith(MigrationProblemQuerySchema, query);
    await this.writer.find(tenantScope(institutionId), runId);
    const { rows, total } = await this.runs.problems(runId, page);
    return { problems: rows, page: page.page, perPage: page.perPage, total };
  }
}

import { Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

import { isBulkAwardFinished, type BulkAwardProgress, type BulkAwardStatus } from '@badges/api-contracts';
import { streamProgress, type TenantScope } from '@badges/service-kit';

import { BulkAwardsRepository } from './bulk-awards.repository';

/** How often the stream reads the job: the database is the only state every process shares. */
export const PROGRESS_POLL_MS = 500;

/**
 * The SSE stream of one bulk award. It polls the job row (the worker may be another process),
 * sends `progress` whenever the counts or status change, and `complete` once the job is
 * finished, then ends. A client that goes away stops the polling.
 */
@Injectable()
export class BulkProgressStream {
  constructor(private readonly jobs: BulkAwardsRepository) {}

  async stream(scope: TenantScope, jobId: string, reply: FastifyReply, pollMs = PROGRESS_POLL_MS): Promise<void> {
    await streamProgress(
      reply,
      async () => {
        const job = await this.jobs.findById(scope, jobId);
        if (!job) return undefined;
        const data: BulkAwardProgress = { total: job.total, done: job.done, failed: job.failed, status: job.status as BulkAwardStatus };
        return { data, finished: isBulkAwardFinished(data.status) };
      },
      { pollMs },
    );
  }
}

import { Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

import type { TenantScope } from '@badges/service-kit';

import { BulkAwardsRepository } from './bulk-awards.repository';

/** How often the stream reads the job: the database is the only state every process shares. */
export const PROGRESS_POLL_MS = 500;
const HEARTBEAT_MS = 15_000;

/**
 * The SSE stream of one bulk award. It polls the job row (the worker may be another process),
 * sends `progress` whenever the counts or status change, and `complete` once the job is
 * finished, then ends. A client that goes away stops the polling.
 */
@Injectable()
export class BulkProgressStream {
  constructor(private readonly jobs: BulkAwardsRepository) {}

  async stream(scope: TenantScope, jobId: string, reply: FastifyReply, pollMs = PROGRESS_POLL_MS): Promise<void> {
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    let closed = false;
    raw.on('close', () => (closed = true));
    const send = (event: string, data: unknown): void => {
      raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    };
    let last = '';
    let lastWrite = Date.now();
    try {
      while (!closed) {
        const job = await this.jobs.findById(scope, jobId);
        if (!job) break;
        const progress = { total: job.total, done: job.done, failed: job.failed, status: job.status };
        const key = JSON.stringify(progress);
        if (key !== last) {
          send('progress', progress);
          last = key;
          lastWrite = Date.now();
        }
        if (job.status === 'completed' || job.status === 'failed') {
          send('complete', progress);
          break;
        }
        if (Date.now() - lastWrite >= HEARTBEAT_MS) {
          raw.write(': keep-alive\n\n');
          lastWrite = Date.now();
        }
        await new Promise((resolve) => setTimeout(resolve, pollMs));
      }
    } finally {
      raw.end();
    }
  }
}

import { Inject, Injectable, Logger } from '@nestjs/common';

import type { BulkAwardJobDetailV2, BulkAwardJobV2, BulkAwardRowError, BulkAwardSourceKind, BulkAwardStatus } from '@badges/api-contracts';
import type { EventOrigin } from '@badges/events';
import { JobName } from '@badges/jobs';
import { isUniqueViolation, newEntityId } from '@badges/persistence';
import { ApiError, csvLine, freeText, mapInSlices, type TenantScope } from '@badges/service-kit';

import { RecipientIdentity } from '../assertions/recipient-identity';
import { createdByOf } from '../common/created-by';
import { OwnedEntities } from '../common/owned-entities';
import { PublicUrls } from '../common/public-urls';
import { IssuerEvents } from '../events/issuer-events';
import type { BulkAwardJob } from '../generated/prisma/client';
import { rowsFromCsv, rowsFromJson, type IntakeRow } from './bulk-award.intake';
import { BULK_AWARD_QUEUE, bulkJobId, type BulkAwardQueue } from './bulk-award-queue';
import { BulkAwardsRepository, type NewBulkRow, type StoredRowInput } from './bulk-awards.repository';

export type BulkSource = { kind: 'csv'; bytes: Buffer } | { kind: 'json'; body: unknown };

/** Row errors a GET shows unless `?errors=all` (or paging) asks for more. */
export const DEFAULT_ERRORS_SHOWN = 100;

@Injectable()
export class BulkAwardsService {
  private readonly logger = new Logger(BulkAwardsService.name);

  constructor(
    private readonly jobs: BulkAwardsRepository,
    private readonly owned: OwnedEntities,
    private readonly recipients: RecipientIdentity,
    private readonly urls: PublicUrls,
    private readonly events: IssuerEvents,
    @Inject(BULK_AWARD_QUEUE) private readonly queue: BulkAwardQueue,
  ) {}

  /**
   * Validates the whole upload first (a file-level problem answers 4xx and stores nothing), stores
   * the job with every row (bad rows already `failed`, repeats of a recipient `duplicate`), then
   * adds one queue job. With an Idempotency-Key already used, returns that job and does nothing.
   * The job records `origin` (correlation id and actor): its awards and events name them.
   */
  async create(
    scope: TenantScope,
    badgeClassId: string,
    source: BulkSource,
    options: { idempotencyKey?: string; origin: EventOrigin },
  ): Promise<{ job: BulkAwardJob; created: boolean }> {
    await this.owned.requireBadgeClass(scope, badgeClassId);
    const key = options.idempotencyKey?.trim() || null;
    if (key && key.length > 255) throw ApiError.validation('Idempotency-Key: at most 255 characters.', 'Idempotency-Key');
    if (key) {
      const existing = await this.existingFor(scope, key, badgeClassId);
      if (existing) return { job: existing, created: false };
    }
    const intake = source.kind === 'csv' ? await rowsFromCsv(source.bytes) : rowsFromJson(source.body);
    const rows = await this.toStoredRows(intake);
    const id = newEntityId();
    let job: BulkAwardJob;
    try {
      const { correlationId } = options.origin;
      const fields = { id, badgeClassId, idempotencyKey: key, sourceKind: source.kind, correlationId, createdBy: createdByOf(options.origin) };
      job = await this.jobs.create(scope, fields, rows, async (sql, stored) => {
        await this.events.bulkAwardStarted(sql, scope, options.origin, stored);
        // Every row failed validation or repeated another: the job is finished as it is stored.
        if (stored.status === 'completed') await this.events.bulkAwardFinished(sql, scope, options.origin, stored);
      });
    } catch (error) {
      // Two posts with the same key at once: the loser answers with the winner's job.
      if (key && isUniqueViolation(error)) {
        const existing = await this.existingFor(scope, key, badgeClassId);
        if (existing) return { job: existing, created: false };
      }
      throw error;
    }
    this.events.published();
    if (job.status === 'queued') await this.enqueue(job);
    return { job, created: true };
  }

  async get(scope: TenantScope, jobId: string, errors: { all: boolean; afterLine: number; limit: number }): Promise<BulkAwardJobDetailV2> {
    const job = await this.require(scope, jobId);
    const rows = await this.jobs.rowErrors(job.id, { afterLine: errors.afterLine, limit: errors.all ? undefined : errors.limit });
    return { ...this.view(job), errors: rows.map((row) => ({ line: row.line, status: row.status as BulkAwardRowError['status'], message: row.error ?? '' })) };
  }

  async require(scope: TenantScope, jobId: string): Promise<BulkAwardJob> {
    const job = await this.jobs.findById(scope, jobId);
    if (!job) throw ApiError.notFound('bulk award');
    return job;
  }

  view(job: BulkAwardJob): BulkAwardJobV2 {
    return {
      jobId: job.id,
      badgeClass: job.badgeClassId,
      status: job.status as BulkAwardStatus,
      sourceKind: job.sourceKind as BulkAwardSourceKind,
      total: job.total,
      done: job.done,
      failed: job.failed,
      pending: job.total - job.done - job.failed,
      createdAt: job.createdAt.toISOString(),
      createdBy: job.createdBy,
      startedAt: job.startedAt?.toISOString() ?? null,
      finishedAt: job.finishedAt?.toISOString() ?? null,
      resultCsv: this.urls.api(`/v2/bulk-awards/${job.id}/result.csv`),
      events: this.urls.api(`/v2/bulk-awards/${job.id}/events`),
    };
  }

  /**
   * One line per input row. Recipients, names and errors echo what the uploader typed, so they
   * are formula-neutralised; the line, status, assertion id and URL are ours and never rewritten.
   */
  async *resultCsv(scope: TenantScope, jobId: string): AsyncGenerator<string> {
    const job = await this.require(scope, jobId);
    yield csvLine(['line', 'recipient', 'name', 'status', 'assertion_id', 'assertion_url', 'error']);
    let after = 0;
    for (;;) {
      const rows = await this.jobs.rowsPage(job.id, after, 2_000);
      if (rows.length === 0) return;
      let chunk = '';
      for (const row of rows) {
        const input = row.input as unknown as StoredRowInput;
        const recipient = 'item' in input ? input.item.recipient.identity : (input.raw.email ?? input.raw.identity ?? '');
        const name = 'item' in input ? (input.recipientName ?? '') : (input.raw.name ?? '');
        chunk += csvLine([row.line, freeText(recipient), freeText(name), row.status, row.assertionId, row.assertionId ? this.urls.assertion(row.assertionId) : null, freeText(row.error)]);
      }
      yield chunk;
      after = rows[rows.length - 1].line;
    }
  }

  private async existingFor(scope: TenantScope, key: string, badgeClassId: string): Promise<BulkAwardJob | null> {
    const existing = await this.jobs.findByIdempotencyKey(scope, key);
    if (existing && existing.badgeClassId !== badgeClassId) {
      throw new ApiError(409, 'idempotency_key_reused', 'This Idempotency-Key was already used for a bulk award of another badge class.');
    }
    return existing;
  }

  /** The natural key (recipient lookup HMAC): a recipient's second row in the same job is a duplicate. */
  private async toStoredRows(intake: IntakeRow[]): Promise<NewBulkRow[]> {
    const firstLine = new Map<string, number>();
    // One HMAC per row: up to 100,000 of them run in slices, so the shared event loop keeps turning.
    return mapInSlices(intake, (row): NewBulkRow => {
      if (!row.valid) return { line: row.line, naturalKey: null, input: { raw: row.raw }, status: 'failed', error: row.error };
      const naturalKey = this.recipients.lookupOf(row.item.recipient);
      const input: StoredRowInput = { item: row.item, ...(row.recipientName ? { recipientName: row.recipientName } : {}) };
      const seen = firstLine.get(naturalKey);
      if (seen !== undefined) return { line: row.line, naturalKey, input, status: 'duplicate', error: `Same recipient as line ${seen}: awarded once.` };
      firstLine.set(naturalKey, row.line);
      return { line: row.line, naturalKey, input, status: 'pending', error: null };
    });
  }

  /** A failed add is only logged: the job is stored `queued`, and the next worker start resumes it. */
  private async enqueue(job: BulkAwardJob): Promise<void> {
    try {
      await this.queue.add(JobName.RunBulkAward, { institutionId: job.institutionId, bulkAwardId: job.id }, { jobId: bulkJobId(job.id) });
    } catch (error) {
      this.logger.warn(`could not enqueue bulk award ${job.id}; a worker restart resumes it: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

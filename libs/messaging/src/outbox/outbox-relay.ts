import { Logger } from '@nestjs/common';

import type { BadgeEvent } from '@badges/events';
import type { Database } from '@badges/persistence';

import type { EventPublisher } from '../bus/event-bus';
import { inPublishSpan } from '../bus/event-spans';
import { watchOutbox } from './outbox-metrics';
import { outboxTable } from './outbox-sql';

export interface OutboxRelayOptions {
  database: Database;
  /** The service's Postgres schema, which holds its "OutboxBatch" table. */
  schema: string;
  publisher: EventPublisher;
  /** Outbox rows claimed per transaction; each holds up to OUTBOX_BATCH_EVENTS events. */
  rowsPerClaim?: number;
  /** Fallback polling; `wake()` after a commit gives low latency without a tight loop. */
  pollIntervalMs?: number;
  /** Published rows older than this are deleted (checked every 10 minutes). */
  retainPublishedMs?: number;
}

const PRUNE_EVERY_MS = 10 * 60_000;

/**
 * Publishes a service's outbox to the bus. Each batch is claimed with FOR UPDATE SKIP LOCKED,
 * published, then marked in the same transaction: a crash between publish and mark rolls the
 * mark back and the batch is published again (at-least-once; consumers dedupe on eventId).
 * Replicas of a service may each run a relay: SKIP LOCKED keeps them off each other's rows.
 */
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly table: string;
  private readonly rowsPerClaim: number;
  private readonly pollIntervalMs: number;
  private readonly retainPublishedMs: number;
  private running = false;
  private loop?: Promise<void>;
  private woken = false;
  private wakeSleeper?: () => void;
  private lastPrune = 0;
  private unwatch?: () => void;

  constructor(private readonly options: OutboxRelayOptions) {
    this.table = outboxTable(options.schema);
    this.rowsPerClaim = options.rowsPerClaim ?? 4;
    this.pollIntervalMs = options.pollIntervalMs ?? 250;
    this.retainPublishedMs = options.retainPublishedMs ?? 24 * 3_600_000;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    // Its backlog and age are read on scrape while it runs (outbox-metrics.ts).
    this.unwatch = watchOutbox(this.options.database, this.options.schema);
    this.loop = this.run();
  }

  /** Finishes the batch in flight, then stops. */
  async stop(): Promise<void> {
    this.running = false;
    this.unwatch?.();
    this.wake();
    await this.loop;
  }

  /** Call right after committing outbox rows: the relay publishes now instead of at the next poll. */
  wake(): void {
    this.woken = true;
    this.wakeSleeper?.();
  }

  /** Claims, publishes and marks up to `rowsPerClaim` rows; returns how many events were published. */
  async publishBatch(): Promise<number> {
    return (await this.publishClaim()).events;
  }

  private async publishClaim(): Promise<{ rows: number; events: number }> {
    const outcome = await this.options.database.withTransaction(async (tx) => {
      const rows = await tx.query<{ seq: string; envelopes: unknown }>(
        `SELECT "seq", "envelopes" FROM ${this.table} WHERE "publishedAt" IS NULL ORDER BY "seq" LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [this.rowsPerClaim],
      );
      if (rows.length === 0) return { rows: 0, events: 0 };
      const seqs = rows.map((row) => row.seq);
      let events = 0;
      try {
        // One publish per row keeps each bus request within the row's bound. Rows were validated
        // when written; an event that is not valid any more still goes out and lands in the
        // consumers' DLQ, instead of stalling the outbox behind it.
        for (const row of rows) {
          const envelopes = (typeof row.envelopes === 'string' ? JSON.parse(row.envelopes) : row.envelopes) as BadgeEvent[];
          await inPublishSpan(envelopes, () => this.options.publisher.publish(envelopes));
          events += envelopes.length;
        }
      } catch (error) {
        // Commit the attempt count (so stuck rows are visible), but not a publishedAt: every
        // claimed row goes out again, and consumers dedupe the events that already went.
        await tx.query(`UPDATE ${this.table} SET "attempts" = "attempts" + 1 WHERE "seq" = ANY($1::bigint[])`, [seqs]);
        return { rows: 0, events: 0, failed: new OutboxPublishError(rows.length, error) };
      }
      await tx.query(`UPDATE ${this.table} SET "publishedAt" = CURRENT_TIMESTAMP, "attempts" = "attempts" + 1 WHERE "seq" = ANY($1::bigint[])`, [seqs]);
      return { rows: rows.length, events };
    });
    if ('failed' in outcome) throw outcome.failed;
    return outcome;
  }

  /** Publishes until the outbox is empty (tests, shutdown); returns the total published. */
  async drain(): Promise<number> {
    let total = 0;
    for (let n = await this.publishBatch(); n > 0; n = await this.publishBatch()) total += n;
    return total;
  }

  async prunePublished(olderThan: Date): Promise<number> {
    const rows = await this.options.database.query(
      `DELETE FROM ${this.table} WHERE "publishedAt" IS NOT NULL AND "publishedAt" < $1 RETURNING "seq"`,
      [olderThan.toISOString()],
    );
    return rows.length;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      this.woken = false;
      let claimed = 0;
      try {
        claimed = (await this.publishClaim()).rows;
        failures = 0;
        await this.maybePrune();
      } catch (error) {
        failures += 1;
        this.logger.error(`Outbox relay of ${this.options.schema} failed (${failures} in a row): ${String(error)}`);
      }
      if (claimed === this.rowsPerClaim && failures === 0) continue; // more may be waiting
      await this.sleep(failures > 0 ? Math.min(30_000, this.pollIntervalMs * 2 ** failures) : this.pollIntervalMs);
    }
  }

  private async maybePrune(): Promise<void> {
    if (Date.now() - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = Date.now();
    await this.prunePublished(new Date(Date.now() - this.retainPublishedMs));
  }

  private sleep(ms: number): Promise<void> {
    if (this.woken || !this.running) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wakeSleeper = done;
    });
  }
}

export class OutboxPublishError extends Error {
  constructor(readonly count: number, readonly causeError: unknown) {
    super(`Publishing ${count} outbox row(s) failed: ${causeError instanceof Error ? causeError.message : String(causeError)}`);
    this.name = 'OutboxPublishError';
  }
}

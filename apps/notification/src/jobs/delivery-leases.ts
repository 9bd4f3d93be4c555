import { randomUUID } from 'node:crypto';

import type { Database } from '@badges/persistence';
import type { TenantScope } from '@badges/service-kit';

import { NOTIFICATION_SCHEMA } from '../prisma/notification-prisma.service';

/**
 * Claims and settles of delivery rows (decision 0053), the same for both channels. A claim is ONE
 * UPDATE ... RETURNING that takes a batch of an institution's queued rows whose lease is free,
 * gives them a fresh lease id and counts the run; PostgreSQL's row locks make two claims on the
 * same rows take each row once. A settle is ONE UPDATE of every outcome of the claim, and only of
 * rows that still carry its lease id. `leaseUntil` with no `leaseId` is a failed attempt's backoff:
 * batch claims and the sweeper leave such a row alone until then, while its own retry job (which
 * BullMQ delays by the same backoff) may take it.
 *
 * Rows are found by `id = ANY (ARRAY(...))`, never `id IN (SELECT ...)`: PostgreSQL planned the
 * semi-join as a scan of the whole table, so during a large award each claim and settle read every
 * delivery row, and PostgreSQL used as much CPU as the sending itself.
 */
export type DeliveryTable = 'email_deliveries' | 'webhook_deliveries';

/** How long a claim holds its rows: far longer than a batch takes (runBatch stops starting sends at half of it). */
export const LEASE_MS = 5 * 60_000;

export interface Lease {
  id: string;
  startedAt: number;
}

export function newLease(): Lease {
  return { id: randomUUID(), startedAt: Date.now() };
}

/** Whether a batch may still start a send under this lease: never in its second half, so a send never outlives it. */
export function leaseHasTime(lease: Lease): boolean {
  return Date.now() - lease.startedAt < LEASE_MS / 2;
}

const target = (table: DeliveryTable) => `"${NOTIFICATION_SCHEMA}"."${table}"`;

/**
 * Claims the queued rows among `ids`. With `jobId` (a single delivery's retry or resend job) only
 * the row of that job, and a failed attempt's backoff hold does not stop it; without (a batch) a
 * row in its backoff is left for its own retry job.
 */
export async function claimDeliveries<Row>(database: Database, table: DeliveryTable, scope: TenantScope, ids: readonly string[], lease: Lease, jobId?: string): Promise<Row[]> {
  if (ids.length === 0) return [];
  const free = jobId === undefined ? `("leaseUntil" IS NULL OR "leaseUntil" < now())` : `("leaseUntil" IS NULL OR "leaseUntil" < now() OR "leaseId" IS NULL) AND "jobId" = $5`;
  return database.query<Row>(
    `UPDATE ${target(table)}
     SET "leaseId" = $3, "leaseUntil" = now() + $4::int * interval '1 millisecond', "attempts" = "attempts" + 1, "updatedAt" = now()
     WHERE "institutionId" = $1 AND "id" = ANY (ARRAY(SELECT json_array_elements_text($2::json))) AND "status" = 'queued' AND ${free}
     RETURNING *`,
    [scope.institutionId, JSON.stringify(ids), lease.id, LEASE_MS, ...(jobId === undefined ? [] : [jobId])],
  );
}

/** One claimed row's outcome: finished (`doneStatus`), failed for good, or queued again after `holdMs` of backoff. */
export interface DeliveryOutcome {
  id: string;
  status: string;
  lastError: string | null;
  /** Queued again: how long its backoff holds it from batch claims and the sweeper. */
  holdMs?: number;
  /** The channel's own result columns (messageId; responseStatus). */
  [column: string]: string | number | null | undefined;
}

/**
 * Writes every outcome of one claim in ONE statement. `doneAt` is set for rows that reached
 * `doneStatus`; `columns` are the channel's result columns with their SQL types.
 */
export async function settleDeliveries(
  database: Database,
  table: DeliveryTable,
  scope: TenantScope,
  lease: Lease,
  outcomes: readonly DeliveryOutcome[],
  done: { status: string; atColumn: string; columns: Record<string, 'text' | 'int'> },
): Promise<void> {
  if (outcomes.length === 0) return;
  const extra = Object.entries(done.columns);
  const record = [`"id" text`, `"status" text`, `"lastError" text`, `"holdMs" int`, ...extra.map(([name, type]) => `"${name}" ${type}`)].join(', ');
  await database.query(
    `UPDATE ${target(table)} AS d
     SET "status" = r."status", "lastError" = r."lastError",
         ${extra.map(([name]) => `"${name}" = r."${name}"`).join(', ')}${extra.length ? ',' : ''}
         "${done.atColumn}" = CASE WHEN r."status" = $3 THEN now() ELSE d."${done.atColumn}" END,
         "leaseId" = NULL,
         "leaseUntil" = CASE WHEN r."holdMs" IS NULL THEN NULL ELSE now() + r."holdMs" * interval '1 millisecond' END,
         "updatedAt" = now()
     FROM json_to_recordset($2::json) AS r(${record})
     WHERE d."institutionId" = $1 AND d."id" = r."id" AND d."leaseId" = $4
       AND d."id" = ANY (ARRAY(SELECT o."id" FROM json_to_recordset($2::json) AS o("id" text)))`,
    [scope.institutionId, JSON.stringify(outcomes), done.status, lease.id],
  );
}

/** A queued row the sweeper offers again, with the version that names its batch job. */
export interface StaleDelivery {
  institutionId: string;
  id: string;
  jobId: string;
  updatedAt: Date;
}

/**
 * Maintenance only (the sweeper), hence across institutions: queued rows untouched since
 * `before` that no claim and no backoff holds. Uses the `(status, updatedAt)` index.
 */
export function findStaleQueued(database: Database, table: DeliveryTable, before: Date, limit: number): Promise<StaleDelivery[]> {
  return database.query<StaleDelivery>(
    `SELECT "institutionId", "id", "jobId", "updatedAt" FROM ${target(table)}
     WHERE "status" = 'queued' AND "updatedAt" <= $1 AND ("leaseUntil" IS NULL OR "leaseUntil" < now())
     ORDER BY "updatedAt" LIMIT $2`,
    [before, limit],
  );
}

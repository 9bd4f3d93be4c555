import type { Prisma } from '../generated/prisma/client';
import type { GatewayTx } from '../prisma/gateway-prisma.service';
import { auditRow, type AuditRecord } from './audit-record';

/** What a change the gateway makes itself tells the trail; the time is now. */
export type GatewayChange = Omit<AuditRecord, 'occurredAt' | 'sourceEventId'>;

/**
 * Records one of the gateway's own changes (API clients today; staff accounts and SSO next) inside
 * `tx`, the transaction of the change itself: the entry commits with the change, or neither does.
 * The services' changes reach the trail through their events instead (audit-trail.consumer.ts).
 */
export async function recordChange(tx: GatewayTx, change: GatewayChange): Promise<void> {
  const row = auditRow({ ...change, occurredAt: new Date() });
  await tx.auditEntry.create({ data: { ...row, changes: row.changes as Prisma.InputJsonValue } });
}

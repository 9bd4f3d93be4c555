import { Inject, Injectable } from '@nestjs/common';

import type { AuditFilter } from '@badges/api-contracts';
import { formatActor, parseActor } from '@badges/events';
import { insertJsonRows, type Database } from '@badges/persistence';
import type { KeysetCursor } from '@badges/service-kit';

import type { AuditEntry, Prisma } from '../generated/prisma/client';
import { GATEWAY_DATABASE } from '../gateway.tokens';
import { GatewayPrismaService } from '../prisma/gateway-prisma.service';
import type { AuditRow } from './audit-record';
import type { ActorNames } from './audit.mapper';

/**
 * The audit_entries table. Two ways in, both appends: `appendFromEvents` here, and `recordChange`
 * (audit-recorder.ts) inside the gateway's own transactions. No update, no delete: the table's
 * trigger would refuse them anyway. Every read is one institution's.
 */
@Injectable()
export class AuditRepository {
  constructor(
    private readonly prisma: GatewayPrismaService,
    @Inject(GATEWAY_DATABASE) private readonly database: Database,
  ) {}

  /**
   * Entries made from events, in one statement whatever their number (a bulk award's run of
   * events). An event recorded before (a redelivery) is skipped by its unique `sourceEventId`.
   */
  async appendFromEvents(rows: readonly AuditRow[]): Promise<void> {
    const statement = insertJsonRows('gateway', 'audit_entries', rows as unknown as Record<string, unknown>[], { skipDuplicates: true });
    if (statement) await this.database.query(statement.sql, statement.params);
  }

  /** Up to `num` entries of the institution that match, newest first, after `after`; `next` when there are more. */
  async page(institutionId: string, filter: AuditFilter, page: { num: number; after?: KeysetCursor }): Promise<{ rows: AuditEntry[]; next?: KeysetCursor }> {
    const rows = await this.prisma.auditEntry.findMany({
      where: whereOf(institutionId, filter, page.after),
      orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
      take: page.num + 1,
    });
    if (rows.length <= page.num) return { rows };
    const last = rows[page.num - 1];
    return { rows: rows.slice(0, page.num), next: { at: last.occurredAt, id: last.id } };
  }

  /**
   * The names of the people and API clients who made `rows`, in one statement for the whole page.
   * Read now, not stored in the entries: a trail that can never be erased keeps no one's name, and
   * a renamed person shows under their current one. Only the institution's own actors are named.
   */
  async actorNames(institutionId: string, rows: readonly AuditEntry[]): Promise<ActorNames> {
    const idsOf = (type: string) => [...new Set(rows.flatMap((row) => (row.actorType === type && row.actorId ? [row.actorId] : [])))];
    const [staffIds, clientIds] = [idsOf('staff'), idsOf('client')];
    if (staffIds.length === 0 && clientIds.length === 0) return new Map();
    const named = await this.database.query<{ type: 'staff' | 'client'; id: string; name: string }>(
      `SELECT 'staff' AS "type", "id", "name" FROM "gateway"."staff_members" WHERE "institutionId" = $1 AND "id" = ANY($2::text[])
       UNION ALL
       SELECT 'client', "clientId", "name" FROM "gateway"."api_clients" WHERE "institutionId" = $1 AND "clientId" = ANY($3::text[])`,
      [institutionId, staffIds, clientIds],
    );
    return new Map(named.map((actor) => [formatActor({ type: actor.type, id: actor.id }), actor.name]));
  }
}

function whereOf(institutionId: string, filter: AuditFilter, after: KeysetCursor | undefined): Prisma.AuditEntryWhereInput {
  const actor = filter.actor === undefined ? undefined : parseActor(filter.actor);
  const and: Prisma.AuditEntryWhereInput[] = [];
  if (filter.from) and.push({ occurredAt: { gte: new Date(filter.from) } });
  if (filter.to) and.push({ occurredAt: { lt: new Date(filter.to) } });
  if (after) and.push({ OR: [{ occurredAt: { lt: after.at } }, { occurredAt: after.at, id: { lt: after.id } }] });
  return {
    institutionId,
    ...(actor && { actorType: actor.type, actorId: actor.id }),
    ...(filter.action && { action: { in: filter.action } }),
    ...(filter.target && { targetId: filter.target }),
    AND: and,
  };
}

import { Injectable } from '@nestjs/common';

import type { TenantScope } from '@badges/service-kit';

import type { ReceivedEndorsement } from '../generated/prisma/client';
import { IssuerPrismaService, type IssuerTx } from '../prisma/issuer-prisma.service';

export type EndorsedType = 'Issuer' | 'BadgeClass' | 'Assertion';

/** Live endorsements of one entity, oldest first: what its public document and page list. */
export interface LiveEndorsement {
  url: string;
  endorserName: string | null;
  endorserUrl: string | null;
  comment: string | null;
}

@Injectable()
export class ReceivedEndorsementsRepository {
  constructor(private readonly prisma: IssuerPrismaService) {}

  /**
   * Issued: insert, or refresh the texts of a row already there (a redelivery after a crash).
   * A row already revoked stays revoked: issued and revoked share a partition key, but an
   * operator replay could still bring an old `issued` after the `revoked`.
   */
  async recordIssued(scope: TenantScope, row: Omit<ReceivedEndorsement, 'institutionId' | 'revokedAt' | 'createdAt' | 'updatedAt'>, tx: IssuerTx): Promise<void> {
    const { id, ...fields } = row;
    await tx.receivedEndorsement.upsert({
      where: { id },
      create: { id, institutionId: scope.institutionId, ...fields },
      update: fields,
    });
  }

  /** Revoked: marks the row (creating a tombstone if `issued` never arrived, so a late one stays hidden). */
  async recordRevoked(scope: TenantScope, row: { id: string; targetType: string; targetId: string; url: string; revokedAt: Date }, tx: IssuerTx): Promise<void> {
    await tx.receivedEndorsement.upsert({
      where: { id: row.id },
      create: { ...row, institutionId: scope.institutionId },
      update: { revokedAt: row.revokedAt },
    });
  }

  /** Public documents have no tenant; the target id is globally unique. */
  async liveFor(type: EndorsedType, targetId: string): Promise<LiveEndorsement[]> {
    return (await this.liveForMany(type, [targetId])).get(targetId) ?? [];
  }

  /** The live endorsements of many targets in one query (the bake worker's batch), keyed by target id. */
  async liveForMany(type: EndorsedType, targetIds: readonly string[]): Promise<Map<string, LiveEndorsement[]>> {
    if (targetIds.length === 0) return new Map();
    // Plain SQL on the Database handle: Prisma compiles a query with one parameter per id, which
    // for a bake batch held the embedded default's shared event loop for tens of ms (decision 0015).
    const rows = await this.prisma.database.query<{ targetId: string } & LiveEndorsement>(
      `SELECT "targetId", "url", "endorserName", "endorserUrl", "comment" FROM "issuer"."received_endorsements"
       WHERE "targetType" = $1 AND "revokedAt" IS NULL AND "targetId" = ANY (ARRAY(SELECT json_array_elements_text($2::json)))
       ORDER BY "issuedOn" ASC, "id" ASC`,
      [type, JSON.stringify(targetIds)],
    );
    const byTarget = new Map<string, LiveEndorsement[]>();
    for (const { targetId, ...endorsement } of rows) byTarget.set(targetId, [...(byTarget.get(targetId) ?? []), endorsement]);
    return byTarget;
  }
}

import { Injectable } from '@nestjs/common';

import type { AuditEntryV2, AuditFilter, AuditQuery } from '@badges/api-contracts';
import { ApiError, decodeKeysetCursor, type KeysetCursor } from '@badges/service-kit';

import type { AuditEntry } from '../generated/prisma/client';
import { AuditRepository } from './audit.repository';
import { AUDIT_CSV_HEADER, auditCsvLine, toAuditEntryV2 } from './audit.mapper';

/** Entries per read while exporting: the file streams out a page at a time. */
const EXPORT_PAGE = 1_000;

/** Reading the trail: one institution's entries, newest first, filtered, a page or the whole file. */
@Injectable()
export class AuditService {
  constructor(private readonly entries: AuditRepository) {}

  async page(institutionId: string, query: AuditQuery): Promise<{ entries: AuditEntryV2[]; next?: KeysetCursor }> {
    let after: KeysetCursor | undefined;
    if (query.cursor !== undefined) {
      after = decodeKeysetCursor(query.cursor);
      if (!after) throw ApiError.validation('cursor: This cursor is not valid; use pagination.nextResults as given.', 'cursor');
    }
    const { rows, next } = await this.entries.page(institutionId, query, { num: query.num, after });
    return { entries: await this.named(institutionId, rows), ...(next && { next }) };
  }

  /** The export: a header, then every matching entry in the order of the list, read a page at a time. */
  async *csv(institutionId: string, filter: AuditFilter): AsyncGenerator<string> {
    yield AUDIT_CSV_HEADER;
    let after: KeysetCursor | undefined;
    do {
      const { rows, next } = await this.entries.page(institutionId, filter, { num: EXPORT_PAGE, after });
      yield (await this.named(institutionId, rows)).map(auditCsvLine).join('');
      after = next;
    } while (after);
  }

  /** A page of rows as the API shows them, each with its actor's name (one read for the page). */
  private async named(institutionId: string, rows: AuditEntry[]): Promise<AuditEntryV2[]> {
    const names = await this.entries.actorNames(institutionId, rows);
    return rows.map((row) => toAuditEntryV2(row, names));
  }
}

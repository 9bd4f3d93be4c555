import { Injectable } from '@nestjs/common';

import type { AuditEntryV2, AuditFilter, AuditQuery } from '@badges/api-contracts';
import { ApiError, decodeKeysetCursor, type KeysetCursor } from '@badges/service-kit';

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
    return { entries: rows.map(toAuditEntryV2), ...(next && { next }) };
  }

  /** The export: a header, then every matching entry in the order of the list, read a page at a time. */
  async *csv(institutionId: string, filter: AuditFilter): AsyncGenerator<string> {
    yield AUDIT_CSV_HEADER;
    let after: KeysetCursor | undefined;
    do {
      const { rows, next } = await this.entries.page(institutionId, filter, { num: EXPORT_PAGE, after });
      yield rows.map((row) => auditCsvLine(toAuditEntryV2(row))).join('');
      after = next;
    } while (after);
  }
}

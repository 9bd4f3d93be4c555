import { setImmediate as yieldToEventLoop } from 'node:timers/promises';

import type { z } from 'zod';

import { AssertionCreateBodySchema, type AssertionCreateBody } from '@badges/api-contracts';
import { ApiError } from '@badges/service-kit';

import { CsvSyntaxError, csvRecords, type CsvRecord } from './csv/csv-parser';

/** Enough for the §7 target (100,000 awards) in one job. */
export const MAX_BULK_ROWS = 100_000;

/** Stable codes of the file-level errors (documented in docs/api.md). */
export const BulkErrorCode = {
  CsvMissingHeader: 'csv_missing_header',
  CsvNotUtf8: 'csv_not_utf8',
  CsvMalformed: 'csv_malformed',
  CsvEmpty: 'csv_empty',
  TooManyRows: 'too_many_rows',
} as const;

/** A row as the job stores it: valid rows carry the normalised award body; invalid ones their error. */
export type IntakeRow =
  | { line: number; valid: true; item: AssertionCreateBody; recipientName?: string }
  | { line: number; valid: false; raw: Record<string, string>; error: string };

const COLUMNS = ['email', 'identity', 'type', 'name', 'narrative', 'evidence_url', 'evidence_narrative', 'expires', 'notify', 'issued_on'] as const;
type Column = (typeof COLUMNS)[number];

/** Where a schema path points in a CSV row, so a row error names the column the author typed. */
const PATH_TO_COLUMN: [RegExp, string][] = [
  [/^recipient\.identity$/, 'email/identity'],
  [/^recipient\.type$/, 'type'],
  [/^evidence\.\d+\.url$/, 'evidence_url'],
  [/^evidence\.\d+\.narrative$/, 'evidence_narrative'],
  [/^evidence(\.\d+)?$/, 'evidence'],
  [/^issuedOn$/, 'issued_on'],
];

function fail(code: string, message: string): ApiError {
  return new ApiError(400, code, message);
}

/** Header cell → column: case-insensitive; spaces and dashes read as underscores. */
function columnOf(header: string): string {
  return header.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

/** Decodes strictly: a byte sequence that is not UTF-8 fails the file (Excel "ANSI" exports). */
export function decodeUtf8(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw fail(BulkErrorCode.CsvNotUtf8, 'The file is not UTF-8 text. Save it as "CSV UTF-8" and upload it again.');
  }
}

/** Rows read and checked between two turns of the event loop: a 2 MB file is about 45,000 rows. */
const ROWS_PER_TURN = 1000;

/**
 * The file's rows, read and checked in batches with a turn of the event loop between them, so a
 * large upload never holds every other request behind it (docs/security.md). The header is checked
 * before the rest is read.
 */
export async function rowsFromCsv(bytes: Buffer): Promise<IntakeRow[]> {
  const records = csvRecords(decodeUtf8(bytes));
  try {
    const header = records.next();
    if (header.done) throw fail(BulkErrorCode.CsvEmpty, 'The file is empty: send a header line and at least one row.');
    const columns = header.value.cells.map(columnOf);
    const known = new Set<string>(COLUMNS);
    const hasRecipient = columns.includes('email') || columns.includes('identity');
    if (!hasRecipient || !columns.some((c) => known.has(c))) {
      throw fail(
        BulkErrorCode.CsvMissingHeader,
        'The first line must be a header naming the columns, with an "email" column (or "identity" and "type"). Optional: name, narrative, evidence_url, evidence_narrative, expires, notify.',
      );
    }
    const rows: IntakeRow[] = [];
    for (const record of records) {
      if (rows.length === MAX_BULK_ROWS) throw fail(BulkErrorCode.TooManyRows, `A bulk award takes at most ${MAX_BULK_ROWS} rows; split the file.`);
      rows.push(csvRow(record, columns));
      if (rows.length % ROWS_PER_TURN === 0) await yieldToEventLoop();
    }
    if (rows.length === 0) throw fail(BulkErrorCode.CsvEmpty, 'The file has a header but no rows.');
    return rows;
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw fail(BulkErrorCode.CsvMalformed, error.message);
    throw error;
  }
}

function csvRow(record: CsvRecord, columns: string[]): IntakeRow {
  const raw: Record<string, string> = {};
  columns.forEach((column, index) => {
    if (column) raw[column] = record.cells[index] ?? '';
  });
  if (record.cells.length !== columns.length) {
    return { line: record.line, valid: false, raw, error: `Expected ${columns.length} columns as in the header, found ${record.cells.length}.` };
  }
  const cell = (column: Column): string | undefined => {
    const value = raw[column]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  const identity = cell('email') ?? cell('identity');
  const evidenceUrl = cell('evidence_url');
  const evidenceNarrative = cell('evidence_narrative');
  const body = {
    recipient: { identity: identity ?? '', type: cell('email') ? 'email' : (cell('type') ?? 'email') },
    recipientName: cell('name'),
    narrative: cell('narrative'),
    evidence: evidenceUrl || evidenceNarrative ? [{ url: evidenceUrl, narrative: evidenceNarrative }] : undefined,
    expires: dateCell(cell('expires')),
    issuedOn: dateCell(cell('issued_on')),
    notify: cell('notify'),
  };
  const parsed = AssertionCreateBodySchema.safeParse(body);
  if (!parsed.success) return { line: record.line, valid: false, raw, error: rowError(parsed.error, true) };
  return { line: record.line, valid: true, item: parsed.data, recipientName: cell('name') };
}

/** `2027-06-30` is read as midnight UTC; anything else goes to the schema as typed. */
function dateCell(value: string | undefined): string | undefined {
  return value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value;
}

export function rowsFromJson(body: unknown): IntakeRow[] {
  const rows = (body as { rows?: unknown } | null)?.rows;
  if (!Array.isArray(rows) || rows.length === 0) {
    throw new ApiError(400, 'validation_failed', 'rows: Send a JSON body {"rows": [...]} with at least one row, or a text/csv body.', 'rows');
  }
  if (rows.length > MAX_BULK_ROWS) throw fail(BulkErrorCode.TooManyRows, `A bulk award takes at most ${MAX_BULK_ROWS} rows; split the upload.`);
  return rows.map((row: unknown, index) => {
    const line = index + 1;
    const name = (row as { name?: unknown } | null)?.name;
    // A JSON row's `name` (as the CSV's column) is its recipientName, when that is not given.
    const withName = typeof name === 'string' && row && typeof row === 'object' ? { recipientName: name, ...row } : row;
    const parsed = AssertionCreateBodySchema.safeParse(withName);
    if (parsed.success) {
      return { line, valid: true, item: parsed.data, recipientName: typeof name === 'string' ? name : undefined };
    }
    const identity = (row as { recipient?: { identity?: unknown } } | null)?.recipient?.identity;
    return { line, valid: false, raw: { identity: typeof identity === 'string' ? identity : '' }, error: rowError(parsed.error, false) };
  });
}

/** Every problem of the row, in one plain sentence per field. */
function rowError(error: z.ZodError, csv: boolean): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.map(String).join('.');
      const column = csv ? (PATH_TO_COLUMN.find(([pattern]) => pattern.test(path))?.[1] ?? path) : path;
      return column ? `${column}: ${issue.message}` : issue.message;
    })
    .join(' ');
}

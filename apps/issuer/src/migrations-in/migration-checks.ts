import { createHash } from 'node:crypto';

import type { z } from 'zod';

import type { MigrationImage, MigrationItemResult, MigrationProblemCode, MigrationRecordKind } from '@badges/api-contracts';
import { isEntityId } from '@badges/persistence';
import { ApiError } from '@badges/service-kit';

import { checkImageDataUri, type CheckedImage } from '../images/image-intake';

/** A skipped item's answer. */
export function skipped(kind: MigrationRecordKind, sourceId: string, code: MigrationProblemCode, message: string): MigrationItemResult {
  return { kind, sourceId, outcome: 'skipped', code, message };
}

/** Where each kind is served: an imported `documentId` must name the same path, so the old origin maps onto ours. */
const PUBLIC_PATH: Record<'issuer' | 'badgeClass' | 'assertion', string> = { issuer: 'issuers', badgeClass: 'badges', assertion: 'assertions' };

/**
 * Checks one raw record against its contract schema and what ids we can serve. `#<index>` names
 * a record whose own id could not be read.
 */
export function parseRecord<S extends z.ZodType<{ sourceId: string; documentId: string }>>(
  kind: 'issuer' | 'badgeClass' | 'assertion',
  schema: S,
  raw: unknown,
  index: number,
): { record: z.output<S> } | { problem: MigrationItemResult } {
  const parsed = schema.safeParse(raw);
  const rawId = typeof raw === 'object' && raw !== null && typeof (raw as { sourceId?: unknown }).sourceId === 'string' ? (raw as { sourceId: string }).sourceId : `#${index}`;
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { problem: skipped(kind, rawId, 'invalid', `${issue.path.join('.') || 'record'}: ${issue.message}`) };
  }
  const record = parsed.data;
  if (!isEntityId(record.sourceId)) {
    return { problem: skipped(kind, rawId, 'invalid', 'sourceId: 1 to 64 letters, digits, "-" or "_" (it becomes the path of the document)') };
  }
  const path = `/public/${PUBLIC_PATH[kind]}/${record.sourceId}`;
  const documentUrl = new URL(record.documentId);
  if (!documentUrl.pathname.endsWith(path) || documentUrl.search || documentUrl.hash) {
    return { problem: skipped(kind, record.sourceId, 'invalid', `documentId: must end with ${path}, so the old address redirects onto the same document here`) };
  }
  return { record };
}

/**
 * The record's fingerprint: the same record again is `unchanged`, another one under its id differs.
 * An assertion's `updatedAt` is left out: it says when the importer saw the record (Badgr shows no
 * updated_at; the reader gives its changed feed's time), so every read would differ by it alone.
 */
export function recordDigest(record: object): string {
  const { updatedAt: _seenAt, ...contents } = record as { updatedAt?: unknown };
  return createHash('sha256').update(JSON.stringify(contents), 'utf8').digest('hex');
}

/** An image as the upload path vets it (PNG or allow-listed SVG), or why not. */
export function checkImage(image: MigrationImage): CheckedImage | { problem: string } {
  try {
    return checkImageDataUri(`data:${image.contentType};base64,${image.base64}`, 'image');
  } catch (error) {
    if (error instanceof ApiError) return { problem: error.message };
    throw error;
  }
}

/** Our own URL is stored as null: the row then follows PUBLIC_URL like any row made here. */
export function storedDocumentId(documentId: string, ours: string): string | null {
  return documentId === ours ? null : documentId;
}

export interface ExistingRow {
  id: string;
  institutionId: string;
  migrationDigest: string | null;
}

/**
 * What a record does to the row holding its id: nothing when none (created), or when it is what
 * this record wrote before (unchanged). Anything else is only replaced with `overwrite`, and never
 * across institutions.
 */
export function decide(
  kind: MigrationRecordKind,
  sourceId: string,
  existing: ExistingRow | undefined,
  context: { institutionId: string; digest: string; overwrite: boolean },
): MigrationItemResult {
  if (!existing) return { kind, sourceId, outcome: 'created' };
  if (existing.institutionId !== context.institutionId) {
    return skipped(kind, sourceId, 'id_taken_by_other_institution', 'Another institution holds this id; nothing was written.');
  }
  if (existing.migrationDigest === context.digest) return { kind, sourceId, outcome: 'unchanged' };
  if (context.overwrite) return { kind, sourceId, outcome: 'updated' };
  return skipped(kind, sourceId, 'id_taken_differs', 'This institution already holds this id with other contents; run with overwrite to replace it.');
}

/** The rows of `table` holding any of the ids in `$1` (a JSON array), whichever institution they belong to (ids are global). */
export function existingRowsSql(table: 'issuers' | 'badge_classes' | 'assertions', moreColumns = ''): string {
  const columns = ['"id"', '"institutionId"', '"migrationDigest"', ...(moreColumns ? [moreColumns] : [])].join(', ');
  return `SELECT ${columns} FROM "issuer"."${table}" WHERE "id" = ANY (ARRAY(SELECT json_array_elements_text($1::json)))`;
}

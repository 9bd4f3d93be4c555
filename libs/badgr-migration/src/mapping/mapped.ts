import type { MigrationItemProblem, MigrationItemProblemCode } from '@badges/api-contracts';
import type { z } from 'zod';

export type ItemKind = MigrationItemProblem['kind'];

/** One source item after mapping: the record when it can be carried, and what went wrong with it. */
export interface Mapped<T> {
  readonly record: T | null;
  readonly problems: MigrationItemProblem[];
}

export function problem(kind: ItemKind, sourceId: string | null, code: MigrationItemProblemCode, message: string, severity: 'error' | 'warning' = 'error'): MigrationItemProblem {
  return { kind, sourceId, severity, code, message };
}

export function refused<T>(kind: ItemKind, sourceId: string | null, code: MigrationItemProblemCode, message: string, others: MigrationItemProblem[] = []): Mapped<T> {
  return { record: null, problems: [...others, problem(kind, sourceId, code, message)] };
}

/** Parse one raw item of a page against a Badgr shape; a mismatch is this item's problem only. */
export function parseItem<S extends z.ZodType>(schema: S, raw: unknown, kind: ItemKind): { value: z.output<S> } | { problem: MigrationItemProblem } {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { value: parsed.data };
  const sourceId = raw && typeof raw === 'object' && typeof (raw as { entityId?: unknown }).entityId === 'string' ? (raw as { entityId: string }).entityId : null;
  return { problem: problem(kind, sourceId, 'unexpected_shape', `Not Badgr's shape: ${describeIssues(parsed.error)}.`) };
}

/** Check a mapped record against our contract, so the writer only ever sees valid records. */
export function checked<T>(schema: z.ZodType<T>, record: T, kind: ItemKind, sourceId: string, problems: MigrationItemProblem[]): Mapped<T> {
  const parsed = schema.safeParse(record);
  if (parsed.success) return { record: parsed.data, problems };
  return refused(kind, sourceId, 'unexpected_shape', `Cannot be carried: ${describeIssues(parsed.error)}.`, problems);
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(item)'}: ${issue.message}`)
    .join('; ');
}

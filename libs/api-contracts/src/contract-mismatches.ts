import type { z } from 'zod';

import { dottedPath } from './envelope';

/**
 * How `value` differs from the contract `schema`, as the strictest reader would see it: each parse
 * issue (`path: message`), then each field the contract does not describe (`path: not in the
 * contract`), at any depth. Empty when `value` is exactly what the contract says. The drift specs
 * read the services' real answers with it, so a field added to an answer but not to its contract
 * (and so to neither the OpenAPI document nor the types) fails them.
 */
export function contractMismatches(schema: z.ZodType, value: unknown): string[] {
  const parsed = schema.safeParse(value);
  if (!parsed.success) return parsed.error.issues.map((issue) => `${dottedPath(issue.path) || '(root)'}: ${issue.message}`);
  return undescribed(value, parsed.data, []);
}

/** Paths present in `sent` that the parse dropped from `kept` (zod objects strip unknown keys). */
function undescribed(sent: unknown, kept: unknown, path: PropertyKey[]): string[] {
  if (Array.isArray(sent) && Array.isArray(kept)) return sent.flatMap((item, index) => undescribed(item, kept[index], [...path, index]));
  if (!isRecord(sent) || !isRecord(kept)) return [];
  return Object.keys(sent).flatMap((key) =>
    key in kept ? undescribed(sent[key], kept[key], [...path, key]) : [`${dottedPath([...path, key])}: not in the contract`],
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Raised when a JSON-LD document names a context (or any other remote document) that is not
 * bundled with this library. Design rule (design.md §5): we never fetch JSON-LD contexts, because
 * a context can silently redefine every term in a badge and fetching it is an SSRF vector.
 */
export class ForeignContextError extends Error {
  readonly code = 'foreign_context' as const;

  constructor(readonly url: string) {
    super(`The JSON-LD context "${url}" is not one of the Open Badges contexts bundled with this server, so it was not loaded.`);
    this.name = 'ForeignContextError';
  }
}

/**
 * jsonld.js wraps loader failures in its own JsonLdError (sometimes several levels deep, under
 * `details.cause` or `cause`). Callers want to know whether the root cause was ours.
 */
export function findForeignContextError(err: unknown, depth = 0): ForeignContextError | undefined {
  if (depth > 8 || err === null || typeof err !== 'object') return undefined;
  if (err instanceof ForeignContextError) return err;
  const e = err as { cause?: unknown; details?: { cause?: unknown } };
  return findForeignContextError(e.details?.cause, depth + 1) ?? findForeignContextError(e.cause, depth + 1);
}

/**
 * A unique-constraint violation. Prisma reports P2002 through its own drivers; the PGlite adapter
 * passes the raw Postgres error through (SQLSTATE 23505, sometimes wrapped in `cause`).
 */
export function isUniqueViolation(error: unknown): boolean {
  return hasCode(error, 'P2002') || hasCode(error, '23505');
}

function hasCode(error: unknown, code: string, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 4) return false;
  const candidate = error as { code?: unknown; cause?: unknown; meta?: { code?: unknown }; originalCode?: unknown };
  if (candidate.code === code || candidate.originalCode === code || candidate.meta?.code === code) return true;
  return hasCode(candidate.cause, code, depth + 1);
}

/** A short, single-line reason for a delivery row (never a stack, never unbounded). */
export function describeError(error: unknown, max = 500): string {
  const text = error instanceof Error ? error.message : String(error);
  const line = text.replace(/\s+/g, ' ').trim() || 'unknown error';
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

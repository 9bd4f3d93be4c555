/**
 * A NUL (PostgreSQL refuses 0x00 in text and jsonb) or a surrogate half without its partner (not
 * Unicode; it cannot be stored as UTF-8). Code-unit matching, no `u` flag, so halves are visible.
 */
// eslint-disable-next-line no-control-regex -- NUL is exactly what this looks for
const UNSAFE_TEXT = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const UNSAFE_TEXT_EVERYWHERE = new RegExp(UNSAFE_TEXT.source, 'g');
/**
 * How a NUL or a surrogate half can reach a parsed JSON value: only through an escape (`\u0000`,
 * `\ud800`), or a raw NUL (not valid JSON, refused by the parser anyway). Raw lone halves cannot
 * occur: request bytes are decoded as UTF-8, which replaces them. Text without these parses to
 * values without them, so its parsed body need not be walked.
 */
// eslint-disable-next-line no-control-regex -- NUL is exactly what this looks for
const UNSAFE_TEXT_IN_JSON = /\\u(?:0000|[dD][89a-fA-F])|\u0000/;

export type TextProblem = { field: string; problem: 'unsafe_text' | 'too_deep' };

export function isUnsafeText(text: string): boolean {
  return UNSAFE_TEXT.test(text);
}

/** False when JSON text certainly parses to values free of NUL and surrogate halves (a cheap, linear check). */
export function jsonTextMayHoldUnsafeText(json: string): boolean {
  return UNSAFE_TEXT_IN_JSON.test(json);
}

/**
 * The first string (value or key) in a parsed body, query or params object that text may not
 * contain, named by its dotted path (`assertions.0.narrative`, the form zod errors use). One
 * iterative walk with an explicit stack: a deep value cannot overflow it, and deeper than
 * `maxDepth` is reported rather than walked.
 */
export function findTextProblem(root: unknown, maxDepth: number, rootName = ''): TextProblem | undefined {
  const stack: Array<{ value: unknown; path: string; depth: number; badKey?: boolean }> = [{ value: root, path: rootName, depth: 0 }];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const { value, path, depth, badKey } = next;
    if (badKey) return { field: path, problem: 'unsafe_text' };
    if (typeof value === 'string') {
      if (isUnsafeText(value)) return { field: path, problem: 'unsafe_text' };
      continue;
    }
    if (!isPlainContainer(value)) continue;
    if (depth >= maxDepth) return { field: path, problem: 'too_deep' };
    const entries = Object.entries(value);
    // Pushed in reverse so the first offending field in document order is the one named.
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i];
      const childPath = path ? `${path}.${printable(key)}` : printable(key);
      stack.push({ value: child, path: childPath, depth: depth + 1, badKey: isUnsafeText(key) });
    }
  }
  return undefined;
}

/**
 * Parsed input is arrays and plain objects (the query parser's inherit from a null-prototype
 * object); bytes, streams and other class instances are not text and are never walked.
 */
function isPlainContainer(value: unknown): value is Record<string, unknown> {
  if (Array.isArray(value)) return true;
  if (!value || typeof value !== 'object') return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === null || prototype === Object.prototype || Object.getPrototypeOf(prototype) === null;
}

/** A key with a NUL in it is named with U+FFFD in its place, so the error message stays text. */
function printable(key: string): string {
  return key.replace(UNSAFE_TEXT_EVERYWHERE, '\ufffd');
}

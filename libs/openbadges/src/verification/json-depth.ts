/**
 * Real badges nest a few levels; this bound leaves ample room for extensions. Anything deeper is
 * refused before JSON-LD processing, whose recursion a hostile document could otherwise exhaust.
 */
export const MAX_BADGE_JSON_DEPTH = 32;

/** Iterative, so measuring a hostile document cannot overflow the stack either. */
export function jsonDepthExceeds(root: unknown, limit: number = MAX_BADGE_JSON_DEPTH): boolean {
  const stack: Array<[unknown, number]> = [[root, 1]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [value, depth] = next;
    if (!value || typeof value !== 'object') continue;
    if (depth > limit) return true;
    for (const child of Object.values(value)) if (child && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return false;
}

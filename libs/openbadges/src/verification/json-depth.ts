import { text, type MessageText } from '../report-texts/message-text';

/**
 * Real badges nest a few levels; this bound leaves ample room for extensions. Anything deeper is
 * refused before JSON-LD processing, whose recursion a hostile document could otherwise exhaust.
 */
export const MAX_BADGE_JSON_DEPTH = 32;

/**
 * JSON-LD compaction costs about 20-30 µs per value on a 2-core machine, so a 2 MB document of
 * 80,000 values holds the event loop for over 2 s. A real assertion, even with its badge class,
 * issuer, alignments and endorsements embedded, has a few hundred values; this bound keeps one
 * document's compaction well under the 100 ms a request may hold the loop (docs/security.md).
 */
export const MAX_BADGE_JSON_VALUES = 2_000;

export type JsonBudgetProblem = 'depth' | 'values';

/**
 * Which budget a document breaks, if any: deeper than `maxDepth`, or more than `maxValues`
 * values (objects, arrays and scalars). Iterative, so measuring a hostile document cannot
 * overflow the stack either, and it stops at the first value over a bound.
 */
export function jsonBudgetProblem(root: unknown, maxDepth = MAX_BADGE_JSON_DEPTH, maxValues = MAX_BADGE_JSON_VALUES): JsonBudgetProblem | undefined {
  const stack: Array<[unknown, number]> = [[root, 1]];
  let values = 0;
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [value, depth] = next;
    if (++values > maxValues) return 'values';
    if (!value || typeof value !== 'object') continue;
    if (depth > maxDepth) return 'depth';
    for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
  return undefined;
}

/** The report's sentence for a document over budget, naming where it came from. */
export function jsonBudgetText(problem: JsonBudgetProblem, source: string): MessageText {
  return problem === 'depth'
    ? text('DOCUMENT_TOO_DEEP', { url: source, maxDepth: MAX_BADGE_JSON_DEPTH })
    : text('DOCUMENT_TOO_LARGE', { url: source, maxValues: MAX_BADGE_JSON_VALUES });
}

import { compactToObV2 } from '../context/compact-to-ob-v2';
import type { JsonNode } from '../validation/present-values';

const MAX_ENTRIES = 1000;
const memo = new Map<string, JsonNode>();

/**
 * JSON-LD compaction is most of the cost of a verification, and it is a pure function of the
 * document (contexts are bundled, never fetched): the same issuer and badge class documents
 * come back again and again, so their compacted form is remembered by the document's exact
 * text. Bounded (oldest first), and each caller gets its own copy, so no run can alter another's.
 */
export async function compactMemoized(doc: JsonNode): Promise<JsonNode> {
  const key = JSON.stringify(doc);
  const known = memo.get(key);
  if (known) return structuredClone(known);
  const compacted = (await compactToObV2(doc)) as JsonNode;
  memo.set(key, compacted);
  if (memo.size > MAX_ENTRIES) memo.delete(memo.keys().next().value as string);
  return structuredClone(compacted);
}

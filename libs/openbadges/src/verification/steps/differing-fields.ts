import { isJsonNode, type JsonNode } from '../../validation/present-values';

/** Not the badge's content: how the copy was written down, which may differ harmlessly. */
const IGNORED = new Set(['@context']);

/**
 * The top-level properties whose values differ between a pasted copy and the hosted original,
 * both compacted against the same context. An embedded document and a link to it count as the
 * same (a copy may embed the badge class its original links to).
 */
export function differingFields(copy: JsonNode, original: JsonNode): string[] {
  const names = new Set([...Object.keys(copy), ...Object.keys(original)]);
  return [...names].filter((name) => !IGNORED.has(name) && comparable(copy[name]) !== comparable(original[name])).sort();
}

function comparable(value: unknown): string | undefined {
  if (isJsonNode(value) && typeof value.id === 'string') return JSON.stringify(value.id);
  return value === undefined ? undefined : JSON.stringify(value, Object.keys(flatKeys(value)).sort());
}

/** Every key at any depth, so JSON.stringify's key list sorts nested objects too (order is not content). */
function flatKeys(value: unknown, keys: Record<string, true> = {}): Record<string, true> {
  if (Array.isArray(value)) value.forEach((item) => flatKeys(item, keys));
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      keys[key] = true;
      flatKeys(inner, keys);
    }
  }
  return keys;
}

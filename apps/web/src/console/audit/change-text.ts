import type { IssuerRoleGrantV2 } from '@badges/api-contracts/types';

/** Longer values (a narrative, a description) are cut here: the CSV export has them whole. */
const MAX_VALUE_LENGTH = 120;

/** How a change's values read: the names the page knows for ids, and its words for "none" and a role. */
export interface ValueWords {
  empty: string;
  nameOf(id: string): string | undefined;
  roleGrant(grant: IssuerRoleGrantV2): string;
}

/** One value of an entry's `changes`, short and readable: names for known ids, roles as words, anything else as compact JSON. */
export function valueText(value: unknown, words: ValueWords): string {
  if (value === null || value === undefined || value === '') return words.empty;
  if (typeof value === 'string') return cut(words.nameOf(value) ?? value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every(isRoleGrant)) return value.length === 0 ? words.empty : value.map(words.roleGrant).join(', ');
  return cut(JSON.stringify(value));
}

/** `before → after`; a creation shows only what it set, a deletion what it removed → none. */
export function changeText(change: { before?: unknown; after?: unknown }, words: ValueWords): string {
  const has = (side: 'before' | 'after') => side in change;
  if (has('before') && has('after')) return `${valueText(change.before, words)} → ${valueText(change.after, words)}`;
  if (has('after')) return valueText(change.after, words);
  if (has('before')) return `${valueText(change.before, words)} → ${words.empty}`;
  return '';
}

function isRoleGrant(value: unknown): value is IssuerRoleGrantV2 {
  return typeof value === 'object' && value !== null && 'issuerId' in value && 'role' in value;
}

function cut(text: string): string {
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH - 1)}…` : text;
}

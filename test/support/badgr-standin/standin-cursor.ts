import { pythonStr } from './standin-serializers';

/**
 * DRF's CursorPagination as Badgr configures it (apps/mainsite/pagination.py): the cursor is
 * base64 of `o=<offset>&p=<position>`, the position being str() of the ordering field of the
 * page's last item, the offset how many items at the end of the page share it. Forward only: the
 * reader never walks back, and a reverse cursor is refused.
 */
export interface CursorPage<T> {
  readonly items: T[];
  readonly next: string | null;
  readonly previous: string | null;
}

export class CursorError extends Error {}

export function cursorPage<T>(sorted: readonly T[], key: (item: T) => Date, descending: boolean, pageSize: number, requestUrl: URL): CursorPage<T> {
  const cursor = decodeCursor(requestUrl.searchParams.get('cursor'));
  let start = 0;
  if (cursor.position !== null) {
    const position = cursor.position;
    start = sorted.findIndex((item) => (descending ? pythonStr(key(item)) <= position : pythonStr(key(item)) >= position));
    if (start === -1) start = sorted.length;
    // Skip the items of the position already served, and only those.
    let skipped = 0;
    while (skipped < cursor.offset && start < sorted.length && pythonStr(key(sorted[start])) === position) {
      start++;
      skipped++;
    }
  }
  const items = sorted.slice(start, start + pageSize);
  const hasNext = start + pageSize < sorted.length;
  return {
    items,
    next: hasNext ? withCursor(requestUrl, encodeCursor(nextPosition(items, key, cursor))) : null,
    previous: cursor.position !== null ? withCursor(requestUrl, encodeCursor({ ...cursor, reverse: true })) : null,
  };
}

interface Cursor {
  readonly offset: number;
  readonly reverse: boolean;
  readonly position: string | null;
}

function nextPosition<T>(items: readonly T[], key: (item: T) => Date, previous: Cursor): Cursor {
  const position = pythonStr(key(items[items.length - 1]));
  let offset = 0;
  for (let i = items.length - 1; i >= 0 && pythonStr(key(items[i])) === position; i--) offset++;
  // A page made only of one position continues the previous run of it.
  if (offset === items.length && previous.position === position) offset += previous.offset;
  return { offset, reverse: false, position };
}

function decodeCursor(encoded: string | null): Cursor {
  if (encoded === null) return { offset: 0, reverse: false, position: null };
  const tokens = new URLSearchParams(Buffer.from(encoded, 'base64').toString('ascii'));
  const offset = Number(tokens.get('o') ?? '0');
  if (!Number.isInteger(offset) || offset < 0) throw new CursorError('Invalid cursor');
  if (tokens.get('r') === '1') throw new CursorError('The stand-in serves forward cursors only');
  return { offset, reverse: false, position: tokens.get('p') };
}

function encodeCursor(cursor: Cursor): string {
  const tokens = new URLSearchParams();
  if (cursor.offset !== 0) tokens.set('o', String(cursor.offset));
  if (cursor.reverse) tokens.set('r', '1');
  if (cursor.position !== null) tokens.set('p', cursor.position);
  return Buffer.from(tokens.toString(), 'ascii').toString('base64');
}

/** DRF's replace_query_param: the request URL with the cursor replaced and its parameters sorted. */
function withCursor(requestUrl: URL, cursor: string): string {
  const params = new URLSearchParams(requestUrl.searchParams);
  params.set('cursor', cursor);
  params.sort();
  return `${requestUrl.origin}${requestUrl.pathname}?${params}`;
}

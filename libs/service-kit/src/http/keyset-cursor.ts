/**
 * Where the next page of a list starts, when the list is ordered by a time and then an id (newest
 * first, with the id breaking ties): the last row's pair. Callers get it opaque, inside
 * `pagination.nextResults` (Badgr's cursor pagination), and pass it back as given.
 */
export interface KeysetCursor {
  at: Date;
  id: string;
}

export function encodeKeysetCursor(cursor: KeysetCursor): string {
  return Buffer.from(JSON.stringify([cursor.at.toISOString(), cursor.id]), 'utf8').toString('base64url');
}

/** Undefined when the text was not made by encodeKeysetCursor (the caller answers 400). */
export function decodeKeysetCursor(value: string): KeysetCursor | undefined {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (!Array.isArray(parsed) || parsed.length !== 2 || typeof parsed[0] !== 'string' || typeof parsed[1] !== 'string') return undefined;
    const at = new Date(parsed[0]);
    return Number.isNaN(at.getTime()) ? undefined : { at, id: parsed[1] };
  } catch {
    return undefined;
  }
}

/** The request's own path and query with `cursor` set to the next page's: what `nextResults` points at. */
export function nextPagePath(requestUrl: string, next: KeysetCursor): string {
  const url = new URL(requestUrl, 'http://internal');
  url.searchParams.set('cursor', encodeKeysetCursor(next));
  return `${url.pathname}${url.search}`;
}

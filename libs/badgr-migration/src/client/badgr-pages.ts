import { BadgrReadError } from './badgr-read-error';
import type { BadgrPage, BadgrSession } from './badgr-session';

/**
 * Every page of a Badgr list, one at a time. The changed feeds say where the next page is in the
 * envelope (`pagination.nextResults`); the other lists, asked with `?num=`, in the Link header.
 */
export async function* badgrPages(session: BadgrSession, firstPath: string): AsyncGenerator<BadgrPage> {
  const seen = new Set<string>();
  let next: string | null = firstPath;
  while (next !== null) {
    if (seen.has(next)) throw new BadgrReadError('unexpected_response', `${session.connection.url(next)} links back to a page already read.`);
    seen.add(next);
    const page = await session.get(next);
    if (page === null) throw new BadgrReadError('unexpected_response', `${session.connection.url(next)} answered 404.`);
    yield page;
    next = nextPageLink(page);
  }
}

export function nextPageLink(page: BadgrPage): string | null {
  const pagination = page.envelope.pagination;
  if (pagination) return pagination.hasNext ? pagination.nextResults : null;
  return linkWithRel(page.headers['link'], 'next');
}

/** `<url>; rel="next", <url>; rel="prev"`, as BadgrCursorPagination.get_link_header writes it. */
export function linkWithRel(header: string | undefined, rel: string): string | null {
  for (const part of (header ?? '').split(/,\s*(?=<)/)) {
    const match = /^<([^>]*)>\s*;\s*rel="?([^";]+)"?/.exec(part.trim());
    if (match && match[2] === rel) return match[1];
  }
  return null;
}

/** Credentials per page when the client does not say, and at most (a larger `limit` is served as this). */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface PageRequest {
  limit: number;
  offset: number;
  since?: string;
}

/**
 * getCredentials' RFC 8288 `Link` header, as OB 3.0 § "Paging" asks: `first` and `last` always,
 * `next` when this page does not reach the end, `prev` when it does not start at 0. Each link
 * repeats `limit` and `since`, so following it pages through the same selection.
 */
export function pagingLinks(base: string, page: PageRequest, total: number): string {
  const { limit, offset } = page;
  const at = (start: number) => {
    const url = new URL(base);
    url.searchParams.set('limit', String(limit));
    url.searchParams.set('offset', String(start));
    if (page.since !== undefined) url.searchParams.set('since', page.since);
    return url.toString();
  };
  const last = total === 0 ? 0 : Math.floor((total - 1) / limit) * limit;
  const links: [string, number][] = [];
  if (offset + limit < total) links.push(['next', offset + limit]);
  links.push(['last', last], ['first', 0]);
  if (offset > 0) links.push(['prev', Math.max(0, Math.min(offset - limit, last))]);
  return links.map(([rel, start]) => `<${at(start)}>; rel="${rel}"`).join(', ');
}

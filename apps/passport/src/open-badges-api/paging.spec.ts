import { pagingLinks } from './paging';

const BASE = 'https://badges.example.org/ims/ob/v3p0/credentials';
const rels = (header: string) => Object.fromEntries([...header.matchAll(/<([^>]+)>; rel="(\w+)"/g)].map(([, url, rel]) => [rel, new URL(url).searchParams.get('offset')]));

describe('getCredentials paging links (OB 3.0 § Paging, RFC 8288)', () => {
  it('gives first and last always, next while the page does not reach the end, prev after the first page', () => {
    expect(rels(pagingLinks(BASE, { limit: 2, offset: 0 }, 5))).toEqual({ next: '2', last: '4', first: '0' });
    expect(rels(pagingLinks(BASE, { limit: 2, offset: 2 }, 5))).toEqual({ next: '4', last: '4', first: '0', prev: '0' });
    expect(rels(pagingLinks(BASE, { limit: 2, offset: 4 }, 5))).toEqual({ last: '4', first: '0', prev: '2' });
    expect(rels(pagingLinks(BASE, { limit: 2, offset: 0 }, 4))).toEqual({ next: '2', last: '2', first: '0' });
    expect(rels(pagingLinks(BASE, { limit: 10, offset: 0 }, 0))).toEqual({ last: '0', first: '0' });
  });

  it('points prev of an offset past the end, or between pages, at a page that exists', () => {
    expect(rels(pagingLinks(BASE, { limit: 2, offset: 40 }, 5))).toEqual({ last: '4', first: '0', prev: '4' });
    expect(rels(pagingLinks(BASE, { limit: 3, offset: 1 }, 5))).toEqual({ next: '4', last: '3', first: '0', prev: '0' });
  });

  it('repeats limit and since in every link', () => {
    const header = pagingLinks(BASE, { limit: 2, offset: 0, since: '2024-01-31T12:00:00+01:00' }, 3);
    expect(header.split(', ')[0]).toBe(`<${BASE}?limit=2&offset=2&since=2024-01-31T12%3A00%3A00%2B01%3A00>; rel="next"`);
  });
});

import { linkWithRel } from './badgr-pages';

describe('linkWithRel', () => {
  const header = '<https://api.badgr.example/v2/issuers/x/assertions?cursor=bz0x%3D&num=2>; rel="next", <https://api.badgr.example/v2/issuers/x/assertions?cursor=cj0x&num=2>; rel="prev"';

  it('finds the next and previous pages of a Badgr Link header', () => {
    expect(linkWithRel(header, 'next')).toBe('https://api.badgr.example/v2/issuers/x/assertions?cursor=bz0x%3D&num=2');
    expect(linkWithRel(header, 'prev')).toBe('https://api.badgr.example/v2/issuers/x/assertions?cursor=cj0x&num=2');
  });

  it('says there is none when the header is absent or has no such link', () => {
    expect(linkWithRel(undefined, 'next')).toBeNull();
    expect(linkWithRel('<https://a.example/p>; rel="prev"', 'next')).toBeNull();
  });
});

import { cacheTtlSeconds } from './cache-control';

describe('cacheTtlSeconds', () => {
  it.each([
    [undefined, 60, 60],
    ['public, max-age=30', 60, 30],
    ['public, max-age=600', 60, 60],
    ['max-age=600, s-maxage=5', 60, 5],
    ['no-store', 60, 0],
    ['no-cache', 60, 0],
    ['private, max-age=30', 60, 0],
    ['max-age=banana', 60, 60],
    ['max-age=30', 0, 0],
  ])('%s with a cap of %i s gives %i s', (header, cap, expected) => {
    expect(cacheTtlSeconds(header, cap)).toBe(expected);
  });
});

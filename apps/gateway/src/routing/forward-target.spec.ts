import { forwardTarget } from './forward-target';

describe('forwardTarget', () => {
  it('keeps ordinary paths and query strings as they are', () => {
    expect(forwardTarget('/public/assertions/abc', '/public')).toBe('/public/assertions/abc');
    expect(forwardTarget('/v2/issuers?include_staff=false&x=%20', '/v2/issuers')).toBe('/v2/issuers?include_staff=false&x=%20');
    expect(forwardTarget('/v2/issuers', '/v2/issuers')).toBe('/v2/issuers');
  });

  it('refuses paths that climb out of the prefix, however they are spelled', () => {
    for (const url of [
      '/public/../internal/institutions/x',
      '/public/%2e%2e/internal/institutions/x',
      '/public/%2E%2E/internal',
      '/public\\..\\internal',
      '/v2/issuers/../../internal/institutions/x',
      '/v2/issuers/..',
      '/v2/issuersX',
      '//evil.example/public/x',
    ]) {
      expect(forwardTarget(url, url.startsWith('/v2') ? '/v2/issuers' : '/public')).toBeUndefined();
    }
  });

  it('resolves harmless dot segments that stay inside the prefix', () => {
    expect(forwardTarget('/public/assertions/./abc', '/public')).toBe('/public/assertions/abc');
  });
});

import { API_PATHS, apiPath } from './paths';

describe('apiPath', () => {
  it('fills and encodes path parameters', () => {
    expect(apiPath('badgeClassBatchIssue', { entityId: 'a b' })).toBe('/v2/badgeclasses/a%20b/issue');
    expect(apiPath('issuers')).toBe(API_PATHS.issuers);
  });

  it('refuses a missing parameter', () => {
    expect(() => apiPath('assertion')).toThrow(/entityId/);
  });
});

import { ApiError } from '@badges/service-kit';

import { grantedScope, requireScope, scopeAllows, scopeNeeded } from './client-scope';
import { OAuthError } from './oauth-error';

describe('scopeNeeded: the scope each method and path needs', () => {
  it.each([
    ['GET', '/v2/issuers', 'read'],
    ['HEAD', '/v2/badgeclasses/B1', 'read'],
    ['GET', '/v2/bulk-awards/J1/result.csv', 'read'],
    ['GET', '/v2/institutions/self', 'read'],
    ['POST', '/v2/badgeclasses/B1/assertions', 'award'],
    ['POST', '/v2/badgeclasses/B1/issue', 'award'],
    ['POST', '/v2/badgeclasses/B1/bulk-awards', 'award'],
    ['DELETE', '/v2/assertions/A1', 'award'],
    ['PUT', '/v2/assertions/A1', 'award'],
    ['POST', '/v2/assertions/revoke', 'award'],
    ['POST', '/v2/notifications/emails/E1/resend', 'award'],
    ['POST', '/v2/issuers', 'manage'],
    ['PUT', '/v2/badgeclasses/B1', 'manage'],
    ['DELETE', '/v2/badgeclasses/B1', 'manage'],
    ['POST', '/v2/issuers/I1/badgeclasses', 'manage'],
    ['POST', '/v2/issuers/I1/keys/rotate', 'manage'],
    ['POST', '/v2/webhooks', 'manage'],
    ['POST', '/v2/endorsement-requests/R1/approve', 'manage'],
    ['GET', '/v2/clients', 'manage'],
    ['GET', '/v2/institutions/self/sso', 'manage'],
    ['POST', '/v2/clients/:clientId/revoke', 'manage'],
  ])('%s %s needs %s', (method, path, scope) => {
    expect(scopeNeeded(method, path)).toBe(scope);
  });

  it('reads a path as the router does: percent-decoded segments, an encoded slash kept inside its segment', () => {
    expect(scopeNeeded('POST', '/v2/badgeclasses/B1/%61ssertions')).toBe('award');
    expect(scopeNeeded('GET', '/v2/%63lients')).toBe('manage');
    expect(scopeNeeded('DELETE', '/v2/assertions/x%2F..%2Fissuers')).toBe('award');
  });

  it('asks the most of a write it does not know, never the least', () => {
    expect(scopeNeeded('POST', '/v2/badgeclasses/B1/assertions/')).toBe('manage');
    expect(scopeNeeded('POST', '/v2/badgeclasses//assertions')).toBe('manage');
    expect(scopeNeeded('PATCH', '/v2/assertions/A1')).toBe('manage');
    expect(scopeNeeded('POST', '/v2/something-new')).toBe('manage');
  });
});

describe('scopeAllows', () => {
  it('nests the scopes: manage allows award allows read', () => {
    expect(scopeAllows('manage', 'award')).toBe(true);
    expect(scopeAllows('award', 'read')).toBe(true);
    expect(scopeAllows('award', 'manage')).toBe(false);
    expect(scopeAllows('read', 'award')).toBe(false);
  });
});

describe('requireScope', () => {
  const reader = { institutionId: 'i1', clientId: 'c1', scope: 'read' } as const;

  it('lets an allowed call through and refuses another with 403 naming the scope it needs', () => {
    expect(() => requireScope(reader, 'GET', '/v2/issuers')).not.toThrow();
    let refusal: unknown;
    try {
      requireScope(reader, 'DELETE', '/v2/assertions/A1');
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(ApiError);
    expect(refusal).toMatchObject({ status: 403, code: 'forbidden', message: expect.stringContaining('needs the award scope (award:issuer)') });
  });
});

describe('grantedScope: what a token request gets', () => {
  it('is the client’s own scope when none of ours is asked for (Badgr’s other scopes are ignored)', () => {
    expect(grantedScope('manage', undefined)).toBe('manage');
    expect(grantedScope('award', '')).toBe('award');
    expect(grantedScope('read', 'rw:profile rw:backpack')).toBe('read');
  });

  it('narrows to the widest scope asked for, which the client must hold', () => {
    expect(grantedScope('manage', 'r:issuer')).toBe('read');
    expect(grantedScope('manage', 'r:issuer award:issuer')).toBe('award');
    expect(grantedScope('award', 'award:issuer rw:profile')).toBe('award');
    expect(() => grantedScope('award', 'rw:issuer')).toThrow(OAuthError);
    expect(() => grantedScope('read', 'r:issuer award:issuer')).toThrow(expect.objectContaining({ code: 'invalid_scope' }));
  });

  it('refuses a scope nobody grants', () => {
    expect(() => grantedScope('manage', 'rw:issuer admin')).toThrow(expect.objectContaining({ code: 'invalid_scope', message: expect.stringContaining('"admin"') }));
  });
});

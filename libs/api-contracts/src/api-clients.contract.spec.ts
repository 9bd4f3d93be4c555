import { ACCESS_TOKEN_SCOPES, API_CLIENT_SCOPES, ApiClientCreateBodySchema, apiClientScopeOf } from './api-clients.contract';
import { expectInvalid, expectValid } from './testing/fixtures';

describe('ApiClientCreateBodySchema', () => {
  it('accepts a name, trimmed, and one of the scopes', () => {
    expect(expectValid(ApiClientCreateBodySchema, { name: '  Registrar sync ', scope: 'award' })).toEqual({ name: 'Registrar sync', scope: 'award' });
  });

  it.each([
    [{ scope: 'read' }, 'name'],
    [{ name: '  ', scope: 'read' }, 'name'],
    [{ name: 'x'.repeat(256), scope: 'read' }, 'name'],
    [{ name: 'X' }, 'scope'],
    [{ name: 'X', scope: 'rw:issuer' }, 'scope'],
  ])('refuses %j on %s', (input, field) => {
    expect(expectInvalid(ApiClientCreateBodySchema, input).error.field).toBe(field);
  });
});

describe('ACCESS_TOKEN_SCOPES', () => {
  it('keeps Badgr’s rw:issuer for manage, and names each scope once', () => {
    expect(ACCESS_TOKEN_SCOPES.manage).toBe('rw:issuer');
    expect(new Set(Object.values(ACCESS_TOKEN_SCOPES)).size).toBe(API_CLIENT_SCOPES.length);
    for (const scope of API_CLIENT_SCOPES) expect(apiClientScopeOf(ACCESS_TOKEN_SCOPES[scope])).toBe(scope);
    expect(apiClientScopeOf('manage')).toBeUndefined();
    expect(apiClientScopeOf(undefined)).toBeUndefined();
  });
});

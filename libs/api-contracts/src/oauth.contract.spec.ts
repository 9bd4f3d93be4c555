import { OAuthTokenRequestSchema, oauthErrorForInvalidRequest } from './oauth.contract';
import { expectInvalid, expectValid } from './testing/fixtures';

describe('OAuthTokenRequestSchema', () => {
  it('accepts a client credentials request (form fields arrive as strings)', () => {
    expect(
      expectValid(OAuthTokenRequestSchema, { grant_type: 'client_credentials', client_id: 'abc', client_secret: 's3cret', scope: 'rw:issuer' }),
    ).toEqual({ grant_type: 'client_credentials', client_id: 'abc', client_secret: 's3cret', scope: 'rw:issuer' });
  });

  it('rejects other grants and missing credentials', () => {
    expect(expectInvalid(OAuthTokenRequestSchema, { grant_type: 'password', client_id: 'a', client_secret: 'b' }).error.field).toBe('grant_type');
    expect(expectInvalid(OAuthTokenRequestSchema, { grant_type: 'client_credentials', client_id: 'a' }).fieldErrors).toEqual({
      client_secret: ['This field is required.'],
    });
  });

  it('maps validation failures to RFC 6749 errors', () => {
    const unsupported = OAuthTokenRequestSchema.safeParse({ grant_type: 'password', client_id: 'a', client_secret: 'b' });
    expect(oauthErrorForInvalidRequest(unsupported.error!)).toMatchObject({ error: 'unsupported_grant_type' });
    const missingGrant = OAuthTokenRequestSchema.safeParse({ client_id: 'a', client_secret: 'b' });
    expect(oauthErrorForInvalidRequest(missingGrant.error!)).toEqual({
      error: 'invalid_request',
      error_description: 'grant_type: This field is required.',
    });
  });

  it('calls missing client credentials invalid_client: the client did not authenticate (RFC 6749 §5.2)', () => {
    const missingSecret = OAuthTokenRequestSchema.safeParse({ grant_type: 'client_credentials', client_id: 'a' });
    expect(oauthErrorForInvalidRequest(missingSecret.error!)).toMatchObject({ error: 'invalid_client', error_description: expect.stringContaining('client_secret') });
    const longScope = OAuthTokenRequestSchema.safeParse({ grant_type: 'client_credentials', client_id: 'a', client_secret: 'b', scope: 'x'.repeat(1025) });
    expect(oauthErrorForInvalidRequest(longScope.error!)).toMatchObject({ error: 'invalid_request' });
  });
});

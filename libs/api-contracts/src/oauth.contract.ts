/**
 * OAuth2 client credentials (RFC 6749 §4.4) at POST /o/token, as Badgr (django-oauth-toolkit).
 * The body is form-encoded or JSON. Errors are answered in the v2 error envelope, with the code of
 * the RFC 6749 error (`oauthErrorForInvalidRequest`) where one applies.
 */
import { z } from 'zod';

const UNSUPPORTED_GRANT = 'Only grant_type=client_credentials is supported.';

export const OAuthTokenRequestSchema = z.object({
  grant_type: z.literal('client_credentials', {
    error: (issue) => (issue.input === undefined ? 'This field is required.' : UNSUPPORTED_GRANT),
  }),
  client_id: z.string().trim().min(1, { error: 'This field is required.' }).max(255),
  client_secret: z.string().min(1, { error: 'This field is required.' }).max(1024),
  /** Space-separated scopes, e.g. "rw:issuer". Absent: the client's default scopes. */
  scope: z.string().trim().max(1024).optional(),
});
export type OAuthTokenRequest = z.output<typeof OAuthTokenRequestSchema>;
export type OAuthTokenRequestInput = z.input<typeof OAuthTokenRequestSchema>;

export const OAuthTokenResponseSchema = z.object({
  access_token: z.string().describe('An ES256 JWT (typ at+jwt).'),
  token_type: z.literal('Bearer'),
  expires_in: z.number().int().describe('Lifetime in seconds.').meta({ example: 3600 }),
  scope: z.string().describe('Granted scopes, space-separated.').meta({ example: 'rw:issuer' }),
});
export type OAuthTokenResponse = z.output<typeof OAuthTokenResponseSchema>;

/** RFC 6749 §5.2 error codes. */
export const OAUTH_ERROR_CODES = [
  'invalid_request',
  'invalid_client',
  'invalid_grant',
  'unauthorized_client',
  'unsupported_grant_type',
  'invalid_scope',
] as const;
export type OAuthErrorCode = (typeof OAUTH_ERROR_CODES)[number];

/** RFC 6749 §5.2 error body: how a failed token request reads in OAuth terms (the gateway sends its code in the error envelope). */
export const OAuthErrorResponseSchema = z.object({
  error: z.enum(OAUTH_ERROR_CODES),
  error_description: z.string().optional(),
});
export type OAuthErrorResponse = z.output<typeof OAuthErrorResponseSchema>;

/** The RFC 6749 error for a token request that failed validation. */
export function oauthErrorForInvalidRequest(err: z.ZodError): OAuthErrorResponse {
  const grantIssue = err.issues.find((issue) => issue.path[0] === 'grant_type');
  if (grantIssue?.message === UNSUPPORTED_GRANT) {
    return { error: 'unsupported_grant_type', error_description: grantIssue.message };
  }
  const first = err.issues[0];
  const field = first?.path.map(String).join('.');
  return {
    error: 'invalid_request',
    error_description: first ? (field ? `${field}: ${first.message}` : first.message) : 'Invalid request.',
  };
}

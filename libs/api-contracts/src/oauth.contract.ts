/**
 * POST /o/token, as Badgr (django-oauth-toolkit) serves it: client credentials (RFC 6749 §4.4) for
 * API clients; the password grant (§4.3) and refresh tokens (§6) for people (staff accounts).
 * The body is form-encoded or JSON. Errors here are RFC 6749 §5.2 errors
 * (`{error, error_description}`), NOT the v2 envelope; only a 429 (the gateway's rate limits,
 * shared with other routes) and a 5xx keep the envelope.
 */
import { z } from 'zod';

/** The grants /o/token serves; the route picks the request schema by `grant_type`. */
export const OAUTH_GRANT_TYPES = ['client_credentials', 'password', 'refresh_token'] as const;
export type OAuthGrantType = (typeof OAUTH_GRANT_TYPES)[number];

const UNSUPPORTED_GRANT = `Supported grant types: ${OAUTH_GRANT_TYPES.join(', ')}.`;

const requestedScope = z.string().trim().max(1024).optional();

/** A client credentials request (API clients). */
export const OAuthTokenRequestSchema = z.object({
  grant_type: z.literal('client_credentials', {
    error: (issue) => (issue.input === undefined ? 'This field is required.' : UNSUPPORTED_GRANT),
  }),
  client_id: z.string().trim().min(1, { error: 'This field is required.' }).max(255),
  client_secret: z.string().min(1, { error: 'This field is required.' }).max(1024),
  /**
   * Space-separated scopes (ACCESS_TOKEN_SCOPES, e.g. "r:issuer"). Absent: the client's own scope.
   * A narrower one than the client has is granted; a wider one is `invalid_scope`.
   */
  scope: requestedScope,
});
export type OAuthTokenRequest = z.output<typeof OAuthTokenRequestSchema>;
export type OAuthTokenRequestInput = z.input<typeof OAuthTokenRequestSchema>;

/**
 * A person's sign-in (RFC 6749 §4.3; Badgr's `username` is the email address). Badgr clients may
 * send its public `client_id`; it is accepted and ignored: a person's token belongs to no client.
 */
export const OAuthPasswordRequestSchema = z.object({
  grant_type: z.literal('password'),
  username: z.string({ error: 'This field is required.' }).trim().min(1, { error: 'This field is required.' }).max(254),
  password: z.string({ error: 'This field is required.' }).min(1, { error: 'This field is required.' }).max(256),
  /** As for clients: absent, `rw:issuer`; a narrower scope makes a narrower token (the person's roles still apply). */
  scope: requestedScope,
  client_id: z.string().max(255).optional().describe('Ignored (Badgr clients send their public client id)'),
});
export type OAuthPasswordRequest = z.output<typeof OAuthPasswordRequestSchema>;

/**
 * A new access token for a person's session (RFC 6749 §6). The refresh token is rotated: the answer
 * carries a new one and the one sent stops working; sending a rotated one again ends the session
 * (RFC 6819 §5.2.2.3).
 */
export const OAuthRefreshRequestSchema = z.object({
  grant_type: z.literal('refresh_token'),
  refresh_token: z.string({ error: 'This field is required.' }).trim().min(1, { error: 'This field is required.' }).max(512),
  /** At most the scope of the sign-in (RFC 6749 §6). */
  scope: requestedScope,
  client_id: z.string().max(255).optional().describe('Ignored'),
});
export type OAuthRefreshRequest = z.output<typeof OAuthRefreshRequestSchema>;

export const OAuthTokenResponseSchema = z.object({
  access_token: z.string().describe('An ES256 JWT (typ at+jwt).'),
  token_type: z.literal('Bearer'),
  expires_in: z.number().int().describe('Lifetime in seconds.').meta({ example: 3600 }),
  scope: z.string().describe('Granted scopes, space-separated.').meta({ example: 'rw:issuer' }),
  refresh_token: z.string().optional().describe('A person\'s grants only: single use, rotated by grant_type=refresh_token'),
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

/** RFC 6749 §5.2 error body: 400, or 401 for `invalid_client`. */
export const OAuthErrorResponseSchema = z.object({
  error: z.enum(OAUTH_ERROR_CODES),
  error_description: z.string().optional().describe('Plain-language explanation'),
});
export type OAuthErrorResponse = z.output<typeof OAuthErrorResponseSchema>;

export function isOAuthErrorCode(code: string): code is OAuthErrorCode {
  return (OAUTH_ERROR_CODES as readonly string[]).includes(code);
}

/** RFC 6749 §5.2: 401 when client authentication failed, 400 for everything else. */
export function oauthErrorStatus(code: OAuthErrorCode): 400 | 401 {
  return code === 'invalid_client' ? 401 : 400;
}

/** The fields that authenticate the client: missing or malformed, the client did not authenticate. */
const CLIENT_CREDENTIAL_FIELDS = new Set(['client_id', 'client_secret']);

/** The RFC 6749 error for a token request that failed validation. */
export function oauthErrorForInvalidRequest(err: z.ZodError): OAuthErrorResponse {
  const grantIssue = err.issues.find((issue) => issue.path[0] === 'grant_type');
  if (grantIssue?.message === UNSUPPORTED_GRANT) {
    return { error: 'unsupported_grant_type', error_description: grantIssue.message };
  }
  const first = grantIssue ?? err.issues[0];
  const field = first?.path.map(String).join('.');
  return {
    error: !grantIssue && field && CLIENT_CREDENTIAL_FIELDS.has(field) ? 'invalid_client' : 'invalid_request',
    error_description: first ? (field ? `${field}: ${first.message}` : first.message) : 'Invalid request.',
  };
}

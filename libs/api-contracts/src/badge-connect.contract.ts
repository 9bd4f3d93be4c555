/**
 * Badge Connect 2.1 (OB 2.1 "Badge Connect API"): discovery, RFC 7591 dynamic registration, the
 * code flow with PKCE, and the resource answers. The passport serves it (apps/passport/src/badge-connect).
 */
import { z } from 'zod';

import { OPEN_BADGES_API_SCOPES } from './open-badges-api.contract';

/** The scopes Badge Connect 2.1 defines; the passport offers all three. */
export const BadgeConnectScope = {
  AssertionRead: 'https://purl.imsglobal.org/spec/ob/v2p1/scope/assertion.readonly',
  AssertionCreate: 'https://purl.imsglobal.org/spec/ob/v2p1/scope/assertion.create',
  ProfileRead: 'https://purl.imsglobal.org/spec/ob/v2p1/scope/profile.readonly',
} as const;

export type BadgeConnectScope = (typeof BadgeConnectScope)[keyof typeof BadgeConnectScope];

export const ALL_SCOPES: readonly string[] = Object.values(BadgeConnectScope);

/**
 * Every scope the passport's OAuth2 server grants: Badge Connect 2.1's and the OB 3.0 API's
 * (open-badges-api.contract.ts). One registration, consent and token flow serves both APIs.
 */
export const PASSPORT_OAUTH_SCOPES: readonly string[] = [...ALL_SCOPES, ...OPEN_BADGES_API_SCOPES];

/**
 * Scopes a client may send that grant nothing here: `offline_access` (OpenID Connect's request for
 * a refresh token, in OB 3.0's own registration example). Refresh tokens are always issued, so it is
 * accepted in registration and authorization requests, and not kept.
 */
export const TOLERATED_SCOPES: readonly string[] = ['offline_access'];

const redirectUri = z
  .url({ error: 'Each redirect URI must be an absolute URL.' })
  .max(2048)
  .refine((uri) => /^https:\/\//.test(uri) || /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?\//.test(uri), { error: 'Redirect URIs must use https (http only for localhost).' })
  .refine((uri) => !uri.includes('#'), { error: 'Redirect URIs may not have a fragment.' });

/** RFC 7591 dynamic client registration, as Badge Connect 2.1 and the OB 3.0 API use it (a client may register for both). */
export const BadgeConnectRegistrationBodySchema = z.object({
  client_name: z.string({ error: 'This field is required.' }).trim().min(1).max(200),
  client_uri: z.url().max(2048).optional(),
  logo_uri: z.url().max(2048).optional(),
  tos_uri: z.url().max(2048).optional(),
  policy_uri: z.url().max(2048).optional(),
  software_id: z.string().max(200).optional(),
  software_version: z.string().max(100).optional(),
  redirect_uris: z.array(redirectUri, { error: 'redirect_uris must be a list of URLs.' }).min(1).max(10),
  token_endpoint_auth_method: z.enum(['client_secret_basic', 'client_secret_post', 'none']).default('client_secret_basic'),
  grant_types: z.array(z.enum(['authorization_code', 'refresh_token'])).default(['authorization_code']),
  response_types: z.array(z.literal('code')).default(['code']),
  scope: z
    .string({ error: 'This field is required.' })
    .refine((value) => value.split(/\s+/).filter(Boolean).every((scope) => PASSPORT_OAUTH_SCOPES.includes(scope) || TOLERATED_SCOPES.includes(scope)), { error: `Unknown scope; offered: ${PASSPORT_OAUTH_SCOPES.join(' ')}` }),
  contacts: z.array(z.string().max(320)).max(10).optional(),
});

/**
 * The authorization request as a client sends it (RFC 6749 §4.1.1, RFC 7636 §4.3), as the consent
 * page passes it on. Every field is only bounded here: which mistakes are shown to the learner and
 * which go back to the client as `error=` is the passport's call (RFC 6749 §4.1.2.1).
 */
export const BadgeConnectAuthorizationQuerySchema = z.object({
  response_type: z.string().max(100).optional(),
  client_id: z.string({ error: 'client_id is required.' }).min(1).max(64),
  redirect_uri: z.string({ error: 'redirect_uri is required.' }).min(1).max(2048),
  scope: z.string().max(2000).optional(),
  state: z.string().max(500).optional(),
  code_challenge: z.string().max(200).optional(),
  code_challenge_method: z.string().max(20).optional(),
});
export type BadgeConnectAuthorizationQuery = z.output<typeof BadgeConnectAuthorizationQuerySchema>;

/** The learner's answer (POST /o/badgeconnect/authorize, with the learner's session): the request and approve or deny. */
export const BadgeConnectAuthorizeBodySchema = BadgeConnectAuthorizationQuerySchema.extend({
  decision: z.enum(['approve', 'deny'], { error: 'decision must be approve or deny.' }),
});

/** Errors the passport sends back to the client's redirect URI (RFC 6749 §4.1.2.1). */
export const BADGE_CONNECT_RETURNED_ERRORS = ['invalid_request', 'unsupported_response_type', 'invalid_scope', 'access_denied'] as const;

/** The client as the consent page and the connected apps show it. */
const ConnectedClientSchema = z.object({
  clientId: z.string(),
  name: z.string(),
  uri: z.string().nullable().describe('The client_uri it registered, if any'),
  site: z.string().describe('The host the learner is sent back to (of the redirect URI)'),
});

/**
 * 200 of GET /o/badgeconnect/consent: `ask` the learner about `client` and `scopes`, or `return`
 * at once to `location`: the registered redirect URI with `error` and `state`, or, for a signed-in
 * learner who approved this client before for every scope asked, with `code` and `state`.
 */
export const BadgeConnectConsentSchema = z.object({
  outcome: z.enum(['ask', 'return']),
  client: ConnectedClientSchema.optional().describe('With `ask`'),
  scopes: z.array(z.string()).optional().describe('With `ask`: the scopes asked for'),
  error: z.enum(BADGE_CONNECT_RETURNED_ERRORS).optional().describe('With `return` of a refused request'),
  location: z.url().optional().describe('With `return`: where to send the browser (`error` or, approved before, `code`; and `state`)'),
});
export type BadgeConnectConsent = z.output<typeof BadgeConnectConsentSchema>;

/** 200 of POST /o/badgeconnect/authorize: where the browser goes next (`code` and `state`, or `error` and `state`). */
export const BadgeConnectRedirectSchema = z.object({ location: z.url() });
export type BadgeConnectRedirect = z.output<typeof BadgeConnectRedirectSchema>;

/** GET /v2/backpack/connected-apps: a client the learner approved, what it may do, since when. */
export const ConnectedAppSchema = ConnectedClientSchema.extend({
  scopes: z.array(z.string()),
  connectedAt: z.iso.datetime(),
});
export type ConnectedApp = z.output<typeof ConnectedAppSchema>;

export const BadgeConnectTokenBodySchema = z.discriminatedUnion(
  'grant_type',
  [
    z.object({
      grant_type: z.literal('authorization_code'),
      code: z.string().min(1).max(200),
      redirect_uri: z.string().min(1).max(2048),
      client_id: z.string().min(1).max(64).optional(),
      client_secret: z.string().max(200).optional(),
      code_verifier: z.string({ error: 'PKCE is required: send code_verifier.' }).regex(/^[A-Za-z0-9._~-]{43,128}$/, { error: 'code_verifier must be 43-128 unreserved characters.' }),
    }),
    z.object({ grant_type: z.literal('refresh_token'), refresh_token: z.string().min(1).max(200), client_id: z.string().min(1).max(64).optional(), client_secret: z.string().max(200).optional() }),
  ],
  { error: 'grant_type must be authorization_code or refresh_token.' },
);

/** POST /bcv1/assertions: `{id}` (the assertion URL) or `{assertion}` (JSON or a compact JWS). */
export const BadgeConnectPushBodySchema = z
  .object({ id: z.url({ protocol: /^https?$/ }).max(2048).optional(), assertion: z.union([z.string().min(1).max(1_000_000), z.record(z.string(), z.unknown())]).optional() })
  .refine((body) => (body.id === undefined) !== (body.assertion === undefined), { error: 'Give exactly one of id (the assertion URL) or assertion (JSON or a compact JWS).', path: ['id'] });

/** GET /.well-known/badgeconnect.json */
export const BadgeConnectManifestSchema = z.object({
  '@context': z.literal('https://w3id.org/openbadges/badgeconnect/v1'),
  id: z.url(),
  badgeConnectAPI: z.array(
    z.object({
      name: z.string(),
      image: z.url(),
      apiBase: z.url(),
      version: z.literal('v1'),
      termsOfServiceUrl: z.url(),
      privacyPolicyUrl: z.url(),
      scopesOffered: z.array(z.string()),
      registrationUrl: z.url(),
      authorizationUrl: z.url(),
      tokenUrl: z.url(),
    }),
  ),
});
export type BadgeConnectManifest = z.output<typeof BadgeConnectManifestSchema>;

/** 201 of POST /o/badgeconnect/register (RFC 7591 §3.2.1): what the client sent, as registered; the secret is shown only here. */
export const BadgeConnectClientSchema = z.object({
  client_id: z.string(),
  client_secret: z.string().optional().describe('Absent for token_endpoint_auth_method "none".'),
  client_secret_expires_at: z.literal(0).optional(),
  client_id_issued_at: z.number().int(),
  client_name: z.string(),
  client_uri: z.string().optional(),
  logo_uri: z.string().optional(),
  tos_uri: z.string().optional(),
  policy_uri: z.string().optional(),
  software_id: z.string().optional(),
  software_version: z.string().optional(),
  contacts: z.array(z.string()).optional(),
  redirect_uris: z.array(z.string()),
  grant_types: z.array(z.enum(['authorization_code', 'refresh_token'])),
  response_types: z.array(z.literal('code')),
  token_endpoint_auth_method: z.string(),
  scope: z.string(),
});
export type BadgeConnectClient = z.output<typeof BadgeConnectClientSchema>;

/** 200 of POST /o/badgeconnect/token (RFC 6749 §5.1). */
export const BadgeConnectTokenSchema = z.object({
  access_token: z.string(),
  token_type: z.literal('Bearer'),
  expires_in: z.number().int(),
  refresh_token: z.string(),
  scope: z.string(),
});
export type BadgeConnectToken = z.output<typeof BadgeConnectTokenSchema>;

/** Every /bcv1 resource answers `{status, results}` (Badge Connect's envelope, not Badgr's). */
export const BadgeConnectResultsSchema = z.object({
  status: z.object({ error: z.null(), statusCode: z.number().int(), statusText: z.string() }),
  results: z.array(z.record(z.string(), z.unknown())).describe('OB 2.0 Assertions, `[{id}]` of a pushed badge, or the learner’s Profile.'),
});
export type BadgeConnectResults = z.output<typeof BadgeConnectResultsSchema>;

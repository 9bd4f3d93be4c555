/**
 * API clients managed by their institution (ours; Badgr had no equivalent). Served by the gateway,
 * for a client token of scope `manage`; answers are in the v2 envelope.
 *
 * GET  /v2/clients                     -> 200, ApiClientV2[] (never a secret)
 * POST /v2/clients {name, scope}       -> 201, [ApiClientCredentialsV2] (the secret is shown only here)
 * POST /v2/clients/{clientId}/rotate   -> 200, [ApiClientCredentialsV2]; the old secret stops working at once
 * POST /v2/clients/{clientId}/revoke   -> 200, [ApiClientV2]; its tokens stop working within seconds
 *
 * Operators: POST /admin/clients/{clientId}/revoke (ADMIN_TOKEN) -> 200, ApiClientV2 (no envelope).
 */
import { z } from 'zod';

import { requiredText } from './common';

/**
 * What a client may do, each including the one before it: `read` (GET only), `award` (read, and
 * award, revoke and bulk-award assertions), `manage` (everything, API clients included).
 * The operator's clients are `manage`, as every client was before scopes existed.
 */
export const API_CLIENT_SCOPES = ['read', 'award', 'manage'] as const;
export type ApiClientScope = (typeof API_CLIENT_SCOPES)[number];

/**
 * The OAuth2 `scope` string of an access token for each client scope (POST /o/token's `scope`,
 * the token's `scope` claim). `manage` keeps Badgr's `rw:issuer`, so Badgr integrations see what
 * they always saw.
 */
export const ACCESS_TOKEN_SCOPES = {
  read: 'r:issuer',
  award: 'award:issuer',
  manage: 'rw:issuer',
} as const satisfies Record<ApiClientScope, string>;
export type AccessTokenScope = (typeof ACCESS_TOKEN_SCOPES)[ApiClientScope];

/** The client scope an OAuth2 scope string names (`rw:issuer` -> `manage`), or undefined. */
export function apiClientScopeOf(accessTokenScope: unknown): ApiClientScope | undefined {
  return API_CLIENT_SCOPES.find((scope) => ACCESS_TOKEN_SCOPES[scope] === accessTokenScope);
}

export const API_CLIENT_NAME_MAX = 255;

/** POST /v2/clients */
export const ApiClientCreateBodySchema = z.object({
  name: requiredText(API_CLIENT_NAME_MAX).describe('What the client is for, e.g. "Registrar’s awarding system"'),
  scope: z.enum(API_CLIENT_SCOPES, { error: `Expected one of ${API_CLIENT_SCOPES.join(', ')}.` }).describe('read: GET only; award: read, and award, revoke and bulk-award assertions; manage: everything'),
});
export type ApiClientCreateBody = z.output<typeof ApiClientCreateBodySchema>;

export const ApiClientV2Schema = z.object({
  clientId: z.string(),
  name: z.string(),
  scope: z.enum(API_CLIENT_SCOPES),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable().describe('Last token request or authenticated call; updated at most once a minute'),
  revokedAt: z.iso.datetime().nullable(),
});
export type ApiClientV2 = z.output<typeof ApiClientV2Schema>;

/** A new client, or one whose secret was just rotated: the only answers that carry the secret. */
export const ApiClientCredentialsV2Schema = ApiClientV2Schema.extend({
  clientSecret: z.string().describe('Shown in this answer only; only a hash is stored'),
});
export type ApiClientCredentialsV2 = z.output<typeof ApiClientCredentialsV2Schema>;

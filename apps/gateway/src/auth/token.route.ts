import { Injectable } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import type { z } from 'zod';

import {
  ACCESS_TOKEN_SCOPES,
  OAuthPasswordRequestSchema,
  OAuthRefreshRequestSchema,
  OAuthTokenRequestSchema,
  oauthErrorForInvalidRequest,
  type OAuthErrorCode,
  type OAuthTokenResponse,
} from '@badges/api-contracts';

import { AccessTokenService } from './access-token.service';
import { basicCredentials } from './basic-credentials';
import { ClientCredentialsService } from './client-credentials.service';
import { grantedScope } from './client-scope';
import { isInstitutionSuspended } from './institution-suspended';
import { noStore, OAuthError, sendOAuthError } from './oauth-error';
import { isSsoRequired, StaffSignInService, type StaffTokens } from './staff-sign-in.service';

/**
 * Badgr's /o/token: OAuth2 client credentials (RFC 6749 §4.4) for API clients, whose credentials
 * come in the body (form-encoded or JSON) or, as RFC 6749 §2.3.1 prefers, in an HTTP Basic header;
 * and for people the password grant (§4.3) and refresh tokens (§6), which StaffSignInService serves.
 *
 * A plain Fastify route rather than a Nest handler: its own error handler is the only way to
 * answer every failure on this path, body parsing and the edge's text guard included, in RFC 6749
 * form while the rest of the API keeps the v2 envelope.
 */
@Injectable()
export class TokenRoute {
  constructor(
    private readonly credentials: ClientCredentialsService,
    private readonly tokens: AccessTokenService,
    private readonly staff: StaffSignInService,
  ) {}

  register(fastify: FastifyInstance): void {
    fastify.route({
      method: 'POST',
      url: '/o/token',
      errorHandler: (error, request, reply) => sendOAuthError(request, reply, error),
      handler: (request, reply) => this.token(request, reply),
    });
  }

  private async token(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
    const fields = credentialsOf(request);
    if (fields.grant_type === 'password') return inOAuthTerms('invalid_grant', this.password(parse(OAuthPasswordRequestSchema, fields), reply));
    if (fields.grant_type === 'refresh_token') return inOAuthTerms('invalid_grant', this.refresh(parse(OAuthRefreshRequestSchema, fields), reply));
    const data = parse(OAuthTokenRequestSchema, fields);
    const client = await inOAuthTerms('invalid_client', this.credentials.authenticate(data.client_id, data.client_secret));
    const scope = grantedScope(client.scope, data.scope);
    const answer: OAuthTokenResponse = {
      access_token: await this.tokens.sign({ ...client, scope }),
      token_type: 'Bearer',
      expires_in: this.tokens.ttlSeconds,
      scope: ACCESS_TOKEN_SCOPES[scope],
    };
    return noStore(reply).send(answer);
  }

  /**
   * A person's email and password (Badgr's `username`): one answer for every wrong pair (RFC 6749
   * §5.2 `invalid_grant`); `invalid_grant` too, naming SSO, where the institution allows only its SSO.
   */
  private async password(data: z.output<typeof OAuthPasswordRequestSchema>, reply: FastifyReply): Promise<FastifyReply> {
    const tokens = await this.staff.signIn(data.username, data.password, data.scope).catch((error: unknown) => {
      throw isSsoRequired(error) ? new OAuthError('invalid_grant', error.message) : error;
    });
    if (!tokens) throw new OAuthError('invalid_grant', 'The email address or the password is wrong.');
    return this.sendStaffTokens(reply, tokens);
  }

  private async refresh(data: z.output<typeof OAuthRefreshRequestSchema>, reply: FastifyReply): Promise<FastifyReply> {
    return this.sendStaffTokens(reply, await this.staff.refresh(data.refresh_token, data.scope));
  }

  private sendStaffTokens(reply: FastifyReply, tokens: StaffTokens): FastifyReply {
    const answer: OAuthTokenResponse = {
      access_token: tokens.accessToken,
      token_type: 'Bearer',
      expires_in: tokens.expiresIn,
      scope: ACCESS_TOKEN_SCOPES[tokens.identity.scope],
      refresh_token: tokens.refreshToken,
    };
    return noStore(reply).send(answer);
  }
}

/**
 * A suspended institution's refusal as RFC 6749 §5.2 words it: its client is no longer a good
 * client (`invalid_client`), its person's password or refresh token no longer a good grant
 * (`invalid_grant`); the description says why.
 */
async function inOAuthTerms<T>(code: OAuthErrorCode, attempt: Promise<T>): Promise<T> {
  try {
    return await attempt;
  } catch (error) {
    if (isInstitutionSuspended(error)) throw new OAuthError(code, error.message);
    throw error;
  }
}

/** The request's fields as the grant's schema reads them, or the RFC 6749 error naming what is wrong. */
function parse<Schema extends z.ZodType>(schema: Schema, fields: Record<string, unknown>): z.output<Schema> {
  const parsed = schema.safeParse(fields);
  if (parsed.success) return parsed.data;
  const { error, error_description } = oauthErrorForInvalidRequest(parsed.error);
  throw new OAuthError(error, error_description ?? 'Invalid token request.');
}

/**
 * The body's fields with the Basic header's credentials. RFC 6749 §2.3 allows one way of sending
 * them; a request that sends them both ways is served only when both say the same.
 */
function credentialsOf(request: FastifyRequest): Record<string, unknown> {
  const body = asObject(request.body);
  const basic = basicCredentials(request.headers.authorization);
  for (const [field, value] of Object.entries(basic)) {
    if (body[field] !== undefined && body[field] !== value) {
      throw new OAuthError('invalid_request', `${field} differs between the Authorization header and the body. Send the client credentials one way (RFC 6749 §2.3).`);
    }
  }
  return { ...body, ...basic };
}

function asObject(body: unknown): Record<string, unknown> {
  return typeof body === 'object' && body !== null && !Array.isArray(body) && !Buffer.isBuffer(body) ? (body as Record<string, unknown>) : {};
}

import { Injectable } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import { ACCESS_TOKEN_SCOPES, OAuthTokenRequestSchema, oauthErrorForInvalidRequest, type OAuthTokenResponse } from '@badges/api-contracts';

import { AccessTokenService } from './access-token.service';
import { basicCredentials } from './basic-credentials';
import { ClientCredentialsService } from './client-credentials.service';
import { grantedScope } from './client-scope';
import { noStore, OAuthError, sendOAuthError } from './oauth-error';

/**
 * OAuth2 client credentials (RFC 6749 §4.4), as Badgr serves it at /o/token. Credentials come in
 * the body (form-encoded or JSON) or, as RFC 6749 §2.3.1 prefers, in an HTTP Basic header.
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
    const parsed = OAuthTokenRequestSchema.safeParse(credentialsOf(request));
    if (!parsed.success) {
      const { error, error_description } = oauthErrorForInvalidRequest(parsed.error);
      throw new OAuthError(error, error_description ?? 'Invalid token request.');
    }
    const client = await this.credentials.authenticate(parsed.data.client_id, parsed.data.client_secret);
    const scope = grantedScope(client.scope, parsed.data.scope);
    const answer: OAuthTokenResponse = {
      access_token: await this.tokens.sign({ ...client, scope }),
      token_type: 'Bearer',
      expires_in: this.tokens.ttlSeconds,
      scope: ACCESS_TOKEN_SCOPES[scope],
    };
    return noStore(reply).send(answer);
  }
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

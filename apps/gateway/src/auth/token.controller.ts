import { Body, Controller, Header, Headers, HttpCode, Post } from '@nestjs/common';

import { OAuthTokenRequestSchema, oauthErrorForInvalidRequest, type OAuthTokenResponse } from '@badges/api-contracts';
import { ApiError, ErrorCode } from '@badges/service-kit';

import { ACCESS_TOKEN_SCOPE } from './access-token.codec';
import { AccessTokenService } from './access-token.service';
import { basicCredentials } from './basic-credentials';
import { ClientCredentialsService } from './client-credentials.service';

/**
 * OAuth2 client credentials (RFC 6749 §4.4), as Badgr serves it at /o/token. Credentials come in
 * the body (form-encoded or JSON) or, as RFC 6749 §2.3.1 prefers, in an HTTP Basic header.
 */
@Controller()
export class TokenController {
  constructor(
    private readonly credentials: ClientCredentialsService,
    private readonly tokens: AccessTokenService,
  ) {}

  @Post('o/token')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @Header('Pragma', 'no-cache')
  async token(@Body() body: unknown, @Headers('authorization') authorization?: string): Promise<OAuthTokenResponse> {
    const parsed = OAuthTokenRequestSchema.safeParse({ ...basicCredentials(authorization), ...asObject(body) });
    if (!parsed.success) {
      const error = oauthErrorForInvalidRequest(parsed.error);
      const message = error.error_description ?? 'Invalid token request.';
      if (error.error === 'unsupported_grant_type') throw new ApiError(400, ErrorCode.UnsupportedGrantType, message, 'grant_type');
      throw ApiError.validation(message);
    }
    const identity = await this.credentials.authenticate(parsed.data.client_id, parsed.data.client_secret);
    return {
      access_token: await this.tokens.sign(identity),
      token_type: 'Bearer',
      expires_in: this.tokens.ttlSeconds,
      scope: ACCESS_TOKEN_SCOPE,
    };
  }
}

function asObject(body: unknown): Record<string, unknown> {
  return typeof body === 'object' && body !== null && !Array.isArray(body) && !Buffer.isBuffer(body) ? (body as Record<string, unknown>) : {};
}

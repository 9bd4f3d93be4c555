import { Body, Controller, Delete, Get, Header, Headers, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { IncomingHttpHeaders } from 'node:http';

import { LearnerSignInBodySchema, StaffSignInBodySchema, type StaffSession } from '@badges/api-contracts';
import { ApiError, ErrorCode, parseWith } from '@badges/service-kit';

import { AccessTokenService } from '../auth/access-token.service';
import { BearerAuth } from '../auth/bearer-auth';
import { ClientCredentialsService } from '../auth/client-credentials.service';
import { correlationIdFor } from '../routing/forward-headers';
import { PassportSessionsClient } from './passport-sessions.client';
import { isSessionKind, readSessionCookie, SESSION_HEADER, sessionSetCookie, type SessionKind } from './web-session.cookies';
import { WEB_SESSION_SECURE } from './web-session.tokens';

/**
 * The web app's sign-in and sign-out. Each sets or clears an HttpOnly cookie and answers 204:
 * the token is never in a body a script could read. Every route wants the `X-Badges-Session`
 * header naming its kind, so a cross-site form cannot sign a visitor in or out.
 */
@Controller('web/session')
export class WebSessionController {
  constructor(
    private readonly passport: PassportSessionsClient,
    private readonly credentials: ClientCredentialsService,
    private readonly tokens: AccessTokenService,
    private readonly bearer: BearerAuth,
    @Inject(WEB_SESSION_SECURE) private readonly secure: boolean,
  ) {}

  /** The learner's email and password, checked by the passport. */
  @Post('learner')
  @HttpCode(204)
  @Header('Cache-Control', 'no-store')
  async learner(@Body() body: unknown, @Headers() headers: IncomingHttpHeaders, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    requireSessionHeader(headers, 'learner');
    const session = await this.passport.signIn(parseWith(LearnerSignInBodySchema, body), correlationIdFor(headers));
    reply.header('set-cookie', sessionSetCookie('learner', session.token, session.expiresIn, this.secure));
  }

  /** The institution's API client id and secret, as POST /o/token takes them. */
  @Post('staff')
  @HttpCode(204)
  @Header('Cache-Control', 'no-store')
  async staff(@Body() body: unknown, @Headers() headers: IncomingHttpHeaders, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    requireSessionHeader(headers, 'staff');
    const { client_id, client_secret } = parseWith(StaffSignInBodySchema, body);
    const token = await this.tokens.sign(await this.credentials.authenticate(client_id, client_secret));
    reply.header('set-cookie', sessionSetCookie('staff', token, this.tokens.ttlSeconds, this.secure));
  }

  /** Who the staff session is (the console names its client); the token itself stays in the cookie. */
  @Get('staff')
  @Header('Cache-Control', 'no-store')
  async staffIdentity(@Headers() headers: IncomingHttpHeaders): Promise<StaffSession> {
    requireSessionHeader(headers, 'staff');
    const { clientId, institutionId } = await this.bearer.authenticate(headers.authorization);
    return { clientId, institutionId };
  }

  /**
   * Clears the cookie; a learner session is revoked by the passport too. A staff token is a
   * signed JWT: it stays valid until it expires (ACCESS_TOKEN_TTL_SECONDS), or until its API client
   * is revoked, but no browser holds it any more.
   */
  @Delete(':kind')
  @HttpCode(204)
  async signOut(@Param('kind') kind: string, @Headers() headers: IncomingHttpHeaders, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    if (!isSessionKind(kind)) throw ApiError.notFound('session');
    requireSessionHeader(headers, kind);
    const token = readSessionCookie(headers, kind, this.secure);
    if (kind === 'learner' && token) await this.passport.signOut(token, correlationIdFor(headers));
    reply.header('set-cookie', sessionSetCookie(kind, '', 0, this.secure));
  }
}

function requireSessionHeader(headers: IncomingHttpHeaders, kind: SessionKind): void {
  if (headers[SESSION_HEADER] !== kind) {
    throw new ApiError(403, ErrorCode.Forbidden, `Send the header ${SESSION_HEADER}: ${kind} with this request (the web app does; a page on another site cannot).`);
  }
}

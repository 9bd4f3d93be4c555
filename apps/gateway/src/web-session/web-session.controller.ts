import { Body, Controller, Delete, Get, Header, Headers, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { IncomingHttpHeaders } from 'node:http';

import { LearnerSignInBodySchema, StaffSignInBodySchema, type StaffSession } from '@badges/api-contracts';
import { ApiError, ErrorCode, parseWith } from '@badges/service-kit';

import { isStaffToken } from '../auth/access-token.codec';
import { AccessTokenService } from '../auth/access-token.service';
import { BearerAuth } from '../auth/bearer-auth';
import { isStaff } from '../auth/caller';
import { ClientCredentialsService } from '../auth/client-credentials.service';
import { StaffSignInService } from '../auth/staff-sign-in.service';
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
    private readonly people: StaffSignInService,
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

  /**
   * A person's email and password (a new session of theirs; the cookie holds its access token;
   * 403 `sso_required` where their institution allows only its single sign-on), or the
   * institution's API client id and secret, as POST /o/token takes them.
   */
  @Post('staff')
  @HttpCode(204)
  @Header('Cache-Control', 'no-store')
  async staff(@Body() body: unknown, @Headers() headers: IncomingHttpHeaders, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    requireSessionHeader(headers, 'staff');
    const credentials = parseWith(StaffSignInBodySchema, body);
    let token: string;
    if (credentials.kind === 'person') {
      const signedIn = await this.people.signIn(credentials.username, credentials.password);
      if (!signedIn) throw new ApiError(401, ErrorCode.InvalidCredentials, 'The email address or the password is wrong.');
      token = signedIn.accessToken;
    } else {
      token = await this.tokens.sign(await this.credentials.authenticate(credentials.client_id, credentials.client_secret));
    }
    reply.header('set-cookie', sessionSetCookie('staff', token, this.tokens.ttlSeconds, this.secure));
  }

  /** Who the staff session is (a person, or the client the console signed in with); the token itself stays in the cookie. */
  @Get('staff')
  @Header('Cache-Control', 'no-store')
  async staffIdentity(@Headers() headers: IncomingHttpHeaders): Promise<StaffSession> {
    requireSessionHeader(headers, 'staff');
    const caller = await this.bearer.authenticate(headers.authorization);
    return isStaff(caller) ? { institutionId: caller.institutionId, staffId: caller.staffId } : { institutionId: caller.institutionId, clientId: caller.clientId };
  }

  /**
   * Clears the cookie; a learner session is revoked by the passport too, and a person's session by
   * the gateway (its tokens are refused within seconds). An API client's token is a signed JWT: it
   * stays valid until it expires (ACCESS_TOKEN_TTL_SECONDS), or until its client is revoked, but no
   * browser holds it any more.
   */
  @Delete(':kind')
  @HttpCode(204)
  async signOut(@Param('kind') kind: string, @Headers() headers: IncomingHttpHeaders, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    if (!isSessionKind(kind)) throw ApiError.notFound('session');
    requireSessionHeader(headers, kind);
    const token = readSessionCookie(headers, kind, this.secure);
    if (kind === 'learner' && token) await this.passport.signOut(token, correlationIdFor(headers));
    if (kind === 'staff' && token) await this.endPersonSession(token);
    reply.header('set-cookie', sessionSetCookie(kind, '', 0, this.secure));
  }

  private async endPersonSession(token: string): Promise<void> {
    const identity = await this.tokens.verify(token);
    if (identity && isStaffToken(identity)) await this.people.signOut(identity);
  }
}

function requireSessionHeader(headers: IncomingHttpHeaders, kind: SessionKind): void {
  if (headers[SESSION_HEADER] !== kind) {
    throw new ApiError(403, ErrorCode.Forbidden, `Send the header ${SESSION_HEADER}: ${kind} with this request (the web app does; a page on another site cannot).`);
  }
}

import { Controller, Get, Headers, Inject, Logger, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { IncomingHttpHeaders } from 'node:http';

import { AccessTokenService } from '../auth/access-token.service';
import type { GatewayConfig } from '../config/gateway.config';
import { GATEWAY_CONFIG } from '../gateway.tokens';
import { correlationIdFor } from '../routing/forward-headers';
import { sessionSetCookie } from '../web-session/web-session.cookies';
import { WEB_SESSION_SECURE } from '../web-session/web-session.tokens';
import { SsoSignInRefused, SsoSignInService } from './sso-sign-in.service';
import { SsoStateCookie } from './sso-state.cookie';

/** Where the console is; a refused sign-in comes back with `?sso_error=<code>`, which it shows translated. */
const CONSOLE_PATH = '/console';
/** Where a signed-in person lands: the console then asks GET /web/session/staff and keeps its tab's marker (session.ts). */
export const SSO_SIGNED_IN_PATH = `${CONSOLE_PATH}?sso=signed_in`;

/**
 * The browser's side of single sign-on: top-level navigations (a link, a form's GET), answered
 * with redirects, never with a body a script reads. Every failure, an unexpected one included,
 * ends at the console with an error code, never at a 500 page; only the log says more.
 */
@Controller('web/sso')
export class SsoSignInController {
  private readonly logger = new Logger(SsoSignInController.name);
  private readonly stateCookie: SsoStateCookie;

  constructor(
    private readonly signIn: SsoSignInService,
    private readonly tokens: AccessTokenService,
    @Inject(WEB_SESSION_SECURE) private readonly secure: boolean,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {
    this.stateCookie = new SsoStateCookie(config.SECRETS_ENCRYPTION_KEY, secure);
  }

  /** `?email=`: off to the provider of the institution that claims the address's domain. */
  @Get('start')
  async start(@Query('email') email: unknown, @Res() reply: FastifyReply): Promise<void> {
    try {
      const { authorizationUrl, pending } = await this.signIn.start(email);
      redirect(reply, authorizationUrl, [this.stateCookie.setCookie(pending)]);
    } catch (error) {
      this.refuse(reply, error, 'start');
    }
  }

  /** The provider's answer: the staff session cookie and the console, or the console with `sso_error`. */
  @Get('callback')
  async callback(@Req() request: FastifyRequest, @Headers() headers: IncomingHttpHeaders, @Res() reply: FastifyReply): Promise<void> {
    // The state is used once, whatever happens next.
    const clear = this.stateCookie.clearCookie();
    try {
      const callbackUrl = new URL(request.url, this.config.PUBLIC_URL);
      const signedIn = await this.signIn.finish(callbackUrl, this.stateCookie.read(headers), correlationIdFor(headers));
      redirect(reply, SSO_SIGNED_IN_PATH, [clear, sessionSetCookie('staff', signedIn.accessToken, this.tokens.ttlSeconds, this.secure)]);
    } catch (error) {
      this.refuse(reply, error, 'callback', [clear]);
    }
  }

  private refuse(reply: FastifyReply, error: unknown, step: string, cookies: string[] = []): void {
    const code = error instanceof SsoSignInRefused ? error.code : 'provider_failed';
    if (error instanceof SsoSignInRefused) this.logger.warn(`SSO ${step} refused (${code}): ${error.message}`);
    else this.logger.error(`SSO ${step} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    redirect(reply, `${CONSOLE_PATH}?sso_error=${code}`, cookies);
  }
}

/** A 302 that no cache keeps and whose URL (a code, a state) no Referer carries further. */
function redirect(reply: FastifyReply, location: string, cookies: string[]): void {
  void reply.code(302).header('location', location).header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
  if (cookies.length > 0) void reply.header('set-cookie', cookies);
  void reply.send();
}

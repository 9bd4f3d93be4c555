import { Body, Controller, Get, Headers, HttpCode, Inject, Post, Query, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

import {
  BadgeConnectAuthorizationQuerySchema,
  BadgeConnectAuthorizeBodySchema,
  BadgeConnectRegistrationBodySchema,
  BadgeConnectTokenBodySchema,
  type BadgeConnectClient,
  type BadgeConnectConsent,
  type BadgeConnectRedirect,
  type BadgeConnectManifest,
  type BadgeConnectToken,
} from '@badges/api-contracts';
import { CorrelationId, InternalTokenGuard, parseWith } from '@badges/service-kit';

import { Learner, LearnerAuthGuard, LearnerIfSignedIn, OptionalLearnerGuard } from '../accounts/learner-auth.guard';
import type { LearnerScope } from '../common/learner-scope';
import { PASSPORT_CONFIG } from '../common/tokens';
import type { PassportConfig } from '../config/passport.config';
import { BadgeConnectService } from './badge-connect.service';
import { ALL_SCOPES } from './scopes';

/** Discovery, registration, consent and tokens of Badge Connect 2.1. */
@Controller()
@UseGuards(InternalTokenGuard)
export class BadgeConnectController {
  constructor(private readonly connect: BadgeConnectService, @Inject(PASSPORT_CONFIG) private readonly config: PassportConfig) {}

  @Get('.well-known/badgeconnect.json')
  manifest(): BadgeConnectManifest {
    const base = this.config.publicUrl;
    return {
      '@context': 'https://w3id.org/openbadges/badgeconnect/v1',
      id: `${base}/.well-known/badgeconnect.json`,
      badgeConnectAPI: [
        {
          name: 'Badge Passport',
          image: `${base}/favicon.png`,
          apiBase: `${base}/bcv1`,
          version: 'v1',
          termsOfServiceUrl: `${base}/terms`,
          privacyPolicyUrl: `${base}/privacy`,
          scopesOffered: [...ALL_SCOPES],
          registrationUrl: `${base}/o/badgeconnect/register`,
          authorizationUrl: `${base}/o/badgeconnect/authorize`,
          tokenUrl: `${base}/o/badgeconnect/token`,
        },
      ],
    };
  }

  @Post('o/badgeconnect/register')
  @HttpCode(201)
  register(@Body() body: unknown): Promise<BadgeConnectClient> {
    return this.connect.register(parseWith(BadgeConnectRegistrationBodySchema, body));
  }

  /**
   * What the consent page (the web app at the manifest's authorizationUrl) shows for a client's
   * authorization request; anyone may ask, it reveals only what the client registered. A learner
   * who approved the client before for every scope asked gets the code at once (decision 0042):
   * never stored by a cache.
   */
  @Get('o/badgeconnect/consent')
  @UseGuards(OptionalLearnerGuard)
  consent(@LearnerIfSignedIn() learner: LearnerScope | undefined, @Query() query: unknown, @Res({ passthrough: true }) reply: FastifyReply): Promise<BadgeConnectConsent> {
    reply.header('cache-control', 'no-store');
    return this.connect.consent(parseWith(BadgeConnectAuthorizationQuerySchema, query), learner);
  }

  /**
   * The learner's answer, with their passport session: where their browser goes next, as JSON
   * (a page's fetch cannot read a redirect to another origin), with `code` or `error`, and `state`.
   */
  @Post('o/badgeconnect/authorize')
  @HttpCode(200)
  @UseGuards(LearnerAuthGuard)
  async authorize(@Learner() learner: LearnerScope, @Body() body: unknown, @Res({ passthrough: true }) reply: FastifyReply): Promise<BadgeConnectRedirect> {
    reply.header('cache-control', 'no-store');
    return this.connect.authorize(learner, parseWith(BadgeConnectAuthorizeBodySchema, body));
  }

  @Post('o/badgeconnect/token')
  @HttpCode(200)
  token(@Body() body: unknown, @Headers('authorization') authorization: string | undefined, @CorrelationId() _correlationId: string): Promise<BadgeConnectToken> {
    return this.connect.token(parseWith(BadgeConnectTokenBodySchema, body), basicCredentials(authorization));
  }
}

/** `Basic base64(urlencoded id ":" urlencoded secret)` (RFC 6749 §2.3.1). */
function basicCredentials(header: string | undefined): { clientId: string; secret: string } | undefined {
  const match = header ? /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header) : null;
  if (!match) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { clientId: decodeURIComponent(decoded.slice(0, colon)), secret: decodeURIComponent(decoded.slice(colon + 1)) };
}

import { Body, Controller, Get, Headers, Inject, Logger, Post, Put, Query, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

import {
  CompactJwsSchema,
  OpenBadgeCredentialBodySchema,
  OpenBadgesApiScope,
  OpenBadgesCredentialsQuerySchema,
  OpenBadgesProfileBodySchema,
  type GetOpenBadgeCredentialsResponse,
  type OpenBadgesProfile,
  type OpenBadgesServiceDescription,
} from '@badges/api-contracts';
import { JsonTooDeepError, parseJsonWithinLimits } from '@badges/openbadges';
import { ApiError, CorrelationId, ErrorCode, InternalTokenGuard, MAX_BODY_JSON_DEPTH, OPEN_BADGES_API_PREFIX, parseWith } from '@badges/service-kit';

import { BadgeConnectAuthGuard, BadgeConnectLearner, RequiresScope } from '../badge-connect/badge-connect-auth.guard';
import type { LearnerScope } from '../common/learner-scope';
import { PASSPORT_CONFIG } from '../common/tokens';
import type { PassportConfig } from '../config/passport.config';
import { readCredential, type HeldCredential } from '../credentials/credential-document';
import { CredentialIntakeService } from '../credentials/credential-intake.service';
import { KeptCredentialsService, type KeptCredential } from '../credentials/kept-credentials.service';
import { LearnerProfileService } from './learner-profile.service';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, pagingLinks } from './paging';
import { serviceDescription } from './service-description';

/** The JSON media types upsertCredential takes a credential in (OB 3.0: `application/json` or `application/vc+ld+json`). */
const JSON_TYPES = new Set(['application/json', 'application/vc+ld+json', 'application/ld+json']);

/**
 * The Open Badges 3.0 API, Host/Provider side (OB 3.0 §6), for the wallets a learner connects:
 * discovery, getCredentials, upsertCredential, getProfile and putProfile. Tokens, scopes and
 * consent are Badge Connect's (one OAuth2 server, decisions 0039 and 0042); every error leaves as
 * `Imsx_StatusInfo` (service-kit's imsx-errors.ts).
 */
@Controller(OPEN_BADGES_API_PREFIX.slice(1))
@UseGuards(InternalTokenGuard)
export class OpenBadgesApiController {
  private readonly logger = new Logger(OpenBadgesApiController.name);

  constructor(
    @Inject(PASSPORT_CONFIG) private readonly config: PassportConfig,
    private readonly kept: KeptCredentialsService,
    private readonly intake: CredentialIntakeService,
    private readonly profiles: LearnerProfileService,
  ) {}

  /** Unauthenticated, as OB 3.0 requires. */
  @Get('discovery')
  discovery(): OpenBadgesServiceDescription {
    return serviceDescription(this.config.publicUrl);
  }

  @Get('credentials')
  @UseGuards(BadgeConnectAuthGuard)
  @RequiresScope(OpenBadgesApiScope.CredentialRead)
  async credentials(@BadgeConnectLearner() learner: LearnerScope, @Query() query: unknown, @Res({ passthrough: true }) reply: FastifyReply): Promise<GetOpenBadgeCredentialsResponse> {
    const asked = parseWith(OpenBadgesCredentialsQuerySchema, query);
    const page = { limit: Math.min(asked.limit ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE), offset: asked.offset ?? 0, ...(asked.since ? { since: asked.since } : {}) };
    const { total, credentials } = await this.kept.page(learner, { ...page, since: asked.since ? new Date(asked.since) : undefined });
    void reply
      .header('x-total-count', String(total))
      .header('link', pagingLinks(`${this.config.publicUrl}${OPEN_BADGES_API_PREFIX}/credentials`, page, total))
      .header('cache-control', 'no-store');
    return { credential: credentials.flatMap((kept) => this.asJson(kept)), compactJwsStrings: credentials.filter((kept) => kept.format === 'jwt').map((kept) => kept.text) };
  }

  /**
   * upsertCredential: a credential as JSON (`application/json` or `application/vc+ld+json`) or a
   * VC-JWT (`text/plain`), verified before it is kept. 201 when new, 200 when it replaced the same
   * credential (OB 3.0 equality: its id and its issuer's); the body is the credential sent.
   */
  @Post('credentials')
  @UseGuards(BadgeConnectAuthGuard)
  @RequiresScope(OpenBadgesApiScope.CredentialUpsert)
  async upsert(
    @BadgeConnectLearner() learner: LearnerScope,
    @Body() body: unknown,
    @Headers('content-type') contentType: string | undefined,
    @CorrelationId() correlationId: string,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const held = credentialIn(body, contentType);
    const { created } = await this.intake.hold(learner, held, { existing: 'replace', correlationId });
    void reply.code(created ? 201 : 200).header('cache-control', 'no-store');
    return held.format === 'jwt' ? reply.type('text/plain; charset=utf-8').send(held.text) : reply.type('application/json; charset=utf-8').send(held.document);
  }

  @Get('profile')
  @UseGuards(BadgeConnectAuthGuard)
  @RequiresScope(OpenBadgesApiScope.ProfileRead)
  async profile(@BadgeConnectLearner() learner: LearnerScope, @Res({ passthrough: true }) reply: FastifyReply): Promise<OpenBadgesProfile> {
    void reply.header('cache-control', 'no-store');
    return this.profiles.get(learner);
  }

  @Put('profile')
  @UseGuards(BadgeConnectAuthGuard)
  @RequiresScope(OpenBadgesApiScope.ProfileUpdate)
  async putProfile(@BadgeConnectLearner() learner: LearnerScope, @Body() body: unknown, @Res({ passthrough: true }) reply: FastifyReply): Promise<OpenBadgesProfile> {
    void reply.header('cache-control', 'no-store');
    return this.profiles.put(learner, parseWith(OpenBadgesProfileBodySchema, body));
  }

  /** A kept credential with an embedded proof, as JSON; a JWT or unreadable text is not one (the latter logged). */
  private asJson(kept: KeptCredential): Record<string, unknown>[] {
    if (kept.format !== 'ldp') return [];
    try {
      return [JSON.parse(kept.text) as Record<string, unknown>];
    } catch {
      this.logger.error('a kept credential is not JSON; it is left out of the answer');
      return [];
    }
  }
}

/** The credential in upsertCredential's body, by its Content-Type; a 400 says what was wrong with it. */
function credentialIn(body: unknown, contentType: string | undefined): HeldCredential {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'text/plain') {
    const held = readCredential(parseWith(CompactJwsSchema, body));
    if (held?.format !== 'jwt') throw ApiError.validation('This compact JWS holds no OpenBadgeCredential: a VC-JWT carries the credential in its vc claim (OB 3.0 §8.2).');
    return held;
  }
  if (!JSON_TYPES.has(type)) throw new ApiError(415, ErrorCode.UnsupportedMediaType, 'Send the credential as application/json (or application/vc+ld+json), or a VC-JWT as text/plain.');
  const document = typeof body === 'string' ? jsonBody(body) : body;
  parseWith(OpenBadgeCredentialBodySchema, document);
  return { format: 'ldp', text: typeof body === 'string' ? body : JSON.stringify(document), document: document as Record<string, unknown> };
}

/** A JSON-LD body (read as text by its own parser, passport.app.ts), with the same depth budget as any JSON body. */
function jsonBody(text: string): unknown {
  try {
    return parseJsonWithinLimits(text, { maxDepth: MAX_BODY_JSON_DEPTH });
  } catch (error) {
    if (error instanceof JsonTooDeepError) throw ApiError.validation(`The JSON body is nested more than ${MAX_BODY_JSON_DEPTH} levels deep.`);
    throw new ApiError(400, ErrorCode.InvalidJson, 'The request body is not valid JSON.');
  }
}

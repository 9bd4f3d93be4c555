import { Body, Controller, Get, Headers, HttpCode, Post, Query, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

import { successEnvelope, type ConfirmedEmailV2, type UserV2, type V2SuccessEnvelope, ConfirmBodySchema, SignInBodySchema, SignUpBodySchema } from '@badges/api-contracts';
import { ApiError, CorrelationId, ErrorCode, InternalTokenGuard, parseWith } from '@badges/service-kit';

import { escapeHtml, page } from '../common/html';
import { toEmailV2, toUserV2 } from './accounts.dto';
import { AccountsService } from './accounts.service';
import { IdentifiersService } from './identifiers.service';
import { LearnerAuthGuard, LearnerToken } from './learner-auth.guard';
import { SessionsService } from './sessions.service';

/** Learner sign-up and sign-in (design.md §3 "learners"); the confirmation link lands here too. */
@Controller('v2/auth')
@UseGuards(InternalTokenGuard)
export class AuthController {
  constructor(private readonly accounts: AccountsService, private readonly identifiers: IdentifiersService, private readonly sessions: SessionsService) {}

  /** 201 with the new user; the sign-up address gets a confirmation link (badges collect once it is confirmed). */
  @Post('signup')
  @HttpCode(201)
  async signUp(@Body() body: unknown, @CorrelationId() correlationId: string): Promise<V2SuccessEnvelope<UserV2>> {
    const { learner, identifiers } = await this.accounts.signUp(parseWith(SignUpBodySchema, body), correlationId);
    return successEnvelope(toUserV2(learner, identifiers));
  }

  /** The OAuth2-shaped answer Badgr clients expect from their password grant. */
  @Post('token')
  @HttpCode(200)
  async token(@Body() body: unknown): Promise<{ access_token: string; token_type: 'Bearer'; expires_in: number; scope: string }> {
    const { username, password } = parseWith(SignInBodySchema, body);
    const session = await this.accounts.signIn(username, password);
    return { access_token: session.token, token_type: 'Bearer', expires_in: session.expiresIn, scope: 'rw:profile rw:backpack' };
  }

  /** Signs this token out (other sessions stay). */
  @Post('logout')
  @HttpCode(204)
  @UseGuards(LearnerAuthGuard)
  async logout(@LearnerToken() token: string): Promise<void> {
    await this.sessions.revoke(token);
  }

  /**
   * The emailed link. GET only shows a button: mail scanners follow links, and must not
   * confirm an address on the learner's behalf.
   */
  @Get('confirm-email')
  confirmPage(@Query('token') token: string | undefined, @Res() reply: FastifyReply): FastifyReply {
    if (typeof token !== 'string' || token.length < 16 || token.length > 128) {
      throw new ApiError(400, ErrorCode.InvalidConfirmation, 'This confirmation link is incomplete; open the link from the email again.', 'token');
    }
    const body = `<h1>Confirm your email address</h1><form method="post" action="confirm-email"><input type="hidden" name="token" value="${escapeHtml(token)}"><button type="submit">Confirm</button></form>`;
    return reply.type('text/html; charset=utf-8').send(page('Confirm your email address', body));
  }

  @Post('confirm-email')
  @HttpCode(200)
  async confirm(@Body() body: unknown, @Headers('accept') accept: string | undefined, @CorrelationId() correlationId: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<V2SuccessEnvelope<ConfirmedEmailV2> | string> {
    const { token } = parseWith(ConfirmBodySchema, body);
    const { identifier, collected } = await this.identifiers.confirm(token, correlationId);
    if ((accept ?? '').includes('text/html')) {
      reply.type('text/html; charset=utf-8');
      return page('Email confirmed', `<h1>Email confirmed</h1><p>${escapeHtml(identifier.value)} is confirmed. ${collected} badge(s) were added to your passport as pending.</p>`);
    }
    return successEnvelope({ ...toEmailV2({ username: '' }, identifier), collected });
  }
}

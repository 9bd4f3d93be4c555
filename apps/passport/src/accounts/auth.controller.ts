import { Body, Controller, Get, Headers, HttpCode, Post, Query, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

import { successEnvelope, type ConfirmedEmailV2, type UserV2, type V2SuccessEnvelope, ConfirmBodySchema, SignInBodySchema, SignUpBodySchema } from '@badges/api-contracts';
import { CorrelationId, InternalTokenGuard, parseWith } from '@badges/service-kit';

import { toEmailV2, toUserV2 } from './accounts.dto';
import { confirmationPath } from './confirmation-token';
import { AccountsService } from './accounts.service';
import { IdentifiersService } from './identifiers.service';
import { LearnerAuthGuard, LearnerToken } from './learner-auth.guard';
import { SessionsService } from './sessions.service';

/** Learner sign-up and sign-in (design.md §3 "learners"); old confirmation links land here and are sent on. */
@Controller('v2/auth')
@UseGuards(InternalTokenGuard)
export class AuthController {
  constructor(private readonly accounts: AccountsService, private readonly identifiers: IdentifiersService, private readonly sessions: SessionsService) {}

  /** 201 with the new user; the sign-up address gets a confirmation link (badges collect once it is confirmed). */
  @Post('signup')
  @HttpCode(201)
  async signUp(@Body() body: unknown, @Headers('accept-language') acceptLanguage: string | undefined, @CorrelationId() correlationId: string): Promise<V2SuccessEnvelope<UserV2>> {
    const { learner, identifiers } = await this.accounts.signUp(parseWith(SignUpBodySchema, body), acceptLanguage, correlationId);
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
   * Links emailed before the web app's confirmation page existed pointed here: they are sent on to
   * it (303), which confirms on a click (mail scanners follow links, and must not confirm).
   */
  @Get('confirm-email')
  confirmPage(@Query('token') token: unknown, @Res() reply: FastifyReply): FastifyReply {
    // Even a damaged link goes on: the page tells the learner what to do, in their language.
    return reply.code(303).header('location', confirmationPath(typeof token === 'string' ? token.slice(0, 128) : '')).send();
  }

  @Post('confirm-email')
  @HttpCode(200)
  async confirm(@Body() body: unknown, @CorrelationId() correlationId: string): Promise<V2SuccessEnvelope<ConfirmedEmailV2>> {
    const { token } = parseWith(ConfirmBodySchema, body);
    const { identifier, collected } = await this.identifiers.confirm(token, correlationId);
    return successEnvelope({ ...toEmailV2({ username: '' }, identifier), collected });
  }
}

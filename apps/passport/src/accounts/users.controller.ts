import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post, Put, UseGuards } from '@nestjs/common';

import { successEnvelope, type AddedIdentifierV2, type EmailV2, type IdentifierV2, type UserV2, type V2SuccessEnvelope, type VerifiedIdentifierV2, AddEmailBodySchema, AddIdentifierBodySchema, MergeBodySchema, PasswordBodySchema, UserUpdateBodySchema } from '@badges/api-contracts';
import { CorrelationId, InternalTokenGuard, parseWith } from '@badges/service-kit';

import { EntityIdPipe } from '../common/entity-id.pipe';
import type { LearnerScope } from '../common/learner-scope';
import { toEmailV2, toUserV2 } from './accounts.dto';
import { AccountsService } from './accounts.service';
import { IdentifiersService } from './identifiers.service';
import { Learner, LearnerAuthGuard } from './learner-auth.guard';
import { UrlProof } from './url-proof';

/** The signed-in learner (Badgr `/v2/users/self`), their identifiers, deletion and merging. */
@Controller('v2/users/self')
@UseGuards(InternalTokenGuard, LearnerAuthGuard)
export class UsersController {
  constructor(private readonly accounts: AccountsService, private readonly identifiers: IdentifiersService, private readonly urlProof: UrlProof) {}

  @Get()
  async self(@Learner() scope: LearnerScope): Promise<V2SuccessEnvelope<UserV2>> {
    const { learner, identifiers } = await this.accounts.profile(scope);
    return successEnvelope(toUserV2(learner, identifiers));
  }

  /** The language of the learner's emails (the web app's switcher saves it here). */
  @Put()
  async update(@Learner() scope: LearnerScope, @Body() body: unknown, @CorrelationId() correlationId: string): Promise<V2SuccessEnvelope<UserV2>> {
    const { learner, identifiers } = await this.accounts.setLanguage(scope, parseWith(UserUpdateBodySchema, body).language, correlationId);
    return successEnvelope(toUserV2(learner, identifiers));
  }

  /** Deletes the account and all its data; the password is asked again. */
  @Delete()
  @HttpCode(204)
  async delete(@Learner() scope: LearnerScope, @Body() body: unknown, @CorrelationId() correlationId: string): Promise<void> {
    await this.accounts.deleteAccount(scope, parseWith(PasswordBodySchema, body).password, correlationId);
  }

  /** Merges another account of the same person into this one (its username and password prove it). */
  @Post('merge')
  @HttpCode(200)
  async merge(@Learner() scope: LearnerScope, @Body() body: unknown, @CorrelationId() correlationId: string): Promise<V2SuccessEnvelope<UserV2>> {
    const { learner, identifiers } = await this.accounts.merge(scope, parseWith(MergeBodySchema, body), correlationId);
    return successEnvelope(toUserV2(learner, identifiers));
  }

  @Get('emails')
  async emails(@Learner() scope: LearnerScope): Promise<V2SuccessEnvelope<EmailV2>> {
    const { learner, identifiers } = await this.accounts.profile(scope);
    return successEnvelope(identifiers.filter((i) => i.type === 'email').map((i) => toEmailV2(learner, i)));
  }

  /** 201; a confirmation link is emailed. Posting an unverified address again re-sends the link. */
  @Post('emails')
  @HttpCode(201)
  async addEmail(
    @Learner() scope: LearnerScope,
    @Body() body: unknown,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @CorrelationId() correlationId: string,
  ): Promise<V2SuccessEnvelope<EmailV2>> {
    const identifier = await this.identifiers.addEmail(scope, parseWith(AddEmailBodySchema, body), acceptLanguage, correlationId);
    const { learner } = await this.accounts.profile(scope);
    return successEnvelope(toEmailV2(learner, identifier));
  }

  @Delete('emails/:entityId')
  @HttpCode(204)
  async removeEmail(@Learner() scope: LearnerScope, @Param('entityId', EntityIdPipe) id: string, @CorrelationId() correlationId: string): Promise<void> {
    await this.identifiers.remove(scope, id, correlationId);
  }

  @Get('identifiers')
  async listIdentifiers(@Learner() scope: LearnerScope): Promise<V2SuccessEnvelope<IdentifierV2>> {
    const { learner, identifiers } = await this.accounts.profile(scope);
    return successEnvelope(toUserV2(learner, identifiers).identifiers);
  }

  /** A URL (answered with the proof text to put on its page) or a telephone number (kept unverified). */
  @Post('identifiers')
  @HttpCode(201)
  async addIdentifier(@Learner() scope: LearnerScope, @Body() body: unknown): Promise<V2SuccessEnvelope<AddedIdentifierV2>> {
    const { type, value } = parseWith(AddIdentifierBodySchema, body);
    const identifier = await this.identifiers.addOther(scope, type, value);
    return successEnvelope({ entityId: identifier.id, type: identifier.type, identifier: identifier.value, verified: false, ...(type === 'url' ? { proof: this.urlProof.textFor(identifier.id) } : {}) });
  }

  /** Checks that the URL's page shows its proof text; verifies it and collects its badges. */
  @Post('identifiers/:entityId/verify')
  @HttpCode(200)
  async verifyIdentifier(@Learner() scope: LearnerScope, @Param('entityId', EntityIdPipe) id: string, @CorrelationId() correlationId: string): Promise<V2SuccessEnvelope<VerifiedIdentifierV2>> {
    const { identifier, collected } = await this.identifiers.verifyUrl(scope, id, correlationId);
    return successEnvelope({ entityId: identifier.id, type: identifier.type, identifier: identifier.value, verified: true, collected });
  }

  @Delete('identifiers/:entityId')
  @HttpCode(204)
  async removeIdentifier(@Learner() scope: LearnerScope, @Param('entityId', EntityIdPipe) id: string, @CorrelationId() correlationId: string): Promise<void> {
    await this.identifiers.remove(scope, id, correlationId);
  }
}

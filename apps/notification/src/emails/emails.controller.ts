import { Controller, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';

import { EmailListQuerySchema, successEnvelope, type EmailDeliveryV2, type V2SuccessEnvelope } from '@badges/api-contracts';
import { InstitutionId, InternalTokenGuard, parseWith, StaffIssuerAccess, tenantScope, type IssuerAccess } from '@badges/service-kit';

import { EntityIdPipe } from '../common/entity-id.pipe';
import { toEmailDeliveryV2 } from './emails.dto';
import { EmailsService } from './emails.service';

@Controller('v2/notifications/emails')
@UseGuards(InternalTokenGuard)
export class EmailsController {
  constructor(private readonly emails: EmailsService) {}

  /** The institution's emails, newest first (at most 100), optionally for one assertion. */
  @Get()
  async list(@InstitutionId() institutionId: string, @Query() query: unknown): Promise<V2SuccessEnvelope<EmailDeliveryV2>> {
    const { assertion } = parseWith(EmailListQuerySchema, query);
    return successEnvelope((await this.emails.list(tenantScope(institutionId), assertion)).map(toEmailDeliveryV2));
  }

  @Get(':entityId')
  async get(@InstitutionId() institutionId: string, @Param('entityId', EntityIdPipe) id: string): Promise<V2SuccessEnvelope<EmailDeliveryV2>> {
    return successEnvelope(toEmailDeliveryV2(await this.emails.get(tenantScope(institutionId), id)));
  }

  /** 202: the email is queued again; poll the delivery for its outcome. A person needs a role that awards on its issuer. */
  @Post(':entityId/resend')
  @HttpCode(202)
  async resend(
    @InstitutionId() institutionId: string,
    @Param('entityId', EntityIdPipe) id: string,
    @StaffIssuerAccess() access: IssuerAccess,
  ): Promise<V2SuccessEnvelope<EmailDeliveryV2>> {
    return successEnvelope(toEmailDeliveryV2(await this.emails.resend(tenantScope(institutionId), id, access)));
  }
}

import { Body, Controller, Delete, Get, HttpCode, Param, Put, UseGuards } from '@nestjs/common';

import { successEnvelope, TEMPLATE_PLACEHOLDERS, TemplateBodySchema, type EmailTemplateV2, type V2SuccessEnvelope } from '@badges/api-contracts';
import { ApiError, InstitutionId, InternalTokenGuard, parseWith, tenantScope } from '@badges/service-kit';

import { isTemplateKind, type TemplateKind } from './default-templates';
import { TemplatesService, type EffectiveTemplate } from './templates.service';

@Controller('v2/notifications/templates')
@UseGuards(InternalTokenGuard)
export class TemplatesController {
  constructor(private readonly templates: TemplatesService) {}

  /** The template in effect: the institution's override, or the default. */
  @Get(':kind')
  async get(@InstitutionId() institutionId: string, @Param('kind') kind: string): Promise<V2SuccessEnvelope<EmailTemplateV2>> {
    return successEnvelope(toEmailTemplateV2(await this.templates.effective(tenantScope(institutionId), requireKind(kind))));
  }

  @Put(':kind')
  async put(@InstitutionId() institutionId: string, @Param('kind') kind: string, @Body() body: unknown): Promise<V2SuccessEnvelope<EmailTemplateV2>> {
    const templateKind = requireKind(kind);
    return successEnvelope(toEmailTemplateV2(await this.templates.override(tenantScope(institutionId), templateKind, parseWith(TemplateBodySchema, body))));
  }

  /** Back to the default; 204 whether or not there was an override. */
  @Delete(':kind')
  @HttpCode(204)
  async reset(@InstitutionId() institutionId: string, @Param('kind') kind: string): Promise<void> {
    await this.templates.reset(tenantScope(institutionId), requireKind(kind));
  }
}

function requireKind(kind: string): TemplateKind {
  if (!isTemplateKind(kind)) throw ApiError.notFound('template');
  return kind;
}

function toEmailTemplateV2(template: EffectiveTemplate): EmailTemplateV2 {
  return {
    kind: template.kind,
    subject: template.subject,
    text: template.text,
    html: template.html,
    isDefault: template.isDefault,
    placeholders: [...TEMPLATE_PLACEHOLDERS],
    updatedAt: template.updatedAt?.toISOString() ?? null,
  };
}

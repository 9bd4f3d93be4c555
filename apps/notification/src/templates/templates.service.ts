import { Injectable } from '@nestjs/common';

import type { NotificationTx } from '../prisma/notification-prisma.service';
import { DEFAULT_TEMPLATES, type TemplateKind } from './default-templates';
import type { EmailTemplateContent } from './template-renderer';
import type { TemplateBody } from '@badges/api-contracts';
import { TemplatesRepository } from './templates.repository';

import { type TenantScope } from '@badges/service-kit';

export interface EffectiveTemplate extends EmailTemplateContent {
  kind: TemplateKind;
  isDefault: boolean;
  updatedAt: Date | null;
}

/** The institution's override of a template, or the built-in default. */
@Injectable()
export class TemplatesService {
  constructor(private readonly templates: TemplatesRepository) {}

  async effective(scope: TenantScope, kind: TemplateKind, tx?: NotificationTx): Promise<EffectiveTemplate> {
    const override = await this.templates.find(scope, kind, tx);
    if (!override) return { kind, ...DEFAULT_TEMPLATES[kind], isDefault: true, updatedAt: null };
    return { kind, subject: override.subject, text: override.text, html: override.html, isDefault: false, updatedAt: override.updatedAt };
  }

  async override(scope: TenantScope, kind: TemplateKind, body: TemplateBody): Promise<EffectiveTemplate> {
    const saved = await this.templates.upsert(scope, kind, { subject: body.subject, text: body.text, html: body.html ?? null });
    return { kind, subject: saved.subject, text: saved.text, html: saved.html, isDefault: false, updatedAt: saved.updatedAt };
  }

  async reset(scope: TenantScope, kind: TemplateKind): Promise<void> {
    await this.templates.delete(scope, kind);
  }
}

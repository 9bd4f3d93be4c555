import { Injectable } from '@nestjs/common';

import type { EmailTemplate } from '../generated/prisma/client';
import { NotificationPrismaService, type NotificationTx } from '../prisma/notification-prisma.service';
import type { EmailTemplateContent } from './template-renderer';

import { type TenantScope } from '@badges/service-kit';

/** Template overrides of one institution. */
@Injectable()
export class TemplatesRepository {
  constructor(private readonly prisma: NotificationPrismaService) {}

  find(scope: TenantScope, kind: string, tx: NotificationTx = this.prisma): Promise<EmailTemplate | null> {
    return tx.emailTemplate.findUnique({ where: { institutionId_kind: { institutionId: scope.institutionId, kind } } });
  }

  upsert(scope: TenantScope, kind: string, content: EmailTemplateContent): Promise<EmailTemplate> {
    const key = { institutionId: scope.institutionId, kind };
    return this.prisma.emailTemplate.upsert({ where: { institutionId_kind: key }, create: { ...key, ...content }, update: content });
  }

  async delete(scope: TenantScope, kind: string): Promise<void> {
    await this.prisma.emailTemplate.deleteMany({ where: { institutionId: scope.institutionId, kind } });
  }
}

import { Injectable } from '@nestjs/common';

import { SsoRoleMappingSchema, type SsoRoleMapping } from '@badges/api-contracts';

import type { Prisma } from '../generated/prisma/client';
import { GatewayPrismaService, type GatewayTx } from '../prisma/gateway-prisma.service';

/** An institution's SSO as the gateway uses it: the secret still sealed. A type, not an interface, so that fieldChanges can compare two. */
export type SsoSettingsRecord = {
  institutionId: string;
  issuerUrl: string;
  clientId: string;
  clientSecretSealed: string;
  allowedDomains: string[];
  roleClaim: string | null;
  roleMappings: SsoRoleMapping[];
  ssoOnly: boolean;
  enabled: boolean;
  updatedAt: Date;
};

export type SsoSettingsWrite = Omit<SsoSettingsRecord, 'updatedAt'>;

const SSO_RECORD = {
  institutionId: true,
  issuerUrl: true,
  clientId: true,
  clientSecretSealed: true,
  roleClaim: true,
  roleMappings: true,
  ssoOnly: true,
  enabled: true,
  updatedAt: true,
  domains: { select: { domain: true }, orderBy: { domain: 'asc' } },
} as const;

type SsoRow = Prisma.InstitutionSsoGetPayload<{ select: typeof SSO_RECORD }>;

/** Rows leave the database here; the mappings were checked by the contract when written. */
function asRecord(row: SsoRow): SsoSettingsRecord {
  const { domains, roleMappings, ...settings } = row;
  return { ...settings, allowedDomains: domains.map((entry) => entry.domain), roleMappings: SsoRoleMappingSchema.array().parse(roleMappings) };
}

/** The institutions' SSO settings and the email domains each claims. */
@Injectable()
export class SsoRepository {
  constructor(private readonly prisma: GatewayPrismaService) {}

  async find(institutionId: string, tx: GatewayTx = this.prisma): Promise<SsoSettingsRecord | null> {
    const row = await tx.institutionSso.findUnique({ where: { institutionId }, select: SSO_RECORD });
    return row && asRecord(row);
  }

  /** The enabled SSO that claims this email domain, if any (a domain is one institution's). */
  async findEnabledByDomain(domain: string): Promise<SsoSettingsRecord | null> {
    const row = await this.prisma.institutionSso.findFirst({ where: { enabled: true, domains: { some: { domain } } }, select: SSO_RECORD });
    return row && asRecord(row);
  }

  /** Those of `domains` that another institution's SSO claims. */
  async domainsClaimedElsewhere(institutionId: string, domains: readonly string[], tx: GatewayTx): Promise<string[]> {
    const rows = await tx.ssoDomain.findMany({ where: { domain: { in: [...domains] }, institutionId: { not: institutionId } }, select: { domain: true }, orderBy: { domain: 'asc' } });
    return rows.map((row) => row.domain);
  }

  /** Creates or replaces the institution's settings and its domains. */
  async save(settings: SsoSettingsWrite, tx: GatewayTx): Promise<SsoSettingsRecord> {
    const { institutionId, allowedDomains, roleMappings, ...fields } = settings;
    const data = { ...fields, roleMappings: roleMappings as unknown as Prisma.InputJsonValue };
    await tx.institutionSso.upsert({ where: { institutionId }, create: { institutionId, ...data }, update: data });
    await tx.ssoDomain.deleteMany({ where: { institutionId } });
    await tx.ssoDomain.createMany({ data: allowedDomains.map((domain) => ({ domain, institutionId })) });
    return (await this.find(institutionId, tx)) as SsoSettingsRecord;
  }

  /** Deletes the settings (their domains go with them). */
  async remove(institutionId: string, tx: GatewayTx): Promise<void> {
    await tx.institutionSso.delete({ where: { institutionId } });
  }

  /** Locks the institution's settings row, if any, for the transaction: two admins' PUTs run one after the other. */
  async lock(institutionId: string, tx: GatewayTx): Promise<void> {
    await tx.$queryRaw`SELECT "institutionId" FROM "gateway"."institution_sso" WHERE "institutionId" = ${institutionId} FOR UPDATE`;
  }

  inTransaction<T>(work: (tx: GatewayTx) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(work);
  }
}

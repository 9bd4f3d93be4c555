import { Injectable } from '@nestjs/common';

import type { EndorserLanguage, EndorserProfileBody } from '@badges/api-contracts';
import { newEntityId } from '@badges/persistence';
import type { TenantScope } from '@badges/service-kit';

import type { EndorserProfile } from '../generated/prisma/client';
import { EndorsementPrismaService, type EndorsementTx } from '../prisma/endorsement-prisma.service';

/** Endorser Profiles: one per institution, written only by that institution. */
@Injectable()
export class EndorsersRepository {
  constructor(private readonly prisma: EndorsementPrismaService) {}

  findOwn(scope: TenantScope, tx: EndorsementTx = this.prisma): Promise<EndorserProfile | null> {
    return tx.endorserProfile.findUnique({ where: { institutionId: scope.institutionId } });
  }

  /** Another institution's profile, by its institution id: endorsers are public by nature. */
  findByInstitution(institutionId: string): Promise<EndorserProfile | null> {
    return this.prisma.endorserProfile.findUnique({ where: { institutionId } });
  }

  /** Every other institution's Profile, by name: whom an institution can ask for an endorsement. */
  listOthers(scope: TenantScope): Promise<EndorserProfile[]> {
    return this.prisma.endorserProfile.findMany({ where: { institutionId: { not: scope.institutionId } }, orderBy: [{ name: 'asc' }, { id: 'asc' }] });
  }

  /** The public Profile document (no tenant: it is published). */
  findPublic(id: string): Promise<EndorserProfile | null> {
    return this.prisma.endorserProfile.findUnique({ where: { id } });
  }

  /**
   * Create or replace; the id (and so the public URL) is kept across updates. An absent
   * `verification` or `language` keeps the current choice (hosted, and `newLanguage`, for a new
   * Profile), so a client that does not know the field cannot change it by accident.
   */
  upsert(scope: TenantScope, body: EndorserProfileBody, newLanguage: EndorserLanguage): Promise<EndorserProfile> {
    const fields = {
      name: body.name,
      url: body.url,
      email: body.email,
      description: body.description || null,
      ...(body.verification ? { verification: body.verification } : {}),
      ...(body.language ? { language: body.language } : {}),
    };
    return this.prisma.endorserProfile.upsert({
      where: { institutionId: scope.institutionId },
      create: { id: newEntityId(), institutionId: scope.institutionId, language: newLanguage, ...fields },
      update: fields,
    });
  }
}

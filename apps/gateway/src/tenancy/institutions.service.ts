import { Injectable } from '@nestjs/common';

import type { AdminApiClientCredentials, AdminInstitutionCreated } from '@badges/api-contracts';
import { newEntityId } from '@badges/persistence';
import { ApiError } from '@badges/service-kit';

import { newClientCredentials } from './client-secret';
import { InstitutionProvisioner } from './institution-provisioner';
import { InstitutionsRepository, type InstitutionSummary } from './institutions.repository';

@Injectable()
export class InstitutionsService {
  constructor(
    private readonly institutions: InstitutionsRepository,
    private readonly provisioner: InstitutionProvisioner,
  ) {}

  /** Order matters: owning services first (idempotent), then institution + client in one write. */
  async create(name: string): Promise<AdminInstitutionCreated> {
    const id = newEntityId();
    await this.provisioner.provision(id, name);
    const { clientId, clientSecret, secretHash } = await newClientCredentials();
    await this.institutions.createWithClient({ id, name, clientId, secretHash });
    return { id, name, client: { clientId, clientSecret } };
  }

  async addClient(institutionId: string): Promise<AdminApiClientCredentials> {
    if (!(await this.institutions.findName(institutionId))) throw ApiError.notFound('institution');
    const { clientId, clientSecret, secretHash } = await newClientCredentials();
    await this.institutions.addClient(institutionId, clientId, secretHash);
    return { clientId, clientSecret };
  }

  list(): Promise<InstitutionSummary[]> {
    return this.institutions.list();
  }

  async self(institutionId: string): Promise<{ entityId: string; name: string }> {
    const institution = await this.institutions.findName(institutionId);
    if (!institution) throw ApiError.notFound('institution');
    return { entityId: institution.id, name: institution.name };
  }
}

import { Injectable } from '@nestjs/common';

import type { AdminApiClientCredentials, AdminInstitutionCreated } from '@badges/api-contracts';
import { newEntityId } from '@badges/persistence';
import { ApiError } from '@badges/service-kit';

import { generateClientSecret, hashClientSecret } from './client-secret';
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
    const client = await newClient();
    await this.institutions.createWithClient({ id, name, clientId: client.clientId, secretHash: client.secretHash });
    return { id, name, client: client.credentials };
  }

  async addClient(institutionId: string): Promise<AdminApiClientCredentials> {
    if (!(await this.institutions.findName(institutionId))) throw ApiError.notFound('institution');
    const client = await newClient();
    await this.institutions.addClient(institutionId, client.clientId, client.secretHash);
    return client.credentials;
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

async function newClient(): Promise<{ clientId: string; secretHash: string; credentials: AdminApiClientCredentials }> {
  const clientId = newEntityId();
  const clientSecret = generateClientSecret();
  return { clientId, secretHash: await hashClientSecret(clientSecret), credentials: { clientId, clientSecret } };
}

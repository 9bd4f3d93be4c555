import { Injectable } from '@nestjs/common';

import type { AdminApiClientCredentials, AdminInstitutionCreated } from '@badges/api-contracts';
import type { EventOrigin } from '@badges/events';
import { newEntityId } from '@badges/persistence';
import { ApiError } from '@badges/service-kit';

import { recordChange } from '../audit/audit-recorder';
import { setFields } from '../audit/audit-record';
import { GatewayPrismaService, type GatewayTx } from '../prisma/gateway-prisma.service';
import type { ApiClientRecord } from '../clients/clients.repository';
import { newClientCredentials } from './client-secret';
import { InstitutionProvisioner } from './institution-provisioner';
import { InstitutionsRepository, type InstitutionSummary } from './institutions.repository';

@Injectable()
export class InstitutionsService {
  constructor(
    private readonly prisma: GatewayPrismaService,
    private readonly institutions: InstitutionsRepository,
    private readonly provisioner: InstitutionProvisioner,
  ) {}

  /**
   * Order matters: owning services first (idempotent), then institution + client in one write,
   * with the client's audit entry (the operator's: no actor).
   */
  async create(name: string, origin: EventOrigin): Promise<AdminInstitutionCreated> {
    const id = newEntityId();
    await this.provisioner.provision(id, name);
    const { clientId, clientSecret, secretHash } = await newClientCredentials();
    await this.prisma.$transaction(async (tx) => {
      const client = await this.institutions.createWithClient({ id, name, clientId, secretHash }, tx);
      await recordClientCreated(tx, id, clientId, client, origin);
    });
    return { id, name, client: { clientId, clientSecret } };
  }

  async addClient(institutionId: string, origin: EventOrigin): Promise<AdminApiClientCredentials> {
    if (!(await this.institutions.findName(institutionId))) throw ApiError.notFound('institution');
    const { clientId, clientSecret, secretHash } = await newClientCredentials();
    await this.prisma.$transaction(async (tx) => {
      const client = await this.institutions.addClient(institutionId, clientId, secretHash, tx);
      await recordClientCreated(tx, institutionId, clientId, client, origin);
    });
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

/** The operator made a client for an institution: its trail says so, as for the clients it makes itself. */
function recordClientCreated(tx: GatewayTx, institutionId: string, clientId: string, client: ApiClientRecord, origin: EventOrigin): Promise<void> {
  const changes = setFields({ name: client.name, scope: client.scope });
  return recordChange(tx, { institutionId, origin, action: 'client.created', target: { type: 'ApiClient', id: clientId }, changes });
}

import { Injectable, Logger } from '@nestjs/common';

import type { AdminApiClientCredentials, AdminInstitutionCreated, InstitutionStatus } from '@badges/api-contracts';
import type { EventOrigin } from '@badges/events';
import { newEntityId } from '@badges/persistence';
import { ApiError } from '@badges/service-kit';

import { recordChange } from '../audit/audit-recorder';
import { setFields } from '../audit/audit-record';
import { ClientStatusCache } from '../auth/client-status.cache';
import { StaffStatusCache } from '../auth/staff-status.cache';
import { GatewayPrismaService, type GatewayTx } from '../prisma/gateway-prisma.service';
import type { ApiClientRecord } from '../clients/clients.repository';
import { newClientCredentials } from './client-secret';
import { InstitutionProvisioner } from './institution-provisioner';
import { InstitutionsRepository, type InstitutionRecord, type InstitutionSummary } from './institutions.repository';

@Injectable()
export class InstitutionsService {
  private readonly logger = new Logger(InstitutionsService.name);

  constructor(
    private readonly prisma: GatewayPrismaService,
    private readonly institutions: InstitutionsRepository,
    private readonly provisioner: InstitutionProvisioner,
    private readonly clientStatus: ClientStatusCache,
    private readonly staffStatus: StaffStatusCache,
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

  /**
   * The owning services learn the new name first (the same idempotent upsert as at creation), so a
   * service that is down leaves the old name everywhere (503) rather than two names. The same name
   * again changes nothing and records nothing.
   */
  async rename(id: string, name: string, origin: EventOrigin): Promise<InstitutionRecord> {
    const current = await this.require(id);
    if (current.name === name) return current;
    await this.provisioner.provision(id, name);
    return this.prisma.$transaction(async (tx) => {
      const renamed = await this.institutions.rename(id, name, tx);
      await recordChange(tx, { institutionId: id, origin, action: 'institution.renamed', target: { type: 'Institution', id }, changes: { name: { before: current.name, after: name } } });
      return renamed;
    });
  }

  /**
   * Idempotent (decision 0032): suspending a suspended institution answers it as it is (its first
   * suspension's time and reason kept) and records nothing; the same for reactivating an active one.
   */
  suspend(id: string, reason: string | null, origin: EventOrigin): Promise<InstitutionRecord> {
    return this.changeStatus(id, 'active', reason, origin);
  }

  reactivate(id: string, origin: EventOrigin): Promise<InstitutionRecord> {
    return this.changeStatus(id, 'suspended', null, origin);
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

  private async changeStatus(id: string, from: InstitutionStatus, reason: string | null, origin: EventOrigin): Promise<InstitutionRecord> {
    const institution = await this.prisma.$transaction(async (tx) => {
      const at = new Date();
      if (!(await this.institutions.changeStatus(id, from, reason, at, tx))) return this.require(id, tx);
      const changed = await this.require(id, tx);
      const action = changed.status === 'suspended' ? 'institution.suspended' : 'institution.reactivated';
      const changes = { status: { before: from, after: changed.status }, ...setFields({ suspendedReason: changed.suspendedReason ?? undefined }) };
      await recordChange(tx, { institutionId: id, origin, action, target: { type: 'Institution', id }, changes });
      this.logger.log(`Institution ${id}: ${action} by the operator`);
      return changed;
    });
    // This process applies it to the next request of every client and person of the institution;
    // other gateway processes within CLIENT_STATUS_TTL_MS, as for a revocation (decision 0026).
    this.clientStatus.recheckInstitution(id);
    this.staffStatus.recheckInstitution(id);
    return institution;
  }

  private async require(id: string, tx?: GatewayTx): Promise<InstitutionRecord> {
    const institution = await this.institutions.find(id, tx);
    if (!institution) throw ApiError.notFound('institution');
    return institution;
  }
}

/** The operator made a client for an institution: its trail says so, as for the clients it makes itself. */
function recordClientCreated(tx: GatewayTx, institutionId: string, clientId: string, client: ApiClientRecord, origin: EventOrigin): Promise<void> {
  const changes = setFields({ name: client.name, scope: client.scope });
  return recordChange(tx, { institutionId, origin, action: 'client.created', target: { type: 'ApiClient', id: clientId }, changes });
}

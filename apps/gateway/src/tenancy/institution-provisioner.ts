import { Inject, Injectable, Logger } from '@nestjs/common';

import { ApiError, ErrorCode, type ServiceClient } from '@badges/service-kit';

import type { GatewayConfig } from '../config/gateway.config';
import { GATEWAY_CONFIG, SERVICE_CLIENTS } from '../gateway.tokens';
import { internalHeaders } from './internal-headers';

/** Services that keep their own institution rows and must know a tenant before it can call them. */
export const INSTITUTION_OWNING_SERVICES = ['issuer'] as const;

/**
 * Tells every owning service about an institution and its name (PUT /internal/institutions/:id,
 * idempotent), when it is created and when it is renamed. Runs BEFORE the gateway stores it: if a service is down nothing is stored, and a
 * retry with a fresh id leaves at most an unused row in a service, never a client without a tenant.
 */
@Injectable()
export class InstitutionProvisioner {
  private readonly logger = new Logger(InstitutionProvisioner.name);

  constructor(
    @Inject(SERVICE_CLIENTS) private readonly services: Record<string, ServiceClient>,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async provision(id: string, name: string): Promise<void> {
    for (const service of INSTITUTION_OWNING_SERVICES) await this.provisionIn(service, id, name);
  }

  private async provisionIn(service: string, id: string, name: string): Promise<void> {
    const client = this.services[service];
    const headers = internalHeaders(this.config.INTERNAL_TOKEN, { 'content-type': 'application/json' });
    let status: number | undefined;
    try {
      if (client) {
        const response = await client.request({ method: 'PUT', url: `/internal/institutions/${encodeURIComponent(id)}`, headers, body: JSON.stringify({ name }) });
        status = response.status;
      }
    } catch (error) {
      this.logger.warn(`Provisioning institution ${id} in ${service} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (status !== undefined && status >= 200 && status < 300) return;
    if (status !== undefined) this.logger.warn(`Provisioning institution ${id} in ${service} answered ${status}`);
    throw new ApiError(503, ErrorCode.ServiceUnavailable, `The ${service} service could not register the institution. Nothing was changed; try again shortly.`);
  }
}

import { Inject, Injectable, Logger } from '@nestjs/common';

import { IssuerInstitutionCountsSchema, type IssuerInstitutionCounts } from '@badges/api-contracts';
import type { ServiceClient } from '@badges/service-kit';

import type { GatewayConfig } from '../config/gateway.config';
import { GATEWAY_CONFIG, SERVICE_CLIENTS } from '../gateway.tokens';
import { internalHeaders } from './internal-headers';

export type IssuerCounts = Omit<IssuerInstitutionCounts['institutions'][number], 'institutionId'>;

/**
 * Asks the issuer service what each institution holds (GET /internal/institutions/counts, one
 * request for all): the gateway may not read another service's schema. Undefined when the service
 * does not answer well, so the operator's list is still served, without those counts.
 */
@Injectable()
export class IssuerCountsClient {
  private readonly logger = new Logger(IssuerCountsClient.name);

  constructor(
    @Inject(SERVICE_CLIENTS) private readonly services: Record<string, ServiceClient>,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async byInstitution(): Promise<Map<string, IssuerCounts> | undefined> {
    const issuer = this.services.issuer;
    if (!issuer) return undefined;
    try {
      const response = await issuer.request({ method: 'GET', url: '/internal/institutions/counts', headers: internalHeaders(this.config.INTERNAL_TOKEN) });
      if (response.status !== 200) throw new Error(`answered ${response.status}`);
      const { institutions } = IssuerInstitutionCountsSchema.parse(JSON.parse(response.body.toString('utf8')));
      return new Map(institutions.map(({ institutionId, ...counts }) => [institutionId, counts]));
    } catch (error) {
      this.logger.warn(`The issuer service's counts could not be read: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }
}

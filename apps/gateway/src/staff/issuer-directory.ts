import { Inject, Injectable } from '@nestjs/common';

import { ApiError, ErrorCode, type ServiceClient, type ServiceResponse } from '@badges/service-kit';

import type { CallerIdentity } from '../auth/caller';
import type { GatewayConfig } from '../config/gateway.config';
import { GATEWAY_CONFIG, SERVICE_CLIENTS } from '../gateway.tokens';
import { buildForwardHeaders } from '../routing/forward-headers';
import { serviceError } from '../routing/service-error';

/**
 * Asks the issuer service whether issuers exist, as the caller (the same headers a forwarded
 * request carries): the gateway keeps people and their roles, the issuer service keeps issuers.
 */
@Injectable()
export class IssuerDirectory {
  constructor(
    @Inject(SERVICE_CLIENTS) private readonly services: Record<string, ServiceClient>,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  /** The issuer service's answer to GET /v2/issuers/{issuerId} (404 for another institution's), passed on when it is not 200. */
  async requireIssuer(caller: CallerIdentity, issuerId: string, correlationId: string): Promise<void> {
    const response = await this.read(caller, issuerId, correlationId);
    if (response.status !== 200) throw serviceError(response, unavailable);
  }

  /** 400 `validation_failed` on `field` naming the first issuer that is not the institution's. */
  async requireAll(caller: CallerIdentity, issuerIds: readonly string[], correlationId: string, field = 'issuerRoles'): Promise<void> {
    for (const issuerId of issuerIds) {
      const response = await this.read(caller, issuerId, correlationId);
      if (response.status === 404) throw ApiError.validation(`There is no issuer ${issuerId} in this institution.`, field);
      if (response.status !== 200) throw serviceError(response, unavailable);
    }
  }

  private async read(caller: CallerIdentity, issuerId: string, correlationId: string): Promise<ServiceResponse> {
    const issuer = this.services.issuer;
    if (!issuer) throw unavailable();
    const headers = buildForwardHeaders({ accept: 'application/json' }, { identity: caller, correlationId, internalToken: this.config.INTERNAL_TOKEN, publicUrl: this.config.PUBLIC_URL });
    try {
      return await issuer.request({ method: 'GET', url: `/v2/issuers/${encodeURIComponent(issuerId)}?include_staff=false`, headers });
    } catch {
      throw unavailable();
    }
  }
}

function unavailable(): ApiError {
  return new ApiError(503, ErrorCode.ServiceUnavailable, 'The issuer service is not reachable right now. Try again shortly.');
}

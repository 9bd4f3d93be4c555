import { Inject, Injectable } from '@nestjs/common';

import { LearnerTokenSchema } from '@badges/api-contracts';
import { ApiError, ErrorCode, type ServiceClient, type ServiceResponse } from '@badges/service-kit';

import type { GatewayConfig } from '../config/gateway.config';
import { GATEWAY_CONFIG, SERVICE_CLIENTS } from '../gateway.tokens';
import { buildForwardHeaders } from '../routing/forward-headers';
import { serviceError, serviceJson } from '../routing/service-error';

/** The passport's own sign-in and sign-out, called by the gateway for the web app's learner session. */
@Injectable()
export class PassportSessionsClient {
  constructor(
    @Inject(SERVICE_CLIENTS) private readonly services: Record<string, ServiceClient>,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  /** The learner's token and its lifetime; the passport's own error (401 invalid_credentials…) otherwise. */
  async signIn(credentials: { username: string; password: string }, correlationId: string): Promise<{ token: string; expiresIn: number }> {
    const response = await this.call('POST', '/v2/auth/token', correlationId, { 'content-type': 'application/json' }, JSON.stringify(credentials));
    if (response.status !== 200) throw serviceError(response, unavailable);
    const parsed = LearnerTokenSchema.safeParse(serviceJson(response));
    if (!parsed.success) throw unavailable();
    return { token: parsed.data.access_token, expiresIn: parsed.data.expires_in };
  }

  /** Revokes the session; an already expired or revoked one is fine. */
  async signOut(token: string, correlationId: string): Promise<void> {
    const response = await this.call('POST', '/v2/auth/logout', correlationId, { authorization: `Bearer ${token}` });
    if (response.status >= 500) throw serviceError(response, unavailable);
  }

  private async call(method: string, url: string, correlationId: string, extra: Record<string, string>, body?: string): Promise<ServiceResponse> {
    const client = this.services.passport;
    if (!client) throw unavailable();
    const headers = { ...buildForwardHeaders({ accept: 'application/json' }, { correlationId, internalToken: this.config.INTERNAL_TOKEN, publicUrl: this.config.PUBLIC_URL }), ...extra };
    try {
      return await client.request({ method, url, headers, body });
    } catch {
      throw unavailable();
    }
  }
}

function unavailable(): ApiError {
  return new ApiError(503, ErrorCode.ServiceUnavailable, 'The passport service is not reachable right now. Try again shortly.');
}

import { Inject, Injectable } from '@nestjs/common';

import { SecretSealer } from '@badges/service-kit';

import type { GatewayConfig } from '../config/gateway.config';
import { GATEWAY_CONFIG } from '../gateway.tokens';

/**
 * Institutions' SSO client secrets at rest: the gateway sends them back to the provider at every
 * sign-in, so they are sealed (service-kit SecretSealer, its own HKDF purpose) rather than hashed.
 */
@Injectable()
export class SsoClientSecretSealer extends SecretSealer {
  constructor(@Inject(GATEWAY_CONFIG) config: Pick<GatewayConfig, 'SECRETS_ENCRYPTION_KEY'>) {
    super(config.SECRETS_ENCRYPTION_KEY, 'badges/gateway/sso-client-secret/v1');
  }
}

/** The associated data: a sealed secret copied onto another institution's row does not open. */
export function ssoClientSecretContext(institutionId: string): string {
  return `sso-client-secret:${institutionId}`;
}

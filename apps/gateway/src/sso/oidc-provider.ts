import type { Configuration } from 'openid-client';

import { isPlainHttp } from './issuer-url-policy';

/**
 * Seconds the gateway waits for the provider on each request (discovery, the token endpoint, its
 * keys, userinfo): an admin's PUT or a person's sign-in fails clearly rather than hanging.
 */
export const PROVIDER_TIMEOUT_SECONDS = 5;

/** How the platform is registered with an institution's OpenID Provider. */
export interface ProviderRegistration {
  issuerUrl: string;
  clientId: string;
  clientSecret: string;
}

/** openid-client 6 is ESM only: loaded by a native import() where used (decision 0027). */
export function openIdClient(): Promise<typeof import('openid-client')> {
  return import('openid-client');
}

/**
 * The provider's configuration from OIDC discovery (`/.well-known/openid-configuration`, whose
 * `issuer` must be the URL given), for a confidential client authenticating with its secret
 * (client_secret_basic or _post, as the provider says). Throws openid-client's error on failure.
 * A plain http issuer has passed issuerUrlProblem already.
 */
export async function discoverProvider(registration: ProviderRegistration): Promise<Configuration> {
  const oidc = await openIdClient();
  const config = await oidc.discovery(new URL(registration.issuerUrl), registration.clientId, registration.clientSecret, undefined, {
    timeout: PROVIDER_TIMEOUT_SECONDS,
    ...(isPlainHttp(registration.issuerUrl) && { execute: [oidc.allowInsecureRequests] }),
  });
  config.timeout = PROVIDER_TIMEOUT_SECONDS;
  return config;
}

/** A failure of the provider, in a sentence for an admin or a log (never a secret: openid-client's messages hold none). */
export function providerFailure(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return `${error.message}${cause}`;
  }
  return String(error);
}

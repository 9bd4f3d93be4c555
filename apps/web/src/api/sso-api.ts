import type { SsoSettingsBody, SsoSettingsV2 } from '@badges/api-contracts/types';

import { apiOne, ApiRequestError } from './client';

/**
 * The institution's single sign-on (GET/PUT/DELETE /v2/institutions/self/sso, for its admins), and
 * where a person's SSO sign-in starts: a top-level navigation, not a fetch, since the browser goes
 * on to the institution's provider and comes back to /console.
 */
export function ssoStartPath(email: string): string {
  return `/web/sso/start?email=${encodeURIComponent(email.trim())}`;
}

/** The settings, or null when the institution has none (404). */
export async function ssoSettings(token: string): Promise<SsoSettingsV2 | null> {
  try {
    return await apiOne<SsoSettingsV2>('/v2/institutions/self/sso', { token });
  } catch (error) {
    if (error instanceof ApiRequestError && error.status === 404) return null;
    throw error;
  }
}

/** `clientSecret` left out keeps the one set. */
export function saveSsoSettings(token: string, settings: Omit<SsoSettingsBody, 'clientSecret'> & { clientSecret?: string }): Promise<SsoSettingsV2> {
  return apiOne<SsoSettingsV2>('/v2/institutions/self/sso', { method: 'PUT', token, body: settings });
}

export function removeSsoSettings(token: string): Promise<SsoSettingsV2> {
  return apiOne<SsoSettingsV2>('/v2/institutions/self/sso', { method: 'DELETE', token });
}

import type { SsoSettingsV2 } from '@badges/api-contracts';

import type { SsoSettingsRecord } from './sso.repository';

/** Where every institution's provider sends people back (register it with the provider). */
export function ssoRedirectUri(publicUrl: string): string {
  return `${publicUrl}/web/sso/callback`;
}

/** The settings as admins read them: whether a secret is set, never the secret. */
export function toSsoSettingsV2(settings: SsoSettingsRecord, publicUrl: string): SsoSettingsV2 {
  return {
    issuerUrl: settings.issuerUrl,
    clientId: settings.clientId,
    clientSecretSet: true,
    allowedDomains: settings.allowedDomains,
    roleClaim: settings.roleClaim,
    roleMappings: settings.roleMappings,
    ssoOnly: settings.ssoOnly,
    enabled: settings.enabled,
    redirectUri: ssoRedirectUri(publicUrl),
    updatedAt: settings.updatedAt.toISOString(),
  };
}

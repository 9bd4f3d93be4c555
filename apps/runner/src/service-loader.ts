import { join } from 'node:path';

import type { EmbeddedServiceModule } from '@badges/service-kit';

/**
 * Services start in dependency order: each one gets in-process clients of those before it.
 * Apps are loaded by path at run time, not imported, so that no app depends on another at
 * build time (the lint rule forbids importing apps; see docs/decisions/0002).
 */
export const EMBEDDED_SERVICES = ['issuer', 'notification', 'endorsement', 'verification', 'passport', 'gateway'] as const;

export type EmbeddedServiceName = (typeof EMBEDDED_SERVICES)[number];

export function loadEmbeddedService(name: EmbeddedServiceName): EmbeddedServiceModule {
  return require(join(__dirname, '..', '..', name, 'src', 'embedded')) as EmbeddedServiceModule;
}

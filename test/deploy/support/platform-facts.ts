import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { z } from 'zod';

import { QueueName } from '@badges/jobs';

import { EndorsementEnvSchema } from '../../../apps/endorsement/src/config/endorsement.config';
import { AUDIT_CONSUMER_GROUP } from '../../../apps/gateway/src/audit/audit-trail.consumer';
import { GatewayConfigSchema } from '../../../apps/gateway/src/config/gateway.config';
import { LARGE_BODY_ROUTES } from '../../../apps/gateway/src/routing/forwarding-table';
import { IssuerEnvSchema } from '../../../apps/issuer/src/config/issuer.config';
import { NotificationEnvSchema } from '../../../apps/notification/src/config/notification.config';
import { NOTIFICATION_CONSUMER } from '../../../apps/notification/src/events/event-intake.service';
import { PassportEnvSchema } from '../../../apps/passport/src/config/passport.config';
import { PASSPORT_CONSUMER } from '../../../apps/passport/src/events/award-intake.service';
import { DISTRIBUTED_SERVICES, type DistributedService } from '../../../apps/runner/src/distributed/distributed-env';
import { VerificationEnvSchema } from '../../../apps/verification/src/config/verification.config';

/** What the manifests are checked against: facts read from the code, not written again here. */

const ROOT = join(__dirname, '..', '..', '..');

/** Each service's own environment schema, the one its main.ts validates at start. */
export const CONFIG_SCHEMAS: Record<DistributedService, z.ZodObject> = {
  gateway: GatewayConfigSchema,
  issuer: IssuerEnvSchema,
  notification: NotificationEnvSchema,
  verification: VerificationEnvSchema,
  endorsement: EndorsementEnvSchema,
  passport: PassportEnvSchema,
};

/** The port a service listens on when PORT is unset: its schema's default. */
export function defaultPort(service: DistributedService): number {
  return CONFIG_SCHEMAS[service].shape.PORT.parse(undefined) as number;
}

/** The variables that say where another service is (ISSUER_URL, …), by the service they name. */
export const SERVICE_URL_VARIABLES = new Map(DISTRIBUTED_SERVICES.filter((service) => service !== 'gateway').map((service) => [`${service.toUpperCase()}_URL`, service]));

/** The Kafka consumer group a service's pods join, for the services scaled on its lag. */
export const CONSUMER_GROUPS: Partial<Record<DistributedService, string>> = {
  gateway: AUDIT_CONSUMER_GROUP,
  notification: NOTIFICATION_CONSUMER,
  passport: PASSPORT_CONSUMER,
};

/** The largest request body the gateway takes (a bulk award's CSV), which the Ingress must let through. */
export const LARGEST_BODY_BYTES = Math.max(...LARGE_BODY_ROUTES.map((route) => route.bodyLimit));

/** The job queues a service's code uses (`QueueName.X` in apps/<service>/src, tests aside): its workers must work them. */
export function queuesUsedBy(service: DistributedService): string[] {
  const used = new Set<string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'testing' && entry.name !== 'generated') walk(path);
      } else if (entry.name.endsWith('.ts') && !/\.(spec|e2e-spec|int-spec|kafka-spec)\.ts$/.test(entry.name)) {
        for (const match of readFileSync(path, 'utf8').matchAll(/\bQueueName\.(\w+)/g)) used.add(QueueName[match[1] as keyof typeof QueueName]);
      }
    }
  };
  walk(join(ROOT, 'apps', service, 'src'));
  return [...used].sort();
}

export { DISTRIBUTED_SERVICES, ROOT, type DistributedService };

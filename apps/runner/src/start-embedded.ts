import { resolve } from 'node:path';

import { sharedInProcessBus } from '@badges/messaging';
import { databaseConfigFromEnv, openDatabase, type Database } from '@badges/persistence';
import { InProcessServiceClient, registeredRoutes, startTracing, type EmbeddedService, type RegisteredRoute, type ServiceClient } from '@badges/service-kit';

import { loadOrCreateSecrets } from './embedded-secrets';
import { EMBEDDED_SERVICES, loadEmbeddedService } from './service-loader';

export interface EmbeddedPlatform {
  url: string;
  port: number;
  /** Every gateway's own address: the first is `url`'s; more with `gateways` (see below). */
  gatewayUrls: string[];
  adminToken: string;
  adminTokenFile: string;
  /** The routes each service registered (the first gateway's for `gateway`): what /docs must describe. */
  routes: Record<string, readonly RegisteredRoute[]>;
  /** The one database every service uses, for suites that look beneath the API (closed by `close`). */
  database: Database;
  close(): Promise<void>;
}

export interface EmbeddedOptions {
  /**
   * Gateways in front of the same services, each with its own cache of public documents, as
   * replicas behind a load balancer would be: the first listens on PORT, the others on free ports
   * of HOST. More than one is for tests that prove every gateway hears changes (issue #14).
   */
  gateways?: number;
}

/** Starts every service in this process on the embedded adapters; the gateway listens on PORT. */
export async function startEmbedded(baseEnv: NodeJS.ProcessEnv = process.env, options: EmbeddedOptions = {}): Promise<EmbeddedPlatform> {
  const dataDir = resolve(baseEnv.DATA_DIR ?? './data');
  const port = Number(baseEnv.PORT ?? 3000);
  const host = baseEnv.HOST ?? '0.0.0.0';
  const { secrets, adminTokenFile } = loadOrCreateSecrets(dataDir, baseEnv);
  const env: NodeJS.ProcessEnv = {
    ...baseEnv,
    DATA_DIR: dataDir,
    ADMIN_TOKEN: secrets.adminToken,
    RECIPIENT_LOOKUP_SECRET: secrets.recipientLookupSecret,
    SECRETS_ENCRYPTION_KEY: secrets.secretsEncryptionKey,
  };

  // One tracer provider for every service in this process, named for the platform (decision 0052).
  startTracing('badges', env);
  const database: Database = await openDatabase(databaseConfigFromEnv(env));
  const started: EmbeddedService[] = [];
  // Services publish while they start (an outbox left unpublished, a bulk award resumed) before the
  // gateway's audit consumer, started last, has subscribed: the bus keeps those events until all are up.
  const bus = sharedInProcessBus();
  bus.hold();
  let held = true;
  const releaseBus = async () => {
    if (held) await bus.release();
    held = false;
  };
  const close = async () => {
    await releaseBus();
    for (const service of [...started].reverse()) await service.app.close();
    await database.close();
  };
  try {
    const services: Record<string, ServiceClient> = {};
    let gateway: EmbeddedService | undefined;
    for (const name of EMBEDDED_SERVICES) {
      const service = await loadEmbeddedService(name).createEmbedded({ database, env, services: { ...services } });
      started.push(service);
      services[name] = new InProcessServiceClient(name, service.fastify);
      if (name === 'gateway') gateway = service;
    }
    if (!gateway) throw new Error('The gateway did not start');
    const gateways = [gateway];
    for (let extra = 1; extra < (options.gateways ?? 1); extra += 1) {
      const { gateway: _first, ...backends } = services;
      const replica = await loadEmbeddedService('gateway').createEmbedded({ database, env, services: backends });
      started.push(replica);
      gateways.push(replica);
    }
    const boundPorts: number[] = [];
    for (const [index, instance] of gateways.entries()) {
      await instance.fastify.listen({ port: index === 0 ? port : 0, host });
      const address = instance.fastify.server.address();
      boundPorts.push(typeof address === 'object' && address ? address.port : port);
    }
    await releaseBus();
    const url = env.PUBLIC_URL ?? `http://localhost:${boundPorts[0]}`;
    const gatewayUrls = boundPorts.map((bound, index) => (index === 0 ? url : `http://${host === '0.0.0.0' ? 'localhost' : host}:${bound}`));
    const routes = Object.fromEntries(started.slice(0, EMBEDDED_SERVICES.length).map((service) => [service.name, registeredRoutes(service.fastify)]));
    return { url, port: boundPorts[0], gatewayUrls, adminToken: secrets.adminToken, adminTokenFile, routes, database, close };
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
}

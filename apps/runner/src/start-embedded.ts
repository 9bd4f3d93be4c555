import { resolve } from 'node:path';

import { databaseConfigFromEnv, openDatabase, type Database } from '@badges/persistence';
import { InProcessServiceClient, type EmbeddedService, type ServiceClient } from '@badges/service-kit';

import { loadOrCreateSecrets } from './embedded-secrets';
import { EMBEDDED_SERVICES, loadEmbeddedService } from './service-loader';

export interface EmbeddedPlatform {
  url: string;
  port: number;
  adminToken: string;
  adminTokenFile: string;
  close(): Promise<void>;
}

/** Starts every service in this process on the embedded adapters; the gateway listens on PORT. */
export async function startEmbedded(baseEnv: NodeJS.ProcessEnv = process.env): Promise<EmbeddedPlatform> {
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

  const database: Database = await openDatabase(databaseConfigFromEnv(env));
  const started: EmbeddedService[] = [];
  const close = async () => {
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
    await gateway.fastify.listen({ port, host });
    const address = gateway.fastify.server.address();
    const boundPort = typeof address === 'object' && address ? address.port : port;
    const url = env.PUBLIC_URL ?? `http://localhost:${boundPort}`;
    return { url, port: boundPort, adminToken: secrets.adminToken, adminTokenFile, close };
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
}

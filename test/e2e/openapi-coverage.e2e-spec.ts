import { rmSync } from 'node:fs';

import { startEmbedded, type EmbeddedPlatform } from '../../apps/runner/src/start-embedded';
import { embeddedDataDir } from '../support/embedded-data-dir';
import { freePort } from '../support/free-port';
import { documentedOperations, publicOperations } from '../support/public-operations';

/**
 * Issue #15: /docs/openapi.json describes every route the platform answers through the gateway,
 * and nothing else. The routes are the ones the services really registered (read from each
 * service's Fastify instance, not from a list kept by hand), seen through the gateway's forwarding
 * table, plus the gateway's own routes.
 */
describe('/docs/openapi.json covers the registered routes', () => {
  let dataDir: string;
  let platform: EmbeddedPlatform;
  let documented: Set<string>;

  beforeAll(async () => {
    dataDir = embeddedDataDir('badges-openapi-');
    const port = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'silent', DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: `http://127.0.0.1:${port}`, EMBEDDED_DATABASE: 'pglite' };
    for (const name of ['DATABASE_URL', 'KAFKA_BROKERS', 'REDIS_URL', 'SMTP_URL']) delete env[name];
    platform = await startEmbedded(env);
    const response = await fetch(`${platform.url}/docs/openapi.json`);
    documented = documentedOperations((await response.json()) as { paths: Record<string, Record<string, unknown>> });
  }, 120_000);

  afterAll(async () => {
    await platform?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('documents every public route a service or the gateway registered', () => {
    const missing = [...publicOperations(platform.routes)].filter((operation) => !documented.has(operation));
    expect(missing).toEqual([]);
  });

  it('documents no route that nothing registered', () => {
    const registered = publicOperations(platform.routes);
    const invented = [...documented].filter((operation) => !registered.has(operation));
    expect(invented).toEqual([]);
  });

  it('offers no way to change the audit trail: its routes only read (issue #16)', () => {
    const audit = [...publicOperations(platform.routes)].filter((operation) => operation.split(' ')[1].startsWith('/v2/audit'));
    expect(audit.sort()).toEqual(['GET /v2/audit', 'GET /v2/audit/export.csv']);
  });
});

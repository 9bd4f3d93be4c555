import { rmSync } from 'node:fs';

import { startEmbedded, type EmbeddedPlatform } from '../../apps/runner/src/start-embedded';
import { freshnessBound, measureFreshness, type FreshnessResults } from '../support/freshness';
import { freePort } from '../support/free-port';
import { embeddedDataDir } from '../support/embedded-data-dir';

/** Issue #14: within 1 s on the embedded default. */
const FRESH_WITHIN_MS = 1000;

/**
 * The embedded default on each of its databases (PGlite, and the embedded PostgreSQL server that
 * `npm start` uses by default), with two gateways in front of the same services (as two replicas
 * behind a load balancer), each with its own cache of public documents. Each is read in a tight
 * loop while a revocation, a badge class edit, a key rotation and an endorsement happen; both must
 * show each change within a second, having answered from their caches until then.
 */
describe.each([
  { name: 'PGlite', database: 'pglite' },
  { name: 'embedded PostgreSQL', database: 'postgres' },
])('public documents stay fresh on every gateway of the embedded default ($name)', ({ database }) => {
  let dataDir: string;
  let platform: EmbeddedPlatform;
  let results: FreshnessResults;

  beforeAll(async () => {
    dataDir = embeddedDataDir('badges-fresh-');
    const port = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'silent', DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: `http://127.0.0.1:${port}`, EMBEDDED_DATABASE: database };
    for (const name of ['DATABASE_URL', 'KAFKA_BROKERS', 'REDIS_URL', 'SMTP_URL']) delete env[name];
    platform = await startEmbedded(env, { gateways: 2 });
    results = await measureFreshness(platform.gatewayUrls, platform.adminToken);
    process.stdout.write(`freshness on the embedded default on ${database} (ms after the change answered, per gateway): ${JSON.stringify(results)}\n`);
  }, 120_000);

  afterAll(async () => {
    await platform?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it.each(['revocation', 'badgeClassEdit', 'keyRotation', 'endorsement'] as const)('%s shows on both gateways within a second (an endorsement: two hops), each answering from its cache until then', (change) => {
    const { delaysMs, hitsBefore } = results[change];
    expect(platform.gatewayUrls).toHaveLength(2);
    for (const delay of delaysMs) expect(delay).toBeLessThanOrEqual(freshnessBound(change, FRESH_WITHIN_MS));
    for (const hits of hitsBefore) expect(hits).toBeGreaterThan(0);
  });
});

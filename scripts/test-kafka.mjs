// The Kafka pass of `npm test`: suites that talk to a real broker, one file at a time.
// It needs KAFKA_BROKERS (npm run kafka:start), plus DATABASE_URL and REDIS_URL for the
// distributed-stack suites; `npm test` (scripts/test.mjs) finds or starts all three. Without a broker
// it fails: a pass that cannot run must not look like one that passed.
import { spawnSync } from 'node:child_process';

if (!process.env.KAFKA_BROKERS) {
  console.error('The Kafka suites need a broker: set KAFKA_BROKERS (start one with `npm run kafka:start`), or run `npm test`, which starts one.');
  process.exit(1);
}
const jest = new URL('../node_modules/jest/bin/jest.js', import.meta.url).pathname;
const result = spawnSync(process.execPath, ['--experimental-vm-modules', '--no-warnings', jest, '--runInBand', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, JEST_SUITE: 'kafka' },
});
process.exit(result.status ?? 1);

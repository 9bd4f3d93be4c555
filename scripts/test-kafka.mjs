// The Kafka pass of `npm test`: suites that talk to a real broker, one file at a time.
// It needs KAFKA_BROKERS (npm run kafka:start), plus DATABASE_URL and REDIS_URL for the
// distributed-stack suites; .ci/run sets all three.
import { spawnSync } from 'node:child_process';

if (!process.env.KAFKA_BROKERS) {
  console.log('Kafka suites not run: set KAFKA_BROKERS (start a local broker with `npm run kafka:start`).');
  process.exit(0);
}
const jest = new URL('../node_modules/jest/bin/jest.js', import.meta.url).pathname;
const result = spawnSync(process.execPath, ['--experimental-vm-modules', '--no-warnings', jest, '--runInBand', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, JEST_SUITE: 'kafka' },
});
process.exit(result.status ?? 1);

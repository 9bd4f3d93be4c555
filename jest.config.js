// One jest config for the workspace: swc transpiles TS (with Nest's decorator metadata),
// path aliases come from tsconfig.base.json so there is a single source of truth.
process.env.TZ = 'UTC';
const { compilerOptions } = require('./tsconfig.base.json');

const moduleNameMapper = {};
for (const [alias, [target]] of Object.entries(compilerOptions.paths)) {
  moduleNameMapper[`^${alias.replace('/', '\\/')}$`] = `<rootDir>/${target}`;
}

const swcTransform = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      keepClassNames: true,
    },
    // As scripts/build.mjs: `import()` stays native, which jest runs with --experimental-vm-modules.
    module: { type: 'commonjs', ignoreDynamic: true },
  },
];

const SUITES = {
  default: ['**/*.spec.ts', '**/*.e2e-spec.ts', '**/*.int-spec.ts'],
  kafka: ['**/*.kafka-spec.ts'],
  browser: ['**/*.browser-spec.ts'],
  // Suites that time the platform itself (event-loop delay) run alone, one file at a time: with
  // other suites' platforms sharing the two cores, a delay measures the neighbours, not the input.
  serial: ['**/*.serial-spec.ts'],
};

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/test'],
  // Suites that need a real Kafka broker (*.kafka-spec.ts) run in their own pass, one file at a
  // time (some stop and restart the broker): `npm run test:kafka`, which `npm test` calls.
  // Browser suites (*.browser-spec.ts) drive Debian's Chromium against a platform started like
  // `npm start`: `npm run test:browser`, also called by `npm test`.
  testMatch: SUITES[process.env.JEST_SUITE ?? 'default'],
  transform: { '^.+\\.ts$': swcTransform },
  moduleNameMapper,
  globalSetup: '<rootDir>/test/support/global-setup.js',
  testSequencer: '<rootDir>/test/support/build-aware-sequencer.js',
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  testTimeout: process.env.JEST_SUITE === 'browser' ? 120000 : 30000,
  maxWorkers: 2,
};

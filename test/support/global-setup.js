// E2E tests run the platform as users do: the compiled runner in its own process. A run of unit
// specs only builds nothing; without the browser suites the web app is not bundled (see
// build-aware-sequencer.js). Unknown needs build everything.
const { execFileSync } = require('node:child_process');
const { join } = require('node:path');

module.exports = async () => {
  const needs = process.env.JEST_BUILD_NEEDS ?? 'services+web';
  if (needs === 'none') return;
  const args = needs === 'services' ? ['--no-web'] : [];
  execFileSync(process.execPath, [join(__dirname, '../../scripts/build.mjs'), ...args], { stdio: 'inherit' });
};

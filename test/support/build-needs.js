// What a jest run needs in dist/ (scripts/build.mjs). Specs under apps/ and libs/ run from source
// through swc-jest and need nothing; suites under test/ start the compiled platform; only the
// browser suites look at the web app, whose Vite bundle is the slow part of a build.
const { join, relative } = require('node:path');

const ROOT = join(__dirname, '../..');

/** 'none', 'services' or 'services+web'. */
function buildNeedsOf(testPaths) {
  const paths = testPaths.map((path) => relative(ROOT, path));
  if (paths.some((path) => path.endsWith('.browser-spec.ts'))) return 'services+web';
  if (paths.some((path) => path.startsWith('test/'))) return 'services';
  return 'none';
}

module.exports = { buildNeedsOf };

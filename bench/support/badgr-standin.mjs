// The stand-in Badgr server (test/support/badgr-standin, TypeScript) for a benchmark: its files
// compiled with swc, as scripts/build.mjs compiles the apps, into a scratch folder, then required.
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import swc from '@swc/core';

const root = new URL('../..', import.meta.url).pathname;
const require = createRequire(import.meta.url);

export async function loadBadgrStandin() {
  const out = mkdtempSync(join(tmpdir(), 'badges-standin-'));
  const files = [...readdirSync(join(root, 'test/support/badgr-standin')).map((name) => `test/support/badgr-standin/${name}`), 'test/support/tiny-png.ts'];
  for (const file of files.filter((name) => name.endsWith('.ts'))) {
    const { code } = await swc.transformFile(join(root, file), { module: { type: 'commonjs' }, jsc: { target: 'es2022', parser: { syntax: 'typescript' } } });
    const target = join(out, file.replace(/\.ts$/, '.js'));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, code);
  }
  return require(join(out, 'test/support/badgr-standin/badgr-standin.js')).BadgrStandin;
}

// Compiles apps/ and libs/ to dist/ with swc (type-checking is `npm run typecheck`'s job).
// swc takes about a second for the whole tree, which keeps `npm start` within its 10 s budget.
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

import swc from '@swc/core';

const root = new URL('..', import.meta.url).pathname;
const finalOut = join(root, 'dist');
// Build beside dist and swap at the end, so a process running from dist never sees it half-built.
const outRoot = join(root, `dist.build-${process.pid}`);
const { compilerOptions } = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8'));
const aliases = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [alias, join(outRoot, target.replace(/\.ts$/, '.js'))]),
);

// The browser app (apps/web) is bundled by Vite, not compiled file by file (see buildWebApp).
const WEB_APP = join(root, 'apps/web');
const SKIP = /(\.spec|\.e2e-spec|\.int-spec)\.ts$|\.d\.ts$/;
const swcOptions = {
  module: { type: 'commonjs' },
  sourceMaps: true,
  jsc: {
    target: 'es2022',
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    keepClassNames: true,
  },
};

function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (path === WEB_APP) continue;
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}

/** Path aliases become relative requires, so dist runs on plain Node without a resolver hook. */
function rewriteAliases(code, outFile) {
  return code.replace(/require\("(@badges\/[a-z0-9-]+)"\)/g, (match, alias) => {
    const target = aliases[alias];
    if (!target) return match;
    let rel = relative(dirname(outFile), target).replace(/\.js$/, '');
    if (!rel.startsWith('.')) rel = `./${rel}`;
    return `require(${JSON.stringify(rel)})`;
  });
}

const started = Date.now();
rmSync(outRoot, { recursive: true, force: true });
const jobs = [];
let copied = 0;
for (const top of ['apps', 'libs']) {
  const base = join(root, top);
  if (!existsSync(base)) continue;
  for (const file of walk(base)) {
    const rel = relative(root, file);
    const out = join(outRoot, rel);
    if (file.endsWith('.ts')) {
      if (SKIP.test(file) || rel.includes('prisma.config.ts')) continue;
      const jsFile = out.replace(/\.ts$/, '.js');
      jobs.push(
        swc.transformFile(file, { ...swcOptions, filename: file, sourceFileName: relative(dirname(jsFile), file) }).then((result) => {
          mkdirSync(dirname(jsFile), { recursive: true });
          writeFileSync(jsFile, `${rewriteAliases(result.code, jsFile)}\n//# sourceMappingURL=${jsFile.split('/').pop()}.map`);
          if (result.map) writeFileSync(`${jsFile}.map`, result.map);
        }),
      );
    } else if (/\.(json|sql|png|svg|html|css|txt|pem|wasm)$/.test(file) && !/\/(__fixtures__|test)\//.test(rel)) {
      mkdirSync(dirname(out), { recursive: true });
      copyFileSync(file, out);
      copied += 1;
    }
  }
}
await Promise.all(jobs);
const web = await buildWebApp(join(outRoot, 'apps/web/app'), join(finalOut, 'apps/web/app'));
rmSync(finalOut, { recursive: true, force: true });
renameSync(outRoot, finalOut);
console.log(`build: ${jobs.length} files compiled, ${copied} assets copied, web app ${web} in ${Date.now() - started} ms`);

/**
 * Bundles apps/web with Vite into `outDir`, which the gateway serves. A Vite build takes several
 * seconds, so when the previous output is newer than every web source it is copied instead:
 * `npm start` stays fast when only the services changed (a dependency update rebuilds it).
 */
async function buildWebApp(outDir, previousDir) {
  const previousIndex = join(previousDir, 'index.html');
  if (existsSync(previousIndex) && statSync(previousIndex).mtimeMs > Math.max(newestMtime(WEB_APP), statSync(join(root, 'package-lock.json')).mtimeMs)) {
    cpSync(previousDir, outDir, { recursive: true, preserveTimestamps: true });
    return 'unchanged';
  }
  const { build } = await import('vite');
  // Vite and the React plugin pick development builds from NODE_ENV, which jest sets to `test`
  // when its global set-up runs this build: a built app is always the production one.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: join(WEB_APP, 'vite.config.ts'), mode: 'production', build: { outDir }, logLevel: 'warn' });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  return 'bundled';
}

function newestMtime(dir) {
  let newest = 0;
  for (const file of walkAll(dir)) newest = Math.max(newest, statSync(file).mtimeMs);
  return newest;
}

function* walkAll(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walkAll(path);
    else yield path;
  }
}

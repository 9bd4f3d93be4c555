// Compiles apps/ and libs/ to dist/ with swc (type-checking is `npm run typecheck`'s job).
// swc takes about a second for the whole tree, which keeps `npm start` within its 10 s budget.
// When dist is newer than every source it is left as it is. `--no-web` skips bundling the web app
// (the previous bundle, if any, is kept): jest's global set-up passes it unless a browser suite runs.
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
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
  // `import()` stays a real dynamic import, so ESM-only packages (openid-client) load from CommonJS
  // on every Node version; jest.config.js compiles tests the same way (decision 0027).
  module: { type: 'commonjs', ignoreDynamic: true },
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
const withWeb = !process.argv.includes('--no-web');
// Written with the build's start time, so a source saved while it ran still counts as changed.
const STAMP = join(finalOut, '.build-stamp');
const BUILD_INPUTS = ['tsconfig.base.json', 'package-lock.json', 'scripts/build.mjs'].map((file) => join(root, file));

if (servicesUpToDate() && (!withWeb || webAppUpToDate(join(finalOut, 'apps/web/app')))) {
  console.log(`build: dist is newer than every source, left as it is (${Date.now() - started} ms)`);
} else {
  await build();
}

async function build() {
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
        if (SKIP.test(file)) continue;
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
  writeFileSync(join(outRoot, '.build-stamp'), '');
  utimesSync(join(outRoot, '.build-stamp'), started / 1000, started / 1000);
  rmSync(finalOut, { recursive: true, force: true });
  renameSync(outRoot, finalOut);
  console.log(`build: ${jobs.length} files compiled, ${copied} assets copied, web app ${web} in ${Date.now() - started} ms`);
}

/** Directories count too: deleting or renaming a source changes its directory's mtime. */
function servicesUpToDate() {
  if (!existsSync(STAMP)) return false;
  const built = statSync(STAMP).mtimeMs;
  let newest = Math.max(...BUILD_INPUTS.map((file) => statSync(file).mtimeMs));
  for (const top of ['apps', 'libs']) newest = Math.max(newest, newestMtime(join(root, top), WEB_APP));
  return newest < built;
}

function webAppUpToDate(dir) {
  const index = join(dir, 'index.html');
  return existsSync(index) && statSync(index).mtimeMs > Math.max(newestMtime(WEB_APP), statSync(join(root, 'package-lock.json')).mtimeMs);
}

/**
 * Bundles apps/web with Vite into `outDir`, which the gateway serves. A Vite build takes several
 * seconds, so when the previous output is newer than every web source it is copied instead:
 * `npm start` stays fast when only the services changed (a dependency update rebuilds it).
 */
async function buildWebApp(outDir, previousDir) {
  if (!withWeb || webAppUpToDate(previousDir)) {
    if (!existsSync(previousDir)) return 'not built (--no-web)';
    cpSync(previousDir, outDir, { recursive: true, preserveTimestamps: true });
    return withWeb ? 'unchanged' : 'kept (--no-web)';
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

function newestMtime(dir, skip) {
  let newest = statSync(dir).mtimeMs;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (path === skip) continue;
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path, skip) : statSync(path).mtimeMs);
  }
  return newest;
}

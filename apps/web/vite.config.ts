import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
// The libs' browser entry points the app may import (type-only ones today), resolved as
// tsconfig.json's `paths` name them, so the typecheck and the bundle agree on one list.
const { compilerOptions } = JSON.parse(readFileSync(new URL('tsconfig.json', import.meta.url), 'utf8')) as { compilerOptions: { paths: Record<string, [string]> } };
const alias = Object.fromEntries(Object.entries(compilerOptions.paths).map(([name, [target]]) => [name, fileURLToPath(new URL(target, import.meta.url))]));

// The browser app. scripts/build.mjs calls Vite with the output directory inside dist, which the
// gateway serves; every asset is bundled, so the page loads nothing from outside the deployment.
export default defineConfig({
  root,
  plugins: [react()],
  resolve: { alias },
  base: '/',
  build: { emptyOutDir: true, sourcemap: true, assetsInlineLimit: 0 },
  logLevel: 'warn',
});

import { fileURLToPath } from 'node:url';

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The browser app. scripts/build.mjs calls Vite with the output directory inside dist, which the
// gateway serves; every asset is bundled, so the page loads nothing from outside the deployment.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  base: '/',
  build: { emptyOutDir: true, sourcemap: true, assetsInlineLimit: 0 },
  logLevel: 'warn',
});

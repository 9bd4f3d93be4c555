import { readFileSync } from 'node:fs';

import { createProjectGraphAsync } from '@nx/devkit';
import nx from '@nx/eslint-plugin';

// @nx/enforce-module-boundaries reads only Nx's cached project graph and skips itself (with a mere
// warning) when there is none, as on a fresh clone. Creating the graph here writes that cache
// (reused while the workspace is unchanged), so `npx eslint` alone always enforces the boundaries.
await createProjectGraphAsync({ exitOnError: true });

// Module boundaries are enforced from day one (design.md section 6):
// apps never import apps, libs never import apps, and each type of project may only depend
// on the types below it. scope:shared libs may depend only on other shared libs.
const depConstraints = [
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:data-access', 'type:util'] },
  { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util', 'type:contracts', 'type:data-access', 'type:domain'] },
  { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:data-access', 'type:domain', 'type:contracts'] },
  { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts', 'type:domain'] },
  { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain'] },
];

const DEEP_LIB_IMPORT = '@badges/*/*';
// The libs' browser entry points, as apps/web/tsconfig.json maps them (its only paths).
const BROWSER_ENTRY_POINTS = Object.keys(JSON.parse(readFileSync(new URL('apps/web/tsconfig.json', import.meta.url), 'utf8')).compilerOptions.paths);

export default [
  { ignores: ['**/dist/**', '**/generated/**', '**/node_modules/**', 'infra/**', 'data/**', 'tmp/**', 'coverage/**', '.nx/**'] },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@nx/enforce-module-boundaries': ['error', { enforceBuildableLibDependency: false, allowCircularSelfDependency: false, depConstraints }],
      // Inside a lib, import files directly: a barrel import of your own folder yields undefined providers.
      'no-restricted-imports': ['error', { patterns: [{ group: [DEEP_LIB_IMPORT], message: 'Import a lib through its public index only.' }] }],
      'max-lines': ['warn', { max: 400, skipBlankLines: true, skipComments: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The browser cannot take a lib's index (zod, Node APIs): the web app imports the libs' type-only
    // browser entry points instead, and only those.
    files: ['apps/web/**/*.ts', 'apps/web/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: [DEEP_LIB_IMPORT, ...BROWSER_ENTRY_POINTS.map((entry) => `!${entry}`)], message: 'Import a lib through its public index only (the web app: through a browser entry point).' }] },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.e2e-spec.ts', '**/*.int-spec.ts', '**/*.kafka-spec.ts', '**/*.browser-spec.ts', '**/testing/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: { 'max-lines': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
];

import { join } from 'node:path';
import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import { collectContractNames, wahlPlugin } from './tools/lint/no-wire-type-copy.mjs';

// Every exported type and schema name of the wire contract, read once when the config loads.
const CONTRACT_NAMES = collectContractNames(join(import.meta.dirname, 'libs/contracts/src'));

export default tseslint.config(
  { ignores: ['**/dist/**', 'node_modules/**', '.data/**', '.nx/**', 'coverage/**', 'test-artifacts/**', 'migrations/1*.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.mts'],
    plugins: { '@nx': nx },
    languageOptions: { parserOptions: { projectService: false } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-unsafe-function-type': 'off',
      '@nx/enforce-module-boundaries': [
        'error',
        {
          // The API compiles the root migrations folder together with itself (see apps/api/tsconfig.app.json);
          // the publisher's R8.7 property test uses the domain's independent rank test.
          allow: ['../../../../../migrations', '../../../../../../libs/domain/test-support/release-rank'],
          depConstraints: [
            // The domain stays pure: no framework, database, PDF, socket or file-system imports.
            {
              sourceTag: 'type:domain',
              onlyDependOnLibsWithTags: ['type:domain'],
              bannedExternalImports: [
                '@nestjs/*',
                'typeorm',
                'pg',
                'pg-*',
                'socket.io*',
                'pdfkit',
                'chart.js',
                'express',
                'redis',
                'fs',
                'node:fs',
                'fs/promises',
                'node:fs/promises',
                'child_process',
                'node:child_process',
                'http',
                'node:http',
                'net',
                'node:net',
              ],
            },
            { sourceTag: 'type:web', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:web-kit'] },
            // The wire contract: zod schemas, socket event maps and error codes; may use domain types.
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:domain'] },
            { sourceTag: 'type:web-kit', onlyDependOnLibsWithTags: ['type:domain'] },
            // Pure helper libraries (e.g. barcodes): no I/O, may use the domain.
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib', 'type:domain'] },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:domain', 'type:lib', 'type:contracts', 'type:migrations'] },
            { sourceTag: 'type:migrations', onlyDependOnLibsWithTags: [] },
          ],
        },
      ],
    },
  },
  {
    // Apps and libraries never import the tools (tools may import them): no apps ⇄ tools cycle.
    files: ['apps/**/*.ts', 'libs/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/tools/*', '**/tools'], message: 'Apps and libraries do not import tools/.' }] },
      ],
    },
  },
  {
    // A wire type lives once, in libs/contracts: a copy in an app (same name, or the name plus `Dto`) fails.
    files: ['apps/**/*.ts'],
    plugins: { wahl: wahlPlugin },
    rules: { 'wahl/no-wire-type-copy': ['error', { names: CONTRACT_NAMES, suffixes: ['Dto'] }] },
  },
  {
    // One data layer: services, controllers and gateways reach the database through their module's
    // repositories and platform/database (Database, Tx, Queryable), never through TypeORM or pg.
    files: ['apps/api/src/**/*.service.ts', 'apps/api/src/**/*.controller.ts', 'apps/api/src/**/*.gateway.ts'],
    ignores: ['apps/api/src/platform/database/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['typeorm', 'typeorm/*', '@nestjs/typeorm', 'pg', 'pg-*'],
              message:
                "Services, controllers and gateways use their module's repositories and platform/database (Database, Tx), not TypeORM or pg.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts', '**/*.spec.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);

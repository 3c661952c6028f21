import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

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
          // The API compiles the root migrations folder together with itself (see apps/api/tsconfig.app.json),
          // and the register generator for the demo roll (modules/roll/demo).
          allow: ['../../../../../migrations', '../../../../../../tools/register/*'],
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
    files: ['test/**/*.ts', '**/*.spec.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);

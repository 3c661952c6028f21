import { fileURLToPath } from 'node:url';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

// SWC instead of esbuild: NestJS needs emitDecoratorMetadata.
export default defineConfig({
  plugins: [swc.vite({ module: { type: 'es6' } })],
  resolve: {
    alias: {
      '@wahl/domain': fileURLToPath(new URL('./libs/domain/src/index.ts', import.meta.url)),
      '@wahl/barcodes': fileURLToPath(new URL('./libs/barcodes/src/index.ts', import.meta.url)),
      '@wahl/contracts': fileURLToPath(new URL('./libs/contracts/src/index.ts', import.meta.url)),
      '@wahl/register-generator': fileURLToPath(new URL('./libs/register-generator/src/index.ts', import.meta.url)),
      '@wahl/web-kit': fileURLToPath(new URL('./libs/web-kit/src/index.ts', import.meta.url)),
    },
  },
  test: {
    include: ['libs/**/*.spec.ts', 'apps/api/**/*.spec.ts', 'apps/*-web/**/*.spec.ts', 'tools/**/*.spec.ts', 'test/**/*.e2e-spec.ts'],
    globalSetup: ['test/setup/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Browser and live tests poll the page; a busy 2-core machine needs more than the 1 s default.
    expect: { poll: { timeout: 10_000 } },
  },
});

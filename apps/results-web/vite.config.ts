import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

// The public results page, served by the API at the site root (see apps/api/src/create-app.ts).
export default defineConfig({
  root: here('.'),
  base: '/',
  resolve: {
    alias: {
      '@wahl/domain': here('../../libs/domain/src/index.ts'),
      '@wahl/contracts': here('../../libs/contracts/src/index.ts'),
      '@wahl/web-kit': here('../../libs/web-kit/src/index.ts'),
    },
  },
  build: {
    outDir: here('../../dist/apps/results-web'),
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: false,
  },
});

import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

// Served by the API under /office (see apps/api/src/create-app.ts); built from the workspace root.
export default defineConfig({
  root: here('.'),
  base: '/office/',
  resolve: {
    alias: {
      '@wahl/domain': here('../../libs/domain/src/index.ts'),
      '@wahl/contracts': here('../../libs/contracts/src/index.ts'),
      '@wahl/web-kit': here('../../libs/web-kit/src/index.ts'),
    },
  },
  build: {
    outDir: here('../../dist/apps/office-web'),
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: false,
  },
});

import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

// The public postal-vote application, served by the API under /briefwahl and for the cards' QR
// links /b/<token> (see apps/api/src/create-app.ts); built from the workspace root.
export default defineConfig({
  root: here('.'),
  base: '/briefwahl/',
  resolve: {
    alias: {
      '@wahl/domain': here('../../libs/domain/src/index.ts'),
      '@wahl/contracts': here('../../libs/contracts/src/index.ts'),
      '@wahl/web-kit': here('../../libs/web-kit/src/index.ts'),
    },
  },
  build: {
    outDir: here('../../dist/apps/postal-web'),
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: false,
  },
});

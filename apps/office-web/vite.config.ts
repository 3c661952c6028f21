import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

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
  plugins: [
    // The boards' app must open without a connection (issue 13): Workbox precaches the app shell and
    // answers every page address with index.html; the API is never cached by the worker (the board's
    // screens keep their own data on the device, docs/ELECTION-NIGHT.md "The polling station's day").
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: 'script-defer',
      includeAssets: ['icon.svg'],
      manifest: {
        name: 'Wahlsystem – Wahlvorstand und Wahlamt',
        short_name: 'Wahlvorstand',
        lang: 'de',
        start_url: '/office/board',
        scope: '/office/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#173f6b',
        icons: [{ src: 'icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg}'],
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
        // The first page a board member opens after signing in is already served by the worker.
        clientsClaim: true,
        skipWaiting: true,
      },
    }),
  ],
  build: {
    outDir: here('../../dist/apps/office-web'),
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: false,
  },
});

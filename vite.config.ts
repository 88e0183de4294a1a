/**
 * The web front end: React with NL Design System components, built into dist/web, which the
 * Fastify server serves with a single-page fallback. In development the API is proxied.
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const API = 'http://127.0.0.1:3000';

export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    // React DOM and the NL Design System component bundle are most of the one chunk (~160 kB
    // gzipped); a back-office app loads it once, so splitting it buys little.
    chunkSizeWarningLimit: 800,
  },
  server: {
    proxy: {
      '/api': { target: API, changeOrigin: false },
      '/healthz': { target: API, changeOrigin: false },
    },
  },
});

/**
 * The web app's build: React, output in web/dist (served by `assay serve`), one chunk per area so the annotator
 * never downloads the manager console. `@core` is the server's pure `src/core` (the task-schema language), shared
 * so the browser validates answers exactly as the API does. `npm run dev:web` proxies /api to a server on :3000.
 */
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  plugins: [react()],
  resolve: { alias: { '@core': fileURLToPath(new URL('../src/core', import.meta.url)) } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // The manifest maps each route's modules to their chunks: `npm run bench -- web` and a test read it.
    manifest: true,
    chunkSizeWarningLimit: 1200,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000', '/healthz': 'http://127.0.0.1:3000' } },
});

/**
 * The dashboard's build: web/ → web/dist, served by reweave at `/` (src/server/static.ts). Relative
 * asset paths would break under a sub-path; the service serves it at the root, so base is '/'.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root,
  base: '/',
  // Vite's cache would otherwise land in the shared node_modules/.vite.
  cacheDir: path.join(root, 'node_modules', '.vite'),
  build: {
    outDir: path.join(root, 'dist'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
    chunkSizeWarningLimit: 1024,
  },
  server: { proxy: { '/graphql': 'http://127.0.0.1:4000' } },
});

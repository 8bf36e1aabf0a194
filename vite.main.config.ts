import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

/**
 * Main-process and CLI bundles (ESM, for Node ≥ 22.12 / Electron 45). Runtime dependencies stay
 * external: electron-builder packages them from `dependencies`.
 */
const external = [
  'electron',
  'openid-client',
  'zod',
  /^zod\//,
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`),
];

export default defineConfig({
  build: {
    ssr: true,
    outDir: 'dist/main',
    emptyOutDir: true,
    sourcemap: false,
    target: 'node22',
    minify: false,
    rollupOptions: {
      input: { main: 'electron/main/main.ts', cli: 'cli/idlens.ts' },
      external,
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});

import { defineConfig } from 'vite';

/** The preload: one CommonJS file, because sandboxed preloads cannot load ESM or chunks. */
export default defineConfig({
  build: {
    outDir: 'dist/preload',
    emptyOutDir: true,
    sourcemap: false,
    target: 'chrome140',
    minify: false,
    lib: { entry: 'electron/preload/preload.ts', formats: ['cjs'], fileName: () => 'preload.cjs' },
    rollupOptions: { external: ['electron'], output: { inlineDynamicImports: true } },
  },
});

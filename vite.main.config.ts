import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';
import { z } from 'zod';

/**
 * Main-process, CLI and analysis-process bundles (ESM, for Node ≥ 22.12 / Electron 45). Every
 * runtime dependency stays external — read from package.json, so one added later does too:
 * electron-builder packages them from `dependencies`, and tesseract.js finds its own worker
 * script, WebAssembly core and language data inside its installed packages only when it runs
 * from node_modules, not from a bundle.
 */
const manifest = z
  .object({ dependencies: z.record(z.string(), z.string()).default({}) })
  .parse(JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')));

const escape = (name: string) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const dependencies = Object.keys(manifest.dependencies);

const external = [
  'electron',
  ...dependencies,
  ...dependencies.map((name) => new RegExp(`^${escape(name)}/`)),
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
      input: {
        main: 'electron/main/main.ts',
        cli: 'cli/idlens.ts',
        // The analysis process (worker_threads under Node, utilityProcess in the app); the runner
        // finds it next to main.js and cli.js (core/analysis/process/worker-location.ts).
        'analysis-worker': 'core/analysis/process/worker.ts',
      },
      external,
      output: {
        format: 'es',
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
      },
    },
  },
});

import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

/**
 * One test run for the whole project. Projects: `unit` (Node, fast), `renderer` (components in
 * jsdom), `integration` (real OIDC provider, API and image store on loopback), `e2e` (the built
 * renderer in real Chromium through the test bridge).
 */
export default defineConfig({
  plugins: [react()],
  test: {
    // Off unless asked for (`npm run coverage`): V8 coverage of the code the tests run in-process.
    coverage: {
      provider: 'v8',
      include: ['core/**/*.ts', 'electron/**/*.ts', 'cli/**/*.ts', 'shared/**/*.ts'],
      reporter: ['json-summary', 'text-summary'],
      reportsDirectory: 'coverage',
      // The figures are wanted even when a test failed (the script still exits non-zero).
      reportOnFailure: true,
    },
    projects: [
      {
        extends: false,
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'renderer',
          include: ['test/renderer/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
        },
      },
      {
        extends: false,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts', 'test/audit/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        extends: false,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 90_000,
          hookTimeout: 90_000,
          fileParallelism: false,
        },
      },
    ],
  },
});

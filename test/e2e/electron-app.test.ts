import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { _electron as electron } from 'playwright-core';
import { findElectronBinary } from '../../scripts/electron-binary.ts';
import { describe, expect, it } from 'vitest';
import {
  EVENT_CONTRACT,
  INVOKE_CONTRACT,
  exposedName,
  type EventChannel,
  type InvokeChannel,
} from '../../shared/ipc.ts';
import { contentSecurityPolicy } from '../../core/security.ts';

/**
 * The packaged-app smoke test, for machines that have an Electron binary. Where none can be
 * downloaded (the team's machines and CI) it reports itself skipped, with the reason, and counts
 * for nothing.
 */
const root = resolve(import.meta.dirname, '../..');
const found = findElectronBinary(root);
const binary = 'path' in found ? found.path : null;
const reason = 'reason' in found ? found.reason : '';

describe.skipIf(binary === null)(
  `Electron app smoke test${binary === null ? ` — skipped: ${reason}` : ''}`,
  () => {
    // The packaged app (`npm run dist -- --dir`) when there is one, else the built bundle.
    const packaged =
      process.env['IDLENS_PACKAGED_APP'] ?? join(root, 'release/linux-unpacked/idlens');
    async function launch() {
      const app = await electron.launch({
        // (A stand-in Electron from `dist:check` is a small script, not an app to launch.)
        ...(existsSync(packaged) && statSync(packaged).size > 1_000_000
          ? { executablePath: packaged, args: ['--demo'] }
          : { executablePath: binary!, args: [join(root, 'dist/main/main.js'), '--demo'] }),
        env: { ...(process.env as Record<string, string>), IDLENS_DEMO: '1' },
      });
      const page = await app.firstWindow();
      await page.waitForLoadState('domcontentloaded');
      return { app, page };
    }

    it('opens one hardened window on the app scheme with the CSP header', async () => {
      const { app, page } = await launch();
      try {
        expect(page.url()).toBe('app://bundle/index.html');
        const csp = await app.evaluate(async ({ session }) => {
          const ses = session.fromPartition('idlens-viewer');
          const res = await ses.fetch('app://bundle/index.html');
          return res.headers.get('content-security-policy');
        });
        expect(csp).toBe(contentSecurityPolicy());
        const storagePath = await app.evaluate(
          ({ session }) => session.fromPartition('idlens-viewer').storagePath,
        );
        expect(storagePath).toBeNull();
      } finally {
        await app.close();
      }
    });

    it('gives the page exactly the contract as window.idlens and no Node', async () => {
      const { app, page } = await launch();
      try {
        const surface = await page.evaluate(() => {
          const api = (window as unknown as { idlens: Record<string, Record<string, unknown>> })
            .idlens;
          return Object.entries(api).flatMap(([d, m]) => Object.keys(m).map((k) => `${d}.${k}`));
        });
        const expected = [
          ...Object.keys(INVOKE_CONTRACT).map((c) => exposedName(c as InvokeChannel)),
          ...Object.keys(EVENT_CONTRACT).map((c) => exposedName(c as EventChannel)),
        ];
        expect(surface.sort()).toEqual(expected.sort());
        expect(
          await page.evaluate(() => typeof (globalThis as { require?: unknown }).require),
        ).toBe('undefined');
        expect(
          await page.evaluate(() => typeof (globalThis as { process?: unknown }).process),
        ).toBe('undefined');
      } finally {
        await app.close();
      }
    });

    it('refuses navigation and window.open', async () => {
      const { app, page } = await launch();
      try {
        const opened = await page.evaluate(() => window.open('https://example.com/') === null);
        expect(opened).toBe(true);
        await page.evaluate(() => {
          window.location.href = 'https://example.com/';
        });
        await page.waitForTimeout(500);
        expect(page.url()).toBe('app://bundle/index.html');
        expect(app.windows()).toHaveLength(1);
      } finally {
        await app.close();
      }
    });
  },
);

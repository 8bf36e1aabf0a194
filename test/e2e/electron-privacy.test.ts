import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron } from 'playwright-core';
import { findElectronBinary } from '../../scripts/electron-binary.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoBackend, type DemoBackend } from '../../demo/backend.ts';
import { loginWithFetch } from '../../demo/test-login.ts';
import { appLocations } from '../../core/privacy/locations.ts';
import { buildPrivacyReport, formatReport } from '../../core/privacy/report.ts';

/**
 * Electron-side evidence of "nothing persists", for machines that have an Electron binary: the
 * packaged main process with a fresh profile (HOME, TMPDIR, XDG_* all new), signed in as the demo
 * `full` persona, documents loaded and shown, wiped, app quit — then the privacy report over what
 * is left must be clean (no JPEG, token, signed-URL part or document hash in any file), with no
 * temporary session folder and nothing but the settings file. Where no Electron binary can be had
 * (the team's machines and CI) it reports itself skipped, with the reason, and counts for nothing.
 */
const root = resolve(import.meta.dirname, '../..');
const found = findElectronBinary(root);
const binary = 'path' in found ? found.path : null;
const reason = 'reason' in found ? found.reason : '';

describe.skipIf(binary === null)(
  `Electron app leaves nothing behind${binary === null ? ` — skipped: ${reason}` : ''}`,
  () => {
    let backend: DemoBackend;
    let profile: string;
    beforeAll(async () => {
      backend = await startDemoBackend({ quiet: true });
      profile = mkdtempSync(join(tmpdir(), 'idlens-electron-profile-'));
    });
    afterAll(async () => {
      await backend.close();
      rmSync(profile, { recursive: true, force: true });
    });

    it('after load as full, wipe and quit: the report is clean, no session folder, only settings.json', async () => {
      const home = join(profile, 'home');
      const tmp = join(profile, 'tmp');
      const config = join(profile, 'config');
      for (const dir of [home, tmp, config, join(profile, 'cache'), join(profile, 'data')]) {
        mkdirSync(dir, { recursive: true });
      }
      // The settings a user would have saved: the demo backend of this test, on loopback.
      const userData = join(config, 'idlens');
      mkdirSync(userData, { recursive: true });
      writeFileSync(
        join(userData, 'settings.json'),
        JSON.stringify({
          environment: 'custom',
          issuer: backend.issuer,
          apiBase: backend.apiBase,
          clientId: backend.clients.public.clientId,
          imageHosts: ['127.0.0.1'],
        }),
      );

      const app = await electron.launch({
        executablePath: binary!,
        args: [join(root, 'dist/main/main.js'), '--demo'],
        env: {
          PATH: process.env['PATH'] ?? '/usr/bin:/bin',
          DISPLAY: process.env['DISPLAY'] ?? '',
          HOME: home,
          TMPDIR: tmp,
          XDG_CONFIG_HOME: config,
          XDG_CACHE_HOME: join(profile, 'cache'),
          XDG_DATA_HOME: join(profile, 'data'),
          IDLENS_DEMO: '1',
        },
      });
      try {
        // The system browser: main's shell.openExternal hands the URL to this test, which signs
        // in as `full` through the provider's pages and follows the redirect to the loopback.
        await app.evaluate(({ shell }) => {
          const urls: string[] = [];
          (globalThis as { __idlensUrls?: string[] }).__idlensUrls = urls;
          shell.openExternal = (url: string) => {
            urls.push(url);
            return Promise.resolve();
          };
        });
        const page = await app.firstWindow();
        await page.getByTestId('sign-in').click();
        let authUrl: string | undefined;
        await expect
          .poll(async () => {
            authUrl = await app.evaluate(
              () => (globalThis as { __idlensUrls?: string[] }).__idlensUrls?.[0],
            );
            return authUrl;
          })
          .toBeDefined();
        const callback = await loginWithFetch(authUrl!, 'full');
        await (await fetch(callback)).text();
        await page.getByTestId('session-panel').waitFor({ timeout: 30_000 });
        await page.locator('[data-testid^="pane-"] img').first().waitFor();
        await page.getByTestId('wipe-button').click();
        await page.getByTestId('session-panel').waitFor({ state: 'detached' });
      } finally {
        await app.close();
      }

      const report = await buildPrivacyReport({
        locations: appLocations({
          platform: process.platform,
          env: { XDG_CONFIG_HOME: config, APPDATA: config },
          homedir: home,
          tmpdir: tmp,
        }),
        documentHashes: Object.values(backend.specimens).map((s) => s.sha256),
      });
      const text = formatReport(report);
      expect(report.verdict, text).toBe('clean');
      expect(report.summary.sessionFolders, text).toBe(0);
      expect(report.summary.unexpectedFiles, text).toBe(0);
    });
  },
);

import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getSpecimens } from '../../demo/specimens.ts';
import { appLocations } from '../../core/privacy/locations.ts';
import { buildPrivacyReport } from '../../core/privacy/report.ts';
import { chromiumExecutable } from '../e2e/harness.ts';

/**
 * The privacy report against real Chromium profiles (Debian's Chromium standing in for Electron's,
 * which cannot run here): a profile that only showed text must come out clean, with Chromium's own
 * files named; a *persistent* profile that showed a JPEG over HTTP — what idlens avoids with its
 * in-memory session and Node downloads — must be caught in Chromium's HTTP cache, which for a
 * profile under ~/.config Chromium keeps in the matching folder under ~/.cache (so the report
 * looks there too). This checks the scanner against Chromium's real file formats, not just files
 * the tests wrote.
 */

let server: Server;
let origin = '';
const roots: string[] = [];

beforeAll(async () => {
  const { documentFront } = await getSpecimens();
  server = createServer((req, res) => {
    if (req.url === '/front.jpg') {
      res.writeHead(200, { 'content-type': 'image/jpeg', 'cache-control': 'max-age=3600' });
      res.end(documentFront.bytes);
    } else if (req.url === '/image') {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<img src="/front.jpg">');
    } else {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<h1>nothing of a person</h1>');
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((ok) => server.close(() => ok()));
  for (const dir of roots) rmSync(dir, { recursive: true, force: true });
});

/** Runs Chromium with a persistent profile as idlens's userData, opens `path`, quits. */
async function profileAfter(path: string) {
  const root = mkdtempSync(join(tmpdir(), 'idlens-chromium-profile-'));
  roots.push(root);
  const locations = appLocations({
    platform: 'linux',
    env: { XDG_CONFIG_HOME: join(root, 'config'), XDG_CACHE_HOME: join(root, 'cache') },
    homedir: root,
    tmpdir: join(root, 'tmp'),
  });
  const executablePath = chromiumExecutable();
  const context = await chromium.launchPersistentContext(locations.userData, {
    ...(executablePath ? { executablePath } : {}),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-component-update'],
    env: {
      ...(process.env as Record<string, string>),
      HOME: root,
      TMPDIR: root,
      XDG_CONFIG_HOME: join(root, 'config'),
      XDG_CACHE_HOME: join(root, 'cache'),
    },
  });
  const page = await context.newPage();
  await page.goto(`${origin}${path}`);
  await page.waitForLoadState('load');
  // Closing the page first lets Chromium finish its cache writes before the browser goes.
  await page.close();
  await context.close();
  return buildPrivacyReport({ locations });
}

describe('the privacy report on real Chromium profiles', () => {
  it("a profile that showed only text is clean, and Chromium's own files are named", async () => {
    const report = await profileAfter('/text');
    expect(report.verdict).toBe('clean');
    expect(report.summary.files).toBeGreaterThan(10);
    const known = new Set(report.entries.map((e) => e.known));
    expect(known).toContain('chromium-local-state');
    expect(known).toContain('chromium-preferences');
  });

  it("a persistent profile that showed a JPEG is caught: the image is in Chromium's HTTP cache", async () => {
    const report = await profileAfter('/image');
    expect(report.verdict).toBe('sensitive');
    const flagged = report.entries.filter((e) => e.verdict === 'sensitive');
    expect(flagged.length).toBeGreaterThan(0);
    for (const entry of flagged) {
      // Chromium keeps the HTTP cache of a profile under ~/.config in the mirror under ~/.cache.
      expect(entry.location).toBe('cache');
      expect(entry.known).toBe('chromium-http-cache');
      expect(entry.findings.map((f) => f.kind)).toContain('jpeg');
    }
  });
});

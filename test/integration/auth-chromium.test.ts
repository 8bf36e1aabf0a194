import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoBackend } from '../../demo/backend.ts';
import type { DemoBackend } from '../../demo/backend.ts';
import { AuthService } from '../../core/auth/auth-service.ts';
import type { SignInConfig } from '../../core/auth/auth-service.ts';
import { codeOf, probe, waitFor } from './auth-helpers.ts';

/**
 * Real Chromium as the system browser: it logs in and consents on the demo provider's pages and
 * follows the redirect to the loopback listener, whose page must render with no script, no
 * external load and no CSP violation.
 */

const CHROMIUM = process.env.IDLENS_CHROMIUM ?? '/usr/bin/chromium';

let backend: DemoBackend | undefined;
let browser: Browser | undefined;
let context: BrowserContext | undefined;
let root: string | undefined;
const consoleErrors: string[] = [];
const requests: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM} (set IDLENS_CHROMIUM)`);
  backend = await startDemoBackend({ quiet: true });
  root = mkdtempSync(join(tmpdir(), 'idlens-auth-chromium-'));
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-quic',
      '--disable-sync',
    ],
    env: {
      ...(process.env as Record<string, string>),
      HOME: root,
      TMPDIR: root,
      XDG_CONFIG_HOME: join(root, 'config'),
      XDG_CACHE_HOME: join(root, 'cache'),
    },
  });
});

/** A fresh profile per test, like a private window: no provider session carried over. */
async function freshContext(): Promise<void> {
  await context?.close();
  if (!browser) throw new Error('no browser');
  const fresh = await browser.newContext();
  fresh.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  fresh.on('request', (r) => requests.push(r.url()));
  context = fresh;
}

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await backend?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

function config(): SignInConfig {
  if (!backend) throw new Error('no backend');
  return {
    environment: 'demo',
    issuer: backend.issuer,
    clientId: backend.clients.public.clientId,
    allowInsecureLoopback: true,
    timeoutMs: 60_000,
  };
}

/** shell.openExternal's stand-in: a new tab of the running browser. */
function chromiumOpener(pages: Page[]) {
  return async (url: string) => {
    if (!context) throw new Error('no browser context');
    const page = await context.newPage();
    page.on('pageerror', (e) => consoleErrors.push(e.message));
    pages.push(page);
    void page.goto(url).catch(() => {});
  };
}

async function loginAndDecide(page: Page, persona: string, decision: 'allow' | 'deny') {
  await page.locator('input[name=login]').fill(persona);
  await page.locator('input[name=password]').fill('demo');
  await page.locator('button[type=submit]').click();
  await page.locator(`button[name=decision][value=${decision}]`).click();
  await page.waitForURL(/^http:\/\/127\.0\.0\.1:\d+\/callback\?/);
  await page.waitForLoadState('load');
}

describe('sign-in with Chromium as the system browser', () => {
  it('logs in, consents, and lands on the listener page; the app is signed in', async () => {
    await freshContext();
    const pages: Page[] = [];
    const auth = new AuthService({ openExternal: chromiumOpener(pages) });
    const signIn = auth.signIn(config());
    await waitFor(() => pages.length === 1, 30_000);
    const page = pages[0]!;
    await loginAndDecide(page, 'full', 'allow');

    const status = await signIn;
    expect(status.state).toBe('signedIn');
    expect(status.user?.sub).toBe('demo-full');

    const text = await page.locator('body').innerText();
    expect(text).toContain('You can close this tab and return to idlens.');
    expect(text).toContain('Puede cerrar esta pestaña y volver a idlens.');
    expect(await page.locator('script').count()).toBe(0);
    // The listener's port is closed once the page has been delivered.
    expect(await probe(Number(new URL(page.url()).port))).toBe('ECONNREFUSED');
    await auth.signOut();
  });

  it('a denial shows the bilingual denial page and ends with auth_denied', async () => {
    await freshContext();
    const pages: Page[] = [];
    const auth = new AuthService({ openExternal: chromiumOpener(pages) });
    const outcome = codeOf(auth.signIn(config()));
    await waitFor(() => pages.length === 1, 30_000);
    const page = pages[0]!;
    await loginAndDecide(page, 'full', 'deny');
    expect(await outcome).toBe('auth_denied');
    const text = await page.locator('body').innerText();
    expect(text).toContain('Sign-in was not authorized');
    expect(text).toContain('El inicio de sesión no fue autorizado');
    expect(await probe(Number(new URL(page.url()).port))).toBe('ECONNREFUSED');
  });

  it('the listener pages caused no CSP violation and loaded nothing else from the listener', () => {
    expect(consoleErrors).toEqual([]);
    const fromListener = requests.filter((u) => /^http:\/\/127\.0\.0\.1:\d+\/callback/.test(u));
    expect(fromListener).toHaveLength(2);
    const listenerPorts = new Set(fromListener.map((u) => new URL(u).port));
    const others = requests.filter(
      (u) => listenerPorts.has(new URL(u).port) && !/\/callback\?/.test(u),
    );
    // At most the favicon probe, which the closed port could not answer.
    expect(others.every((u) => new URL(u).pathname === '/favicon.ico')).toBe(true);
  });
});

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { workerChannel } from '../../core/analysis/process/runner.ts';
import { composeApp } from '../../core/compose.ts';
import { memoryBacking } from '../../core/settings.ts';
import { startDemoBackend, type DemoBackend, type Persona } from '../../demo/backend.ts';
import { loginWithFetch } from '../../demo/test-login.ts';
import type { DocumentImage, DocumentsResult } from '../../shared/ipc.ts';
import type { Settings } from '../../shared/settings.ts';
import { startHarness, type Harness } from './harness.ts';

/**
 * The whole product minus Electron, for the UI suites: the demo backend (OpenID provider, API,
 * signed-URL image store), the real main-side services as the app composes them (`composeApp`) and the built
 * renderer in Chromium through the test bridge. "The browser" that signs in is `loginWithFetch`,
 * acting as whichever persona the test chose.
 */
export interface UiStack {
  harness: Harness;
  backend: DemoBackend;
  readonly page: Page;
  /** Who signs in next, and whether the browser step waits for `releaseSignIn()`. */
  signInAs(persona: Persona, options?: { hold?: boolean; deny?: boolean }): void;
  releaseSignIn(): Promise<void>;
  /** Wipe replacements of the renderer that happened (main's forcefully-crash + reload). */
  readonly replacements: number;
  /**
   * Holds main's replacement of the page after a wipe, so a test can inspect the old page first;
   * `releaseReplacement()` then lets it happen and resolves with the fresh page.
   */
  holdReplacement(hold: boolean): void;
  releaseReplacement(): Promise<Page>;
  close(): Promise<void>;
}

export const SCREENSHOTS = resolve(import.meta.dirname, '../../test-results/screenshots');

export async function startUiStack(
  options: {
    colorScheme?: 'light' | 'dark';
    locale?: string;
    settings?: Partial<Settings>;
    /**
     * Run the review-assist checks after each load, in a real analysis process (a worker, as
     * the CLI does; the app uses a utilityProcess). Off by default: the other suites do not
     * need the OCR engine's start-up on a shared machine.
     */
    analysis?: boolean;
  } = {},
): Promise<UiStack> {
  const backend = await startDemoBackend({ quiet: true });
  const initialSettings = {
    environment: 'custom',
    issuer: backend.issuer,
    apiBase: backend.apiBase,
    clientId: backend.clients.public.clientId,
    imageHosts: ['127.0.0.1'],
    ...options.settings,
  };
  const browser: {
    persona: Persona;
    hold: boolean;
    deny: boolean;
    held: (() => void) | null;
  } = { persona: 'full', hold: false, deny: false, held: null };
  // A home of its own for the privacy report to scan: the settings file idlens keeps, and
  // nothing else, as after a clean run.
  const home = mkdtempSync(join(tmpdir(), 'idlens-ui-home-'));
  const userData = join(home, '.config', 'idlens');
  mkdirSync(userData, { recursive: true });
  let ciphertext: string | undefined;
  let replacements = 0;
  let holdReplacement = false;
  let closing = false;
  let pendingReplacement: (() => Promise<Page>) | null = null;
  const ref: { harness: Harness | null } = { harness: null };
  const { services, settings } = composeApp({
    demoMode: true,
    // The person at the keyboard set up this demo backend, and confirms it in main's dialog.
    confirmConnection: () => Promise.resolve(true),
    version: '0.1.0',
    os: 'linux',
    settings: memoryBacking(initialSettings),
    secret: {
      // A stand-in keychain (Electron's safeStorage is not here): reversible, clearly not secret.
      cipher: {
        isStrongEncryptionAvailable: () => Promise.resolve(true),
        encryptString: (plain) =>
          Promise.resolve(new TextEncoder().encode(plain).map((b) => b ^ 0x5a)),
        decryptString: (cipher) =>
          Promise.resolve(new TextDecoder().decode(cipher.map((b) => b ^ 0x5a))),
      },
      backing: {
        read: () => ciphertext,
        write: (value) => {
          ciphertext = value;
        },
      },
    },
    openExternal: async (url) => {
      const who = browser.persona;
      const refuse = browser.deny;
      if (browser.hold) {
        await new Promise<void>((release) => {
          browser.held = release;
        });
      }
      // The browser answers on its own time, as a person in another window would.
      // A cancelled sign-in has closed its loopback listener by then: that refusal is expected.
      void loginWithFetch(url, who, { deny: refuse })
        .then(async (callback) => {
          await fetch(callback).then((r) => r.arrayBuffer());
        })
        .catch(() => undefined);
    },
    folders: { platform: 'linux', env: {}, homedir: home, tmpdir: join(home, 'tmp'), userData },
    ...(options.analysis ? { analysisChannel: () => workerChannel() } : {}),
    emit: (channel, payload) => void ref.harness?.emit(channel, payload).catch(() => undefined),
    replaceRenderer: () => {
      replacements += 1;
      const replace = async () => {
        const harness = ref.harness;
        if (!harness) throw new Error('no harness');
        return harness.replaceRenderer();
      };
      if (closing) return;
      if (holdReplacement) pendingReplacement = replace;
      else void replace().catch(() => undefined);
    },
  });
  writeFileSync(join(userData, 'settings.json'), JSON.stringify(settings.get()));
  const harness = await startHarness({
    handlers: () => ({
      ...services.handlers,
      // Electron's IPC copies a reply while sending it, before main zero-fills its buffers on the
      // next turn; Playwright serialises later. Copy here, as the IPC reply would.
      'documents:load': async () => copyImages(await services.handlers['documents:load']()),
    }),
    colorScheme: options.colorScheme ?? 'light',
    locale: options.locale ?? 'en-US',
  });
  ref.harness = harness;
  mkdirSync(SCREENSHOTS, { recursive: true });

  return {
    harness,
    backend,
    get page() {
      return harness.page;
    },
    get replacements() {
      return replacements;
    },
    holdReplacement(hold) {
      holdReplacement = hold;
    },
    async releaseReplacement() {
      const replace = pendingReplacement;
      pendingReplacement = null;
      if (!replace) throw new Error('no replacement is pending');
      const page = await replace();
      await page.waitForLoadState('load');
      return page;
    },
    signInAs(next, opts = {}) {
      browser.persona = next;
      browser.hold = opts.hold ?? false;
      browser.deny = opts.deny ?? false;
    },
    async releaseSignIn() {
      const release = browser.held;
      browser.held = null;
      release?.();
      await Promise.resolve();
    },
    async close() {
      // Closing the page makes it wipe (pagehide), and main would replace it: not any more.
      closing = true;
      await services.shutdown().catch(() => undefined);
      await harness.close();
      await backend.close();
      rmSync(home, { recursive: true, force: true });
    },
  };
}

function copyImages(result: DocumentsResult): DocumentsResult {
  const copy = (image: DocumentImage | null) =>
    image ? { ...image, bytes: new Uint8Array(image.bytes) } : null;
  return {
    ...result,
    documents: {
      documentFront: copy(result.documents.documentFront),
      documentBack: copy(result.documents.documentBack),
      face: copy(result.documents.face),
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), animations: 'disabled' });
}

/** Waits until main has replaced the page (after a wipe) and the fresh one is ready. */
export async function nextPage(stack: UiStack, old: Page): Promise<Page> {
  const deadline = Date.now() + 30_000;
  while (stack.page === old) {
    if (Date.now() > deadline) throw new Error('the page was not replaced');
    await new Promise((r) => setTimeout(r, 50));
  }
  await stack.page.waitForLoadState('load');
  return stack.page;
}

/** Waits until the page shows the documents of a completed load. */
export async function signInAndLoad(stack: UiStack, persona: Persona): Promise<void> {
  stack.signInAs(persona);
  await stack.page.getByTestId('sign-in').click();
  await stack.page.getByTestId('session-panel').waitFor({ timeout: 30_000 });
}

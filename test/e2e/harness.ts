import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, normalize, resolve, sep } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import {
  EVENT_CONTRACT,
  INVOKE_CONTRACT,
  exposedName,
  type EventChannel,
  type PayloadOf,
} from '../../shared/ipc.ts';
import { createDispatcher, type Handlers } from '../../core/ipc-dispatch.ts';
import { appResponseHeaders, contentTypeFor } from '../../core/security.ts';

/**
 * Runs the built renderer in real Chromium the way the app does, minus Electron: the bundle is
 * served over loopback http with the app's own CSP header, and `window.idlens` is installed by a
 * test bridge that forwards every call to the real main-side handlers in this process through
 * the same dispatcher (sender check + zod) that `electron/ipc.ts` uses.
 */

export const RENDERER_DIR = resolve(import.meta.dirname, '../../dist/renderer');

export function chromiumExecutable(): string | undefined {
  const fromEnv = process.env['IDLENS_CHROMIUM'];
  if (fromEnv) return fromEnv;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  return undefined; // Playwright's own browser, where one is installed
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-quic',
  '--disable-sync',
  '--disable-breakpad',
];

/** A private HOME/TMPDIR/XDG for the browser, so Chromium writes nothing into the real home. */
export function browserEnv(root: string): Record<string, string> {
  return {
    ...(process.env as Record<string, string>),
    HOME: root,
    TMPDIR: root,
    XDG_CONFIG_HOME: join(root, 'config'),
    XDG_CACHE_HOME: join(root, 'cache'),
    XDG_DATA_HOME: join(root, 'data'),
  };
}

export async function launchChromium(root: string): Promise<Browser> {
  const executablePath = chromiumExecutable();
  return chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    headless: true,
    args: CHROMIUM_ARGS,
    env: browserEnv(root),
  });
}

/** Serves a folder with the app's response headers (CSP included) on 127.0.0.1. */
export async function serveBundle(
  dir: string = RENDERER_DIR,
): Promise<{ origin: string; server: Server; requests: string[] }> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const rel =
        url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname).replace(/^\/+/, '');
      const full = normalize(join(dir, rel));
      const type = contentTypeFor(rel);
      if (!full.startsWith(dir + sep) || type === null) {
        res.writeHead(404, appResponseHeaders('text/plain')).end('Not found');
        return;
      }
      try {
        const body = await readFile(full);
        res.writeHead(200, appResponseHeaders(type)).end(body);
      } catch {
        res.writeHead(404, appResponseHeaders('text/plain')).end('Not found');
      }
    })();
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no address');
  return { origin: `http://127.0.0.1:${address.port}`, server, requests };
}

export interface Harness {
  readonly page: Page;
  readonly origin: string;
  readonly context: BrowserContext;
  readonly browser: Browser;
  /** Sends a contract event to the page, as main's `webContents.send` would. */
  emit<E extends EventChannel>(channel: E, payload: PayloadOf<E>): Promise<void>;
  /** Replaces the page by a fresh one (what main does to the renderer after a wipe). */
  replaceRenderer(): Promise<Page>;
  /** Calls that reached the dispatcher: channel names only. */
  readonly calls: string[];
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** Builds the handlers; gets the harness's emit and replaceRenderer to wire events. */
  handlers(bridge: { emit: Harness['emit']; replaceRenderer: () => void }): Handlers;
  colorScheme?: 'light' | 'dark';
  locale?: string;
}

const PAGE_BRIDGE = ({
  invoke,
  events,
}: {
  invoke: [string, string][];
  events: [string, string][];
}) => {
  type Listener = (payload: unknown) => void;
  const w = window as unknown as {
    __idlensInvoke(channel: string, args: unknown[]): Promise<unknown>;
    __idlensEmit?: (channel: string, payload: unknown) => void;
    idlens?: unknown;
  };
  const listeners = new Map<string, Set<Listener>>();
  const api: Record<string, Record<string, unknown>> = {};
  for (const [channel, name] of invoke) {
    const [domain, method] = name.split('.') as [string, string];
    (api[domain] ??= {})[method] = (...args: unknown[]) => w.__idlensInvoke(channel, args);
  }
  for (const [channel, name] of events) {
    const [domain, method] = name.split('.') as [string, string];
    (api[domain] ??= {})[method] = (listener: Listener) => {
      const set = listeners.get(channel) ?? new Set<Listener>();
      listeners.set(channel, set);
      set.add(listener);
      return () => set.delete(listener);
    };
  }
  Object.defineProperty(window, '__idlensEmit', {
    value: (channel: string, payload: unknown) => {
      for (const l of listeners.get(channel) ?? []) l(payload);
    },
  });
  for (const domain of Object.values(api)) Object.freeze(domain);
  Object.defineProperty(window, 'idlens', { value: Object.freeze(api), enumerable: true });
};

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error('dist/renderer is missing: run `npm run build` first.');
  }
  const root = mkdtempSync(join(tmpdir(), 'idlens-e2e-'));
  const served = await serveBundle();
  const browser = await launchChromium(root);
  const context = await browser.newContext({
    colorScheme: options.colorScheme ?? 'light',
    locale: options.locale ?? 'en-US',
    acceptDownloads: false,
    viewport: { width: 1360, height: 900 },
  });
  const calls: string[] = [];
  let page!: Page;

  const harness: Harness = {
    get page() {
      return page;
    },
    origin: served.origin,
    context,
    browser,
    calls,
    async emit(channel, payload) {
      await page.evaluate(
        ([c, p]) => {
          (window as unknown as { __idlensEmit(c: string, p: unknown): void }).__idlensEmit(c, p);
        },
        [channel, payload] as const,
      );
    },
    async replaceRenderer() {
      const old = page;
      page = await openPage();
      await old.close();
      return page;
    },
    async close() {
      await browser.close().catch(() => undefined);
      await new Promise<void>((ok) => {
        served.server.closeAllConnections();
        served.server.close(() => ok());
      });
      rmSync(root, { recursive: true, force: true });
    },
  };

  const handlers = options.handlers({
    emit: (channel, payload) => harness.emit(channel, payload),
    replaceRenderer: () => void harness.replaceRenderer(),
  });
  const dispatch = createDispatcher(handlers, {
    isTrustedSender: (frame) =>
      frame !== null && frame.isMainFrame && new URL(frame.url).origin === served.origin,
  });

  const invoke = Object.keys(INVOKE_CONTRACT).map(
    (c) => [c, exposedName(c as keyof typeof INVOKE_CONTRACT)] as [string, string],
  );
  const events = Object.keys(EVENT_CONTRACT).map(
    (c) => [c, exposedName(c as EventChannel)] as [string, string],
  );
  await context.exposeBinding(
    '__idlensInvoke',
    async (source, channel: string, args: unknown[]) => {
      calls.push(channel);
      const frame = {
        url: source.frame.url(),
        isMainFrame: source.frame === source.page.mainFrame(),
      };
      const result = await dispatch(channel, frame, args);
      return toPageValue(result);
    },
  );
  await context.addInitScript(PAGE_BRIDGE, { invoke, events });

  async function openPage(): Promise<Page> {
    const next = await context.newPage();
    await next.goto(`${served.origin}/index.html`);
    return next;
  }
  page = await openPage();
  return harness;
}

/**
 * What the page receives is a copy, taken at once, as Electron's IPC serialises a reply before
 * main zero-fills its buffers (Playwright would serialise later, after that zero-fill). Plain
 * Uint8Array copies also avoid Buffers, which close the page when returned through a binding.
 */
function toPageValue(value: unknown): unknown {
  if (value instanceof Uint8Array) return new Uint8Array(value);
  if (Array.isArray(value)) return value.map(toPageValue);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toPageValue(v)]));
  }
  return value;
}

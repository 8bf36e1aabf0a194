import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startDemoBackend, type DemoBackend } from '../../demo/backend.ts';
import type { Handlers } from '../../core/ipc-dispatch.ts';
import { DOCUMENT_SLOTS, type DocumentsResult } from '../../shared/ipc.ts';
import { startHarness, type Harness } from './harness.ts';
import { realMainHandlers } from './real-main.ts';

/**
 * Memory audit of the renderer: V8 heap snapshots of the page (Chrome DevTools Protocol
 * `HeapProfiler.takeHeapSnapshot`, streamed into this process's memory, never onto disk) while
 * the documents are shown, after the renderer's own wipe, and after main has replaced the page.
 * The page is the built renderer in Chromium, driven by the real main-side handlers (test bridge).
 *
 * Looked for: the access and ID tokens and the signed URLs' signatures (which must never reach
 * the renderer at all), the person's data (verification session id, registry fields), the
 * documents' SHA-256 hex, and each image's distinctive bytes as base64, hex and latin1 strings.
 *
 * What it cannot see: image bytes in ArrayBuffers and Blobs, and decoded bitmaps — none of these
 * are in a V8 heap snapshot. That is why main replaces the renderer process after every wipe (in
 * Electron: forcefully crash + reload); here the harness replaces the page. DOM text lives in
 * Blink's heap, not V8's, and is not covered either.
 */

let backend: DemoBackend;
let harness: Harness;
let replaceRequests = 0;
const sizes: string[] = [];
const loaded: DocumentsResult[] = [];
const secrets = { tokens: [] as string[], signatures: [] as string[] };
const originalFetch = globalThis.fetch;

/** Notes tokens and signatures on their way into main (this process), to look for them later. */
function watchFetch(): void {
  globalThis.fetch = async (input, init) => {
    const response = await originalFetch(input, init);
    if (/json/i.test(response.headers.get('content-type') ?? '')) {
      const text = await response.clone().text();
      for (const m of text.matchAll(/"(?:access_token|id_token|refresh_token)":"([^"]+)"/g)) {
        secrets.tokens.push(m[1]!);
      }
      for (const m of text.matchAll(/X-Amz-Signature=([0-9a-f]{32,})/g)) {
        secrets.signatures.push(m[1]!);
      }
    }
    return response;
  };
}

beforeAll(async () => {
  watchFetch();
  backend = await startDemoBackend({ quiet: true });
  harness = await startHarness({
    handlers: (bridge) => {
      // Main's replacement of the page is deferred, so the renderer's own wipe can be examined.
      const { handlers } = realMainHandlers(backend, {
        emit: bridge.emit,
        replaceRenderer: () => {
          replaceRequests += 1;
        },
      });
      const load = handlers['documents:load'];
      const wrapped: Handlers = {
        ...handlers,
        'documents:load': async () => {
          const result = await load();
          loaded.push(structuredClone(result));
          return result;
        },
      };
      return wrapped;
    },
  });
});
afterAll(async () => {
  globalThis.fetch = originalFetch;
  await harness.close();
  await backend.close();
  console.info(`renderer heap snapshots (shown, after own wipe, fresh page): ${sizes.join(', ')}`);
});

async function heapSnapshot(page: Page): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  const chunks: string[] = [];
  cdp.on('HeapProfiler.addHeapSnapshotChunk', (event) => chunks.push(event.chunk));
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  await cdp.detach();
  const snapshot = chunks.join('');
  sizes.push(`${Math.round(snapshot.length / 1024)} KiB`);
  return snapshot;
}

/** A latin1 string as V8 writes it into a heap snapshot's JSON string table. */
function snapshotJson(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) {
    if (byte === 0x22) out += '\\"';
    else if (byte === 0x5c) out += '\\\\';
    else if (byte === 0x0a) out += '\\n';
    else if (byte === 0x0d) out += '\\r';
    else if (byte === 0x09) out += '\\t';
    else if (byte === 0x08) out += '\\b';
    else if (byte === 0x0c) out += '\\f';
    else if (byte < 0x20 || byte >= 0x80)
      out += `\\u${byte.toString(16).toUpperCase().padStart(4, '0')}`;
    else out += String.fromCharCode(byte);
  }
  return out;
}

/** 63 entropy-coded bytes after the first SOS header, 3-aligned (a substring of any base64). */
function distinctive(bytes: Uint8Array): Buffer {
  for (let i = 2; i + 3 < bytes.byteLength; i++) {
    if (bytes[i] === 0xff && bytes[i + 1] === 0xda) {
      const start = Math.ceil((i + 2 + ((bytes[i + 2]! << 8) | bytes[i + 3]!)) / 3) * 3;
      return Buffer.from(bytes.subarray(start, start + 63));
    }
  }
  throw new Error('no SOS marker');
}

interface Needles {
  tokens: string[];
  signatures: string[];
  personal: string[];
  hashes: string[];
  images: string[];
}

function needles(): Needles {
  const result = loaded.at(-1)!;
  const images = DOCUMENT_SLOTS.flatMap((slot) => {
    const image = result.documents[slot];
    if (!image) return [];
    const window = distinctive(image.bytes);
    return [window.toString('base64'), window.toString('hex'), snapshotJson(window)];
  });
  const registry = Object.values(result.registry ?? {}).filter(
    (v): v is string => typeof v === 'string' && v.length >= 6,
  );
  return {
    tokens: secrets.tokens,
    signatures: secrets.signatures,
    personal: [result.session.id!, ...registry],
    hashes: DOCUMENT_SLOTS.flatMap((s) =>
      result.documents[s] ? [result.documents[s].sha256] : [],
    ),
    images,
  };
}

function found(snapshot: string, list: string[]): number {
  return list.filter((needle) => snapshot.includes(needle)).length;
}

describe('memory audit: the renderer', () => {
  let shown: Needles;

  it('while documents are shown: the person is in its heap, a token or signed URL never is', async () => {
    const page = harness.page;
    await page.getByTestId('sign-in').click();
    await page.getByTestId('session-panel').waitFor({ timeout: 30_000 });
    await page.locator('[data-testid^="pane-"] img, [data-testid^="card-"] img').first().waitFor();
    shown = needles();
    expect(shown.tokens.length).toBeGreaterThanOrEqual(2); // access + ID token seen by main
    expect(shown.signatures).toHaveLength(3);
    const snapshot = await heapSnapshot(page);
    expect(found(snapshot, shown.tokens)).toBe(0);
    expect(found(snapshot, shown.signatures)).toBe(0);
    // The companion that shows the search works: before a wipe, the person's data is there.
    expect(found(snapshot, shown.personal)).toBeGreaterThan(0);
  });

  it("after the renderer's own wipe: no data of the person, no document hash, no image string", async () => {
    const page = harness.page;
    await page.getByTestId('wipe-button').click();
    await page.getByTestId('session-panel').waitFor({ state: 'detached' });
    await expect.poll(() => replaceRequests).toBe(1);
    const snapshot = await heapSnapshot(page);
    expect({
      tokens: found(snapshot, shown.tokens),
      signatures: found(snapshot, shown.signatures),
      personal: found(snapshot, shown.personal),
      hashes: found(snapshot, shown.hashes),
      images: found(snapshot, shown.images),
    }).toEqual({ tokens: 0, signatures: 0, personal: 0, hashes: 0, images: 0 });
  });

  it('after main replaces the page: the fresh page holds nothing of the session', async () => {
    const page = await harness.replaceRenderer();
    const snapshot = await heapSnapshot(page);
    const all = [
      ...shown.tokens,
      ...shown.signatures,
      ...shown.personal,
      ...shown.hashes,
      ...shown.images,
    ];
    expect(found(snapshot, all)).toBe(0);
    expect(snapshot.length).toBeGreaterThan(100_000);
  });
});

/**
 * The renderer's numbers, measured in Chromium through the browser test bridge (not Electron's
 * IPC): bundle size (JS gzip, against React alone), time from the documents arriving to every
 * image decoded and painted, frame times while zooming and panning a 12-megapixel image, and wipe
 * latency (to JS state clear, to no image in the DOM, to the replacement page ready).
 *
 * Chromium runs headless with --disable-gpu, so compositing is in software: frame times here are
 * an upper bound of what a GPU-composited Electron window does. Nothing is asserted; it prints a
 * table. Run after `npx vite build`: `node test/bench/renderer.bench.ts`.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import sharp from 'sharp';
import { build } from 'vite';
import type { Page } from 'playwright-core';
import type { AuthStatus, DocumentImage, DocumentsResult } from '../../shared/ipc.ts';
import { stubHandlers } from '../fixtures/stub-handlers.ts';
import { RENDERER_DIR, startHarness } from '../e2e/harness.ts';
import { zoomPanFrameTimes } from './zoom-pan.ts';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);
const FRAMES = Number(process.env['BENCH_FRAMES'] ?? 240);

/** Gzip size of the JS the page loads at start (index.html's entry) and of chunks loaded later. */
function gzipOf(dir: string): { entry: number; onDemand: number } {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const entry = /<script[^>]+src="\.\/(assets\/[^"]+\.js)"/.exec(html)?.[1];
  const sizes = { entry: 0, onDemand: 0 };
  for (const file of readdirSync(join(dir, 'assets'))) {
    if (!file.endsWith('.js')) continue;
    const size = gzipSync(readFileSync(join(dir, 'assets', file)), { level: 9 }).length;
    if (`assets/${file}` === entry) sizes.entry += size;
    else sizes.onDemand += size;
  }
  return sizes;
}

/** React + react-dom rendering one element, built with the same Vite settings: the floor. */
async function reactOnlyGzip(): Promise<number> {
  const root = mkdtempSync(join(tmpdir(), 'idlens-bench-react-'));
  try {
    writeFileSync(
      join(root, 'index.html'),
      '<!doctype html><div id="root"></div><script type="module" src="./main.js"></script>',
    );
    writeFileSync(
      join(root, 'main.js'),
      "import { createRoot } from 'react-dom/client';\nimport { createElement } from 'react';\ncreateRoot(document.getElementById('root')).render(createElement('p', null, 'x'));\n",
    );
    await build({
      root,
      base: './',
      logLevel: 'silent',
      configFile: false,
      resolve: {
        alias: {
          react: resolve('node_modules/react'),
          'react-dom': resolve('node_modules/react-dom'),
        },
      },
      build: {
        outDir: join(root, 'dist'),
        target: 'chrome140',
        modulePreload: { polyfill: false },
      },
    });
    return gzipOf(join(root, 'dist')).entry;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** A synthetic 12-megapixel "scan": gradients, fine lines and text, as a JPEG. */
async function specimen(width: number, height: number, label: string): Promise<DocumentImage> {
  const lines = Array.from(
    { length: 120 },
    (_, i) =>
      `<line x1="0" y1="${i * 25}" x2="${width}" y2="${i * 25 + 300}" stroke="#6a8" stroke-width="1" opacity="0.5"/>`,
  ).join('');
  const text = Array.from(
    { length: 40 },
    (_, i) =>
      `<text x="120" y="${200 + i * 70}" font-size="48" font-family="DejaVu Sans" fill="#123">${label} SPECIMEN LINE ${i} 0123456789</text>`,
  ).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs><linearGradient id="g" x1="0" x2="1" y1="0" y2="1"><stop offset="0" stop-color="#eef"/><stop offset="1" stop-color="#cdb"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/>${lines}${text}</svg>`;
  const buffer = await sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
  const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  return {
    bytes,
    mime: 'image/jpeg',
    width,
    height,
    storedWidth: width,
    storedHeight: height,
    orientation: 1,
    trailingBytes: 0,
    progressive: false,
    byteLength: bytes.byteLength,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

async function allDecoded(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      document.images.length > 0 &&
      [...document.images].every((img) => img.dataset['status'] === 'ready'),
    undefined,
    { timeout: 60_000 },
  );
}

async function main(): Promise<void> {
  const appGzip = gzipOf(RENDERER_DIR);
  const reactGzip = await reactOnlyGzip();

  const front = await specimen(4000, 3000, 'FRONT');
  const back = await specimen(4000, 3000, 'BACK');
  const face = await specimen(3000, 4000, 'FACE');
  const signedIn: AuthStatus = {
    state: 'signedIn',
    environment: 'demo',
    scopes: [],
    user: { sub: 'bench' },
  };
  const result = (): DocumentsResult => ({
    verified: true,
    session: {
      id: 'bench-session',
      type: 'veriff',
      date: '2024-01-15T10:30:00.000Z',
      status: 'approved',
    },
    // A fresh copy per load, as IPC would deliver.
    documents: {
      documentFront: { ...front, bytes: new Uint8Array(front.bytes) },
      documentBack: { ...back, bytes: new Uint8Array(back.bytes) },
      face: { ...face, bytes: new Uint8Array(face.bytes) },
    },
    refused: {},
  });
  let replaced: (() => void) | null = null;
  const harness = await startHarness({
    handlers: ({ replaceRenderer }) =>
      stubHandlers(
        {
          'app:info': () => ({
            version: '0',
            platform: 'linux',
            contentProtection: false,
            lockScreenEvents: false,
            demoMode: false,
          }),
          'documents:load': () => result(),
          'documents:wipe': (reason) => {
            setTimeout(() => {
              replaceRenderer();
              replaced?.();
            }, 0);
            return { reason, imagesCleared: 3, bytesZeroed: 0, at: Date.now() };
          },
        },
        signedIn,
      ),
  });

  const decode: number[] = [];
  const transfer: number[] = [];
  const wipeJs: number[] = [];
  const wipeDom: number[] = [];
  const wipeReplaced: number[] = [];
  let frameTimes: number[] = [];

  try {
    for (let run = 0; run < RUNS; run += 1) {
      let page = harness.page;
      await page.getByTestId('load-documents').waitFor();
      // In the page: when the load result was rendered (first <img>), and when all are decoded.
      await page.evaluate(() => {
        const w = window as unknown as { __t: { firstImg?: number } };
        w.__t = {};
        new MutationObserver((_, observer) => {
          if (document.images.length > 0) {
            w.__t.firstImg = performance.now();
            observer.disconnect();
          }
        }).observe(document.body, { childList: true, subtree: true });
      });
      const clickedAt = await page.evaluate(() => {
        const t = performance.now();
        (document.querySelector('[data-testid="load-documents"]') as HTMLButtonElement).click();
        return t;
      });
      await allDecoded(page);
      const painted = await page.evaluate(
        () =>
          new Promise<number>((r) =>
            requestAnimationFrame(() => requestAnimationFrame((t) => r(t))),
          ),
      );
      const firstImg = await page.evaluate(
        () => (window as unknown as { __t: { firstImg: number } }).__t.firstImg,
      );
      transfer.push(firstImg - clickedAt);
      decode.push(painted - firstImg);

      if (run === 0) {
        // Frame times: zoom in and out and pan the 12-MP front, one input per frame.
        frameTimes = await zoomPanFrameTimes(page, FRAMES);
      }

      // Wipe: from the click to JS state clear (synchronous part), to no image in the DOM, and to
      // the replacement page ready for the next load.
      const replacedPromise = new Promise<void>((r) => {
        replaced = r;
      });
      const start = performance.now();
      const inPage = await page.evaluate(
        () =>
          new Promise<{ js: number; dom: number }>((resolveTimes) => {
            const t0 = performance.now();
            (document.querySelector('[data-testid="wipe-button"]') as HTMLButtonElement).click();
            const js = performance.now() - t0;
            const check = () => {
              if (document.images.length === 0) resolveTimes({ js, dom: performance.now() - t0 });
              else requestAnimationFrame(check);
            };
            check();
          }),
      );
      wipeJs.push(inPage.js);
      wipeDom.push(inPage.dom);
      await replacedPromise;
      while (harness.page === page) await new Promise((r) => setTimeout(r, 5));
      page = harness.page;
      await page.getByTestId('load-documents').waitFor();
      wipeReplaced.push(performance.now() - start);
    }
  } finally {
    await harness.close();
  }

  const median = (v: number[]) => quantile(v, 0.5);
  const rows: [string, string][] = [
    ['renderer JS loaded at start, gzip', `${(appGzip.entry / 1024).toFixed(1)} KiB`],
    ['React + react-dom alone, gzip', `${(reactGzip / 1024).toFixed(1)} KiB`],
    [
      'renderer beyond React at start, gzip (target ≤ 100 KiB)',
      `${((appGzip.entry - reactGzip) / 1024).toFixed(1)} KiB`,
    ],
    [
      'loaded on demand (privacy report, with zod), gzip',
      `${(appGzip.onDemand / 1024).toFixed(1)} KiB`,
    ],
    [
      `images: 2 × 4000×3000 + 3000×4000 JPEG, ${((front.byteLength + back.byteLength + face.byteLength) / 1e6).toFixed(1)} MB`,
      '',
    ],
    [
      'click → load result rendered (Playwright bridge, not Electron IPC), median',
      fmt(median(transfer)),
    ],
    ['load result rendered → all decoded and painted, median', fmt(median(decode))],
    [
      `frame time zooming/panning 12 MP, p50 (${frameTimes.length} frames, software compositing)`,
      fmt(quantile(frameTimes, 0.5)),
    ],
    ['frame time zooming/panning 12 MP, p95 (target ≤ 16.7 ms)', fmt(quantile(frameTimes, 0.95))],
    ['wipe: click → JS state clear (URLs revoked, bytes zeroed), median', fmt(median(wipeJs))],
    ['wipe: click → no image in the DOM, median', fmt(median(wipeDom))],
    ['wipe: click → replacement page ready, median', fmt(median(wipeReplaced))],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  process.stdout.write(`renderer benchmark (${RUNS} runs)\n`);
  for (const [k, v] of rows) process.stdout.write(`  ${k.padEnd(width)}  ${v}\n`);
}

await main();

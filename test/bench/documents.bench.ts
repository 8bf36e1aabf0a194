/**
 * Time to documents: the app's path (`loadDocuments`: endpoint, then the images in parallel
 * through the guards, checked and hashed) against the naive sequential fetch of the endpoint
 * reference's "Example Integration" (`getIdDocuments` then `downloadDocument` for each URL, one
 * after the other), and against the limit: one endpoint round trip + the slowest single image.
 *
 * Same demo backend (persona `full`, real sign-in, real SigV4 URLs), same throttled link: every
 * image request of both paths goes through a throttling HTTP proxy of this script that adds a
 * fixed latency before each request and paces the response body. Two link models, one run each:
 *   - per connection: each download gets its own BYTES_PER_SECOND (like S3, where one TCP
 *     stream rarely fills the client's link);
 *   - shared link: all downloads together get BYTES_PER_SECOND (a saturated home link).
 * No assertions: it prints a table. Run: `node test/bench/documents.bench.ts`.
 */
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { startDemoBackend } from '../../demo/backend.ts';
import { loginWithFetch } from '../../demo/test-login.ts';
import { AuthService } from '../../core/auth/auth-service.ts';
import { fetchIdVerification } from '../../core/api/id-verification.ts';
import { downloadImage } from '../../core/documents/download.ts';
import { loadDocuments } from '../../core/documents/loader.ts';
import { SCOPES } from '../../shared/environments.ts';
import { DOCUMENT_SLOTS, type DocumentSlot } from '../../shared/ipc.ts';

const BYTES_PER_SECOND = Number(process.env.BENCH_BYTES_PER_SECOND ?? 1_000_000);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 50);
const PIECE = 16 * 1024;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Reserves link time for n bytes; resolves when they may be sent. */
class Pacer {
  #next = 0;
  readonly #bytesPerSecond: number;
  constructor(bytesPerSecond: number) {
    this.#bytesPerSecond = bytesPerSecond;
  }
  async take(n: number): Promise<void> {
    const now = performance.now();
    const start = Math.max(now, this.#next);
    this.#next = start + (n * 1000) / this.#bytesPerSecond;
    const wait = this.#next - now;
    if (wait > 1) await sleep(wait);
  }
}

interface Throttle {
  origin: string;
  close(): Promise<void>;
}

/** An HTTP proxy to `upstream` that delays each request and paces each response body. */
async function startThrottle(upstream: URL, pacerFor: () => Pacer): Promise<Throttle> {
  const server = http.createServer((req, res) => {
    void (async () => {
      await sleep(LATENCY_MS);
      const upstreamReq = http.request({
        host: upstream.hostname,
        port: upstream.port,
        path: req.url,
        method: req.method,
        // The signed Host header is the store's own.
        headers: { ...req.headers, host: upstream.host },
      });
      upstreamReq.end();
      const [upstreamRes] = (await once(upstreamReq, 'response')) as [http.IncomingMessage];
      res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.headers);
      const pacer = pacerFor();
      for await (const chunk of upstreamRes as AsyncIterable<Buffer>) {
        for (let at = 0; at < chunk.length; at += PIECE) {
          const piece = chunk.subarray(at, at + PIECE);
          await pacer.take(piece.length);
          if (!res.write(piece)) await once(res, 'drain');
        }
      }
      res.end();
    })().catch(() => res.destroy());
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** fetch that sends requests for the image store to the throttle instead (same path and query). */
function throughThrottle(imageOrigin: string, throttle: Throttle): typeof fetch {
  return (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.origin !== imageOrigin) return fetch(input, init);
    return fetch(new URL(`${url.pathname}${url.search}`, throttle.origin), init);
  };
}

const ms = (t: number) => `${t.toFixed(0)} ms`;

async function main(): Promise<void> {
  const backend = await startDemoBackend({ quiet: true });
  const auth = new AuthService({
    openExternal: (url) => {
      void (async () => {
        const callback = await loginWithFetch(url, 'full');
        await (await fetch(callback)).text();
      })();
      return Promise.resolve();
    },
  });
  try {
    await auth.signIn({
      environment: 'demo',
      issuer: backend.issuer,
      clientId: backend.clients.public.clientId,
      allowInsecureLoopback: true,
      scopes: [SCOPES.openid, SCOPES.idVerification],
    });
    const token = await auth.getAccessToken();
    const api = { apiBase: backend.apiBase, allowLoopbackHttp: true, getAccessToken: () => token };
    const guard = { allowedHosts: ['127.0.0.1'], allowLoopbackHttp: true };
    const totalBytes = DOCUMENT_SLOTS.reduce((n, s) => n + backend.specimens[s].byteLength, 0);

    console.log(
      `documents bench — persona full, 3 images, ${(totalBytes / 1e6).toFixed(2)} MB in all; ` +
        `throttle ${(BYTES_PER_SECOND / 1e6).toFixed(2)} MB/s, +${LATENCY_MS} ms latency per image request; one run each`,
    );
    await fetchIdVerification(api); // warm-up: connection and JIT, not measured

    for (const model of ['per connection', 'shared link'] as const) {
      const shared = new Pacer(BYTES_PER_SECOND);
      const throttle = await startThrottle(new URL(backend.imageOrigin), () =>
        model === 'shared link' ? shared : new Pacer(BYTES_PER_SECOND),
      );
      const throttled = throughThrottle(backend.imageOrigin, throttle);
      try {
        // The limit: one endpoint round trip + the slowest image on its own.
        let t = performance.now();
        const answer = await fetchIdVerification(api);
        const roundTrip = performance.now() - t;
        if (answer.kind !== 'verified')
          throw new Error(
            `persona full is not verified: ${answer.kind === 'error' ? answer.code : answer.kind}`,
          );
        const single: Partial<Record<DocumentSlot, number>> = {};
        for (const slot of DOCUMENT_SLOTS) {
          const url = answer.documents[slot];
          if (url === null) continue;
          t = performance.now();
          (await downloadImage(url, { guard, fetch: throttled })).fill(0);
          single[slot] = performance.now() - t;
        }
        const slowest = Math.max(...Object.values(single));
        const limit = roundTrip + slowest;

        // The app's path.
        t = performance.now();
        const result = await loadDocuments({
          ...api,
          grantedScopes: [SCOPES.idVerification],
          allowedImageHosts: ['127.0.0.1'],
          allowLoopbackHttp: true,
          fetch: throttled,
        });
        const app = performance.now() - t;
        for (const slot of DOCUMENT_SLOTS) result.documents[slot]?.bytes.fill(0);

        // The reference page's example, verbatim in spirit: one await after another.
        t = performance.now();
        const response = await throttled(
          `${backend.apiBase}/api/v1/me/natural-person/id-verification`,
          {
            headers: { Authorization: `Bearer ${token}` },
          },
        );
        if (!response.ok) throw new Error('Failed to fetch documents');
        const data = (await response.json()) as { documents: Record<DocumentSlot, string | null> };
        for (const slot of DOCUMENT_SLOTS) {
          const url = data.documents[slot];
          if (url) await (await throttled(url)).blob();
        }
        const naive = performance.now() - t;

        const rows: [string, number][] = [
          ['limit: endpoint round trip + slowest image', limit],
          ...(model === 'shared link'
            ? ([
                [
                  'floor of a shared link: round trip + latency + all bytes / bandwidth',
                  roundTrip + LATENCY_MS + (totalBytes * 1000) / BYTES_PER_SECOND,
                ],
              ] as [string, number][])
            : []),
          ['app: loadDocuments (parallel, guarded, checked)', app],
          ['naive: reference example (sequential)', naive],
        ];
        console.log(`\nlink model: ${model}`);
        console.log(
          `  endpoint round trip ${ms(roundTrip)}; single images ${DOCUMENT_SLOTS.map((s) => `${s} ${ms(single[s] ?? 0)}`).join(', ')}`,
        );
        console.log(`  | path | time | × limit |`);
        console.log(`  |---|---:|---:|`);
        for (const [name, value] of rows)
          console.log(`  | ${name} | ${ms(value)} | ${(value / limit).toFixed(2)} |`);
        console.log(`  naive / app = ${(naive / app).toFixed(2)}×`);
      } finally {
        await throttle.close();
      }
    }
  } finally {
    await auth.signOut();
    await backend.close();
  }
}

await main();

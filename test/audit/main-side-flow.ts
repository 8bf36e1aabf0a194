/**
 * The app's main-side path, alone in one Node process, for the disk and memory audits: the real
 * settings, auth, documents and IPC modules (composed by `composeApp`, as the app does, behind the
 * same dispatcher `electron/main/ipc.ts` uses), driven the way the renderer drives them — sign in (the "browser" is
 * `loginWithFetch` against the backend), load the documents, wipe, sign out. Starts nothing else:
 * the backend runs elsewhere (the test process) and is passed in by URL.
 *
 *   node test/audit/main-side-flow.ts --issuer URL --api-base URL [--persona full]
 *        [--settings-file FILE] [--memory] [--skip-wipe] [--plant image-strings|api-body]
 *        [--analysis]
 *
 * Prints one JSON line: what happened, and with --memory the heap-snapshot search. Never prints
 * a token, a URL or image bytes — only whether each was found.
 *
 * --memory (run with `node --expose-gc --heap-snapshot-string-limit=N`): before the flow, a
 * `fetch` wrapper notes the tokens from the token endpoint and the `X-Amz-Signature` values from
 * the API, and the flow notes each image's first 64 entropy-coded bytes; all are kept only as
 * XOR-masked Buffers (off the V8 heap, so they cannot match themselves). After the flow it runs
 * the collector, streams `v8.getHeapSnapshot()` into memory (never to disk), unmasks, and looks
 * for each secret in the snapshot: tokens and signatures as text, image bytes as base64, hex and
 * latin1 strings (as V8 writes them into the snapshot JSON).
 *
 * --analysis turns review assist on (a worker, as the app's utilityProcess): the flow waits for
 * the report, notes its zone lines (masked, like the tokens) and says whether the worker ended.
 *
 * --skip-wipe leaves out every wipe (main's after-reply zeroing, the wipe button) and the sign-out:
 * the companion run that must fail;
 * --plant image-strings keeps the images as base64/hex/latin1 strings on purpose, and
 * --plant api-body keeps the API's JSON answers (with every signed URL) as strings, as a careless
 * client would (the runs that prove the search finds them). Node's resource-timing buffer, which
 * once kept every signed URL, is no longer in the download path: downloads connect with a pinned
 * `http(s).request`, and the buffer stays at size 0 for the API's own `fetch`.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import v8 from 'node:v8';
import { z } from 'zod';
import { workerChannel, type AnalysisChannel } from '../../core/analysis/process/runner.ts';
import { composeApp } from '../../core/compose.ts';
import { createDispatcher } from '../../core/ipc-dispatch.ts';
import { memoryBacking, type SettingsBacking } from '../../core/settings.ts';
import { loginWithFetch } from '../../demo/test-login.ts';
import { PERSONAS } from '../../demo/personas.ts';
import { DOCUMENT_SLOTS, type DocumentsResult, type IpcResult } from '../../shared/ipc.ts';

const Args = z.object({
  issuer: z.url({ protocol: /^http$/ }),
  apiBase: z.url({ protocol: /^http$/ }),
  persona: z.enum(PERSONAS).default('full'),
  settingsFile: z.string().min(1).optional(),
  memory: z.boolean().default(false),
  skipWipe: z.boolean().default(false),
  plant: z.enum(['image-strings', 'api-body']).optional(),
  clientId: z.string().min(1).default('idlens-demo-public'),
  analysis: z.boolean().default(false),
});

const { values } = parseArgs({
  args: process.argv.slice(2),
  strict: true,
  options: {
    issuer: { type: 'string' },
    'api-base': { type: 'string' },
    persona: { type: 'string' },
    'settings-file': { type: 'string' },
    memory: { type: 'boolean' },
    'skip-wipe': { type: 'boolean' },
    plant: { type: 'string' },
    'client-id': { type: 'string' },
    analysis: { type: 'boolean' },
  },
});
const args = Args.parse({
  issuer: values.issuer,
  apiBase: values['api-base'],
  persona: values.persona,
  settingsFile: values['settings-file'],
  memory: values.memory,
  skipWipe: values['skip-wipe'],
  plant: values.plant,
  clientId: values['client-id'],
  analysis: values.analysis,
});

// --- secrets, kept masked and off-heap ------------------------------------------------------------

interface Masked {
  kind: 'access-token' | 'refresh-token' | 'id-token' | 'amz-signature' | 'image' | 'mrz-line';
  masked: Buffer;
  key: Buffer;
}
const secrets: Masked[] = [];
/** --plant api-body: the API's answers kept as strings. */
const keptBodies: string[] = [];

function remember(kind: Masked['kind'], bytes: Uint8Array): void {
  const key = randomBytes(bytes.byteLength);
  const masked = Buffer.alloc(bytes.byteLength);
  for (let i = 0; i < bytes.byteLength; i++) masked[i] = bytes[i]! ^ key[i]!;
  secrets.push({ kind, masked, key });
}

function unmask(secret: Masked): Buffer {
  const out = Buffer.alloc(secret.masked.byteLength);
  for (let i = 0; i < out.byteLength; i++) out[i] = secret.masked[i]! ^ secret.key[i]!;
  return out;
}

/** Notes secrets from responses as they pass (memory mode only). */
function watchFetch(): void {
  const original = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    const response = await original(input, init);
    const type = response.headers.get('content-type') ?? '';
    if (/json/i.test(type)) await noteSecrets(response.clone());
    const url = input instanceof Request ? input.url : String(input);
    // Only the id-verification answers (they carry the signed URLs), not the token endpoint's.
    if (args.plant === 'api-body' && url.includes('/api/v1/') && /json/i.test(type)) {
      keptBodies.push(await response.clone().text());
    }
    return response;
  };
}

async function noteSecrets(response: Response): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  // Work on the bytes (off-heap), so no extra JS string of a secret is left behind.
  const grab = (name: string): Buffer | undefined => {
    const key = Buffer.from(`"${name}":"`);
    const at = body.indexOf(key);
    if (at < 0) return undefined;
    const start = at + key.byteLength;
    const end = body.indexOf(0x22, start);
    return end > start ? body.subarray(start, end) : undefined;
  };
  const access = grab('access_token');
  if (access) remember('access-token', access);
  const refresh = grab('refresh_token');
  if (refresh) remember('refresh-token', refresh);
  const id = grab('id_token');
  if (id) remember('id-token', id);
  const marker = Buffer.from('X-Amz-Signature=');
  for (let at = body.indexOf(marker); at >= 0; at = body.indexOf(marker, at + 1)) {
    const start = at + marker.byteLength;
    let end = start;
    while (end < body.byteLength && /[0-9a-f]/.test(String.fromCharCode(body[end]!))) end++;
    if (end - start >= 32) remember('amz-signature', body.subarray(start, end));
  }
  body.fill(0);
}

/** The 64 bytes after the first SOS segment header: entropy-coded, so unique to the image. */
function distinctiveWindow(bytes: Uint8Array): Uint8Array | undefined {
  for (let i = 2; i + 3 < bytes.byteLength; i++) {
    if (bytes[i] === 0xff && bytes[i + 1] === 0xda) {
      const length = (bytes[i + 2]! << 8) | bytes[i + 3]!;
      // Aligned to 3 from the file start, so the window is also a substring of a whole-file base64.
      const start = Math.ceil((i + 2 + length) / 3) * 3;
      return start + 64 <= bytes.byteLength ? bytes.subarray(start, start + 64) : undefined;
    }
  }
  return undefined;
}

/** A latin1 string as V8 writes it into a heap snapshot's JSON string table. */
function snapshotJson(latin1: Buffer): Buffer {
  let out = '';
  for (const byte of latin1) {
    if (byte === 0x22) out += '\\"';
    else if (byte === 0x5c) out += '\\\\';
    else if (byte === 0x08) out += '\\b';
    else if (byte === 0x0c) out += '\\f';
    else if (byte === 0x0a) out += '\\n';
    else if (byte === 0x0d) out += '\\r';
    else if (byte === 0x09) out += '\\t';
    else if (byte < 0x20 || byte >= 0x80)
      out += `\\u${byte.toString(16).toUpperCase().padStart(4, '0')}`;
    else out += String.fromCharCode(byte);
  }
  return Buffer.from(out, 'latin1');
}

// --- the flow --------------------------------------------------------------------------------------

function fileBacking(file: string): SettingsBacking {
  return {
    read: () => {
      try {
        return JSON.parse(readFileSync(file, 'utf8')) as unknown;
      } catch {
        return {};
      }
    },
    // As the app does: write a sibling, then rename it over the file.
    write: (settings) => {
      mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
      const tmp = `${file}.tmp-${process.pid}`;
      writeFileSync(tmp, `${JSON.stringify(settings, null, '\t')}\n`, { mode: 0o600 });
      renameSync(tmp, file);
    },
  };
}

if (args.memory) watchFetch();

/** --analysis: review assist on, in a worker (the app's utilityProcess), its states as emitted. */
let analysisEnded = false;
let analysisEnd: () => void = () => undefined;
const analysisGone = new Promise<void>((ok) => (analysisEnd = ok));
const analysisStates: string[] = [];
let analysisDone: () => void = () => undefined;
const analysisFinished = new Promise<void>((ok) => (analysisDone = ok));

/** Wipes main's copy once "the reply has been serialised" — here, once the flow has looked. */
const afterReply: (() => void)[] = [];
let replacements = 0;
const { services } = composeApp({
  demoMode: true,
  // The person at the keyboard set up this demo backend, and confirms it in main's dialog.
  confirmConnection: () => Promise.resolve(true),
  version: '0.0.0',
  os: 'linux',
  settings: args.settingsFile ? fileBacking(args.settingsFile) : memoryBacking(),
  openExternal: (url) => {
    // A browser: signs in as the persona and follows the redirect to the loopback listener.
    void (async () => {
      const callback = await loginWithFetch(url, args.persona);
      await (await fetch(callback)).arrayBuffer();
    })().catch(() => undefined);
    return Promise.resolve();
  },
  afterReply: (fn) => afterReply.push(fn),
  emit: (channel, payload) => {
    if (channel !== 'analysis:changed') return;
    const status = (payload as { status: string }).status;
    analysisStates.push(status);
    if (status === 'done' || status === 'failed') analysisDone();
  },
  ...(args.analysis
    ? {
        analysisChannel: (): AnalysisChannel => {
          const channel = workerChannel();
          channel.onEnd(() => {
            analysisEnded = true;
            analysisEnd();
          });
          return channel;
        },
      }
    : {}),
  replaceRenderer: () => {
    replacements += 1;
  },
  // As the app composes it: this platform's folders (here the sandbox's HOME, XDG_*, TMPDIR).
  folders: {
    platform: process.platform,
    env: process.env,
    homedir: homedir(),
    tmpdir: tmpdir(),
    ...(args.settingsFile ? { userData: dirname(args.settingsFile) } : {}),
  },
});
const APP_FRAME = { url: 'app://bundle/index.html', isMainFrame: true };
const dispatch = createDispatcher(services.handlers, {
  isTrustedSender: (frame) => frame?.url === APP_FRAME.url && frame.isMainFrame,
});
const call = (channel: string, ...rest: unknown[]): Promise<IpcResult<unknown>> =>
  dispatch(channel, APP_FRAME, rest);

const outcome: Record<string, unknown> = { persona: args.persona };
const heldArrays: Uint8Array[] = [];
const planted: string[] = [];

const set = await call('settings:set', {
  environment: 'custom',
  issuer: args.issuer,
  apiBase: args.apiBase,
  clientId: args.clientId,
  // offline_access: a refresh token too, so its removal (and revocation) is audited as well.
  scopes: ['openid', 'eprospera:person.id_verification.read', 'offline_access'],
  imageHosts: ['127.0.0.1'],
});
outcome['settings'] = set.ok ? 'saved' : set.error.code;

const signIn = await call('auth:signIn');
outcome['signIn'] = signIn.ok ? (signIn.data as { state: string }).state : signIn.error.code;

const load = await call('documents:load');
if (load.ok) {
  const result = load.data as DocumentsResult;
  const images = DOCUMENT_SLOTS.flatMap((slot) => {
    const image = result.documents[slot];
    return image ? [image] : [];
  });
  outcome['load'] = { ok: true, verified: result.verified, images: images.length };
  for (const image of images) {
    heldArrays.push(image.bytes);
    if (args.memory) {
      const window = distinctiveWindow(image.bytes);
      if (window) remember('image', window);
    }
    if (args.plant === 'image-strings') {
      const bytes = Buffer.from(image.bytes.buffer, image.bytes.byteOffset, image.bytes.byteLength);
      planted.push(bytes.toString('base64'), bytes.toString('hex'), bytes.toString('latin1'));
    }
  }
} else {
  outcome['load'] = { ok: false, code: load.error.code };
}
if (args.analysis && load.ok) {
  // The checks ran on their own copy; the report is in main (it goes to the renderer). Its zone
  // lines are what only the checks produce: noted, masked, for the search after the wipe.
  await analysisFinished;
  await (async () => {
    const state = await call('analysis:state');
    const report = state.ok ? (state.data as { status: string; report?: unknown }).report : null;
    const mrz = (report as { mrz?: { status: string; lines?: string[] } } | null)?.mrz;
    outcome['analysis'] = { states: analysisStates.join(','), mrz: mrz?.status ?? 'none' };
    if (args.memory) for (const line of mrz?.lines ?? []) remember('mrz-line', Buffer.from(line));
  })();
}
// The reply "has been serialised": main's holding may zero its copy now (not with --skip-wipe,
// the run that shows the zero-fill check can fail).
if (!args.skipWipe) for (const fn of afterReply.splice(0)) fn();

if (!args.skipWipe) {
  const wipe = await call('documents:wipe', 'button');
  outcome['wipe'] = wipe.ok ? wipe.data : wipe.error.code;
  const signOut = await call('auth:signOut');
  outcome['signOut'] = signOut.ok ? (signOut.data as { state: string }).state : signOut.error.code;
  // The wipe ends the analysis process: wait for it to be gone (a process that never ends hangs
  // the run, and the test's time limit fails it).
  if (args.analysis && load.ok) await analysisGone;
}
// The privacy report over the app's folders, through the IPC channel, as the renderer asks for it.
const privacy = await call('privacy:report');
outcome['privacy'] = privacy.ok
  ? {
      verdict: (privacy.data as { verdict: string }).verdict,
      files: (privacy.data as { summary: { files: number } }).summary.files,
      hashes: (privacy.data as { documentHashesChecked: number }).documentHashesChecked,
    }
  : privacy.error.code;
// Let the wipe's deferred renderer replacement and any socket callbacks run.
await new Promise((ok) => setTimeout(ok, 50));
outcome['rendererReplacements'] = replacements;
if (args.analysis) outcome['analysisEnded'] = analysisEnded;
outcome['heldArrays'] = heldArrays.length;
outcome['zeroFilled'] = heldArrays.every((a) => a.every((b) => b === 0));

if (args.memory) {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('run with --expose-gc');
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((ok) => setImmediate(ok));
  }
  const started = Date.now();
  const chunks: Buffer[] = [];
  for await (const chunk of v8.getHeapSnapshot()) chunks.push(chunk as Buffer);
  const snapshot = Buffer.concat(chunks);
  chunks.length = 0;
  const snapshotMs = Date.now() - started;

  const found: Record<string, { captured: number; found: number; encodings: string[] }> = {};
  for (const secret of secrets) {
    const entry = (found[secret.kind] ??= { captured: 0, found: 0, encodings: [] });
    entry.captured += 1;
    const value = unmask(secret);
    const needles: [string, Buffer][] =
      secret.kind === 'image'
        ? [
            // 63 bytes: whole base64 groups, so it is a substring of a whole-file base64 too.
            ['base64', Buffer.from(value.subarray(0, 63).toString('base64'))],
            ['hex', Buffer.from(value.toString('hex'))],
            ['latin1', snapshotJson(value)],
          ]
        : [['text', value]];
    let hit = false;
    for (const [encoding, needle] of needles) {
      if (snapshot.indexOf(needle) >= 0) {
        hit = true;
        if (!entry.encodings.includes(encoding)) entry.encodings.push(encoding);
      }
    }
    if (hit) entry.found += 1;
    value.fill(0);
  }
  outcome['memory'] = { snapshotBytes: snapshot.byteLength, snapshotMs, secrets: found };
  snapshot.fill(0);
}
// Keeps the planted strings alive until the snapshot is done.
outcome['planted'] = planted.length + keptBodies.length;

process.stdout.write(`${JSON.stringify(outcome)}\n`);
process.exit(0);

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoBackend, type DemoBackend } from '../../demo/backend.ts';
import { MAIN_SIDE_FLOW, parseFlowOutcome, pathWithThisNode, runNode } from './helpers.ts';

/**
 * Memory audit of the main side. A child Node process runs the real main-side path (settings,
 * sign-in, documents load, wipe, sign-out — `main-side-flow.ts`), runs the collector, takes a V8
 * heap snapshot into memory (never onto disk) and searches it for the access and ID tokens, the
 * signed URLs' `X-Amz-Signature` values and each image's distinctive bytes as base64, hex and
 * latin1 strings. The child notes those secrets on the way in, masked and off-heap, so that they
 * cannot match themselves.
 *
 * What this proves: after a wipe and sign-out, no JavaScript object reachable in main holds a
 * token (access, refresh — offline_access is asked for — or ID), a signed URL or an image in string form.
 * What it cannot prove, honestly:
 * - V8 heap snapshots do not include ArrayBuffer backing stores (Buffers, Uint8Arrays), so image
 *   bytes are checked apart: the arrays main held must be zero-filled (the holding's wipe).
 *   Other byte copies — undici's socket read buffers, freed-but-not-overwritten memory — are
 *   outside what JS can reach or this audit can see.
 * - It looks at one moment, after the collector ran. Garbage that a real process has not yet
 *   collected is not in the snapshot either; secrets are unreachable, not erased.
 * - JS strings cannot be zeroed; "not in the snapshot" means nothing references them any more.
 */

const SNAPSHOT_STRING_LIMIT = 64 * 1024 * 1024; // V8 cuts strings in snapshots at 1024 chars by default

let backend: DemoBackend;
beforeAll(async () => {
  backend = await startDemoBackend({ quiet: true });
});
afterAll(async () => {
  await backend.close();
});

async function flow(...extra: string[]) {
  const run = await runNode(
    [
      '--expose-gc',
      `--heap-snapshot-string-limit=${SNAPSHOT_STRING_LIMIT}`,
      MAIN_SIDE_FLOW,
      '--issuer',
      backend.issuer,
      '--api-base',
      backend.apiBase,
      '--client-id',
      backend.clients.public.clientId,
      '--persona',
      'full',
      '--memory',
      ...extra,
    ],
    {
      PATH: pathWithThisNode(),
      HOME: process.env['HOME'] ?? '/',
      NODE_DISABLE_COMPILE_CACHE: '1',
    },
  );
  expect(run.stderr).toBe('');
  expect(run.exitCode).toBe(0);
  const outcome = parseFlowOutcome(run.stdout);
  expect(outcome.signIn).toBe('signedIn');
  expect(outcome.load).toEqual({ ok: true, verified: true, images: 3 });
  const memory = outcome.memory!;
  // The search had something to look for: each secret was seen on its way in.
  expect(memory.secrets['access-token']?.captured).toBe(1);
  expect(memory.secrets['id-token']?.captured).toBe(1);
  expect(memory.secrets['refresh-token']?.captured).toBe(1);
  expect(memory.secrets['amz-signature']?.captured).toBe(3);
  expect(memory.secrets['image']?.captured).toBe(3);
  return { outcome, memory, durationMs: run.durationMs };
}

describe('memory audit: main-side heap after a wipe and sign-out', () => {
  it('holds no token, no signed URL and no image as a string; the byte arrays it held are zeroed', async () => {
    const { outcome, memory } = await flow();
    expect(outcome.signOut).toBe('signedOut');
    expect(outcome.rendererReplacements).toBe(1);
    expect(outcome.heldArrays).toBe(3);
    expect(outcome.zeroFilled).toBe(true);
    expect(memory.snapshotBytes).toBeGreaterThan(1_000_000);
    for (const kind of ['access-token', 'refresh-token', 'id-token', 'amz-signature', 'image']) {
      expect({ kind, ...memory.secrets[kind] }).toEqual({
        kind,
        captured: memory.secrets[kind]!.captured,
        found: 0,
        encodings: [],
      });
    }
  });

  it('with review assist on: the checks read the zone, and after the wipe main holds none of its lines; the analysis process has ended', async () => {
    const { outcome, memory } = await flow('--analysis');
    expect(outcome.analysis?.mrz).toBe('read');
    expect(outcome.analysis?.states.split(',')).toContain('done');
    expect(outcome.analysisEnded).toBe(true);
    expect(memory.secrets['mrz-line']).toEqual({ captured: 3, found: 0, encodings: [] });
    expect(memory.secrets['access-token']?.found).toBe(0);
    expect(outcome.zeroFilled).toBe(true);
  });

  it('companion: with review assist on and no wipe, the zone lines are found and the analysis process still runs', async () => {
    const { outcome, memory } = await flow('--analysis', '--skip-wipe');
    expect(outcome.analysis?.mrz).toBe('read');
    expect(outcome.analysisEnded).toBe(false);
    expect(memory.secrets['mrz-line']?.captured).toBe(3);
    expect(memory.secrets['mrz-line']?.found).toBeGreaterThanOrEqual(1);
  });

  it('companion: without the wipe and sign-out the tokens are found and the arrays are not zeroed', async () => {
    const { outcome, memory } = await flow('--skip-wipe');
    expect(outcome.signOut).toBeUndefined();
    expect(memory.secrets['access-token']?.found).toBe(1);
    expect(memory.secrets['id-token']?.found).toBe(1);
    expect(memory.secrets['refresh-token']?.found).toBe(1);
    expect(outcome.zeroFilled).toBe(false);
  });

  it('companion: images kept as strings are found as base64, hex and latin1', async () => {
    const { memory } = await flow('--plant', 'image-strings');
    expect(memory.secrets['image']?.found).toBe(3);
    expect([...memory.secrets['image']!.encodings].sort()).toEqual(['base64', 'hex', 'latin1']);
    // The wipe and sign-out still happened: the tokens are gone, only the planted strings stay.
    expect(memory.secrets['access-token']?.found).toBe(0);
  });

  it('companion: with the API answers kept as strings, the signed URLs are found', async () => {
    // What a careless client would do (and what Node's resource-timing buffer once did).
    const { memory } = await flow('--plant', 'api-body');
    expect(memory.secrets['amz-signature']?.found).toBe(3);
    expect(memory.secrets['access-token']?.found).toBe(0);
  });
});

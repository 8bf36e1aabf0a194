import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { normaliseHash, scanBytes, scanFile } from '../../../../core/privacy/scan.ts';
import type { PrivacyFindingKind } from '../../../../shared/privacy.ts';

const roots: string[] = [];
function dir(): string {
  const d = mkdtempSync(join(tmpdir(), 'idlens-test-scan-'));
  roots.push(d);
  return d;
}
afterEach(() => {
  for (const d of roots.splice(0)) rmSync(d, { recursive: true, force: true });
});

const JWT =
  'eyJhbGciOiJSUzI1NiIsInR5cCI6ImF0K2p3dCJ9.eyJzdWIiOiJmdWxsIiwic2NvcGUiOiJvcGVuaWQifQ.c2lnbmF0dXJlLWJ5dGVzLWhlcmU';
const SIGNED_URL =
  'http://127.0.0.1:4481/specimens/front.jpg?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIA%2F20260101%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20260101T000000Z&X-Amz-Expires=300&X-Amz-SignedHeaders=host&X-Amz-Signature=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';
const JPEG_HEAD = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]);
const IMAGE = Buffer.concat([JPEG_HEAD, Buffer.alloc(2000, 0x41), Buffer.from([0xff, 0xd9])]);
const IMAGE_SHA = createHash('sha256').update(IMAGE).digest('hex');

function kinds(bytes: Uint8Array, hashes: string[] = [], chunkSize?: number): PrivacyFindingKind[] {
  return scanBytes(bytes, {
    documentHashes: hashes,
    ...(chunkSize ? { chunkSize } : {}),
  }).findings.map((f) => f.kind);
}

describe('the scanner finds what must never be on disk', () => {
  it('a JPEG start (FF D8 FF + marker byte), but not FF D8 FF followed by a non-marker', () => {
    expect(kinds(Buffer.concat([Buffer.from('xx'), JPEG_HEAD]))).toEqual(['jpeg']);
    expect(kinds(Buffer.from([0x00, 0xff, 0xd8, 0xff, 0xdb, 0x00]))).toEqual(['jpeg']);
    expect(kinds(Buffer.from([0x00, 0xff, 0xd8, 0xff, 0x00, 0x00]))).toEqual([]);
    expect(kinds(Buffer.from([0xff, 0xd8, 0xfe, 0xe0]))).toEqual([]);
  });

  it('a JWT, in UTF-8 and in UTF-16LE; a lone base64 JSON object is not one', () => {
    expect(kinds(Buffer.from(`{"t":"${JWT}"}`))).toEqual(['jwt']);
    expect(kinds(Buffer.from(`token ${JWT} end`, 'utf16le'))).toEqual(['jwt']);
    expect(kinds(Buffer.from('{"x":"eyJhbGciOiJub25lIn0"}'))).toEqual([]);
  });

  it('a Bearer header value, whatever its case; the bare word is not one', () => {
    expect(kinds(Buffer.from('Authorization: Bearer abcdefghijklmnop0123'))).toEqual([
      'bearer-token',
    ]);
    expect(kinds(Buffer.from('authorization: BEARER abcdefghijklmnop0123', 'utf16le'))).toEqual([
      'bearer-token',
    ]);
    expect(kinds(Buffer.from('the bearer of this card'))).toEqual([]);
  });

  it('the parts of a pre-signed S3 URL, in UTF-8 and UTF-16LE', () => {
    expect(kinds(Buffer.from(SIGNED_URL))).toEqual(['amz-signature', 'amz-credential']);
    expect(kinds(Buffer.from(SIGNED_URL.toLowerCase(), 'utf16le'))).toEqual([
      'amz-signature',
      'amz-credential',
    ]);
  });

  it("this session's document hashes as hex (any case, UTF-16 too), base64 or raw bytes", () => {
    const raw = Buffer.from(IMAGE_SHA, 'hex');
    expect(kinds(Buffer.from(`sha=${IMAGE_SHA}`), [IMAGE_SHA])).toEqual(['document-hash']);
    expect(kinds(Buffer.from(`sha=${IMAGE_SHA.toUpperCase()}`), [IMAGE_SHA])).toEqual([
      'document-hash',
    ]);
    expect(kinds(Buffer.from(IMAGE_SHA, 'utf16le'), [IMAGE_SHA])).toEqual(['document-hash']);
    expect(kinds(Buffer.concat([Buffer.from([1, 2]), raw, Buffer.from([3])]), [IMAGE_SHA])).toEqual(
      ['document-hash'],
    );
    expect(kinds(Buffer.from(`"${raw.toString('base64')}"`), [IMAGE_SHA])).toEqual([
      'document-hash',
    ]);
    expect(kinds(Buffer.from(`"${raw.toString('base64url')}"`), [IMAGE_SHA])).toEqual([
      'document-hash',
    ]);
    // Without the hash to look for, hex text is just hex text.
    expect(kinds(Buffer.from(`sha=${IMAGE_SHA}`))).toEqual([]);
  });

  it('a file that is one of the documents: its own SHA-256 matches', () => {
    const result = scanBytes(IMAGE, { documentHashes: [IMAGE_SHA.toUpperCase()] });
    expect(result.sha256).toBe(IMAGE_SHA);
    expect(result.findings.map((f) => f.kind)).toEqual(['jpeg', 'document-file']);
    expect(result.verdict).toBe('sensitive');
  });

  it('Chromium-style preferences with nothing of a person are clean', () => {
    const prefs = JSON.stringify({
      spellcheck: { dictionaries: ['en-US'] },
      partition: { per_host_zoom_levels: { 'app://bundle': 0 } },
      profile: { exit_type: 'Normal' },
      os_crypt: { encrypted_key: 'RFBBUEkBAAAA0Iyd3wEV0RGMegDAT8KX6wEAAAA' },
    });
    const result = scanBytes(Buffer.from(prefs));
    expect(result).toMatchObject({ verdict: 'clean', findings: [] });
  });

  it('reports kinds, counts and offsets — never the matched text', () => {
    const text = `a ${JWT} b ${JWT} c ${SIGNED_URL}`;
    const result = scanBytes(Buffer.from(text));
    expect(result.findings).toEqual([
      { kind: 'jwt', count: 2, firstOffset: 2 },
      { kind: 'amz-signature', count: 1, firstOffset: text.indexOf('X-Amz-Signature') },
      { kind: 'amz-credential', count: 1, firstOffset: text.indexOf('X-Amz-Credential') },
    ]);
    const json = JSON.stringify(result);
    expect(json).not.toContain(JWT.slice(0, 20));
    expect(json).not.toContain('0123456789abcdef');
  });

  it('refuses a malformed document hash instead of silently looking for nothing', () => {
    expect(() => normaliseHash('abc')).toThrow(TypeError);
    expect(normaliseHash(` ${IMAGE_SHA.toUpperCase()} `)).toBe(IMAGE_SHA);
  });
});

describe('matches across chunk boundaries are found, and counted once', () => {
  const secrets: [PrivacyFindingKind, Buffer][] = [
    ['jpeg', JPEG_HEAD],
    ['jwt', Buffer.from(JWT)],
    ['jwt', Buffer.from(JWT, 'utf16le')],
    ['bearer-token', Buffer.from('Bearer abcdefghijklmnopqrstuvwxyz')],
    ['amz-signature', Buffer.from('X-Amz-Signature=00ff')],
    ['document-hash', Buffer.from(IMAGE_SHA)],
    ['document-hash', Buffer.from(IMAGE_SHA, 'hex')],
  ];

  it('for any secret at any offset and any chunk size', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...secrets),
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 1, max: 4096 }),
        ([kind, secret], before, after, chunkSize) => {
          // Filler that can form none of the patterns.
          const bytes = Buffer.concat([
            Buffer.alloc(before, 0x20),
            secret,
            Buffer.alloc(after, 0x2c),
          ]);
          const result = scanBytes(bytes, { documentHashes: [IMAGE_SHA], chunkSize });
          expect(result.findings).toEqual([{ kind, count: 1, firstOffset: before }]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a large file streamed from disk, with a JPEG straddling the 1 MiB chunk boundary', async () => {
    const path = join(dir(), 'big.bin');
    const size = 5 * 1024 * 1024;
    const bytes = Buffer.alloc(size, 0x30);
    const at = 1024 * 1024 - 2;
    JPEG_HEAD.copy(bytes, at);
    writeFileSync(path, bytes);
    const result = await scanFile(path);
    expect(result.findings).toEqual([{ kind: 'jpeg', count: 1, firstOffset: at }]);
    expect(result.bytesScanned).toBe(size);
    expect(result.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
  });
});

describe('files that cannot be read', () => {
  it('are unreadable with the reason, not clean', async () => {
    const d = dir();
    const missing = await scanFile(join(d, 'missing'));
    expect(missing).toMatchObject({ verdict: 'unreadable', error: 'ENOENT', sha256: null });
    const folder = await scanFile(d);
    expect(folder.verdict).toBe('unreadable');
    expect(folder.error).toMatch(/^E[A-Z]+$/);
  });

  it('a readable clean file is clean', async () => {
    const path = join(dir(), 'settings.json');
    writeFileSync(path, JSON.stringify({ environment: 'demo', idleMinutes: 10 }));
    expect(await scanFile(path)).toMatchObject({ verdict: 'clean', findings: [] });
  });
});

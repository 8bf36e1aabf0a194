import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import type { FileVerdict, PrivacyFinding, PrivacyFindingKind } from '../../shared/privacy.ts';

/**
 * Looks through one file's bytes for anything of a session: JPEG images, JWT-shaped tokens,
 * Bearer header values, pre-signed S3 URL parts (`X-Amz-Signature`, `X-Amz-Credential`), and
 * this session's document hashes (hex, base64 or raw), plus whether the file *is* one of the
 * documents (its own SHA-256). Text patterns are looked for in single-byte (UTF-8/latin1) and
 * UTF-16LE form, the two encodings Chromium's files use.
 *
 * Reads in chunks and keeps an overlap between them, so a large file costs constant memory and a
 * match split across two chunks is still found (and counted once). What it reports is the kind,
 * a count and the first offset — never the matched bytes, which may be the very secret.
 */

export interface ScanOptions {
  /** SHA-256 hex digests of this session's documents. */
  documentHashes?: readonly string[];
  /** Bytes read at a time (tests use tiny chunks to exercise the boundaries). */
  chunkSize?: number;
}

export interface ScanResult {
  verdict: FileVerdict;
  findings: PrivacyFinding[];
  bytesScanned: number;
  /** The file's SHA-256, hex; null when it could not be read. */
  sha256: string | null;
  /** Why the file could not be read (an errno name). */
  error?: string;
}

interface Pattern {
  kind: PrivacyFindingKind;
  regex: RegExp;
}

const DEFAULT_CHUNK = 1024 * 1024;
/**
 * Bytes carried from one chunk to the next. A match shorter than this that straddles a boundary
 * lies whole in the next window; a longer one (a JWT over 16 KiB) still shows its distinctive
 * head (`eyJ….eyJ….`) in one window or the other.
 */
const OVERLAP = 16 * 1024;

const TOKEN_CHARS = 'A-Za-z0-9_-';

/** The UTF-16LE form of a regex over ASCII atoms: every atom followed by a NUL byte. */
function utf16(atoms: string[]): string {
  return atoms.map((atom) => `(?:${atom}\\x00)`).join('');
}

/** One atom per character (the patterns are ASCII, so code units are characters). */
function chars(text: string): string[] {
  return Array.from({ length: text.length }, (_, i) => text.charAt(i));
}

function literalAtoms(text: string): string[] {
  return chars(text).map((c) => c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'));
}

function byteEscape(bytes: Uint8Array): string {
  return [...bytes].map((b) => `\\x${b.toString(16).padStart(2, '0')}`).join('');
}

const HEX_HASH = /^[0-9a-f]{64}$/;

/** Normalises and checks a SHA-256 hex digest; throws on anything else. */
export function normaliseHash(hash: string): string {
  const lower = hash.trim().toLowerCase();
  if (!HEX_HASH.test(lower)) throw new TypeError('A document hash is 64 hexadecimal characters.');
  return lower;
}

const FIXED_PATTERNS: Pattern[] = [
  // SOI (FF D8) followed by the next marker: FF and a marker code (APPn, DQT, SOFn, COM …).
  { kind: 'jpeg', regex: /\xff\xd8\xff[\xc0-\xfe]/g },
  {
    kind: 'jwt',
    regex: new RegExp(`eyJ[${TOKEN_CHARS}]{8,}\\.eyJ[${TOKEN_CHARS}]{8,}\\.[${TOKEN_CHARS}]*`, 'g'),
  },
  {
    kind: 'jwt',
    regex: new RegExp(
      utf16(['e', 'y', 'J']) +
        `(?:[${TOKEN_CHARS}]\\x00){8,}` +
        utf16(['\\.', 'e', 'y', 'J']) +
        `(?:[${TOKEN_CHARS}]\\x00){8,}` +
        utf16(['\\.']),
      'g',
    ),
  },
  { kind: 'bearer-token', regex: /\bbearer[ \t]+[A-Za-z0-9\-._~+/]{16,}/gi },
  {
    kind: 'bearer-token',
    regex: new RegExp(
      utf16(literalAtoms('bearer')) + utf16([' ']) + `(?:[A-Za-z0-9\\-._~+/]\\x00){16,}`,
      'gi',
    ),
  },
  { kind: 'amz-signature', regex: /x-amz-signature/gi },
  { kind: 'amz-signature', regex: new RegExp(utf16(literalAtoms('x-amz-signature')), 'gi') },
  { kind: 'amz-credential', regex: /x-amz-credential/gi },
  { kind: 'amz-credential', regex: new RegExp(utf16(literalAtoms('x-amz-credential')), 'gi') },
];

function hashPatterns(hashes: readonly string[]): Pattern[] {
  if (hashes.length === 0) return [];
  const hex = hashes.map(normaliseHash);
  const raw = hex.map((h) => Buffer.from(h, 'hex'));
  // Base64 (standard and URL-safe) without the trailing padding: 43 characters for 32 bytes.
  const b64 = raw.flatMap((b) => {
    const std = b.toString('base64').replace(/=+$/, '');
    const url = b.toString('base64url');
    return std === url ? [std] : [std, url];
  });
  const alt = (items: string[]) => items.join('|');
  return [
    { kind: 'document-hash', regex: new RegExp(alt(hex), 'gi') },
    { kind: 'document-hash', regex: new RegExp(alt(hex.map((h) => utf16(chars(h)))), 'gi') },
    { kind: 'document-hash', regex: new RegExp(alt(raw.map(byteEscape)), 'g') },
    {
      kind: 'document-hash',
      regex: new RegExp(alt(b64.map((s) => literalAtoms(s).join(''))), 'g'),
    },
  ];
}

export interface Scanner {
  /** Feeds the next bytes of the file. */
  push(chunk: Uint8Array): void;
  /** Ends the file: the findings (in a fixed order) and the file's SHA-256. */
  finish(): { findings: PrivacyFinding[]; sha256: string; bytesScanned: number };
}

const KIND_ORDER: readonly PrivacyFindingKind[] = [
  'jpeg',
  'jwt',
  'bearer-token',
  'amz-signature',
  'amz-credential',
  'document-hash',
  'document-file',
];

/** A streaming scanner for one file. */
export function createScanner(options: ScanOptions = {}): Scanner {
  const hashes = new Set((options.documentHashes ?? []).map(normaliseHash));
  const patterns = [...FIXED_PATTERNS, ...hashPatterns([...hashes])].map((p) => ({
    ...p,
    regex: new RegExp(p.regex.source, p.regex.flags),
    /** Absolute offset of the last match counted (matches come in increasing order). */
    lastStart: -1,
  }));
  const sha = createHash('sha256');
  const found = new Map<PrivacyFindingKind, PrivacyFinding>();
  let carry = '';
  let carryStart = 0;
  let total = 0;

  const record = (kind: PrivacyFindingKind, offset: number) => {
    const existing = found.get(kind);
    if (existing === undefined) found.set(kind, { kind, count: 1, firstOffset: offset });
    else {
      existing.count += 1;
      existing.firstOffset = Math.min(existing.firstOffset, offset);
    }
  };

  const search = (window: string, windowStart: number) => {
    for (const pattern of patterns) {
      pattern.regex.lastIndex = 0;
      for (let m = pattern.regex.exec(window); m !== null; m = pattern.regex.exec(window)) {
        const at = windowStart + m.index;
        if (at > pattern.lastStart) {
          pattern.lastStart = at;
          record(pattern.kind, at);
        }
      }
    }
  };

  return {
    push(chunk) {
      if (chunk.byteLength === 0) return;
      sha.update(chunk);
      // latin1 maps every byte to one UTF-16 unit: string index = byte offset.
      const text = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('latin1');
      const window = carry + text;
      search(window, carryStart);
      total += chunk.byteLength;
      carry = window.length > OVERLAP ? window.slice(window.length - OVERLAP) : window;
      carryStart = total - carry.length;
    },
    finish() {
      const sha256 = sha.digest('hex');
      if (hashes.has(sha256)) record('document-file', 0);
      const findings = KIND_ORDER.flatMap((kind) => {
        const f = found.get(kind);
        return f === undefined ? [] : [{ ...f }];
      });
      return { findings, sha256, bytesScanned: total };
    },
  };
}

/** Scans bytes already in memory (a symlink's target, a test's buffer). */
export function scanBytes(bytes: Uint8Array, options: ScanOptions = {}): ScanResult {
  const scanner = createScanner(options);
  const size = options.chunkSize ?? DEFAULT_CHUNK;
  for (let i = 0; i < bytes.byteLength; i += size) scanner.push(bytes.subarray(i, i + size));
  const { findings, sha256, bytesScanned } = scanner.finish();
  return { verdict: findings.length > 0 ? 'sensitive' : 'clean', findings, sha256, bytesScanned };
}

function errnoName(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) ? code : 'EIO';
}

/**
 * Scans one regular file, streamed. Symlinks are not followed and anything that is not a regular
 * file (a socket, a FIFO) is not opened by the caller; if one slips through it is `unreadable`.
 */
export async function scanFile(path: string, options: ScanOptions = {}): Promise<ScanResult> {
  const flags =
    constants.O_RDONLY |
    (typeof constants.O_NOFOLLOW === 'number' ? constants.O_NOFOLLOW : 0) |
    (typeof constants.O_NONBLOCK === 'number' ? constants.O_NONBLOCK : 0);
  let handle;
  try {
    handle = await open(path, flags);
  } catch (error) {
    return {
      verdict: 'unreadable',
      findings: [],
      bytesScanned: 0,
      sha256: null,
      error: errnoName(error),
    };
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) {
      return {
        verdict: 'unreadable',
        findings: [],
        bytesScanned: 0,
        sha256: null,
        error: 'ENOTREG',
      };
    }
    const scanner = createScanner(options);
    const buffer = Buffer.alloc(options.chunkSize ?? DEFAULT_CHUNK);
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.byteLength, null);
      if (bytesRead === 0) break;
      scanner.push(buffer.subarray(0, bytesRead));
    }
    const { findings, sha256, bytesScanned } = scanner.finish();
    return { verdict: findings.length > 0 ? 'sensitive' : 'clean', findings, sha256, bytesScanned };
  } catch (error) {
    return {
      verdict: 'unreadable',
      findings: [],
      bytesScanned: 0,
      sha256: null,
      error: errnoName(error),
    };
  } finally {
    await handle.close();
  }
}

/**
 * The `npm audit --omit=dev` gate against a stand-in registry on loopback: real npm, real lock
 * file, a planted advisory. The real registry cannot be used for this (its answers change, and
 * this network refuses the audit POST with 405, which the last case mirrors).
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';

const root = join(import.meta.dirname, '..', '..');
const zodVersion = z
  .object({ version: z.string() })
  .parse(
    JSON.parse(readFileSync(join(root, 'node_modules', 'zod', 'package.json'), 'utf8')),
  ).version;

type Mode = 'advisory' | 'refuse-post' | 'clean';
let mode: Mode = 'advisory';
const bulkRequests: string[] = [];

/** Just enough of the registry for npm audit: the bulk-advisory POST and packuments. */
const registry: Server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.setHeader('content-type', 'application/json');
    if (req.method === 'POST' && req.url === '/-/npm/v1/security/advisories/bulk') {
      bulkRequests.push(mode);
      if (mode === 'refuse-post') {
        res.writeHead(405, { allow: 'GET,HEAD' }).end();
        return;
      }
      const advisories =
        mode === 'clean'
          ? {}
          : {
              zod: [
                {
                  id: 1099999,
                  url: 'https://example.invalid/advisories/planted',
                  title: 'Planted advisory for the gate test',
                  severity: 'high',
                  vulnerable_versions: '<99.0.0',
                  cwe: ['CWE-400'],
                  cvss: { score: 7.5, vectorString: null },
                },
              ],
            };
      res.end(JSON.stringify(advisories));
      return;
    }
    if (req.method === 'GET' && req.url === '/zod') {
      res.end(
        JSON.stringify({
          name: 'zod',
          versions: { [zodVersion]: { name: 'zod', version: zodVersion } },
        }),
      );
      return;
    }
    res.writeHead(404).end('{}');
  });
});

// npm caches advisory calculations by package and advisory id: use a throw-away cache.
const npmCache = mkdtempSync(join(tmpdir(), 'idlens-npm-cache-'));
let registryUrl = '';
beforeAll(async () => {
  registry.listen(0, '127.0.0.1');
  await once(registry, 'listening');
  registryUrl = `http://127.0.0.1:${(registry.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => registry.close(() => resolve()));
  rmSync(npmCache, { recursive: true, force: true });
});

async function runGate(registryArg: string): Promise<{ status: number | null; out: string }> {
  const child = spawn(
    process.execPath,
    [join(root, 'scripts', 'audit-gate.ts'), '--registry', registryArg],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, npm_config_cache: npmCache },
    },
  );
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const [status] = (await once(child, 'close')) as [number | null];
  return { status, out };
}

describe('npm audit gate (production dependencies, high and above)', () => {
  it('fails on a high advisory in a shipped dependency, naming it', async () => {
    mode = 'advisory';
    const r = await runGate(registryUrl);
    expect(bulkRequests).toContain('advisory');
    expect(r.out).toContain('1 high');
    expect(r.out).toContain('zod: Planted advisory for the gate test');
    expect(r.out).toContain('FAIL');
    expect(r.status, r.out).toBe(1);
  });

  it('passes when the registry reports nothing', async () => {
    mode = 'clean';
    const r = await runGate(registryUrl);
    expect(r.out).toContain('0 critical, 0 high');
    expect(r.status, r.out).toBe(0);
  });

  it('skips, saying so, when the endpoint refuses the audit request (as this network does)', async () => {
    mode = 'refuse-post';
    const r = await runGate(registryUrl);
    expect(r.out).toContain('skipped: registry audit endpoint not reachable');
    expect(r.out).toContain('HTTP 405');
    expect(r.status, r.out).toBe(0);
  });

  it('skips, saying so, when no registry answers at all', async () => {
    const closed = createServer();
    closed.listen(0, '127.0.0.1');
    await once(closed, 'listening');
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const r = await runGate(`http://127.0.0.1:${port}/`);
    expect(r.out).toContain('skipped: registry audit endpoint not reachable');
    expect(r.out).toContain('ECONNREFUSED');
    expect(r.status, r.out).toBe(0);
  });
});

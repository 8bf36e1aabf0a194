import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoBackend } from '../../demo/backend.ts';
import { demoPortHolder } from '../../scripts/demo-ports.ts';

/**
 * Friendly failures before the CLI proper runs: bin/idlens.js on a Node that is too old says
 * which Node is running and how to get 24; without a build it says to run `npm run build`;
 * `npm run demo` tells a running demo backend from another program on its ports.
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
let scratch = '';

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'idlens-cli-start-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs a copy of bin/idlens.js in a folder without dist/, pretending to be `version` of Node. */
function runBin(version: string | undefined, env: Record<string, string> = {}) {
  const bin = join(scratch, 'bin');
  mkdirSync(bin, { recursive: true });
  copyFileSync(join(ROOT, 'bin/idlens.js'), join(bin, 'idlens.js'));
  const pretend =
    version === undefined
      ? []
      : [
          '--import',
          `data:text/javascript,Object.defineProperty(process.versions,"node",{value:"${version}"})`,
        ];
  return spawnSync(process.execPath, [...pretend, join(bin, 'idlens.js'), '--help'], {
    cwd: scratch,
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
  });
}

describe('bin/idlens.js', () => {
  it('on Node older than 22.12 names the running version and how to get 24 (exit 2, no stack)', () => {
    for (const version of ['20.19.0', '22.11.0']) {
      const run = runBin(version);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain(`this is Node ${version}; idlens needs Node 22.12 or newer`);
      expect(run.stderr).toContain('nvm install 24');
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
    expect(runBin('20.19.0', { LANG: 'es_HN.UTF-8' }).stderr).toContain(
      'esta es la versión 20.19.0 de Node',
    );
  });

  it('without a build says to run npm run build (exit 2, no stack)', () => {
    const run = runBin(undefined);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('the command is not built yet');
    expect(run.stderr).toContain('Run `npm run build` in');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('npm run demo and ports in use', () => {
  it('tells the demo backend from another program, and free ports from both', async () => {
    const backend = await startDemoBackend({ quiet: true });
    const issuerPort = Number(new URL(backend.issuer).port);
    const imagePort = Number(new URL(backend.imageOrigin).port);
    try {
      expect(await demoPortHolder(issuerPort, imagePort)).toBe('demo-backend');
    } finally {
      await backend.close();
    }
    expect(await demoPortHolder(issuerPort, imagePort)).toBe('free');

    const other = createServer((_req, res) => res.end('{"issuer":"someone else"}'));
    await new Promise<void>((r) => other.listen(0, '127.0.0.1', r));
    const port = (other.address() as AddressInfo).port;
    try {
      expect(await demoPortHolder(port, port)).toBe('other');
    } finally {
      await new Promise<void>((r) => other.close(() => r()));
    }
  });
});

/**
 * `npm run demo:server` (node demo/server.ts): prints where it listens and how to sign in,
 * answers there, and stops cleanly on SIGTERM.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_CLIENTS } from '../../shared/environments.ts';

const SERVER = resolve(import.meta.dirname, '../../demo/server.ts');
const children: ChildProcess[] = [];

function run(args: string[]): {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
} {
  const child = spawn(process.execPath, [SERVER, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return { child, output: () => out, exited };
}

async function waitFor(
  output: () => string,
  text: string,
  exited: Promise<unknown>,
): Promise<void> {
  const state = { exited: false };
  void exited.then(() => (state.exited = true));
  while (!output().includes(text)) {
    if (state.exited) throw new Error(`server exited early:\n${output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

describe('demo:server', () => {
  it('prints its issuer, API base, image origin, client ids and personas, serves them, and stops on SIGTERM', async () => {
    const { child, output, exited } = run(['--port', '0', '--image-port', '0', '--quiet']);
    await waitFor(output, 'Ctrl-C stops the server.', exited);
    const text = output();

    const issuer = /issuer\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(text)?.[1];
    const images = /image store\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(text)?.[1];
    expect(issuer).toBeDefined();
    expect(images).toBeDefined();
    expect(text).toContain(`API base      ${issuer}`);
    for (const id of Object.values(DEMO_CLIENTS)) expect(text).toContain(id);
    expect(text).toMatch(/secret "[^"]+"/);
    for (const persona of [
      'full',
      'passport',
      'unverified',
      'noscope',
      'broken',
      'shortlived',
      'impostor',
    ]) {
      expect(text).toMatch(new RegExp(`^\\s+${persona}\\s`, 'm'));
    }
    expect(text).toContain('DEMO');

    const discovery = (await (
      await fetch(`${issuer}/.well-known/openid-configuration`)
    ).json()) as {
      issuer: string;
    };
    expect(discovery.issuer).toBe(issuer);
    // The store refuses unsigned requests: it is really there and really checking.
    expect((await fetch(`${images}/specimen-bucket/full/face.jpg`)).status).toBe(403);

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output()).toContain('stopped.');
    await expect(fetch(`${issuer}/.well-known/openid-configuration`)).rejects.toThrow();
  });

  it('rejects bad flags with a usage line', async () => {
    const { output, exited } = run(['--port', 'eighty']);
    expect(await exited).toBe(2);
    expect(output()).toContain('usage: node demo/server.ts');
  });

  it('says clearly when its port is taken', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as { port: number }).port;
    try {
      const { output, exited } = run(['--port', String(port), '--image-port', '0']);
      expect(await exited).toBe(1);
      expect(output()).toContain(`port ${port}`);
      expect(output()).toContain('already in use');
    } finally {
      await new Promise((r) => blocker.close(r));
    }
  });
});

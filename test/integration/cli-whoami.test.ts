import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoBackend } from '../../demo/backend.ts';
import type { DemoBackend } from '../../demo/backend.ts';
import { SCOPES } from '../../shared/environments.ts';

/**
 * The CLI as users' scripts run it: `node cli/idlens.ts whoami …` in a child process, with
 * `$BROWSER` set to test/fixtures/browser-login.ts, which signs in to the demo provider as the
 * persona in IDLENS_DEMO_PERSONA and follows the redirect to the CLI's loopback listener.
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const BROWSER = join(ROOT, 'test/fixtures/browser-login.ts');

let backend: DemoBackend;
let scratch: string;
const outputs: string[] = [];
let browserLog: string;

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function runCli(
  args: string[],
  env: Record<string, string> = {},
  onStderr?: (text: string, child: ReturnType<typeof spawn>) => void,
): Promise<Run> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'cli/idlens.ts'), ...args], {
      cwd: ROOT,
      env: {
        PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}`,
        HOME: scratch,
        TMPDIR: scratch,
        NODE_DISABLE_COMPILE_CACHE: '1',
        BROWSER,
        IDLENS_TEST_BROWSER_LOG: browserLog,
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString('utf8');
      onStderr?.(stderr, child);
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      outputs.push(stdout, stderr);
      resolvePromise({ code, signal, stdout, stderr });
    });
  });
}

function demoArgs(clientId: string, extra: string[] = []): string[] {
  return [
    'whoami',
    '--env',
    'custom',
    '--issuer',
    backend.issuer,
    '--insecure-loopback',
    '--client-id',
    clientId,
    ...extra,
  ];
}

beforeAll(async () => {
  backend = await startDemoBackend({ quiet: true });
  scratch = mkdtempSync(join(tmpdir(), 'idlens-cli-test-'));
  browserLog = join(scratch, 'browser.log');
});

afterAll(async () => {
  await backend.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe('idlens whoami', () => {
  it('signs in through $BROWSER and prints the persona and scopes as one JSON object (exit 0)', async () => {
    const run = await runCli(demoArgs(backend.clients.public.clientId, ['--json', '--verbose']), {
      IDLENS_DEMO_PERSONA: 'full',
    });
    expect(run.stderr).not.toContain('(internal)');
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const out = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(out).toMatchObject({
      ok: true,
      environment: 'custom',
      issuer: backend.issuer,
      user: { sub: 'demo-full' },
      missingScopes: [],
    });
    expect(out.scopes).toEqual(expect.arrayContaining([SCOPES.openid, SCOPES.idVerification]));
    // The address is offered for copy-paste on stderr, and it asks for PKCE S256.
    expect(run.stderr).toMatch(
      /http:\/\/127\.0\.0\.1:\d+\/api\/oauth\/authorize\?\S*code_challenge_method=S256/,
    );
  });

  it('prints readable text by default, for the persona the browser signed in as', async () => {
    const run = await runCli(
      demoArgs(backend.clients.public.clientId, [
        '--scope',
        'openid profile email eprospera:person.id_verification.read',
      ]),
      { IDLENS_DEMO_PERSONA: 'passport' },
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('sub:    demo-passport');
    expect(run.stdout).toContain('name:   Pat Specimen');
    expect(run.stdout).toContain('email:  passport@demo.idlens.invalid');
    expect(run.stdout).toContain(SCOPES.idVerification);
    // The name and email it shows are what profile and email released: not "not granted".
    expect(run.stdout).not.toContain('not granted');
    expect(run.stdout).toMatch(/scopes: .*\bprofile\b/);
    expect(run.stdout).toMatch(/scopes: .*\bemail\b/);
  });

  it('while waiting, names the client id and the exact redirect URI and what to check', async () => {
    const run = await runCli(
      demoArgs(backend.clients.public.clientId, ['--timeout-seconds', '1']),
      {
        IDLENS_DEMO_PERSONA: 'idle',
      },
    );
    expect(run.code).toBe(7);
    const sent = /redirect_uri=([^&\s]+)/.exec(run.stderr)?.[1];
    expect(sent).toBeDefined();
    const redirectUri = decodeURIComponent(sent!);
    expect(run.stderr).toContain(`client id     ${backend.clients.public.clientId}`);
    expect(run.stderr).toContain(`redirect URI  ${redirectUri}`);
    expect(run.stderr).toContain("is not in the client's registration");
    // The timeout repeats what to check, with the same values.
    expect(run.stderr).toMatch(/not completed in time\. If the browser showed an error/);
    expect(run.stderr).toContain(`allows the redirect URI ${redirectUri}`);
  });

  it('a refused connection names the host and the cause in text, --json and --verbose, in both languages', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const args = ['whoami', '--issuer', `http://127.0.0.1:${port}`, '--insecure-loopback'];
    const run = await runCli([...args, '--client-id', 'x', '--json', '--verbose']);
    expect(run.code).toBe(5);
    expect(run.stderr).toMatch(
      new RegExp(
        `could not be reached: 127\\.0\\.0\\.1:${port} refused the connection.*\\(network_error\\)`,
      ),
    );
    expect(run.stderr).toContain(`network: host 127.0.0.1:${port}, cause refused`);
    expect(JSON.parse(run.stdout)).toMatchObject({
      ok: false,
      exitCode: 5,
      error: { code: 'network_error', detail: { host: `127.0.0.1:${port}`, cause: 'refused' } },
    });
    const es = await runCli([...args, '--client-id', 'x', '--lang', 'es']);
    expect(es.stderr).toContain(
      `No se pudo conectar con el servidor: 127.0.0.1:${port} rechazó la conexión`,
    );
  });

  it('says so when the id-verification scope was not granted (still exit 0: who is signed in is known)', async () => {
    const run = await runCli(demoArgs(backend.clients.public.clientId, ['--json']), {
      IDLENS_DEMO_PERSONA: 'noscope',
    });
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { scopes: string[]; missingScopes: string[] };
    expect(out.scopes).not.toContain(SCOPES.idVerification);
    expect(out.missingScopes).toEqual([SCOPES.idVerification]);
    expect(run.stderr).toContain(`${SCOPES.idVerification} was not granted`);
  });

  it('the confidential client signs in with IDLENS_CLIENT_SECRET', async () => {
    const run = await runCli(
      demoArgs(backend.clients.confidential.clientId, [
        '--json',
        '--verbose',
        '--scope',
        `${SCOPES.openid} ${SCOPES.idVerification} ${SCOPES.offline}`,
      ]),
      { IDLENS_CLIENT_SECRET: backend.clients.confidential.clientSecret },
    );
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, user: { sub: 'demo-full' } });
    // The refresh token it was given is revoked before the CLI exits.
    expect(run.stderr).toContain('auth: refresh token revoked');
  });

  it('a wrong IDLENS_CLIENT_SECRET exits 4 with auth_token_rejected', async () => {
    const run = await runCli(
      demoArgs(backend.clients.confidential.clientId, ['--json', '--verbose']),
      {
        IDLENS_CLIENT_SECRET: 'not-the-right-secret-42',
      },
    );
    expect(run.code).toBe(4);
    expect(run.stderr).toMatch(/client credentials.*\(auth_token_rejected\)/);
    expect(JSON.parse(run.stdout)).toEqual({
      ok: false,
      error: { code: 'auth_token_rejected', message: expect.any(String) },
      exitCode: 4,
    });
  });

  it('a denied consent exits 4 with auth_denied', async () => {
    const run = await runCli(demoArgs(backend.clients.public.clientId), { IDLENS_DEMO_DENY: '1' });
    expect(run.code).toBe(4);
    expect(run.stderr).toContain('(auth_denied)');
  });

  it('a bad flag exits 2', async () => {
    const unknown = await runCli(demoArgs(backend.clients.public.clientId, ['--colour']));
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown option --colour');
    const badPort = await runCli(
      demoArgs(backend.clients.public.clientId, ['--redirect-port', '70000']),
    );
    expect(badPort.code).toBe(2);
    expect(badPort.stderr).toContain('--redirect-port');
    const badEnv = await runCli(['whoami', '--env', 'moon']);
    expect(badEnv.code).toBe(2);
  });

  it('--client-secret is refused with exit 2, says why, and never echoes the value', async () => {
    for (const form of [
      ['--client-secret', 'hunter2-secret'],
      ['--client-secret=hunter2-secret'],
    ]) {
      const run = await runCli(demoArgs(backend.clients.confidential.clientId, form));
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('IDLENS_CLIENT_SECRET');
      expect(run.stderr + run.stdout).not.toContain('hunter2');
    }
  });

  it('an http issuer that is not loopback exits 2 (insecure_url), even with --insecure-loopback', async () => {
    const run = await runCli([
      'whoami',
      '--issuer',
      'http://example.com',
      '--insecure-loopback',
      '--client-id',
      'x',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('(insecure_url)');
  });

  it('Ctrl-C while waiting for the browser exits 7 (cancelled)', async () => {
    let sent = false;
    const run = await runCli(
      demoArgs(backend.clients.public.clientId),
      { IDLENS_DEMO_PERSONA: 'idle' },
      (stderr, child) => {
        if (!sent && stderr.includes('/api/oauth/authorize?')) {
          sent = true;
          child.kill('SIGINT');
        }
      },
    );
    expect(sent).toBe(true);
    expect(run.code).toBe(7);
    expect(run.stderr).toContain('(auth_cancelled)');
  });

  it('a sign-in nobody finishes exits 7 after --timeout-seconds', async () => {
    const run = await runCli(
      demoArgs(backend.clients.public.clientId, ['--timeout-seconds', '1']),
      {
        IDLENS_DEMO_PERSONA: 'idle',
      },
    );
    expect(run.code).toBe(7);
    expect(run.stderr).toContain('(auth_timeout)');
  });

  it('an unreachable issuer exits 5', async () => {
    const run = await runCli([
      'whoami',
      '--issuer',
      'http://127.0.0.1:9',
      '--insecure-loopback',
      '--client-id',
      'x',
    ]);
    expect(run.code).toBe(5);
    expect(run.stderr).toContain('(network_error)');
  });
});

describe('CLI output never holds a secret', () => {
  it('no authorization code, client secret or token-like value appears on stdout or stderr', () => {
    expect(existsSync(browserLog)).toBe(true);
    const codes = readFileSync(browserLog, 'utf8')
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { code?: string | null }).code)
      .filter((c): c is string => typeof c === 'string' && c.length > 0);
    expect(codes.length).toBeGreaterThanOrEqual(4);
    const secrets = [
      ...codes,
      backend.clients.confidential.clientSecret,
      'not-the-right-secret-42',
    ];
    const all = outputs.join('\n');
    for (const secret of secrets) expect(all).not.toContain(secret);
    // Tokens: no JWT (access and ID tokens are JWTs here) …
    expect(all).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/);
    // … and no other long random value except the state, nonce and challenge of the printed
    // authorization addresses (refresh tokens, codes and verifiers are such values).
    const published = new Set(
      [...all.matchAll(/https?:\/\/\S+\/api\/oauth\/authorize\?\S+/g)].flatMap((m) => [
        ...new URL(m[0]).searchParams.values(),
      ]),
    );
    const randoms = [...all.matchAll(/[A-Za-z0-9_-]{32,}/g)].map((m) => m[0]);
    expect(randoms.length).toBeGreaterThan(0);
    for (const value of randoms) expect(published.has(value)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { IdlensError } from '../../../shared/errors.ts';
import { ERROR_CODES } from '../../../shared/errors.ts';
import { DEFAULT_SCOPES, DEMO_CLIENTS } from '../../../shared/environments.ts';
import { parseCommandLine, resolveConfig } from '../../../cli/options.ts';
import { openInBrowser, openerFor } from '../../../cli/browser.ts';
import { EXIT, exitCodeFor } from '../../../cli/exit-codes.ts';
import { runCli } from '../../../cli/run.ts';
import type { CliIO } from '../../../cli/command.ts';

function errorOf(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (err) {
    if (err instanceof IdlensError) return { code: err.code, message: err.message };
    throw err;
  }
  throw new Error('did not throw');
}

function config(argv: string[], env: Record<string, string | undefined> = {}) {
  return resolveConfig(parseCommandLine(argv).common, env);
}

describe('CLI flags', () => {
  it('parses every common flag into typed values', () => {
    const parsed = parseCommandLine([
      'whoami',
      '--env',
      'custom',
      '--issuer',
      'https://id.example.test/realm',
      '--api-base',
      'https://api.example.test',
      '--client-id',
      'abc',
      '--scope',
      '  openid   offline_access ',
      '--redirect-port',
      '4482',
      '--redirect-path',
      '/cb',
      '--timeout-seconds',
      '30',
      '--json',
      '--insecure-loopback',
    ]);
    expect(parsed.command).toBe('whoami');
    expect(parsed.common).toMatchObject({
      env: 'custom',
      clientId: 'abc',
      scope: ['openid', 'offline_access'],
      redirectPort: 4482,
      redirectPath: '/cb',
      timeoutSeconds: 30,
      json: true,
      insecureLoopback: true,
    });
  });

  it('defaults: production, default scopes, ephemeral port, /callback, 5 minutes', () => {
    const c = config(['whoami', '--client-id', 'abc']);
    expect(c).toMatchObject({
      environment: 'production',
      issuer: 'https://portal.eprospera.com',
      apiBase: 'https://portal.eprospera.com',
      clientId: 'abc',
      scopes: [...DEFAULT_SCOPES],
      redirectPort: 0,
      redirectPath: '/callback',
      timeoutMs: 300_000,
      json: false,
      allowInsecureLoopback: false,
    });
    expect(c.clientSecret).toBeUndefined();
  });

  it('takes the client id from IDLENS_CLIENT_ID and the secret from IDLENS_CLIENT_SECRET only', () => {
    const c = config(['whoami', '--env', 'staging'], {
      IDLENS_CLIENT_ID: 'from-env',
      IDLENS_CLIENT_SECRET: 's3cret',
    });
    expect(c).toMatchObject({
      environment: 'staging',
      issuer: 'https://staging-portal.eprospera.com',
      clientId: 'from-env',
      clientSecret: 's3cret',
    });
    expect(config(['whoami', '--client-id', 'flag'], { IDLENS_CLIENT_ID: 'env' }).clientId).toBe(
      'flag',
    );
    expect(
      config(['whoami', '--client-id', 'x'], { IDLENS_CLIENT_SECRET: '' }).clientSecret,
    ).toBeUndefined();
  });

  it('refuses --client-secret in both forms, explaining why, without echoing the value', () => {
    for (const argv of [
      ['whoami', '--client-secret', 'hunter2'],
      ['whoami', '--client-secret=hunter2'],
    ]) {
      const e = errorOf(() => parseCommandLine(argv));
      expect(e.code).toBe('bad_argument');
      expect(e.message).toContain('IDLENS_CLIENT_SECRET');
      expect(e.message).toContain('shell history');
      expect(e.message).not.toContain('hunter2');
    }
  });

  it('reports unknown flags and bad values as bad_argument, naming the flag but not the value', () => {
    expect(errorOf(() => parseCommandLine(['whoami', '--token=abc123'])).message).toBe(
      'Unknown option --token. See idlens --help.',
    );
    expect(errorOf(() => parseCommandLine(['whoami', '--token=abc123'])).message).not.toContain(
      'abc123',
    );
    for (const argv of [
      ['whoami', '--env', 'moon'],
      ['whoami', '--redirect-port', '65536'],
      ['whoami', '--redirect-port', '-1'],
      ['whoami', '--redirect-port', 'eighty'],
      ['whoami', '--redirect-path', 'callback'],
      ['whoami', '--redirect-path', '/cb?x=1'],
      ['whoami', '--timeout-seconds', '0'],
      ['whoami', '--scope', '   '],
      ['whoami', '--scope', 'openid "quoted"'],
      ['whoami', '--client-id', 'has space'],
      ['whoami', '--issuer'],
      ['whoami', '--json=yes'],
      ['whoami', '--env', 'demo', '--env', 'staging'],
    ]) {
      expect(errorOf(() => parseCommandLine(argv)).code, argv.join(' ')).toBe('bad_argument');
    }
  });

  it('custom environments need --issuer; presets refuse --issuer and --api-base', () => {
    expect(errorOf(() => config(['whoami', '--env', 'custom', '--client-id', 'x'])).code).toBe(
      'bad_argument',
    );
    expect(
      errorOf(() =>
        config(['whoami', '--env', 'production', '--issuer', 'https://x.test', '--client-id', 'x']),
      ).code,
    ).toBe('bad_argument');
    const c = config(['whoami', '--issuer', 'https://id.example.test/', '--client-id', 'x']);
    expect(c.environment).toBe('custom');
    expect(c.issuer).toBe('https://id.example.test');
    expect(c.apiBase).toBe('https://id.example.test');
  });

  it('allows http only for loopback hosts, and only with --insecure-loopback', () => {
    expect(errorOf(() => config(['whoami', '--env', 'demo'])).code).toBe('insecure_url');
    const demo = config(['whoami', '--env', 'demo', '--insecure-loopback']);
    expect(demo.issuer).toBe('http://127.0.0.1:4480');
    expect(demo.clientId).toBe(DEMO_CLIENTS.public);
    for (const issuer of [
      'http://example.com',
      'http://192.168.1.2:4480',
      'http://127.0.0.1.nip.io',
    ]) {
      expect(
        errorOf(() =>
          config(['whoami', '--issuer', issuer, '--insecure-loopback', '--client-id', 'x']),
        ).code,
      ).toBe('insecure_url');
    }
    for (const issuer of ['http://localhost:8080', 'http://[::1]:8080', 'http://127.0.0.1:8080']) {
      expect(
        config(['whoami', '--issuer', issuer, '--insecure-loopback', '--client-id', 'x']).issuer,
      ).toBe(new URL(issuer).href.replace(/\/$/, ''));
    }
    expect(
      errorOf(() =>
        config([
          'whoami',
          '--issuer',
          'https://id.test',
          '--api-base',
          'http://api.test',
          '--insecure-loopback',
          '--client-id',
          'x',
        ]),
      ).code,
    ).toBe('insecure_url');
    expect(
      errorOf(() => config(['whoami', '--issuer', 'https://u:p@id.test', '--client-id', 'x'])).code,
    ).toBe('config_invalid');
  });

  it('production without a client id is a configuration error that says where to get one', () => {
    const e = errorOf(() => config(['whoami']));
    expect(e.code).toBe('config_invalid');
    expect(e.message).toContain('IDLENS_CLIENT_ID');
  });
});

describe('CLI runner', () => {
  function io(env: Record<string, string> = {}): CliIO & { out: string[]; err: string[] } {
    const out: string[] = [];
    const err: string[] = [];
    return {
      out,
      err,
      stdout: (t) => out.push(t),
      stderr: (t) => err.push(t),
      env,
      platform: 'linux',
      openUrl: () => Promise.resolve(),
    };
  }

  it('--help prints every command and flag and exits 0', async () => {
    const o = io();
    expect(await runCli(['--help'], o)).toBe(0);
    const text = o.out.join('');
    for (const flag of [
      '--env',
      '--issuer',
      '--api-base',
      '--client-id',
      '--scope',
      '--redirect-port',
      '--redirect-path',
      '--timeout-seconds',
      '--json',
      '--insecure-loopback',
    ]) {
      expect(text).toContain(flag);
    }
    expect(text).toContain('whoami');
    expect(text).toContain('IDLENS_CLIENT_SECRET');
  });

  it('no command or an unknown one exits 2; --json errors are one object on stdout', async () => {
    expect(await runCli([], io())).toBe(2);
    const o = io();
    expect(await runCli(['frobnicate', '--json'], o)).toBe(2);
    expect(JSON.parse(o.out.join(''))).toEqual({
      ok: false,
      error: {
        code: 'bad_argument',
        message: 'Unknown command "frobnicate". The commands are: whoami, check, audit, help.',
      },
      exitCode: 2,
    });
  });

  it('a flag of another command is refused for this one', async () => {
    const extra = {
      name: 'other',
      summary: 'x',
      flags: { out: { type: 'string' as const, usage: '--out DIR', help: 'x' } },
      run: () => Promise.resolve(0),
    };
    const { whoami } = await import('../../../cli/commands/whoami.ts');
    const o = io();
    expect(await runCli(['whoami', '--out', 'x', '--client-id', 'x'], o, [whoami, extra])).toBe(2);
    expect(o.err.join('')).toContain('does not apply to whoami');
    expect(await runCli(['other', '--out', 'x', '--client-id', 'x'], io(), [whoami, extra])).toBe(
      0,
    );
  });
});

describe('exit codes', () => {
  it('maps every error code, with the documented classes', () => {
    for (const code of ERROR_CODES) expect(Object.values(EXIT)).toContain(exitCodeFor(code));
    expect(exitCodeFor('bad_argument')).toBe(2);
    expect(exitCodeFor('insecure_url')).toBe(2);
    expect(exitCodeFor('auth_port_in_use')).toBe(2);
    for (const c of [
      'auth_denied',
      'auth_state_mismatch',
      'auth_nonce_mismatch',
      'auth_iss_mismatch',
      'auth_token_rejected',
      'missing_scope',
    ] as const) {
      expect(exitCodeFor(c)).toBe(4);
    }
    for (const c of ['network_error', 'server_error', 'auth_discovery_failed'] as const)
      expect(exitCodeFor(c)).toBe(5);
    for (const c of ['auth_timeout', 'auth_cancelled'] as const) expect(exitCodeFor(c)).toBe(7);
  });
});

describe('opening the browser', () => {
  const url = 'https://portal.eprospera.com/api/oauth/authorize?a=1&b=2&state=x';

  it('runs $BROWSER as the command with the URL as its one argument, without a shell', () => {
    const o = openerFor(url, { BROWSER: '/opt/my browser/bin' }, 'linux');
    expect(o.command).toBe('/opt/my browser/bin');
    expect(o.args).toEqual([url]);
    expect(o.options.shell).toBe(false);
  });

  it('falls back to the platform opener', () => {
    expect(openerFor(url, {}, 'linux')).toMatchObject({ command: 'xdg-open', args: [url] });
    expect(openerFor(url, {}, 'darwin')).toMatchObject({ command: 'open', args: [url] });
    const win = openerFor(url, {}, 'win32');
    expect(win.command).toBe('cmd.exe');
    // The whole URL sits inside double quotes so cmd does not split it at `&`.
    expect(win.args.at(-1)).toBe(`"start "" "${url}""`);
    expect(win.options.windowsVerbatimArguments).toBe(true);
  });

  it('refuses strings that are not plain http(s) URLs', () => {
    for (const bad of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'https://x.test/a b',
      'https://x.test/"&calc',
      'not a url',
    ]) {
      expect(() => openerFor(bad, {}, 'win32')).toThrow();
    }
  });

  it('prints the URL for copy-paste and does not fail when the browser cannot start', async () => {
    const err: string[] = [];
    await openInBrowser(url, {
      env: { BROWSER: '/nonexistent/idlens-test-browser' },
      platform: 'linux',
      stderr: (t) => err.push(t),
    });
    const text = err.join('');
    expect(text).toContain(url);
    expect(text).toContain('could not start $BROWSER');
  });
});

describe('the CLI keeps the endpoint rules the app keeps (shared/endpoint-rules.ts)', () => {
  const config = (argv: string[], env: Record<string, string> = {}) =>
    resolveConfig(parseCommandLine(argv).common, env);
  const errorOf = (fn: () => unknown): IdlensError => {
    try {
      fn();
    } catch (error) {
      return error as IdlensError;
    }
    throw new Error('accepted');
  };

  it('refuses an API base on another origin than the issuer, as the app does', () => {
    const argv = ['whoami', '--issuer', 'https://id.example', '--client-id', 'x'];
    const refused = errorOf(() => config([...argv, '--api-base', 'https://api.elsewhere.example']));
    expect(refused.code).toBe('config_invalid');
    expect(refused.message).toContain("--api-base must be on the issuer's origin");
    expect(config([...argv, '--api-base', 'https://id.example/api']).apiBase).toBe(
      'https://id.example/api',
    );
  });

  it('sends IDLENS_CLIENT_SECRET only to the issuer IDLENS_CLIENT_SECRET_ISSUER names', () => {
    const argv = ['whoami', '--issuer', 'https://look-alike.example', '--client-id', 'x'];
    const env = {
      IDLENS_CLIENT_SECRET: 's3cret-value',
      IDLENS_CLIENT_SECRET_ISSUER: 'https://id.example',
    };
    const refused = errorOf(() => config(argv, env));
    expect(refused.code).toBe('config_invalid');
    expect(refused.message).not.toContain('s3cret-value');
    const right = ['whoami', '--issuer', 'https://id.example/', '--client-id', 'x'];
    expect(config(right, env).clientSecret).toBe('s3cret-value');
    // Without the variable, the command line's issuer is the person's own choice.
    expect(config(argv, { IDLENS_CLIENT_SECRET: 's3cret-value' }).clientSecret).toBe(
      's3cret-value',
    );
  });
});

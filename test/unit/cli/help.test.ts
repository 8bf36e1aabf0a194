import { describe, expect, it } from 'vitest';
import packageJson from '../../../package.json' with { type: 'json' };
import type { CliIO } from '../../../cli/command.ts';
import { EXIT } from '../../../cli/exit-codes.ts';
import { runCli } from '../../../cli/run.ts';

/**
 * The CLI explains itself: help lists every command and exit code with examples, `-h`/`--help`
 * work on every command, `--version` answers, stray arguments are refused, and every error names
 * the option or argument as the user typed it, in words rather than a validator's text.
 */

async function run(argv: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    env,
    platform: 'linux',
    openUrl: () => Promise.reject(new Error('no browser in this test')),
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

describe('idlens --help', () => {
  it('lists every command (audit and help included), every exit code 0–9 and examples', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    for (const command of ['whoami', 'check', 'audit', 'help']) {
      expect(stdout).toMatch(new RegExp(`^  ${command} +\\S`, 'm'));
    }
    for (const exit of Object.values(EXIT))
      expect(stdout).toMatch(new RegExp(`^  ${exit}  \\S`, 'm'));
    expect(stdout).toMatch(/^ {2}8 {2}audit: sensitive data found on disk$/m);
    expect(stdout).toMatch(
      /^ {2}9 {2}audit: nothing sensitive found, but some files could not be read$/m,
    );
    expect(stdout).toContain('Examples:');
    expect(stdout).toMatch(/^ {2}idlens audit --dir \.\/docs +# /m);
    for (const flag of ['--save-dir DIR', '--dir DIR', '--lang en|es', '-h, --help', '--version']) {
      expect(stdout).toContain(flag);
    }
  });

  it('-h, --help and help print the same', async () => {
    const long = await run(['--help']);
    expect((await run(['-h'])).stdout).toBe(long.stdout);
    expect((await run(['help'])).stdout).toBe(long.stdout);
  });

  it('no command prints the help on stderr and exits 2', async () => {
    const { code, stderr } = await run([]);
    expect(code).toBe(2);
    expect(stderr).toContain('Usage: idlens <command>');
    expect(stderr).toContain('Name a command');
  });
});

describe('help of one command', () => {
  it('idlens check --help, check -h and help check all print check’s own help', async () => {
    const { code, stdout } = await run(['check', '--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: idlens check \[options\]$/m);
    expect(stdout).toContain('--save-dir DIR');
    expect(stdout).toContain('--client-id ID');
    expect(stdout).not.toContain('--user-data');
    expect(stdout).toMatch(/^ {2}3 {2}check: the person has no approved ID verification$/m);
    expect((await run(['check', '-h'])).stdout).toBe(stdout);
    expect((await run(['help', 'check'])).stdout).toBe(stdout);
    // --help wins over a configuration that could not sign in.
    expect((await run(['check', '--help', '--env', 'demo'])).code).toBe(0);
  });

  it('check --help offers --no-face, saying it leaves out the face comparison, in English and Spanish', async () => {
    const en = (await run(['check', '--help'])).stdout;
    expect(en).toMatch(/--no-face +with --analyze: documents only — leave out the face comparison/);
    expect(en).toMatch(
      /--analyze +.*compare the selfie with the document portrait \(biometric processing/,
    );
    const es = (await run(['check', '--help', '--lang', 'es'])).stdout;
    expect(es).toMatch(
      /--no-face +con --analyze: solo documentos — omitir la comparación de rostros/,
    );
    expect(es).not.toContain('leave out the face comparison');
  });

  it('--no-face without --analyze is refused, naming both flags', async () => {
    const { code, stderr } = await run([
      'check',
      '--no-face',
      '--env',
      'demo',
      '--insecure-loopback',
    ]);
    expect(code).toBe(2);
    expect(stderr).toContain(
      'Invalid value for --no-face: only with --analyze (it leaves out the face comparison of the checks).',
    );
    expect((await run(['check', '--no-face=yes'])).stderr).toContain('--no-face is a switch');
  });

  it('audit --help offers no sign-in options; whoami --help no image options', async () => {
    const audit = await run(['audit', '--help']);
    expect(audit.stdout).toContain('--dir DIR');
    expect(audit.stdout).not.toContain('--client-id');
    expect(audit.stdout).toMatch(/^ {2}8 {2}/m);
    const whoami = await run(['whoami', '-h']);
    expect(whoami.stdout).toContain('--client-id ID');
    expect(whoami.stdout).not.toContain('--save-dir');
  });

  it('help of an unknown command is an error naming it', async () => {
    const { code, stderr } = await run(['help', 'chek']);
    expect(code).toBe(2);
    expect(stderr).toContain(
      'Unknown command "chek". The commands are: whoami, check, audit, help.',
    );
  });
});

describe('--version', () => {
  it('prints the package version, with or without a command', async () => {
    expect(await run(['--version'])).toMatchObject({
      code: 0,
      stdout: `idlens ${packageJson.version}\n`,
    });
    expect((await run(['check', '--version'])).stdout).toBe(`idlens ${packageJson.version}\n`);
  });
});

describe('errors name what the user typed', () => {
  it('refuses stray arguments, naming them', async () => {
    const whoami = await run(['whoami', 'now']);
    expect(whoami.code).toBe(2);
    expect(whoami.stderr).toContain('whoami takes no arguments, but got "now"');
    const audit = await run(['audit', 'extra']);
    expect(audit.code).toBe(2);
    expect(audit.stderr).toContain('audit takes no arguments, but got "extra"');
  });

  it('a flag of another command says it does not apply here', async () => {
    const { code, stderr } = await run(['whoami', '--save-dir', 'x', '--client-id', 'x']);
    expect(code).toBe(2);
    expect(stderr).toContain('--save-dir does not apply to whoami');
    const audit = await run(['audit', '--client-id', 'x']);
    expect(audit.stderr).toContain('--client-id does not apply to audit');
  });

  it('names the flag missing its value and the switch given one', async () => {
    expect((await run(['check', '--save-dir'])).stderr).toContain('--save-dir needs a value.');
    expect((await run(['whoami', '--json=yes'])).stderr).toContain(
      '--json is a switch and takes no value.',
    );
    expect((await run(['whoami', '-x'])).stderr).toContain('Unknown option -x for whoami');
  });

  it('says what a value must be in words, never a validator’s raw text', async () => {
    const cases: [string[], string][] = [
      [
        ['whoami', '--redirect-port', '70000'],
        'Invalid value for --redirect-port: expected a whole number from 0 to 65535.',
      ],
      [
        ['whoami', '--timeout-seconds', '0'],
        'Invalid value for --timeout-seconds: expected a whole number of seconds from 1 to 86400.',
      ],
      [
        ['whoami', '--env', 'moon'],
        'Invalid value for --env: expected one of production, staging, demo, custom.',
      ],
      [['whoami', '--lang', 'fr'], 'Invalid value for --lang: expected en or es.'],
      [
        ['check', '--allow-image-host', 'a.test/path', '--env', 'demo', '--insecure-loopback'],
        'Invalid value for --allow-image-host: expected a host name or IP address, with an optional :port.',
      ],
      [
        ['audit', '--hash', 'abc'],
        'Invalid value for --hash: expected a SHA-256 digest (64 hexadecimal characters).',
      ],
    ];
    for (const [argv, message] of cases) {
      const { code, stderr } = await run(argv);
      expect(code, argv.join(' ')).toBe(2);
      expect(stderr).toContain(message);
      expect(stderr).not.toMatch(
        /Too big|Too small|Invalid input|expected number|expected string|redirectPort|timeoutSeconds|allowImageHost/,
      );
    }
  });

  it('--env demo without --insecure-loopback names the flag it needs', async () => {
    const { code, stderr } = await run(['whoami', '--env', 'demo']);
    expect(code).toBe(2);
    expect(stderr).toContain(
      '--env demo talks to the demo backend over plain http on 127.0.0.1: add --insecure-loopback.',
    );
    const custom = await run(['whoami', '--issuer', 'http://127.0.0.1:4480', '--client-id', 'x']);
    expect(custom.stderr).toContain(
      '--issuer uses plain http on a loopback host: add --insecure-loopback',
    );
  });
});

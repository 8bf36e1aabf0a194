import { describe, expect, it } from 'vitest';
import type { CliIO } from '../../../cli/command.ts';
import { COMMANDS } from '../../../cli/commands/index.ts';
import { STRINGS, langFor } from '../../../cli/i18n/index.ts';
import { GENERAL_FLAGS, SIGN_IN_FLAGS } from '../../../cli/options.ts';
import { runCli } from '../../../cli/run.ts';

/**
 * Every text of the CLI exists in English and Spanish, and Spanish output holds no English
 * sentence: the fixed parts of every English text that differs from its Spanish counterpart are
 * looked for in the Spanish help, command help and error output.
 */

const SAMPLE = '\u27e8x\u27e9';

/** Command lines of the examples: syntax, not prose. */
const SAME_IN_BOTH = /^idlens /;

/** Leaf texts by path; a function leaf is called with placeholders and split into fixed parts. */
function leaves(value: unknown, path = ''): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (typeof value === 'string') out.set(path, [value]);
  else if (typeof value === 'function') {
    let text: unknown;
    try {
      text = (value as (...args: unknown[]) => unknown)(SAMPLE, SAMPLE, 7, SAMPLE);
    } catch {
      text = undefined;
    }
    const joined = Array.isArray(text) ? text.join('\n') : typeof text === 'string' ? text : '';
    out.set(path, joined.split(SAMPLE));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, inner] of Object.entries(value)) {
      for (const [p, v] of leaves(inner, `${path}.${key}`)) out.set(p, v);
    }
  }
  return out;
}

async function run(argv: string[], env: Record<string, string> = {}) {
  let out = '';
  const io: CliIO = {
    stdout: (t) => (out += t),
    stderr: (t) => (out += t),
    env,
    platform: 'linux',
    openUrl: () => Promise.reject(new Error('no browser in this test')),
  };
  await runCli(argv, io);
  return out;
}

const { en, es } = STRINGS;

describe('CLI dictionaries', () => {
  it('Spanish has exactly the keys of English', () => {
    expect([...leaves(es).keys()].sort()).toEqual([...leaves(en).keys()].sort());
  });

  it('every flag of every command has a help text, and every value flag a reason, in both', () => {
    const flags = { ...SIGN_IN_FLAGS, ...GENERAL_FLAGS };
    for (const command of COMMANDS) Object.assign(flags, command.flags ?? {});
    for (const [name, spec] of Object.entries(flags)) {
      for (const t of [en, es]) {
        expect((t.flags as Record<string, unknown>)[name], name).toBeDefined();
        if (spec.type === 'string') expect(t.reasons[name], name).toBeDefined();
      }
    }
    for (const command of COMMANDS) {
      for (const t of [en, es]) {
        expect((t.commands as Record<string, unknown>)[command.name], command.name).toBeDefined();
        expect((t.examples as Record<string, unknown>)[command.name], command.name).toBeDefined();
      }
    }
  });

  it('Spanish output contains no English sentence of the dictionary', async () => {
    const outputs = await Promise.all(
      [
        ['--help'],
        ['check', '--help'],
        ['whoami', '--help'],
        ['audit', '--help'],
        [],
        ['frobnicate'],
        ['whoami', 'now'],
        ['whoami', '--bogus'],
        ['whoami', '--save-dir', 'x'],
        ['check', '--save-dir'],
        ['whoami', '--json=1'],
        ['whoami', '--redirect-port', '99999'],
        ['whoami', '--env', 'demo'],
        ['whoami', '--env', 'custom'],
        ['whoami', '--env', 'staging', '--issuer', 'https://x.test'],
        ['whoami', '--issuer', 'http://example.com', '--insecure-loopback', '--client-id', 'x'],
        ['whoami', '--client-secret', 'x'],
        ['whoami'],
        ['audit', '--tmp', '/no/such/folder'],
        ['audit', '--hash', 'abc'],
      ].map((argv) => run([...argv, '--lang', 'es'])),
    );
    const spanish = outputs.join('\n');
    expect(spanish).toContain('Uso: idlens');

    const offenders: string[] = [];
    for (const [path, parts] of leaves(en)) {
      for (const part of parts) {
        const fragment = part.trim();
        // Prose only: two words or more, not a command line (the same in every language).
        if (!/\S+\s+\S+/.test(fragment) || SAME_IN_BOTH.test(fragment)) continue;
        if (spanish.includes(fragment)) offenders.push(`${path}: ${fragment}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('the language comes from --lang, else LC_ALL / LC_MESSAGES / LANG', () => {
    expect(langFor([], { LANG: 'es_HN.UTF-8' })).toBe('es');
    expect(langFor([], { LC_ALL: 'es' })).toBe('es');
    expect(langFor([], { LANG: 'en_US.UTF-8' })).toBe('en');
    expect(langFor([], {})).toBe('en');
    expect(langFor(['--lang', 'en'], { LANG: 'es_MX' })).toBe('en');
    expect(langFor(['--lang=es'], {})).toBe('es');
    expect(langFor([], { LANG: 'estonian' })).toBe('en');
  });

  it('LANG=es makes the help Spanish without --lang', async () => {
    expect(await run(['--help'], { LANG: 'es_MX.UTF-8' })).toContain('Códigos de salida:');
  });
});

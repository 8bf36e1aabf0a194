import type { ErrorInfo, NetDetail } from '../../shared/errors.ts';
import { en } from './en.ts';
import type { CliStrings } from './en.ts';
import { es } from './es.ts';

export type { CliStrings } from './en.ts';

export const LANGS = ['en', 'es'] as const;
export type Lang = (typeof LANGS)[number];

export const STRINGS: Record<Lang, CliStrings> = { en, es };

/**
 * The language of a run: `--lang en|es` (looked for before the command line is parsed, so even
 * a parse error speaks it), else LC_ALL / LC_MESSAGES / LANG starting with "es", else English.
 * An invalid --lang value falls back here and is then refused by the parser.
 */
export function langFor(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): Lang {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    const value = arg === '--lang' ? argv[i + 1] : arg.startsWith('--lang=') ? arg.slice(7) : '';
    if (value === 'en' || value === 'es') return value;
  }
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^es(?:[_.@-]|$)/i.test(locale) ? 'es' : 'en';
}

/** One clause naming the host and the cause, in the run's language. */
export function describeNet(t: CliStrings, detail: NetDetail): string {
  if (detail.cause === 'tls') return t.net.tls(detail.host, detail.tls ?? 'other');
  return t.net[detail.cause](detail.host);
}

/**
 * The message for an error from below the CLI: English keeps core's own (more specific) text;
 * other languages say the code's text, plus the host and cause of a network failure.
 */
export function messageFor(t: CliStrings, lang: Lang, info: ErrorInfo): string {
  if (lang === 'en') return info.message;
  const base = t.codes[info.code];
  return info.detail ? `${base.replace(/\.$/, '')}: ${describeNet(t, info.detail)}.` : base;
}

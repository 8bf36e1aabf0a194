import type { ErrorInfo, NetDetail } from '../../shared/errors.ts';
import {
  DICTIONARIES,
  LANGUAGES,
  type Dictionary,
  type UiLanguage,
} from '../../shared/i18n/index.ts';
import type { ExitCode } from '../exit-codes.ts';

/**
 * The command's side of the catalogue: its words are the `cli` part of each language's catalogue
 * (shared/i18n/en.ts, es.ts), beside the app's; the analysis findings print with the same words
 * as the app's Checks panel (`checks`, `faceMatch`).
 */

/** Every text the `idlens` command prints, in one language. */
export type CliStrings = Dictionary['cli'];

export const LANGS = LANGUAGES;
export type Lang = UiLanguage;

export const STRINGS: Record<Lang, CliStrings> = {
  en: DICTIONARIES.en.cli,
  es: DICTIONARIES.es.cli,
};

/** The words of every exit code (a new code fails the typecheck until it is worded). */
export function exitCodeWords(t: CliStrings): Record<ExitCode, string> {
  return t.exitCodes;
}

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

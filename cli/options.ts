import { parseArgs } from 'node:util';
import { z } from 'zod';
import { IdlensError } from '../shared/errors.ts';
import { DEFAULT_SCOPES, DEMO_CLIENTS, ENVIRONMENTS } from '../shared/environments.ts';
import type { Environment } from '../shared/environments.ts';
import { DEFAULT_REDIRECT_PATH } from '../core/auth/loopback.ts';
import { RedirectPathSchema, SETTING_RANGES, ScopeTokenSchema } from '../shared/settings.ts';
import {
  checkConnection,
  endpointErrorCode,
  type EndpointField,
  type EndpointProblem,
} from '../shared/endpoint-rules.ts';
import { LANGS, STRINGS, type CliStrings } from './i18n/index.ts';

/**
 * Command-line flags: parsed with node:util (unknown flags are errors), validated with zod, then
 * resolved against the environment presets and variables into one `CliConfig`. Every refusal
 * names the flag as typed and says what it expects in words (cli/i18n), never a validator's text. The client secret
 * comes from IDLENS_CLIENT_SECRET only: a flag would leave it in shell history and in `ps`.
 */

export interface FlagSpec {
  type: 'string' | 'boolean';
  /** May be given more than once (the value is then an array). */
  multiple?: boolean;
  /** One-letter alias, e.g. `h` for -h. */
  short?: string;
  /** Shown in --help, e.g. "--out DIR". */
  usage: string;
  /** English help text; the dictionary's `flags[name]` (cli/i18n) takes precedence. */
  help?: string;
}

/** Flags every command takes. */
export const GENERAL_FLAGS = {
  json: { type: 'boolean', usage: '--json' },
  lang: { type: 'string', usage: '--lang en|es' },
  help: { type: 'boolean', short: 'h', usage: '-h, --help' },
  version: { type: 'boolean', usage: '--version' },
} as const satisfies Record<string, FlagSpec>;

/** Flags of the commands that sign in (whoami, check). */
export const SIGN_IN_FLAGS = {
  env: { type: 'string', usage: '--env production|staging|demo|custom' },
  issuer: { type: 'string', usage: '--issuer URL' },
  'api-base': { type: 'string', usage: '--api-base URL' },
  'client-id': { type: 'string', usage: '--client-id ID' },
  scope: { type: 'string', usage: '--scope "A B …"' },
  'redirect-port': { type: 'string', usage: '--redirect-port N' },
  'redirect-path': { type: 'string', usage: '--redirect-path PATH' },
  'timeout-seconds': { type: 'string', usage: '--timeout-seconds N' },
  'insecure-loopback': { type: 'boolean', usage: '--insecure-loopback' },
  verbose: { type: 'boolean', usage: '--verbose' },
} as const satisfies Record<string, FlagSpec>;

export const COMMON_FLAGS = { ...SIGN_IN_FLAGS, ...GENERAL_FLAGS } as const;

function intFlag(min: number, max: number) {
  return z
    .string()
    .regex(/^\d{1,6}$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.int().min(min).max(max));
}

export const CommonFlagsSchema = z
  .object({
    env: z.enum(ENVIRONMENTS).optional(),
    issuer: z.string().min(1).max(2000).optional(),
    apiBase: z.string().min(1).max(2000).optional(),
    clientId: z
      .string()
      .min(1)
      .max(200)
      .regex(/^[\x21-\x7E]+$/, 'must be printable ASCII without spaces')
      .optional(),
    scope: z
      .string()
      .max(2000)
      .transform((s) => s.split(/\s+/).filter(Boolean))
      .pipe(z.array(ScopeTokenSchema).min(1, 'needs at least one scope').max(50))
      .optional(),
    redirectPort: intFlag(
      SETTING_RANGES.redirectPort.min,
      SETTING_RANGES.redirectPort.max,
    ).optional(),
    redirectPath: RedirectPathSchema.optional(),
    timeoutSeconds: intFlag(1, 86_400).optional(),
    json: z.boolean().default(false),
    insecureLoopback: z.boolean().default(false),
    verbose: z.boolean().default(false),
    help: z.boolean().default(false),
    lang: z.enum(LANGS).optional(),
    version: z.boolean().default(false),
  })
  .strict();

export type CommonFlags = z.infer<typeof CommonFlagsSchema>;

/** Everything a command needs to sign in and call the API. */
export interface CliConfig {
  environment: Environment;
  issuer: string;
  apiBase: string;
  clientId: string;
  clientSecret?: string;
  scopes: string[];
  redirectPort: number;
  redirectPath: string;
  timeoutMs: number;
  json: boolean;
  allowInsecureLoopback: boolean;
  verbose: boolean;
}

export interface ParsedCommandLine {
  command: string | undefined;
  /** Positionals after the command name. */
  rest: string[];
  common: CommonFlags;
  /** The command's own flags, camelCased, not yet validated (the command's schema does that). */
  extra: Record<string, string | boolean | (string | boolean)[] | undefined>;
}

export function camel(flag: string): string {
  return flag.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

export function kebab(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** A command-line error, already worded in the run's language. */
export class CliError extends IdlensError {}

/** The flag's name as typed (never a value that followed `=`), for error messages. */
export function flagName(arg: string): string {
  const name = arg.split('=')[0] ?? '';
  return /^--?[A-Za-z0-9-]{1,40}$/.test(name) ? name : '?';
}

/** A positional as typed, quoted, when it is short and plain; else a neutral placeholder. */
export function shownArgument(arg: string): string {
  return /^[\w.:@/+~-]{1,40}$/.test(arg) ? `"${arg}"` : '"…"';
}

type ParseOptions = Record<
  string,
  { type: 'string' | 'boolean'; multiple?: boolean; short?: string }
>;

function parseOptionsOf(specs: Record<string, FlagSpec>): ParseOptions {
  const options: ParseOptions = {};
  for (const [name, spec] of Object.entries(specs)) {
    options[name] = {
      type: spec.type,
      ...(spec.multiple && { multiple: true }),
      ...(spec.short !== undefined && { short: spec.short }),
    };
  }
  return options;
}

/** Why parseArgs refused the command line, found by looking at argv (never at its message). */
function explainRefusal(
  argv: readonly string[],
  specs: Record<string, FlagSpec>,
  t: CliStrings,
  command: string | undefined,
  elsewhere: ReadonlySet<string>,
): CliError {
  const shorts = new Set(Object.values(specs).flatMap((s) => (s.short ? [s.short] : [])));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    if (!arg.startsWith('-') || arg === '-') continue;
    const long = arg.startsWith('--');
    const name = long ? arg.slice(2).split('=')[0]! : arg.slice(1);
    const spec = long ? specs[name] : undefined;
    const known = long ? spec !== undefined : name.length === 1 && shorts.has(name);
    if (!known) {
      const flag = flagName(arg);
      if (command && long && elsewhere.has(name)) {
        return new CliError('bad_argument', t.errors.notForCommand(flag, command));
      }
      return new CliError(
        'bad_argument',
        command ? t.errors.unknownOptionFor(flag, command) : t.errors.unknownOption(flag),
      );
    }
    if (spec?.type === 'boolean' && arg.includes('=')) {
      return new CliError('bad_argument', t.errors.switchWithValue(flagName(arg)));
    }
    if (spec?.type === 'string' && !arg.includes('=')) {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('-')) {
        return new CliError('bad_argument', t.errors.missingValue(flagName(arg)));
      }
      i++;
    }
  }
  return new CliError('bad_argument', t.errors.unreadable);
}

/** The reason a flag's value is refused, in words (never a validator's own text). */
function invalidValue(t: CliStrings, flag: string): CliError {
  const reason = t.reasons[flag] ?? t.errors.notValid;
  return new CliError('bad_argument', t.errors.invalidValue(`--${flag}`, reason));
}

export interface ParseSettings {
  /** The flags of this command besides the general (and, for sign-in commands, sign-in) ones. */
  flags?: Record<string, FlagSpec>;
  /** Whether the command signs in (takes the sign-in flags). Default true. */
  signsIn?: boolean;
  /** Flag names other commands take, so "does not apply to" can be told from "unknown". */
  elsewhere?: ReadonlySet<string>;
  /** The command's name, for messages. */
  command?: string;
  t?: CliStrings;
}

/**
 * Splits argv into the command, its common flags and its own flags. Throws `bad_argument` (as a
 * CliError worded in the run's language) for unknown flags, missing values, a `--client-secret`
 * flag and values that do not validate — naming the flag as the user typed it.
 */
export function parseCommandLine(
  argv: readonly string[],
  opts: ParseSettings = {},
): ParsedCommandLine {
  const t = opts.t ?? STRINGS.en;
  for (const arg of argv) {
    if (arg === '--') break;
    if (/^--client-secret(=|$)/.test(arg))
      throw new CliError('bad_argument', t.errors.clientSecretFlag);
  }

  const common: Record<string, FlagSpec> =
    opts.signsIn === false ? { ...GENERAL_FLAGS } : { ...COMMON_FLAGS };
  const specs: Record<string, FlagSpec> = { ...common, ...(opts.flags ?? {}) };
  const options = parseOptionsOf(specs);
  let values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  let positionals: string[];
  const seen = new Map<string, number>();
  try {
    const result = parseArgs({
      args: [...argv],
      options,
      strict: true,
      allowPositionals: true,
      tokens: true,
    });
    ({ values, positionals } = result);
    for (const token of result.tokens) {
      if (token.kind === 'option') seen.set(token.name, (seen.get(token.name) ?? 0) + 1);
    }
  } catch {
    throw explainRefusal(argv, specs, t, opts.command, opts.elsewhere ?? new Set());
  }

  const commonValues: Record<string, unknown> = {};
  const extra: Record<string, string | boolean | (string | boolean)[] | undefined> = {};
  for (const [name, value] of Object.entries(values)) {
    // parseArgs keeps the last of a repeated flag; an ambiguous command line is refused instead.
    if ((seen.get(name) ?? 0) > 1 && !specs[name]?.multiple) {
      throw new CliError('bad_argument', t.errors.repeated(`--${name}`));
    }
    if (name in common) commonValues[camel(name)] = value;
    else extra[camel(name)] = value;
  }
  const parsed = CommonFlagsSchema.safeParse(commonValues);
  if (!parsed.success) {
    const key = parsed.error.issues[0]?.path[0];
    throw invalidValue(t, typeof key === 'string' ? kebab(key) : '');
  }
  const [command, ...rest] = positionals;
  return { command, rest, common: parsed.data, extra };
}

/** Validates a command's own flags; a refusal names the flag, with its reason in words. */
export function parseCommandFlags<Schema extends z.ZodType>(
  schema: Schema,
  extra: ParsedCommandLine['extra'],
  t: CliStrings,
): z.infer<Schema> {
  const result = schema.safeParse(extra);
  if (result.success) return result.data;
  const key = result.error.issues[0]?.path[0];
  throw invalidValue(t, typeof key === 'string' ? kebab(key) : '');
}

/** The CLI's words for an endpoint rule's code, naming the flag or preset it is about. */
function endpointRefusal(
  problem: EndpointProblem,
  field: EndpointField,
  environment: Environment,
  t: CliStrings,
): CliError {
  const preset = environment !== 'custom';
  const name = preset ? `--env ${environment}` : field === 'apiBase' ? '--api-base' : '--issuer';
  const text: Record<EndpointProblem, string> = {
    not_a_url: t.errors.badUrl(name),
    url_parts: t.errors.urlParts(name),
    not_https: t.errors.badUrl(name),
    http_not_loopback: t.errors.httpNotLoopback(name),
    http_needs_demo: preset
      ? t.errors.demoNeedsInsecure(environment)
      : t.errors.httpNeedsInsecure(name),
    api_base_off_issuer: t.errors.apiBaseOffIssuer,
    demo_needs_demo_mode: t.errors.demoNeedsInsecure(environment),
    custom_needs_issuer: t.errors.customNeedsIssuer,
  };
  // For the CLI the demo's "demo mode" is --insecure-loopback: its lack is the plain-http refusal.
  const code =
    problem === 'custom_needs_issuer'
      ? 'bad_argument'
      : problem === 'demo_needs_demo_mode'
        ? 'insecure_url'
        : endpointErrorCode(problem);
  return new CliError(code, text[problem]);
}

/** Applies presets and environment variables; throws `bad_argument`, `config_invalid` or `insecure_url`. */
export function resolveConfig(
  flags: CommonFlags,
  env: Readonly<Record<string, string | undefined>>,
  t: CliStrings = STRINGS.en,
): CliConfig {
  const environment: Environment = flags.env ?? (flags.issuer ? 'custom' : 'production');
  const insecure = flags.insecureLoopback;
  if (environment !== 'custom' && (flags.issuer || flags.apiBase)) {
    throw new CliError('bad_argument', t.errors.presetHasIssuer(environment));
  }
  // The app's rules (shared/endpoint-rules.ts): https, loopback http only with
  // --insecure-loopback, the API base on the issuer's origin. Without --api-base, the issuer's
  // origin is the API base, as e-Próspera's is.
  const defaultApiBase = flags.issuer ? URL.parse(flags.issuer)?.origin : undefined;
  const verdict = checkConnection(
    { environment, issuer: flags.issuer, apiBase: flags.apiBase ?? defaultApiBase },
    insecure,
  );
  if (!verdict.ok) throw endpointRefusal(verdict.problem, verdict.field, environment, t);
  const issuer = verdict.issuer.href.replace(/\/$/, '');
  const apiBase = verdict.apiBase.href.replace(/\/$/, '');

  const fromEnv = env.IDLENS_CLIENT_ID?.trim();
  const clientId =
    flags.clientId ??
    (fromEnv ? fromEnv : undefined) ??
    (environment === 'demo' ? DEMO_CLIENTS.public : undefined);
  if (!clientId) throw new CliError('config_invalid', t.errors.needsClientId);
  if (!/^[\x21-\x7E]{1,200}$/.test(clientId)) {
    throw new CliError('config_invalid', t.errors.badClientIdEnv);
  }
  const secret = env.IDLENS_CLIENT_SECRET;
  // A secret meant for one issuer is never sent to another the command line names.
  const secretIssuer = env.IDLENS_CLIENT_SECRET_ISSUER;
  if (secret && secretIssuer && URL.parse(secretIssuer)?.origin !== verdict.issuer.origin) {
    throw new CliError('config_invalid', t.errors.secretForOtherIssuer);
  }

  return {
    environment,
    issuer,
    apiBase,
    clientId,
    clientSecret: secret ? secret : undefined,
    scopes: flags.scope ?? [...DEFAULT_SCOPES],
    redirectPort: flags.redirectPort ?? 0,
    redirectPath: flags.redirectPath ?? DEFAULT_REDIRECT_PATH,
    timeoutMs: (flags.timeoutSeconds ?? 300) * 1000,
    json: flags.json,
    allowInsecureLoopback: insecure,
    verbose: flags.verbose,
  };
}

/** Help lines for flags, with the text in the run's language. */
export function flagHelp(flags: Record<string, FlagSpec>, t: CliStrings = STRINGS.en): string[] {
  const entries = Object.entries(flags);
  const width = Math.max(...entries.map(([, s]) => s.usage.length));
  const texts = t.flags as Record<string, string | ((arg: string) => string) | undefined>;
  return entries.map(([name, spec]) => {
    const text = texts[name];
    const help =
      typeof text === 'function'
        ? text(name === 'scope' ? DEFAULT_SCOPES.join(' ') : DEFAULT_REDIRECT_PATH)
        : (text ?? spec.help ?? '');
    return `  ${spec.usage.padEnd(width)}  ${help}`;
  });
}

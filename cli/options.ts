import { parseArgs } from 'node:util';
import { z } from 'zod';
import { IdlensError } from '../shared/errors.ts';
import {
  DEFAULT_SCOPES,
  DEMO_CLIENTS,
  ENVIRONMENT_PRESETS,
  ENVIRONMENTS,
} from '../shared/environments.ts';
import type { Environment } from '../shared/environments.ts';
import { DEFAULT_REDIRECT_PATH } from '../core/auth/loopback.ts';
import { RedirectPathSchema, SETTING_RANGES, ScopeTokenSchema } from '../shared/settings.ts';
import { checkServerUrl } from '../core/auth/oauth.ts';

/**
 * Command-line flags: parsed with node:util (unknown flags are errors), validated with zod, then
 * resolved against the environment presets and variables into one `CliConfig`. The client secret
 * comes from IDLENS_CLIENT_SECRET only: a flag would leave it in shell history and in `ps`.
 */

export interface FlagSpec {
  type: 'string' | 'boolean';
  /** May be given more than once (the value is then an array). */
  multiple?: boolean;
  /** Shown in --help, e.g. "--out DIR". */
  usage: string;
  help: string;
}

export const COMMON_FLAGS = {
  env: {
    type: 'string',
    usage: '--env production|staging|demo|custom',
    help: 'where to sign in (default production; custom needs --issuer)',
  },
  issuer: { type: 'string', usage: '--issuer URL', help: 'issuer of a custom environment' },
  'api-base': {
    type: 'string',
    usage: '--api-base URL',
    help: "API origin of a custom environment (default: the issuer's origin)",
  },
  'client-id': {
    type: 'string',
    usage: '--client-id ID',
    help: 'OAuth client id (or IDLENS_CLIENT_ID; the demo has a default)',
  },
  scope: {
    type: 'string',
    usage: '--scope "A B …"',
    help: `scopes to ask for (default "${DEFAULT_SCOPES.join(' ')}")`,
  },
  'redirect-port': {
    type: 'string',
    usage: '--redirect-port N',
    help: 'loopback port of the redirect URI; 0 = ephemeral (default)',
  },
  'redirect-path': {
    type: 'string',
    usage: '--redirect-path PATH',
    help: `path of the redirect URI (default ${DEFAULT_REDIRECT_PATH})`,
  },
  'timeout-seconds': {
    type: 'string',
    usage: '--timeout-seconds N',
    help: 'give up waiting for the browser after N seconds (default 300)',
  },
  json: { type: 'boolean', usage: '--json', help: 'print one JSON object on stdout' },
  'insecure-loopback': {
    type: 'boolean',
    usage: '--insecure-loopback',
    help: 'allow http:// issuers and APIs on 127.0.0.1, localhost, [::1] only (demo, tests)',
  },
  verbose: { type: 'boolean', usage: '--verbose', help: 'print sign-in events on stderr' },
  help: { type: 'boolean', usage: '--help', help: 'show this help' },
} as const satisfies Record<string, FlagSpec>;

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

function camel(flag: string): string {
  return flag.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

function usageError(message: string): IdlensError {
  return new IdlensError('bad_argument', message);
}

/** The flag's name only (never a value that followed `=`), for error messages. */
function flagName(arg: string): string {
  const name = arg.split('=')[0] ?? '';
  return /^--?[A-Za-z0-9-]{1,40}$/.test(name) ? name : 'an argument';
}

/**
 * Splits argv into the command, its common flags and its own flags. Throws `bad_argument` for
 * unknown flags, missing values, a `--client-secret` flag and values that do not validate.
 */
export function parseCommandLine(
  argv: readonly string[],
  extraFlags: Record<string, FlagSpec> = {},
): ParsedCommandLine {
  for (const arg of argv) {
    if (arg === '--') break;
    if (/^--client-secret(=|$)/.test(arg)) {
      throw usageError(
        '--client-secret is not accepted: a secret on the command line ends up in shell history and in the process list. Set IDLENS_CLIENT_SECRET in the environment instead.',
      );
    }
  }

  const specs: Record<string, FlagSpec> = { ...COMMON_FLAGS, ...extraFlags };
  const options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean }> = {};
  for (const [name, spec] of Object.entries(specs)) {
    options[name] = spec.multiple ? { type: spec.type, multiple: true } : { type: spec.type };
  }
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
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    const culprit = argv.find((a) => a.startsWith('-') && !(a.slice(2).split('=')[0]! in options));
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      throw usageError(`Unknown option ${culprit ? flagName(culprit) : ''}. See idlens --help.`);
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      throw usageError(
        'An option is missing its value, or a switch was given a value. See idlens --help.',
      );
    }
    throw usageError('The command line could not be read. See idlens --help.');
  }

  const common: Record<string, unknown> = {};
  const extra: Record<string, string | boolean | (string | boolean)[] | undefined> = {};
  for (const [name, value] of Object.entries(values)) {
    // parseArgs keeps the last of a repeated flag; an ambiguous command line is refused instead.
    if ((seen.get(name) ?? 0) > 1 && !specs[name]?.multiple) {
      throw usageError(`${flagName(`--${name}`)} was given more than once.`);
    }
    if (name in COMMON_FLAGS) common[camel(name)] = value;
    else extra[camel(name)] = value;
  }
  const parsed = CommonFlagsSchema.safeParse(common);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = typeof issue?.path[0] === 'string' ? issue.path[0] : '';
    const flag = `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
    throw usageError(`Invalid value for ${flagName(flag)}: ${issue?.message ?? 'not valid'}.`);
  }
  const [command, ...rest] = positionals;
  return { command, rest, common: parsed.data, extra };
}

/** Applies presets and environment variables; throws `bad_argument`, `config_invalid` or `insecure_url`. */
export function resolveConfig(
  flags: CommonFlags,
  env: Readonly<Record<string, string | undefined>>,
): CliConfig {
  const environment: Environment = flags.env ?? (flags.issuer ? 'custom' : 'production');
  const insecure = flags.insecureLoopback;
  let issuer: string;
  let apiBase: string;
  if (environment === 'custom') {
    if (!flags.issuer) throw usageError('--env custom needs --issuer URL.');
    issuer = checkServerUrl(flags.issuer, insecure, 'The issuer (--issuer)').href.replace(
      /\/$/,
      '',
    );
    apiBase = flags.apiBase
      ? checkServerUrl(flags.apiBase, insecure, 'The API base (--api-base)').href.replace(/\/$/, '')
      : new URL(issuer).origin;
  } else {
    if (flags.issuer || flags.apiBase) {
      throw usageError(
        '--issuer and --api-base belong to --env custom; the other environments are preset.',
      );
    }
    const preset = ENVIRONMENT_PRESETS[environment];
    issuer = checkServerUrl(preset.issuer, insecure, `The ${environment} issuer`).href.replace(
      /\/$/,
      '',
    );
    apiBase = checkServerUrl(preset.apiBase, insecure, `The ${environment} API`).href.replace(
      /\/$/,
      '',
    );
  }

  const fromEnv = env.IDLENS_CLIENT_ID?.trim();
  const clientId =
    flags.clientId ??
    (fromEnv ? fromEnv : undefined) ??
    (environment === 'demo' ? DEMO_CLIENTS.public : undefined);
  if (!clientId) {
    throw new IdlensError(
      'config_invalid',
      'A client id is needed: pass --client-id ID or set IDLENS_CLIENT_ID (e-Próspera issues it when the client is registered).',
    );
  }
  if (!/^[\x21-\x7E]{1,200}$/.test(clientId)) {
    throw new IdlensError(
      'config_invalid',
      'IDLENS_CLIENT_ID must be printable ASCII without spaces.',
    );
  }
  const secret = env.IDLENS_CLIENT_SECRET;

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

export function flagHelp(flags: Record<string, FlagSpec>): string[] {
  const specs = Object.values(flags);
  const width = Math.max(...specs.map((s) => s.usage.length));
  return specs.map((s) => `  ${s.usage.padEnd(width)}  ${s.help}`);
}

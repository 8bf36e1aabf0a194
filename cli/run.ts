import { parseArgs } from 'node:util';
import packageJson from '../package.json' with { type: 'json' };
import { IdlensError, toErrorInfo } from '../shared/errors.ts';
import type { AuthStatus } from '../shared/ipc.ts';
import { AuthService } from '../core/auth/auth-service.ts';
import { signInConfigFor } from '../core/session/sign-in-config.ts';
import { openInBrowser } from './browser.ts';
import type { CliCommand, CliIO, CommandContext } from './command.ts';
import { COMMANDS } from './commands/index.ts';
import { EXIT, exitCodeFor } from './exit-codes.ts';
import type { ExitCode } from './exit-codes.ts';
import { STRINGS, exitCodeWords, langFor, messageFor } from './i18n/index.ts';
import type { CliStrings, Lang } from './i18n/index.ts';
import {
  CliError,
  GENERAL_FLAGS,
  SIGN_IN_FLAGS,
  flagHelp,
  parseCommandFlags,
  parseCommandLine,
  resolveConfig,
  shownArgument,
} from './options.ts';
import type { CliConfig, FlagSpec } from './options.ts';

/**
 * The CLI runner: language → command → flags → configuration → command → exit code. Errors go
 * to stderr as `idlens: <message> (<code>)` — fixed texts that never hold a token, code, secret or
 * URL — and, with --json, also as one `{"ok":false,"error":{…},"exitCode":N}` object on stdout.
 * `help` is a command too: `idlens help check` is `idlens check --help`.
 */

export const VERSION: string = packageJson.version;

type Examples = readonly (readonly [string, string])[];

function summaryOf(command: CliCommand, t: CliStrings): string {
  return (t.commands as Record<string, string | undefined>)[command.name] ?? command.summary;
}

function examplesOf(name: string, t: CliStrings): string[] {
  const examples = (t.examples as Record<string, Examples | undefined>)[name] ?? [];
  if (examples.length === 0) return [];
  const width = Math.max(...examples.map(([cmd]) => cmd.length));
  return [
    '',
    t.help.examples,
    ...examples.map(([cmd, what]) => `  ${cmd.padEnd(width)}  # ${what}`),
  ];
}

function exitCodeLines(t: CliStrings, codes: readonly ExitCode[]): string[] {
  return [t.help.exitCodes, ...codes.map((code) => `  ${code}  ${exitCodeWords(t)[code]}`)];
}

function environmentLines(t: CliStrings): string[] {
  const entries = Object.entries(t.environment);
  const width = Math.max(...entries.map(([name]) => name.length));
  return [t.help.environment, ...entries.map(([name, text]) => `  ${name.padEnd(width)}  ${text}`)];
}

const ALL_EXIT_CODES = Object.values(EXIT) as ExitCode[];

/** `idlens --help`: every command, every option, the environment, every exit code, examples. */
export function helpText(commands: readonly CliCommand[], t: CliStrings): string {
  const names = [...commands.map((c) => c.name), 'help'];
  const width = Math.max(...names.map((n) => n.length));
  const lines = [
    t.help.usage,
    '',
    t.help.commands,
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${summaryOf(c, t)}`),
    `  ${'help'.padEnd(width)}  ${t.commands.help}`,
    '',
    t.help.signInOptions,
    ...flagHelp(SIGN_IN_FLAGS, t),
    '',
    t.help.generalOptions,
    ...flagHelp(GENERAL_FLAGS, t),
  ];
  for (const c of commands) {
    if (c.flags && Object.keys(c.flags).length > 0) {
      lines.push('', t.help.commandOptions(c.name), ...flagHelp(c.flags, t));
    }
  }
  lines.push(
    '',
    ...environmentLines(t),
    '',
    ...exitCodeLines(t, ALL_EXIT_CODES),
    ...examplesOf('main', t),
    '',
    t.help.more,
    '',
  );
  return lines.join('\n');
}

/** Exit codes a command can end with. */
function exitCodesOf(command: CliCommand): ExitCode[] {
  if (command.signsIn === false) {
    return [EXIT.ok, EXIT.usage, EXIT.sensitiveFound, EXIT.auditIncomplete, EXIT.internal];
  }
  const codes: ExitCode[] = [EXIT.ok, EXIT.internal, EXIT.usage, EXIT.authFailed, EXIT.network];
  if (command.name === 'check') codes.push(EXIT.notVerified, EXIT.invalidData);
  codes.push(EXIT.cancelled);
  return codes.sort((a, b) => a - b);
}

/** `idlens <command> --help`. */
export function commandHelp(command: CliCommand, t: CliStrings): string {
  const lines = [t.help.commandUsage(command.name), '', summaryOf(command, t)];
  if (command.flags && Object.keys(command.flags).length > 0) {
    lines.push('', t.help.commandOptions(command.name), ...flagHelp(command.flags, t));
  }
  if (command.signsIn !== false)
    lines.push('', t.help.signInOptions, ...flagHelp(SIGN_IN_FLAGS, t));
  lines.push('', t.help.generalOptions, ...flagHelp(GENERAL_FLAGS, t));
  if (command.signsIn !== false) lines.push('', ...environmentLines(t));
  lines.push('', ...exitCodeLines(t, exitCodesOf(command)), ...examplesOf(command.name, t), '');
  return lines.join('\n');
}

/** The first positional (the command), found leniently: a parse error is the strict parser's job. */
function commandName(
  argv: readonly string[],
  commands: readonly CliCommand[],
): { name: string | undefined; index: number } {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = {};
  const every: Record<string, FlagSpec> = { ...SIGN_IN_FLAGS, ...GENERAL_FLAGS };
  for (const c of commands) Object.assign(every, c.flags ?? {});
  for (const [name, spec] of Object.entries(every)) {
    options[name] = spec.short ? { type: spec.type, short: spec.short } : { type: spec.type };
  }
  try {
    const { tokens } = parseArgs({
      args: [...argv],
      options,
      strict: false,
      allowPositionals: true,
      tokens: true,
    });
    const first = tokens.find((token) => token.kind === 'positional');
    return first ? { name: first.value, index: first.index } : { name: undefined, index: -1 };
  } catch {
    return { name: undefined, index: -1 };
  }
}

/** Flag names some other command takes (for "does not apply to <command>"). */
function flagsElsewhere(commands: readonly CliCommand[], command: CliCommand): Set<string> {
  const names = new Set<string>();
  for (const c of commands) for (const name of Object.keys(c.flags ?? {})) names.add(name);
  if (command.signsIn === false) for (const name of Object.keys(SIGN_IN_FLAGS)) names.add(name);
  for (const name of Object.keys(command.flags ?? {})) names.delete(name);
  return names;
}

function pendingNotice(
  service: AuthService,
  config: CliConfig,
  t: CliStrings,
  stderr: (text: string) => void,
): () => void {
  let shown = false;
  return service.onChange((status: AuthStatus) => {
    if (shown || status.state !== 'pending' || !status.redirectUri) return;
    shown = true;
    const seconds = Math.round(config.timeoutMs / 1000);
    stderr(
      `${t.signIn.waiting(status.clientId ?? config.clientId, status.redirectUri, seconds).join('\n')}\n\n`,
    );
  });
}

export async function runCli(
  argv: readonly string[],
  io: CliIO,
  commands: readonly CliCommand[] = COMMANDS,
): Promise<number> {
  const lang: Lang = langFor(argv, io.env);
  const t = STRINGS[lang];
  let json = argv.includes('--json');
  let verbose = argv.includes('--verbose');
  let auth: AuthService | undefined;
  const session = { signedIn: false };
  try {
    const found = commandName(argv, commands);
    const known = [...commands.map((c) => c.name), 'help'].join(', ');
    let command = commands.find((c) => c.name === found.name);
    let showHelp = false;
    let args = [...argv];
    if (found.name === 'help') {
      // `idlens help [command]`
      args = argv.filter((_, i) => i !== found.index);
      const target = commandName(args, commands);
      if (target.name !== undefined) {
        command = commands.find((c) => c.name === target.name);
        if (!command) {
          throw new CliError(
            'bad_argument',
            t.errors.unknownCommand(shownArgument(target.name), known),
          );
        }
        args = args.filter((_, i) => i !== target.index);
      }
      showHelp = true;
    } else if (found.name !== undefined && !command) {
      throw new CliError('bad_argument', t.errors.unknownCommand(shownArgument(found.name), known));
    } else if (command) {
      args = argv.filter((_, i) => i !== found.index);
    }

    const parsed = parseCommandLine(
      args,
      command
        ? {
            t,
            flags: command.flags ?? {},
            signsIn: command.signsIn !== false,
            elsewhere: flagsElsewhere(commands, command),
            command: command.name,
          }
        : { t },
    );
    json = parsed.common.json;
    verbose = parsed.common.verbose;
    if (parsed.common.version) {
      io.stdout(`${t.version(VERSION)}\n`);
      return EXIT.ok;
    }
    if (showHelp || parsed.common.help) {
      io.stdout(command ? commandHelp(command, t) : helpText(commands, t));
      return EXIT.ok;
    }
    if (!command) {
      io.stderr(helpText(commands, t));
      throw new CliError('bad_argument', t.errors.noCommand);
    }
    const stray = parsed.command ?? parsed.rest[0];
    if (stray !== undefined) {
      throw new CliError('bad_argument', t.errors.stray(command.name, shownArgument(stray)));
    }
    const flags: unknown = command.flagsSchema
      ? parseCommandFlags(command.flagsSchema, parsed.extra, t)
      : parsed.extra;

    const signal = io.signal ?? new AbortController().signal;
    const note = (text: string) => io.stderr(`idlens: ${text}\n`);
    const printer = (object: Record<string, unknown>, text: readonly string[]) => {
      if (json) io.stdout(`${JSON.stringify({ ok: true, ...object })}\n`);
      else io.stdout(`${text.join('\n')}\n`);
    };
    const base = { t, lang, json, flags, args: [], io, signal, note, print: printer };
    if (command.signsIn === false) {
      return await command.run({
        ...base,
        get config(): CliConfig {
          throw new IdlensError('internal', 'This command has no sign-in configuration.');
        },
        signIn: () => Promise.reject(new IdlensError('internal', 'This command does not sign in.')),
      });
    }

    const config = resolveConfig(parsed.common, io.env, t);
    const service = new AuthService({
      environment: config.environment,
      openExternal:
        io.openUrl ??
        ((url) => openInBrowser(url, { env: io.env, platform: io.platform, stderr: io.stderr, t })),
      log: config.verbose ? (line) => io.stderr(`idlens: ${line}\n`) : undefined,
    });
    auth = service;
    const stopNotice = pendingNotice(service, config, t, io.stderr);

    let signingIn: Promise<{ auth: AuthService; status: AuthStatus }> | undefined;
    const ctx: CommandContext<unknown> = {
      ...base,
      config,
      signIn() {
        signingIn ??= (async () => {
          if (signal.aborted) throw new IdlensError('auth_cancelled', 'The sign-in was cancelled.');
          const onAbort = () => service.cancel();
          signal.addEventListener('abort', onAbort, { once: true });
          try {
            // The app's mapping: the CLI is one more host of the session layer.
            const status = await service.signIn(
              signInConfigFor(
                { ...config, allowLoopbackHttp: config.allowInsecureLoopback },
                config.clientSecret,
                config,
              ),
            );
            session.signedIn = true;
            return { auth: service, status };
          } finally {
            signal.removeEventListener('abort', onAbort);
            stopNotice();
          }
        })();
        return signingIn;
      },
    };
    return await command.run(ctx);
  } catch (err) {
    const info = toErrorInfo(err);
    const message = err instanceof CliError ? err.message : messageFor(t, lang, info);
    const exitCode = exitCodeFor(info.code);
    io.stderr(`idlens: ${message} (${info.code})\n`);
    if (verbose && info.detail) io.stderr(`idlens: ${t.net.verbose(info.detail)}\n`);
    if (json)
      io.stdout(`${JSON.stringify({ ok: false, error: { ...info, message }, exitCode })}\n`);
    return exitCode;
  } finally {
    if (auth && session.signedIn) {
      // The tokens die with the process anyway; revoking the refresh token ends the grant too.
      const result = await auth.signOut();
      if (result.revocation === 'failed') {
        io.stderr(`idlens: ${t.errors.revokeFailed(result.revocationError ?? 'unknown')}\n`);
      }
    }
  }
}

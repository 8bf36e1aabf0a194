import { IdlensError, toErrorInfo } from '../shared/errors.ts';
import type { AuthStatus } from '../shared/ipc.ts';
import { AuthService } from '../core/auth/auth-service.ts';
import { openInBrowser } from './browser.ts';
import type { CliCommand, CliIO, CommandContext } from './command.ts';
import { COMMANDS } from './commands/index.ts';
import { EXIT, exitCodeFor } from './exit-codes.ts';
import { COMMON_FLAGS, flagHelp, parseCommandLine, resolveConfig } from './options.ts';
import type { FlagSpec } from './options.ts';

/**
 * The CLI runner: flags → configuration → command → exit code. Errors go to stderr as
 * `idlens: <message> (<code>)` — fixed texts that never hold a token, code, secret or URL — and,
 * with --json, also as one `{"ok":false,"error":{…},"exitCode":N}` object on stdout.
 */

function helpText(commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = [
    'Usage: idlens <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options:',
    ...flagHelp(COMMON_FLAGS),
  ];
  for (const c of commands) {
    if (c.flags && Object.keys(c.flags).length > 0) {
      lines.push('', `Options of ${c.name}:`, ...flagHelp(c.flags));
    }
  }
  lines.push(
    '',
    'Environment:',
    '  IDLENS_CLIENT_ID       client id (instead of --client-id)',
    '  IDLENS_CLIENT_SECRET   client secret of a confidential client (never a flag)',
    '  BROWSER                command that opens the sign-in page (gets the URL as its one argument)',
    '',
    'Exit codes: 0 ok, 2 usage or configuration, 3 not verified, 4 sign-in or authorization failed,',
    '            5 network or server, 6 invalid data, 7 timed out or cancelled',
    '',
  );
  return lines.join('\n');
}

export async function runCli(
  argv: readonly string[],
  io: CliIO,
  commands: readonly CliCommand[] = COMMANDS,
): Promise<number> {
  let json = argv.includes('--json');
  let auth: AuthService | undefined;
  const session = { signedIn: false };
  try {
    const allFlags: Record<string, FlagSpec> = {};
    for (const c of commands) Object.assign(allFlags, c.flags ?? {});
    const parsed = parseCommandLine(argv, allFlags);
    json = parsed.common.json;

    if (parsed.common.help || parsed.command === 'help') {
      io.stdout(helpText(commands));
      return EXIT.ok;
    }
    if (!parsed.command) {
      io.stderr(helpText(commands));
      throw new IdlensError('bad_argument', 'Name a command, e.g. idlens whoami.');
    }
    const command = commands.find((c) => c.name === parsed.command);
    if (!command) {
      throw new IdlensError('bad_argument', 'Unknown command. See idlens --help.');
    }
    for (const key of Object.keys(parsed.extra)) {
      const own = Object.keys(command.flags ?? {}).some(
        (f) => f.replace(/-([a-z])/g, (_, ch: string) => ch.toUpperCase()) === key,
      );
      if (!own) {
        throw new IdlensError('bad_argument', `That option does not apply to ${command.name}.`);
      }
    }
    let flags: unknown = parsed.extra;
    if (command.flagsSchema) {
      const result = command.flagsSchema.safeParse(parsed.extra);
      if (!result.success) {
        const issue = result.error.issues[0];
        const where = typeof issue?.path[0] === 'string' ? ` (${issue.path[0]})` : '';
        throw new IdlensError(
          'bad_argument',
          `Invalid option${where} for ${command.name}: ${issue?.message ?? 'not valid'}.`,
        );
      }
      flags = result.data;
    }

    const config = resolveConfig(parsed.common, io.env);
    const signal = io.signal ?? new AbortController().signal;
    const note = (text: string) => io.stderr(`idlens: ${text}\n`);
    const service = new AuthService({
      environment: config.environment,
      openExternal:
        io.openUrl ??
        ((url) => openInBrowser(url, { env: io.env, platform: io.platform, stderr: io.stderr })),
      log: config.verbose ? (line) => io.stderr(`idlens: ${line}\n`) : undefined,
    });
    auth = service;

    let signingIn: Promise<{ auth: AuthService; status: AuthStatus }> | undefined;
    const ctx: CommandContext<unknown> = {
      config,
      flags,
      args: parsed.rest,
      io,
      signal,
      note,
      print(object, text) {
        if (config.json) io.stdout(`${JSON.stringify({ ok: true, ...object })}\n`);
        else io.stdout(`${text.join('\n')}\n`);
      },
      signIn() {
        signingIn ??= (async () => {
          if (signal.aborted) throw new IdlensError('auth_cancelled', 'The sign-in was cancelled.');
          const onAbort = () => service.cancel();
          signal.addEventListener('abort', onAbort, { once: true });
          try {
            const status = await service.signIn({
              environment: config.environment,
              issuer: config.issuer,
              clientId: config.clientId,
              clientSecret: config.clientSecret,
              scopes: config.scopes,
              redirectPort: config.redirectPort,
              redirectPath: config.redirectPath,
              timeoutMs: config.timeoutMs,
              allowInsecureLoopback: config.allowInsecureLoopback,
            });
            session.signedIn = true;
            return { auth: service, status };
          } finally {
            signal.removeEventListener('abort', onAbort);
          }
        })();
        return signingIn;
      },
    };
    return await command.run(ctx);
  } catch (err) {
    const info = toErrorInfo(err);
    const exitCode = exitCodeFor(info.code);
    io.stderr(`idlens: ${info.message} (${info.code})\n`);
    if (json) io.stdout(`${JSON.stringify({ ok: false, error: info, exitCode })}\n`);
    return exitCode;
  } finally {
    if (auth && session.signedIn) {
      // The tokens die with the process anyway; revoking the refresh token ends the grant too.
      const result = await auth.signOut();
      if (result.revocation === 'failed') {
        io.stderr(
          `idlens: the refresh token could not be revoked (${result.revocationError ?? 'unknown'})\n`,
        );
      }
    }
  }
}

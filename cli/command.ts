import type { z } from 'zod';
import type { AuthService } from '../core/auth/auth-service.ts';
import type { AuthStatus } from '../shared/ipc.ts';
import type { CliStrings, Lang } from './i18n/index.ts';
import type { CliConfig, FlagSpec } from './options.ts';

/**
 * What a CLI command is. To add one: write `cli/commands/<name>.ts` exporting a `CliCommand`,
 * and list it in `cli/commands/index.ts`. The runner parses the common flags, resolves the
 * configuration, handles --help, Ctrl-C, errors → exit codes, --json error output and the
 * sign-out (refresh-token revocation) at the end; the command only does its own work.
 */

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
  /** Aborted on Ctrl-C / SIGTERM. */
  signal?: AbortSignal;
  /** Opens the sign-in URL; default: $BROWSER or the platform opener (tests may replace it). */
  openUrl?: (url: string) => Promise<void>;
  /** For `audit` (tests point these elsewhere); default: the OS's. */
  homedir?: string;
  tmpdir?: string;
  now?: () => number;
}

export interface CommandContext<Flags> {
  /** The sign-in configuration (commands with `signsIn: false` must not read it). */
  config: CliConfig;
  /** Every text of the run's language. */
  t: CliStrings;
  lang: Lang;
  /** --json was given. */
  json: boolean;
  /** The command's own flags, validated by its `flagsSchema`. */
  flags: Flags;
  /** Positionals after the command name. */
  args: string[];
  io: CliIO;
  signal: AbortSignal;
  /**
   * Signs in through the browser (once per run; a second call returns the same session).
   * Throws an `IdlensError`; the runner turns it into the exit code.
   */
  signIn(): Promise<{ auth: AuthService; status: AuthStatus }>;
  /** Prints the result: the object as one JSON line with --json, else the text lines. */
  print(json: Record<string, unknown>, text: readonly string[]): void;
  /** A note on stderr (never a secret). */
  note(text: string): void;
}

export interface CliCommand<Schema extends z.ZodType = z.ZodType> {
  name: string;
  /** One line for --help in English; the dictionary's `commands[name]` takes precedence. */
  summary: string;
  /** False for commands that need no sign-in or configuration (`audit`). Default true. */
  signsIn?: boolean;
  /** Flags of this command besides the common ones (kebab-case names). */
  flags?: Record<string, FlagSpec>;
  /** Validates the command's flags (camelCased keys). */
  flagsSchema?: Schema;
  /** Returns the exit code (see exit-codes.ts); throws an IdlensError on failure. */
  run(ctx: CommandContext<z.infer<Schema>>): Promise<number>;
}

/** Keeps the schema's type when listing commands of different flag types together. */
export function defineCommand<Schema extends z.ZodType>(command: CliCommand<Schema>): CliCommand {
  return command;
}

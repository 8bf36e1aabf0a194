import type { CliIO } from './command.ts';
import { runCli } from './run.ts';

/** `idlens audit …` with the arguments after the command name (see cli/commands/audit.ts). */
export function runAudit(argv: readonly string[], io: CliIO): Promise<number> {
  return runCli(['audit', ...argv], io);
}

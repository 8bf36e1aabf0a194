/**
 * The `idlens` command-line entry (bundled to dist/main/cli.js; also runs as
 * `node cli/idlens.ts` on Node ≥ 22.18 / 24). Ctrl-C or SIGTERM cancels a pending sign-in
 * (exit 7); a second Ctrl-C leaves at once.
 */
import { runCli } from './run.ts';

const controller = new AbortController();
let interrupts = 0;
const onSignal = (signal: NodeJS.Signals) => {
  interrupts += 1;
  if (interrupts > 1) process.exit(signal === 'SIGINT' ? 130 : 143);
  controller.abort();
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

const io = {
  stdout: (text: string) => process.stdout.write(text),
  stderr: (text: string) => process.stderr.write(text),
  env: process.env,
  platform: process.platform,
};
const code = await runCli(process.argv.slice(2), { ...io, signal: controller.signal });

// Idle keep-alive sockets of fetch would hold the process a few seconds; flush and leave.
await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
await new Promise<void>((resolve) => process.stderr.write('', () => resolve()));
process.exit(code);

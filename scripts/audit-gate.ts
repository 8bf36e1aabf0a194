/**
 * `npm run audit:prod`: `npm audit --omit=dev --audit-level=high` as a release gate over the
 * dependencies that ship. Fails (exit 1) on high or critical advisories, printing each. When the
 * registry's audit endpoint cannot be used — offline, or a proxy that refuses its POST — it
 * prints "skipped: registry audit endpoint not reachable (…)" and exits 0: the gate then did not
 * run, and says so. Anything else npm reports (a broken lock file, say) is an error (exit 2).
 *
 * Flags: --registry <url> (passed to npm; the tests point it at a local stand-in registry).
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { classifyAudit } from './gates/audit.ts';

const projectRoot = resolve(import.meta.dirname, '..');

if (import.meta.main) {
  const { values } = parseArgs({ options: { registry: { type: 'string' } }, strict: true });
  const flags = z.object({ registry: z.url({ protocol: /^https?$/ }).optional() }).parse(values);
  const args = ['audit', '--omit=dev', '--audit-level=high', '--json'];
  if (flags.registry !== undefined) args.push('--registry', flags.registry);
  const npm = spawnSync('npm', args, {
    cwd: projectRoot,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 120_000,
    env: { ...process.env, NO_UPDATE_NOTIFIER: '1', npm_config_update_notifier: 'false' },
  });
  const outcome = classifyAudit(npm.stdout, npm.status);
  const print = (line: string) => process.stdout.write(`${line}\n`);
  switch (outcome.kind) {
    case 'skipped':
      print(
        `npm audit (production dependencies): skipped: registry audit endpoint not reachable — ${outcome.reason}`,
      );
      process.exit(0);
      break;
    case 'error':
      process.stderr.write(`npm audit (production dependencies): error: ${outcome.reason}\n`);
      process.exit(2);
      break;
    case 'pass':
    case 'fail': {
      const c = outcome.counts;
      print(
        `npm audit (production dependencies): ${c.critical} critical, ${c.high} high, ${c.moderate} moderate, ${c.low} low, ${c.info} info`,
      );
      for (const a of outcome.advisories) {
        print(
          `  ${a.severity.padEnd(8)} ${a.name}: ${a.title}${a.url === '' ? '' : ` (${a.url})`}`,
        );
      }
      print(
        outcome.kind === 'fail'
          ? 'FAIL: high or critical advisories in shipped dependencies.'
          : 'PASS',
      );
      process.exit(outcome.kind === 'fail' ? 1 : 0);
    }
  }
}

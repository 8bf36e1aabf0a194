import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where Electron's binary is, if this machine has one: `IDLENS_ELECTRON`, else the one the
 * `electron` package fetched on first use. The team's machines and CI have none (it cannot be
 * downloaded there), so the window, the Electron smoke suite and the Electron privacy suite say
 * so instead of running.
 */
export function findElectronBinary(root: string): { path: string } | { reason: string } {
  const fromEnv = process.env['IDLENS_ELECTRON'];
  if (fromEnv && existsSync(fromEnv)) return { path: fromEnv };
  const dir = join(root, 'node_modules', 'electron');
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) {
    return {
      reason:
        'no Electron binary on this machine (it is downloaded on first run, and this machine cannot reach its download host); set IDLENS_ELECTRON to use one',
    };
  }
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary)
    ? { path: binary }
    : { reason: `the Electron binary is missing at ${binary}` };
}

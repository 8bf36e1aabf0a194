import type { IdlensApi } from '../../shared/ipc.ts';

/**
 * The bridge main exposes through the preload. Everything the UI does outside its own memory
 * goes through this object; tests and the browser harness install a stand-in before start.
 */
export function getBridge(): IdlensApi | null {
  const candidate = (window as { idlens?: IdlensApi }).idlens;
  return candidate ?? null;
}

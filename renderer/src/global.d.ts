import type { IdlensApi } from '../../shared/ipc.ts';

declare global {
  interface Window {
    /** The preload's bridge to main: the only way this page talks to anything. */
    readonly idlens: IdlensApi;
  }
}

export {};

import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type {
  ArgsOf,
  EventChannel,
  IdlensApi,
  InvokeChannel,
  IpcResult,
  PayloadOf,
  ResultOf,
} from '../../shared/ipc.ts';

/**
 * The only bridge between the page and main: one named function per contract channel, exposed
 * as `window.idlens`. No generic send/invoke, and listeners receive the payload only — never the
 * IpcRendererEvent. Bundled into one CommonJS file (sandboxed preloads cannot load ESM).
 */

/** Invokes one contract channel with exactly its arguments; resolves with exactly its result. */
export function call<C extends InvokeChannel>(
  channel: C,
  ...args: ArgsOf<C>
): Promise<IpcResult<ResultOf<C>>> {
  return ipcRenderer.invoke(channel, ...args) as Promise<IpcResult<ResultOf<C>>>;
}

/** Listens to one contract event with a listener for exactly its payload. */
export function subscribe<E extends EventChannel>(
  channel: E,
  listener: (payload: PayloadOf<E>) => void,
): () => void {
  // Main checked the payload against the contract before sending it.
  const wrapped = (_event: IpcRendererEvent, payload: PayloadOf<E>) => {
    listener(payload);
  };
  ipcRenderer.on(channel, wrapped);
  return () => {
    ipcRenderer.removeListener(channel, wrapped);
  };
}

const api = {
  app: {
    info: () => call('app:info'),
  },
  auth: {
    status: () => call('auth:status'),
    signIn: () => call('auth:signIn'),
    cancel: () => call('auth:cancel'),
    signOut: () => call('auth:signOut'),
    onChanged: (listener) => subscribe('auth:changed', listener),
  },
  documents: {
    load: () => call('documents:load'),
    wipe: (reason) => call('documents:wipe', reason),
    lastWipe: () => call('documents:lastWipe'),
    onProgress: (listener) => subscribe('documents:progress', listener),
    onWipeRequested: (listener) => subscribe('documents:wipeRequested', listener),
  },
  settings: {
    get: () => call('settings:get'),
    set: (patch) => call('settings:set', patch),
    secretStatus: () => call('settings:secretStatus'),
    setSecret: (secret) => call('settings:setSecret', secret),
  },
  privacy: {
    report: () => call('privacy:report'),
  },
  analysis: {
    state: () => call('analysis:state'),
    onChanged: (listener) => subscribe('analysis:changed', listener),
  },
} satisfies IdlensApi;

contextBridge.exposeInMainWorld('idlens', api);

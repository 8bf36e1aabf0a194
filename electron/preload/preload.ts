import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { EventChannel, IdlensApi, InvokeChannel } from '../../shared/ipc.ts';

/**
 * The only bridge between the page and main: one named function per contract channel, exposed
 * as `window.idlens`. No generic send/invoke, and listeners receive the payload only — never the
 * IpcRendererEvent. Bundled into one CommonJS file (sandboxed preloads cannot load ESM).
 */

function call(channel: InvokeChannel, ...args: unknown[]) {
  return ipcRenderer.invoke(channel, ...args);
}

function subscribe(channel: EventChannel, listener: (payload: never) => void): () => void {
  const wrapped = (_event: IpcRendererEvent, payload: unknown) => {
    (listener as (p: unknown) => void)(payload);
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
} satisfies IdlensApi;

contextBridge.exposeInMainWorld('idlens', api);

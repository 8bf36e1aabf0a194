/**
 * Type-level test, checked by `tsc -p tsconfig.json` (never run): the preload's `call` and
 * `subscribe` are typed per channel, so a method wired to the wrong channel, given the wrong
 * arguments or a listener for another event's payload does not compile. Each `@ts-expect-error`
 * fails the typecheck if the line below it ever compiles.
 */
import type {
  AuthStatus,
  DocumentsResult,
  IdlensApi,
  IpcResult,
  Progress,
  WipeReason,
} from '../../../../shared/ipc.ts';

import type * as Preload from '../../../../electron/preload/preload.ts';

declare const call: typeof Preload.call;
declare const subscribe: typeof Preload.subscribe;
declare const onAuth: (status: AuthStatus) => void;
declare const onProgress: (progress: Progress) => void;
declare const onWipe: (reason: WipeReason) => void;

// Right channel, right arguments, right result: compiles.
export const status: Promise<IpcResult<AuthStatus>> = call('auth:status');
export const wiped = call('documents:wipe', 'button');
export const offAuth: () => void = subscribe('auth:changed', onAuth);
export const offProgress: () => void = subscribe('documents:progress', onProgress);
export const offWipe: () => void = subscribe('documents:wipeRequested', onWipe);

// @ts-expect-error a channel that is not in the contract
void call('documents:open');
// @ts-expect-error documents:wipe needs its reason
void call('documents:wipe');
// @ts-expect-error a reason the contract does not know
void call('documents:wipe', 'reload');
// @ts-expect-error auth:status takes no argument
void call('auth:status', 'extra');
// @ts-expect-error settings:set takes a patch, not a string
void call('settings:set', 'en');
// @ts-expect-error auth:status does not answer with documents
export const notDocuments: Promise<IpcResult<DocumentsResult>> = call('auth:status');

// @ts-expect-error an auth listener wired to the progress event
subscribe('documents:progress', onAuth);
// @ts-expect-error a progress listener wired to the auth event
subscribe('auth:changed', onProgress);
// @ts-expect-error an event that is not in the contract
subscribe('documents:loaded', onProgress);

// The bridge's methods: one wired to another channel does not satisfy the API type.
export const wrongInvoke: IdlensApi['auth']['status'] =
  // @ts-expect-error auth.status answered by the documents channel
  () => call('documents:load');
export const wrongEvent: IdlensApi['auth']['onChanged'] = (listener) =>
  // @ts-expect-error auth.onChanged subscribed to the progress event
  subscribe('documents:progress', listener);

import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { INVOKE_CONTRACT, type EventChannel, type PayloadOf } from '../../shared/ipc.ts';
import {
  checkEvent,
  createDispatcher,
  type Handlers,
  type SenderFrame,
} from '../../core/ipc-dispatch.ts';
import { isTrustedSender } from '../../core/security.ts';

/**
 * Registers every contract channel with `ipcMain.handle`, all through one dispatcher that checks
 * the sender (main frame of our window, on the app origin) and parses arguments with zod.
 */
export function registerIpc(handlers: Handlers, ownWindow: () => WebContents | null): () => void {
  const dispatch = createDispatcher(handlers, {
    isTrustedSender: (frame) => isTrustedSender(frame),
  });
  const channels = Object.keys(INVOKE_CONTRACT);
  for (const channel of channels) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, ...args: unknown[]) => {
      const own = ownWindow();
      const frame: SenderFrame | null =
        own !== null && event.sender === own && event.senderFrame !== null
          ? { url: event.senderFrame.url, isMainFrame: event.senderFrame === own.mainFrame }
          : null;
      return dispatch(channel, frame, args);
    });
  }
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}

/** Sends a contract event to the window after checking its payload. */
export function sendEvent<E extends EventChannel>(
  contents: WebContents | null,
  channel: E,
  payload: PayloadOf<E>,
): void {
  if (contents === null || contents.isDestroyed()) return;
  contents.send(channel, checkEvent(channel, payload));
}

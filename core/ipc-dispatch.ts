import type { z } from 'zod';
import { toErrorInfo, type ErrorInfo } from '../shared/errors.ts';
import {
  EVENT_CONTRACT,
  INVOKE_CONTRACT,
  type ArgsOf,
  type EventChannel,
  type InvokeChannel,
  type IpcResult,
  type PayloadOf,
  type ResultOf,
} from '../shared/ipc.ts';

/**
 * The one path every IPC request takes in main, Electron-free so it is tested under Node and
 * reused by the browser test bridge: sender check, argument parsing, the handler, result parsing
 * (which also strips any field the contract does not name), and errors turned into values.
 */

export type Handlers = {
  [C in InvokeChannel]: (...args: ArgsOf<C>) => Promise<ResultOf<C>> | ResultOf<C>;
};

export interface SenderFrame {
  url: string;
  isMainFrame: boolean;
}

export interface DispatchOptions {
  isTrustedSender(frame: SenderFrame | null): boolean;
  /** Told the channel and error code of refused or failed calls; never arguments or results. */
  onRefused?(channel: string, error: ErrorInfo): void;
}

export type Dispatch = (
  channel: string,
  frame: SenderFrame | null,
  args: readonly unknown[],
) => Promise<IpcResult<unknown>>;

function isInvokeChannel(channel: string): channel is InvokeChannel {
  return Object.hasOwn(INVOKE_CONTRACT, channel);
}

/** A description of what is wrong with the arguments that never echoes their values. */
function describeIssues(error: z.ZodError): string {
  const first = error.issues[0];
  if (first === undefined) return 'Invalid arguments.';
  const where =
    first.path.length > 0 ? `argument ${first.path.map(String).join('.')}` : 'arguments';
  return `Invalid ${where}: ${first.code.replaceAll('_', ' ')}.`;
}

export function createDispatcher(handlers: Handlers, options: DispatchOptions): Dispatch {
  const refuse = (channel: string, error: ErrorInfo): IpcResult<never> => {
    options.onRefused?.(channel, error);
    return { ok: false, error };
  };

  return async (channel, frame, args) => {
    if (!isInvokeChannel(channel)) {
      return refuse(channel, { code: 'bad_argument', message: 'Unknown channel.' });
    }
    if (!options.isTrustedSender(frame)) {
      return refuse(channel, { code: 'bad_sender', message: 'Request refused: unknown sender.' });
    }
    const contract = INVOKE_CONTRACT[channel];
    const parsedArgs = contract.args.safeParse(args);
    if (!parsedArgs.success) {
      return refuse(channel, { code: 'bad_argument', message: describeIssues(parsedArgs.error) });
    }
    try {
      const handler = handlers[channel] as (...a: unknown[]) => unknown;
      const data: unknown = await handler(...(parsedArgs.data as unknown[]));
      const parsedResult = contract.result.safeParse(data);
      if (!parsedResult.success) {
        return refuse(channel, { code: 'internal', message: 'An unexpected error occurred.' });
      }
      return { ok: true, data: parsedResult.data };
    } catch (error) {
      return refuse(channel, toErrorInfo(error));
    }
  };
}

/** Checks an event's payload against the contract before it is sent; returns the parsed payload. */
export function checkEvent<E extends EventChannel>(
  channel: E,
  payload: PayloadOf<E>,
): PayloadOf<E> {
  return EVENT_CONTRACT[channel].parse(payload) as PayloadOf<E>;
}

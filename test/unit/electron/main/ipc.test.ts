import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Handlers } from '../../../../core/ipc-dispatch.ts';
import {
  EVENT_CONTRACT,
  INVOKE_CONTRACT,
  type EventChannel,
  type InvokeChannel,
  type IpcResult,
} from '../../../../shared/ipc.ts';
import { SAMPLE_ARGS, SAMPLE_PAYLOADS } from '../../../fixtures/ipc-samples.ts';
import { stubHandlers } from '../../../fixtures/stub-handlers.ts';
import { FakeFrame, FakeWebContents, resetElectron, type ElectronFake } from '../electron-fake.ts';

vi.mock('electron', async () => (await import('../electron-fake.ts')).electronModule);

const { registerIpc, sendEvent } = await import('../../../../electron/main/ipc.ts');

let fake: ElectronFake;
let win: FakeWebContents;
let reached: string[];

function recordingHandlers(): Handlers {
  const stubs = stubHandlers();
  const wrapped: Record<string, (...args: unknown[]) => unknown> = {};
  for (const [channel, handler] of Object.entries(stubs)) {
    wrapped[channel] = (...args: unknown[]) => {
      reached.push(channel);
      return (handler as (...a: unknown[]) => unknown)(...args);
    };
  }
  return wrapped as unknown as Handlers;
}

function invoke(channel: string, event: object, ...args: unknown[]): Promise<IpcResult<unknown>> {
  const handler = fake.ipcHandlers.get(channel);
  if (handler === undefined) throw new Error(`${channel} is not registered`);
  return handler(event, ...args) as Promise<IpcResult<unknown>>;
}

const fromMainFrame = () => ({ sender: win, senderFrame: win.mainFrame });

beforeEach(() => {
  fake = resetElectron();
  win = new FakeWebContents();
  reached = [];
});

describe('registerIpc', () => {
  it('registers every contract channel with ipcMain, and nothing else', () => {
    registerIpc(recordingHandlers(), () => win as never);
    expect([...fake.ipcHandlers.keys()].sort()).toEqual(Object.keys(INVOKE_CONTRACT).sort());
  });

  it('routes each channel through the dispatcher to its own handler', async () => {
    registerIpc(recordingHandlers(), () => win as never);
    for (const channel of Object.keys(INVOKE_CONTRACT) as InvokeChannel[]) {
      reached = [];
      const result = await invoke(channel, fromMainFrame(), ...(SAMPLE_ARGS[channel] ?? []));
      expect(reached, channel).toEqual([channel]);
      if (!result.ok) expect(result.error.code, channel).not.toMatch(/bad_sender|bad_argument/);
    }
  });

  it('parses the arguments: a bad one never reaches the handler', async () => {
    registerIpc(recordingHandlers(), () => win as never);
    const result = await invoke('documents:wipe', fromMainFrame(), 'reload');
    expect(result).toMatchObject({ ok: false, error: { code: 'bad_argument' } });
    const extra = await invoke('auth:status', fromMainFrame(), 'extra');
    expect(extra).toMatchObject({ ok: false, error: { code: 'bad_argument' } });
    expect(reached).toEqual([]);
  });

  it('maps the sender: only the main frame of our window, on the app origin, is trusted', async () => {
    registerIpc(recordingHandlers(), () => win as never);
    const other = new FakeWebContents();
    const refused: [string, object][] = [
      ['a subframe of our window', { sender: win, senderFrame: new FakeFrame(win.mainFrame.url) }],
      ['another webContents', { sender: other, senderFrame: other.mainFrame }],
      ['no frame (gone)', { sender: win, senderFrame: null }],
    ];
    for (const [who, event] of refused) {
      const result = await invoke('auth:status', event);
      expect(result, who).toMatchObject({ ok: false, error: { code: 'bad_sender' } });
    }
    win.mainFrame.url = 'https://evil.example/index.html';
    const otherOrigin = await invoke('auth:status', fromMainFrame());
    expect(otherOrigin).toMatchObject({ ok: false, error: { code: 'bad_sender' } });
    expect(reached).toEqual([]);

    win.mainFrame.url = 'app://bundle/index.html';
    expect(await invoke('auth:status', fromMainFrame())).toMatchObject({ ok: true });
  });

  it('refuses everything once the window is gone', async () => {
    let current: FakeWebContents | null = win;
    registerIpc(recordingHandlers(), () => current as never);
    current = null;
    const result = await invoke('app:info', fromMainFrame());
    expect(result).toMatchObject({ ok: false, error: { code: 'bad_sender' } });
  });

  it('unregisters every channel it registered', () => {
    const unregister = registerIpc(recordingHandlers(), () => win as never);
    unregister();
    expect(fake.ipcHandlers.size).toBe(0);
  });
});

describe('sendEvent', () => {
  it.each(Object.keys(EVENT_CONTRACT) as EventChannel[])(
    'sends %s with its checked payload',
    (channel) => {
      sendEvent(win as never, channel, SAMPLE_PAYLOADS[channel] as never);
      expect(win.sent).toEqual([
        [channel, EVENT_CONTRACT[channel].parse(SAMPLE_PAYLOADS[channel])],
      ]);
    },
  );

  it('refuses a payload outside the contract, and sends nothing', () => {
    expect(() => sendEvent(win as never, 'documents:wipeRequested', 'reload' as never)).toThrow();
    // A finished state must carry its report.
    expect(() =>
      sendEvent(win as never, 'analysis:changed', { status: 'done' } as never),
    ).toThrow();
    expect(win.sent).toEqual([]);
  });

  it('sends nothing to a destroyed window, or to none', () => {
    win.destroyed = true;
    sendEvent(win as never, 'documents:wipeRequested', 'suspend');
    sendEvent(null, 'documents:wipeRequested', 'suspend');
    expect(win.sent).toEqual([]);
  });
});

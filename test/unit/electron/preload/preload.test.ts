import { beforeAll, describe, expect, it, vi } from 'vitest';
import { EVENT_CONTRACT, INVOKE_CONTRACT, exposedName } from '../../../../shared/ipc.ts';

const exposed = new Map<string, unknown>();
const invoke = vi.fn((..._args: unknown[]) => Promise.resolve({ ok: true, data: null }));
const listeners = new Map<string, (event: unknown, payload: unknown) => void>();

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value),
  },
  ipcRenderer: {
    invoke: (...args: unknown[]) => invoke(...args),
    on: (channel: string, fn: (event: unknown, payload: unknown) => void) =>
      listeners.set(channel, fn),
    removeListener: (channel: string) => listeners.delete(channel),
    send: () => {
      throw new Error('the preload must not use send');
    },
  },
}));

type Api = Record<string, Record<string, (...args: unknown[]) => unknown>>;

function methodNames(api: Api): string[] {
  return Object.entries(api).flatMap(([domain, methods]) =>
    Object.keys(methods).map((name) => `${domain}.${name}`),
  );
}

describe('preload bridge', () => {
  let api: Api;
  beforeAll(async () => {
    await import('../../../../electron/preload/preload.ts');
    api = exposed.get('idlens') as Api;
  });

  it('exposes exactly one thing, window.idlens', () => {
    expect([...exposed.keys()]).toEqual(['idlens']);
  });

  it('exposes exactly the contract: one method per channel, nothing generic', () => {
    const expected = [...Object.keys(INVOKE_CONTRACT), ...Object.keys(EVENT_CONTRACT)]
      .map((c) => exposedName(c as keyof typeof INVOKE_CONTRACT))
      .sort();
    expect(methodNames(api).sort()).toEqual(expected);
    expect(methodNames(api)).not.toContain(expect.stringMatching(/\.(send|invoke|on)$/));
  });

  it('sends each invoke method on its own channel', async () => {
    for (const channel of Object.keys(INVOKE_CONTRACT)) {
      const [domain, name] = exposedName(channel as keyof typeof INVOKE_CONTRACT).split('.') as [
        string,
        string,
      ];
      invoke.mockClear();
      const sample: Record<string, unknown[]> = {
        'documents:wipe': ['button'],
        'settings:set': [{ language: 'es' }],
        'settings:setSecret': [null],
      };
      const args = sample[channel] ?? [];
      await api[domain]![name]!(...args);
      expect(invoke).toHaveBeenCalledWith(channel, ...args);
    }
  });

  it('hands listeners the payload only, never the IPC event, and unsubscribes', () => {
    const received: unknown[][] = [];
    const off = api['auth']!['onChanged']!((...args: unknown[]) =>
      received.push(args),
    ) as () => void;
    const fakeEvent = { sender: { send: () => undefined }, ports: [] };
    listeners.get('auth:changed')!(fakeEvent, { state: 'signedOut' });
    expect(received).toEqual([[{ state: 'signedOut' }]]);
    off();
    expect(listeners.has('auth:changed')).toBe(false);
  });
});

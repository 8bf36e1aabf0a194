import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  EVENT_CONTRACT,
  INVOKE_CONTRACT,
  exposedName,
  type EventChannel,
  type InvokeChannel,
} from '../../../../shared/ipc.ts';
import { SAMPLE_ARGS, SAMPLE_PAYLOADS } from '../../../fixtures/ipc-samples.ts';
import { resetElectron, type ElectronFake } from '../electron-fake.ts';

vi.mock('electron', async () => (await import('../electron-fake.ts')).electronModule);

type Api = Record<string, Record<string, (...args: unknown[]) => unknown>>;

function methodNames(api: Api): string[] {
  return Object.entries(api).flatMap(([domain, methods]) =>
    Object.keys(methods).map((name) => `${domain}.${name}`),
  );
}

function method(api: Api, channel: InvokeChannel | EventChannel) {
  const [domain, name] = exposedName(channel).split('.') as [string, string];
  return api[domain]![name]!;
}

let fake: ElectronFake;
let api: Api;
beforeAll(async () => {
  fake = resetElectron();
  await import('../../../../electron/preload/preload.ts');
  api = fake.exposed.get('idlens') as Api;
});

describe('preload bridge', () => {
  it('exposes exactly one thing, window.idlens', () => {
    expect([...fake.exposed.keys()]).toEqual(['idlens']);
  });

  it('exposes exactly the contract: one method per channel, nothing generic', () => {
    const expected = [...Object.keys(INVOKE_CONTRACT), ...Object.keys(EVENT_CONTRACT)]
      .map((c) => exposedName(c as InvokeChannel))
      .sort();
    expect(methodNames(api).sort()).toEqual(expected);
    expect(methodNames(api)).not.toContain(expect.stringMatching(/\.(send|invoke|on)$/));
  });

  it.each(Object.keys(INVOKE_CONTRACT) as InvokeChannel[])(
    'sends %s on its own channel, with its arguments',
    async (channel) => {
      fake.rendererInvokes.length = 0;
      const args = SAMPLE_ARGS[channel] ?? [];
      await method(api, channel)(...args);
      expect(fake.rendererInvokes).toEqual([[channel, ...args]]);
    },
  );

  it.each(Object.keys(EVENT_CONTRACT) as EventChannel[])(
    'listens to %s on its own channel, hands over the payload only, and unsubscribes',
    (channel) => {
      const received: unknown[][] = [];
      const other: unknown[][] = [];
      const off = method(api, channel)((...args: unknown[]) => received.push(args)) as () => void;
      const offOther = method(api, channel)((...args: unknown[]) => other.push(args)) as () => void;
      const registered = fake.rendererListeners.get(channel);
      expect(registered?.size).toBe(2);
      for (const [name, listeners] of fake.rendererListeners) {
        if (name !== channel) expect(listeners.size, name).toBe(0);
      }
      const ipcEvent = { sender: { send: () => undefined }, ports: [], senderFrame: {} };
      for (const listener of registered!) listener(ipcEvent, SAMPLE_PAYLOADS[channel]);
      expect(received).toEqual([[SAMPLE_PAYLOADS[channel]]]);
      off();
      expect(registered?.size).toBe(1);
      offOther();
      expect(registered?.size).toBe(0);
      expect(other).toEqual([[SAMPLE_PAYLOADS[channel]]]);
    },
  );
});

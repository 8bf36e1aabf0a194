import { beforeEach, describe, expect, it, vi } from 'vitest';
import { composeApp } from '../../../../core/compose.ts';
import type { IpcResult } from '../../../../shared/ipc.ts';
import { FakeWebContents, resetElectron, type ElectronFake } from '../electron-fake.ts';

vi.mock('electron', async () => (await import('../electron-fake.ts')).electronModule);
vi.mock('electron-store', async () => (await import('../electron-fake.ts')).storeModule);

const { electronPlatform, isDemoMode } = await import('../../../../electron/main/platform.ts');

let fake: ElectronFake;
let contents: FakeWebContents | null;
beforeEach(() => {
  fake = resetElectron('/home/someone/.config/idlens');
  contents = new FakeWebContents();
});

const platform = (demoMode = false) =>
  electronPlatform({ demoMode, contents: () => contents as never });

describe('the platform adapter over Electron', () => {
  it('replaces the renderer: ends its process, then loads a fresh one', () => {
    platform().replaceRenderer();
    expect(contents!.calls).toEqual(['forcefullyCrashRenderer', 'reload']);
  });

  it('replaces nothing when the window is destroyed or gone', () => {
    contents!.destroyed = true;
    platform().replaceRenderer();
    expect(contents!.calls).toEqual([]);
    contents = null;
    expect(() => platform().replaceRenderer()).not.toThrow();
  });

  it('sends events to the window, checked against the contract', () => {
    platform().emit('documents:wipeRequested', 'lock-screen');
    expect(contents!.sent).toEqual([['documents:wipeRequested', 'lock-screen']]);
  });

  it('opens URLs with the system browser', async () => {
    await platform().openExternal('https://issuer.example/authorize?x=1');
    expect(fake.opened).toEqual(['https://issuer.example/authorize?x=1']);
  });

  it("reports the app's version, this OS and Electron's userData to the core", () => {
    const p = platform(true);
    expect(p).toMatchObject({ demoMode: true, version: '9.8.7', os: process.platform });
    expect(p.folders.userData).toBe('/home/someone/.config/idlens');
  });

  it('keeps settings in the electron-store file named settings', () => {
    const p = platform();
    p.settings.write({ ...(p.settings.read() as object), language: 'es' } as never);
    expect(fake.stores.get('settings')).toMatchObject({ language: 'es' });
  });

  it('knows demo mode from --demo or IDLENS_DEMO=1, and nothing else', () => {
    expect(isDemoMode(['electron', 'main.js', '--demo'], {})).toBe(true);
    expect(isDemoMode(['electron', 'main.js'], { IDLENS_DEMO: '1' })).toBe(true);
    expect(isDemoMode(['electron', 'main.js', '--demo=no'], { IDLENS_DEMO: '0' })).toBe(false);
  });
});

describe('the client secret through safeStorage', () => {
  const call = async (p: ReturnType<typeof platform>, channel: string, ...args: unknown[]) => {
    const handlers = composeApp(p).services.handlers as unknown as Record<
      string,
      (...a: unknown[]) => unknown
    >;
    return (await handlers[channel]!(...args)) as IpcResult<unknown> | object;
  };

  it('stores only ciphertext, in its own store file', async () => {
    const p = platform();
    const status = await call(p, 'settings:setSecret', 'the-client-secret');
    expect(status).toEqual({ hasClientSecret: true, encryptionAvailable: true });
    const stored = JSON.stringify(fake.stores.get('client-secret'));
    expect(stored).not.toContain('the-client-secret');
    expect(JSON.stringify(fake.stores.get('settings') ?? {})).not.toContain('secret');
    expect(
      await p.secret!.cipher.decryptString(
        Buffer.from(fake.stores.get('client-secret')!['clientSecret'] as string, 'base64'),
      ),
    ).toBe('the-client-secret');
  });

  it('clearing the secret removes it from the file', async () => {
    const p = platform();
    await call(p, 'settings:setSecret', 'the-client-secret');
    expect(await call(p, 'settings:setSecret', null)).toMatchObject({ hasClientSecret: false });
    expect(fake.stores.get('client-secret')).toEqual({});
  });

  it.runIf(process.platform === 'linux')(
    "refuses Linux's basic_text backend, which is no encryption",
    async () => {
      fake.safeStorage.backend = 'basic_text';
      const p = platform();
      expect(await p.secret!.cipher.isStrongEncryptionAvailable()).toBe(false);
      await expect(call(p, 'settings:setSecret', 'the-client-secret')).rejects.toMatchObject({
        code: 'config_invalid',
      });
      expect(fake.stores.get('client-secret')).toEqual({});
    },
  );

  it('refuses when the OS offers no encryption at all', async () => {
    fake.safeStorage.available = false;
    expect(await platform().secret!.cipher.isStrongEncryptionAvailable()).toBe(false);
  });
});

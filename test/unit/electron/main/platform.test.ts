import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { composeApp } from '../../../../core/compose.ts';
import type { IpcResult } from '../../../../shared/ipc.ts';
import {
  FakeBrowserWindow,
  FakeWebContents,
  resetElectron,
  type ElectronFake,
} from '../electron-fake.ts';

vi.mock('electron', async () => (await import('../electron-fake.ts')).electronModule);

const { electronPlatform, isDemoMode } = await import('../../../../electron/main/platform.ts');

let fake: ElectronFake;
let contents: FakeWebContents | null;
let userData: string;
beforeEach(() => {
  userData = mkdtempSync(join(tmpdir(), 'idlens-platform-'));
  fake = resetElectron(userData);
  contents = new FakeWebContents();
});
afterEach(() => rmSync(userData, { recursive: true, force: true }));

const stored = (name: string): Record<string, unknown> | undefined =>
  existsSync(join(userData, name))
    ? (JSON.parse(readFileSync(join(userData, name), 'utf8')) as Record<string, unknown>)
    : undefined;

const platform = (demoMode = false) =>
  electronPlatform({
    demoMode,
    contents: () => contents as never,
    analysisWorker: '/app/dist/main/analysis-worker.js',
  });

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

  it('offers the analysis process as a utility process on the built worker', () => {
    const channel = platform().analysisChannel?.();
    expect(channel).toBeDefined();
    expect(fake.utilityProcesses.map((p) => p.modulePath)).toEqual([
      '/app/dist/main/analysis-worker.js',
    ]);
  });

  it('opens URLs with the system browser', async () => {
    await platform().openExternal('https://issuer.example/authorize?x=1');
    expect(fake.opened).toEqual(['https://issuer.example/authorize?x=1']);
  });

  it("reports the app's version, this OS and Electron's userData to the core", () => {
    const p = platform(true);
    expect(p).toMatchObject({ demoMode: true, version: '9.8.7', os: process.platform });
    expect(p.folders.userData).toBe(userData);
  });

  it('keeps settings in settings.json in the user-data folder', () => {
    const p = platform();
    p.settings.write({ ...(p.settings.read() as object), language: 'es' } as never);
    expect(stored('settings.json')).toMatchObject({ language: 'es' });
  });

  it('starts on a damaged settings file: set aside, the user told once, defaults in force', async () => {
    writeFileSync(join(userData, 'settings.json'), '{ "language": "es", ');
    const app = composeApp(platform());
    expect(app.settings.get().environment).toBe('production');
    const info = (await app.services.handlers['app:info']()) as { settingsRepaired?: unknown };
    expect(info.settingsRepaired).toBeDefined();
    expect((await app.services.handlers['app:info']()) as object).not.toHaveProperty(
      'settingsRepaired',
    );
  });

  it('knows demo mode from --demo or IDLENS_DEMO=1, and nothing else', () => {
    expect(isDemoMode(['electron', 'main.js', '--demo'], {})).toBe(true);
    expect(isDemoMode(['electron', 'main.js'], { IDLENS_DEMO: '1' })).toBe(true);
    expect(isDemoMode(['electron', 'main.js', '--demo=no'], { IDLENS_DEMO: '0' })).toBe(false);
  });
});

describe("main's own confirmation of a connection change", () => {
  const handlersOf = (p: ReturnType<typeof platform>) =>
    composeApp(p).services.handlers as unknown as Record<
      string,
      (...a: unknown[]) => Promise<unknown>
    >;
  const change = {
    environment: 'custom',
    issuer: 'https://id.example',
    apiBase: 'https://id.example/api',
  };

  it('asks in a native box modal on the window, naming the hosts; Cancel changes nothing', async () => {
    const window = new FakeBrowserWindow({});
    contents = window.webContents;
    const handlers = handlersOf(platform());
    await expect(handlers['settings:set']!(change)).rejects.toMatchObject({
      code: 'connection_declined',
    });
    expect(stored('settings.json')).toBeUndefined();
    expect(fake.dialogs).toHaveLength(1);
    const shown = fake.dialogs[0]!;
    expect(shown.window).toBe(window);
    expect(shown.options).toMatchObject({
      buttons: ['Cancel', 'Confirm'],
      defaultId: 0,
      cancelId: 0,
    });
    expect(shown.options.detail).toContain('Sign-in goes to: id.example');
    expect(shown.options.detail).toContain('Amazon S3 only');
    expect(shown.options.detail).toContain('No client secret will be sent.');
  });

  it('saves the change once the person presses Confirm', async () => {
    contents = new FakeBrowserWindow({}).webContents;
    fake.dialogAnswer = 1;
    const handlers = handlersOf(platform());
    await expect(handlers['settings:set']!(change)).resolves.toMatchObject({
      issuer: 'https://id.example',
    });
    expect(stored('settings.json')).toMatchObject({ environment: 'custom' });
  });

  it('speaks the language the person reads idlens in', async () => {
    contents = new FakeBrowserWindow({}).webContents;
    fake.app.locale = 'es-HN';
    const handlers = handlersOf(platform());
    await expect(handlers['settings:set']!(change)).rejects.toMatchObject({
      code: 'connection_declined',
    });
    expect(fake.dialogs[0]!.options.buttons).toEqual(['Cancelar', 'Confirmar']);
    expect(fake.dialogs[0]!.options.detail).toContain('El inicio de sesión va a: id.example');
  });

  it('without a window there is nobody to ask: declined, and no box is shown', async () => {
    contents = null;
    fake.dialogAnswer = 1;
    await expect(handlersOf(platform())['settings:set']!(change)).rejects.toMatchObject({
      code: 'connection_declined',
    });
    expect(fake.dialogs).toHaveLength(0);
  });
});

describe('the client secret through safeStorage', () => {
  beforeEach(() => {
    // The person confirms the secret change in main's dialog on the window.
    contents = new FakeBrowserWindow({}).webContents;
    fake.dialogAnswer = 1;
  });

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
    const file = JSON.stringify(stored('client-secret.json'));
    expect(file).toMatch(/clientSecret/);
    expect(file).not.toContain('the-client-secret');
    expect(JSON.stringify(stored('settings.json') ?? {})).not.toContain('the-client-secret');
  });

  it('clearing the secret removes it from the file', async () => {
    const p = platform();
    await call(p, 'settings:setSecret', 'the-client-secret');
    expect(await call(p, 'settings:setSecret', null)).toMatchObject({ hasClientSecret: false });
    expect(stored('client-secret.json')).toBeUndefined();
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
      expect(stored('client-secret.json')).toBeUndefined();
    },
  );

  it('refuses when the OS offers no encryption at all', async () => {
    fake.safeStorage.available = false;
    expect(await platform().secret!.cipher.isStrongEncryptionAvailable()).toBe(false);
  });
});

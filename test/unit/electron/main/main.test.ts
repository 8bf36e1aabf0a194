import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { APP_SCHEME, VIEWER_PARTITION, chromiumSwitches } from '../../../../core/security.ts';
import { SESSION_DIR_PREFIX } from '../../../../core/session-dir.ts';
import { startDemoBackend, type DemoBackend } from '../../../../demo/backend.ts';
import { loginWithFetch } from '../../../../demo/test-login.ts';
import type { IpcResult } from '../../../../shared/ipc.ts';
import {
  FakeEvent,
  FakeWebContents,
  resetElectron,
  type ElectronFake,
  type FakeBrowserWindow,
} from '../electron-fake.ts';

vi.mock('electron', async () => (await import('../electron-fake.ts')).electronModule);

/**
 * Runs electron/main/main.ts — the app's lifecycle — against the Electron stand-in, each test in a
 * fresh module load with its own temp folder (TMPDIR) and userData, and asserts what it applies.
 */

const realTmp = tmpdir();

// Each test loads main.ts afresh and some sign in against a real provider: slow on a busy machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

/** Waits for a state the glue reaches asynchronously (generously: the machine may be busy). */
const until = (check: () => void) => vi.waitFor(check, { timeout: 15_000, interval: 20 });
const saved = {
  argv: process.argv,
  TMPDIR: process.env['TMPDIR'],
  IDLENS_DEMO: process.env['IDLENS_DEMO'],
  IDLENS_CLIENT_SECRET: process.env['IDLENS_CLIENT_SECRET'],
};

interface Run {
  fake: ElectronFake;
  root: string;
  /** The OS temp folder main sees. */
  tmp: string;
  quitLimitMs: number;
}
const runs: Run[] = [];

async function launch(
  options: {
    demo?: boolean;
    singleInstance?: boolean;
    inMemory?: boolean;
    stored?: Record<string, unknown>;
    before?: (tmp: string) => void;
  } = {},
): Promise<Run> {
  const root = mkdtempSync(join(realTmp, 'idlens-glue-'));
  const tmp = join(root, 'tmp');
  mkdirSync(tmp);
  options.before?.(tmp);
  const fake = resetElectron(join(root, 'userData'));
  fake.app.singleInstance = options.singleInstance ?? true;
  fake.inMemoryPartitions = options.inMemory ?? true;
  if (options.stored) {
    mkdirSync(join(root, 'userData'), { recursive: true });
    writeFileSync(join(root, 'userData', 'settings.json'), JSON.stringify(options.stored));
  }
  process.env['TMPDIR'] = tmp;
  delete process.env['IDLENS_DEMO'];
  delete process.env['IDLENS_CLIENT_SECRET'];
  delete process.env['IDLENS_CLIENT_SECRET_ISSUER'];
  process.argv = ['electron', 'main.js', ...(options.demo ? ['--demo'] : [])];
  vi.resetModules();
  const main = await import('../../../../electron/main/main.ts');
  const run = { fake, root, tmp, quitLimitMs: main.QUIT_SIGN_OUT_LIMIT_MS };
  runs.push(run);
  return run;
}

/** Electron becomes ready; resolves with the window once main has created it. */
async function ready(run: Run): Promise<FakeBrowserWindow> {
  run.fake.app.becomeReady();
  await until(() => expect(run.fake.windows).toHaveLength(1));
  return run.fake.windows[0]!;
}

/** An IPC call as the page in the window's main frame makes it. */
async function invoke<T = unknown>(run: Run, channel: string, ...args: unknown[]): Promise<T> {
  const handler = run.fake.ipcHandlers.get(channel);
  if (handler === undefined) throw new Error(`${channel} is not registered`);
  const contents = run.fake.windows[0]!.webContents;
  const result = (await handler(
    { sender: contents, senderFrame: contents.mainFrame },
    ...args,
  )) as IpcResult<T>;
  if (!result.ok) throw new Error(`${channel}: ${result.error.code}`);
  return result.data;
}

async function quit(run: Run): Promise<void> {
  run.fake.app.quit();
  await until(() => expect(run.fake.app.quitStages).toContain('quit'));
}

const sessionDirs = (tmp: string) =>
  readdirSync(tmp).filter((n) => n.startsWith(SESSION_DIR_PREFIX));

afterEach(async () => {
  vi.useRealTimers();
  for (const run of runs.splice(0)) {
    if (run.fake.windows.length > 0 && !run.fake.app.quitStages.includes('quit')) await quit(run);
    rmSync(run.root, { recursive: true, force: true });
  }
  process.argv = saved.argv;
  for (const key of ['TMPDIR', 'IDLENS_DEMO', 'IDLENS_CLIENT_SECRET'] as const) {
    if (saved[key] === undefined) Reflect.deleteProperty(process.env, key);
    else process.env[key] = saved[key];
  }
});

describe('before ready', () => {
  it('enables the sandbox, registers app:// as privileged, and appends every Chromium switch', async () => {
    const { fake } = await launch();
    expect(fake.app.sandboxed).toBe(true);
    expect(fake.privilegedSchemes).toEqual([
      { scheme: APP_SCHEME, privileges: { standard: true, secure: true } },
    ]);
    expect(fake.app.switches).toEqual(chromiumSwitches().map(([name, value]) => [name, value]));
  });

  it('creates the session folder 0700 and points sessionData, crash dumps and logs into it', async () => {
    const { fake, tmp, root } = await launch();
    const [dir] = sessionDirs(tmp);
    expect(dir).toBeDefined();
    const full = join(tmp, dir!);
    expect(statSync(full).mode & 0o777).toBe(0o700);
    expect(fake.app.paths.get('sessionData')).toBe(full);
    expect(fake.app.paths.get('crashDumps')).toBe(join(full, 'crash'));
    expect(fake.app.logsPath).toBe(join(full, 'logs'));
    // userData stays where it is: the single-instance lock lives there.
    expect(fake.app.paths.get('userData')).toBe(join(root, 'userData'));
  });

  it("sweeps a crashed run's leftover session folder, and nothing else", async () => {
    const { tmp } = await launch({
      before: (dir) => {
        mkdirSync(join(dir, `${SESSION_DIR_PREFIX}crashed`));
        writeFileSync(join(dir, `${SESSION_DIR_PREFIX}crashed`, 'Cookies'), 'x');
        mkdirSync(join(dir, 'another-app'));
      },
    });
    const left = readdirSync(tmp);
    expect(left).not.toContain(`${SESSION_DIR_PREFIX}crashed`);
    expect(left).toContain('another-app');
    expect(sessionDirs(tmp)).toHaveLength(1);
  });

  it('a second instance leaves before creating or sweeping any folder', async () => {
    const { fake, tmp } = await launch({
      singleInstance: false,
      before: (dir) => mkdirSync(join(dir, `${SESSION_DIR_PREFIX}of-the-first-instance`)),
    });
    expect(fake.app.ends).toEqual(['exit 0']);
    expect(readdirSync(tmp)).toEqual([`${SESSION_DIR_PREFIX}of-the-first-instance`]);
    expect(fake.app.paths.has('sessionData')).toBe(false);
    expect(fake.app.listenerCount('before-quit')).toBe(0);
  });
});

describe('at ready', () => {
  it('uses an in-memory viewer session, guarded, serving app:// — the default session refuses everything', async () => {
    const run = await launch();
    await ready(run);
    const viewer = run.fake.sessions.get(VIEWER_PARTITION)!;
    expect(viewer.storagePath).toBeNull();
    expect(viewer.options).toEqual({ cache: false });
    expect([...viewer.protocolHandlers.keys()]).toEqual([APP_SCHEME]);
    expect(run.fake.defaultSession.protocolHandlers.size).toBe(0);
    for (const ses of [viewer, run.fake.defaultSession]) {
      expect(ses.spellChecker).toBe(false);
      expect(ses.permissionRequest).not.toBeNull();
      expect(ses.listenerCount('will-download')).toBe(1);
    }
    const answers: { cancel: boolean }[] = [];
    for (const url of ['https://example.com/', 'app://bundle/index.html', 'http://127.0.0.1/']) {
      run.fake.defaultSession.beforeRequest!({ url }, (answer) => answers.push(answer));
    }
    expect(answers).toEqual([{ cancel: true }, { cancel: true }, { cancel: true }]);
  });

  it('refuses to start when the viewer session would be on disk, and leaves nothing behind', async () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockReturnValue(true);
    const run = await launch({ inMemory: false });
    run.fake.app.becomeReady();
    await until(() => expect(run.fake.app.ends).toEqual(['exit 1']));
    expect(stderr).toHaveBeenCalledWith('idlens could not start: Error\n');
    stderr.mockRestore();
    expect(run.fake.windows).toHaveLength(0);
    expect(sessionDirs(run.tmp)).toEqual([]);
  });

  it('creates one window with the hardened preferences and the bundled preload, devtools off when packaged', async () => {
    const run = await launch();
    const win = await ready(run);
    expect(win.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webviewTag: false,
      devTools: false,
      partition: VIEWER_PARTITION,
      preload: expect.stringMatching(/[/\\]preload[/\\]preload\.cjs$/),
    });
    expect(win.loadedUrl).toBe('app://bundle/index.html');
  });

  it('guards every webContents, the window’s and any other', async () => {
    const run = await launch();
    const win = await ready(run);
    const stray = new FakeWebContents();
    run.fake.app.emit('web-contents-created', new FakeEvent(), stray);
    for (const contents of [win.webContents, stray]) {
      const navigation = new FakeEvent('https://evil.example/');
      contents.emit('will-navigate', navigation, navigation.url);
      const webview = new FakeEvent();
      contents.emit('will-attach-webview', webview, {}, {});
      expect(navigation.defaultPrevented).toBe(true);
      expect(webview.defaultPrevented).toBe(true);
      expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({
        action: 'deny',
      });
    }
  });

  it('registers the contract channels, answers the window, and has no menu on Linux', async () => {
    const run = await launch();
    await ready(run);
    const info = await invoke(run, 'app:info');
    expect(info).toEqual({
      version: '9.8.7',
      platform: process.platform === 'linux' ? 'linux' : expect.any(String),
      contentProtection: process.platform === 'darwin' || process.platform === 'win32',
      lockScreenEvents: process.platform === 'darwin' || process.platform === 'win32',
      demoMode: false,
    });
    if (process.platform === 'linux') expect(run.fake.applicationMenu).toEqual({ value: null });
  });

  it('a second launch brings the window back', async () => {
    const run = await launch();
    const win = await ready(run);
    win.minimized = true;
    run.fake.app.emit('second-instance');
    expect(win.restored).toBe(1);
    expect(win.focused).toBe(1);
  });
});

describe('the environment default', () => {
  it('an installed app starts on production until the user picks one', async () => {
    const run = await launch();
    await ready(run);
    expect(await invoke(run, 'settings:get')).toMatchObject({ environment: 'production' });
    expect(await invoke(run, 'auth:status')).toMatchObject({ environment: 'production' });
  });

  it('with --demo it starts on the demo', async () => {
    const run = await launch({ demo: true });
    await ready(run);
    expect(await invoke(run, 'settings:get')).toMatchObject({ environment: 'demo' });
    expect(await invoke(run, 'app:info')).toMatchObject({ demoMode: true });
  });

  it("the user's choice wins over the default", async () => {
    const run = await launch({ stored: { environment: 'staging' } });
    await ready(run);
    expect(await invoke(run, 'settings:get')).toMatchObject({ environment: 'staging' });
  });
});

describe('wipes', () => {
  it('a wipe from the page is answered, then the renderer process is replaced', async () => {
    const run = await launch();
    const win = await ready(run);
    const receipt = await invoke(run, 'documents:wipe', 'button');
    expect(receipt).toMatchObject({ reason: 'button' });
    await until(() => expect(win.webContents.calls).toEqual(['forcefullyCrashRenderer', 'reload']));
  });

  it.each(['lock-screen', 'suspend'] as const)(
    '%s wipes in main and asks the page to wipe',
    async (reason) => {
      const run = await launch();
      const win = await ready(run);
      run.fake.powerMonitor.emit(reason);
      expect(win.webContents.sent).toContainEqual(['documents:wipeRequested', reason]);
      expect(await invoke(run, 'documents:lastWipe')).toMatchObject({ reason });
    },
  );

  it.runIf(process.platform === 'linux')(
    'on Linux a locked screen is found by polling the idle state',
    async () => {
      vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
      const run = await launch();
      const win = await ready(run);
      vi.advanceTimersByTime(15_000);
      expect(win.webContents.sent).toEqual([]);
      run.fake.powerMonitor.idleState = 'locked';
      vi.advanceTimersByTime(15_000);
      expect(win.webContents.sent).toContainEqual(['documents:wipeRequested', 'lock-screen']);
    },
  );

  it('closing the window wipes main’s copies', async () => {
    const run = await launch();
    const win = await ready(run);
    win.emit('close', new FakeEvent());
    expect(await invoke(run, 'documents:lastWipe')).toMatchObject({ reason: 'window-close' });
  });
});

describe('quit', () => {
  it('clears both sessions and removes the session folder', async () => {
    const run = await launch();
    await ready(run);
    expect(sessionDirs(run.tmp)).toHaveLength(1);
    await quit(run);
    expect(run.fake.sessions.get(VIEWER_PARTITION)!.cleared).toBe(1);
    expect(run.fake.defaultSession.cleared).toBe(1);
    expect(sessionDirs(run.tmp)).toEqual([]);
  });

  it('closing the last window quits, through the same held quit', async () => {
    const run = await launch();
    const win = await ready(run);
    win.emit('close', new FakeEvent());
    win.emit('closed');
    run.fake.app.emit('second-instance'); // nothing left to bring back
    run.fake.app.emit('window-all-closed');
    expect(run.fake.app.quitStages[0]).toBe('before-quit prevented');
    await until(() => expect(run.fake.app.quitStages).toContain('quit'));
    expect(win.restored + win.focused).toBe(0);
    expect(sessionDirs(run.tmp)).toEqual([]);
  });

  it('waits at most 3 s for the sign-out', async () => {
    const run = await launch();
    expect(run.quitLimitMs).toBeGreaterThan(0);
    expect(run.quitLimitMs).toBeLessThanOrEqual(3000);
  });
});

describe('quit waits for sign-out (real demo provider)', () => {
  let backend: DemoBackend;
  const originalFetch = globalThis.fetch;
  let revocations: string[];
  let hangRevocation: boolean;

  beforeAll(async () => {
    backend = await startDemoBackend({ quiet: true, issResponseParameter: false });
    // Watches the revocation request (and, for the bounded case, keeps it from ever being answered).
    globalThis.fetch = async (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (!url.endsWith('/api/oauth/revoke')) return originalFetch(input, init);
      revocations.push('sent');
      if (hangRevocation) return new Promise<Response>(() => undefined);
      const response = await originalFetch(input, init);
      revocations.push(`answered ${response.status}`);
      return response;
    };
  }, 60_000);
  afterAll(async () => {
    globalThis.fetch = originalFetch;
    await backend.close();
  });

  async function signedIn(): Promise<{ run: Run; win: FakeBrowserWindow; atQuit: string[][] }> {
    revocations = [];
    const run = await launch({
      demo: true,
      stored: {
        environment: 'custom',
        issuer: backend.issuer,
        apiBase: backend.apiBase,
        clientId: backend.clients.public.clientId,
        scopes: ['openid', 'eprospera:person.id_verification.read', 'offline_access'],
        imageHosts: ['127.0.0.1'],
      },
    });
    // The system browser: signs in as the `full` persona and follows the loopback redirect.
    run.fake.browser = async (url) => {
      const callback = await loginWithFetch(url, 'full');
      await (await originalFetch(callback)).text();
    };
    const win = await ready(run);
    // A custom issuer from the file: the person confirms it in main's box on the window first.
    run.fake.dialogAnswer = 1;
    expect(await invoke(run, 'auth:signIn')).toMatchObject({ state: 'signedIn' });
    expect(run.fake.dialogs.map((d) => d.window)).toEqual([win]);
    expect(run.fake.dialogs[0]!.options.detail).toContain(
      'does not name itself in its sign-in responses',
    );
    const atQuit: string[][] = [];
    run.fake.app.on('quit', () => atQuit.push([...revocations]));
    return { run, win, atQuit };
  }

  it('holds the quit until the refresh token is revoked, then quits once', async () => {
    hangRevocation = false;
    const { run, win, atQuit } = await signedIn();
    run.fake.app.quit();
    run.fake.app.quit(); // a second request while the first waits starts nothing new
    expect(run.fake.app.quitStages).toEqual(['before-quit prevented', 'before-quit prevented']);
    await until(() => expect(run.fake.app.quitStages).toContain('quit'));
    expect(atQuit).toEqual([['sent', 'answered 200']]);
    expect(run.fake.app.quitStages.filter((s) => s === 'quit')).toHaveLength(1);
    const lastAuth = win.webContents.sent.filter(([c]) => c === 'auth:changed').at(-1);
    expect(lastAuth?.[1]).toMatchObject({ state: 'signedOut' });
    expect(sessionDirs(run.tmp)).toEqual([]);
  }, 60_000);

  it('a load starts the checks in a utility process on the built worker; a wipe kills it', async () => {
    hangRevocation = false;
    const { run, win } = await signedIn();
    const loaded = await invoke<{ documents: Record<string, { byteLength: number } | null> }>(
      run,
      'documents:load',
    );
    // The build puts the analysis process beside main.js (dist/main/analysis-worker.js).
    const mainDir = resolve(import.meta.dirname, '../../../../electron/main');
    expect(run.fake.utilityProcesses.map((p) => p.modulePath)).toEqual([
      join(mainDir, 'analysis-worker.js'),
    ]);
    const child = run.fake.utilityProcesses[0]!;
    expect(dirname(child.modulePath)).toBe(mainDir);
    // Main's own copy of each image went to the child, not a zero-filled one.
    const [request] = child.sent as {
      type: string;
      input: { images: Record<string, Uint8Array | null> };
    }[];
    expect(request?.type).toBe('analyze');
    const back = request!.input.images['documentBack']!;
    expect(back.byteLength).toBe(loaded.documents['documentBack']!.byteLength);
    expect(back.some((b) => b !== 0)).toBe(true);
    expect(win.webContents.sent).toContainEqual(['analysis:changed', { status: 'running' }]);
    expect(await invoke(run, 'analysis:state')).toEqual({ status: 'running' });

    await invoke(run, 'documents:wipe', 'button');
    await until(() => expect(child.exited).toBe(true));
    expect(child.killed).toBe(true);
    const states = win.webContents.sent.filter(([c]) => c === 'analysis:changed');
    expect(states.at(-1)).toEqual(['analysis:changed', { status: 'idle' }]);
    expect(await invoke(run, 'analysis:state')).toEqual({ status: 'idle' });
  }, 60_000);

  it('quits anyway when the issuer never answers the revocation', async () => {
    hangRevocation = true;
    const { run, atQuit } = await signedIn();
    run.fake.app.quit();
    expect(run.fake.app.quitStages).toEqual(['before-quit prevented']);
    await until(() => expect(run.fake.app.quitStages).toContain('quit'));
    // The revocation was sent and is still unanswered: the quit did not wait for it past the limit.
    expect(atQuit).toEqual([['sent']]);
    expect(sessionDirs(run.tmp)).toEqual([]);
  }, 60_000);
});

import { EventEmitter } from 'node:events';

/**
 * A stand-in for the parts of the `electron` module that the glue uses, in the manner of electron/fiddle's tests: classes over
 * EventEmitter that record what the glue applies and let a test fire Electron's events.
 * Use with
 *   vi.mock('electron', async () => (await import('../electron-fake.ts')).electronModule);
 * and `resetElectron()` before each run of the glue: every export reads the current fake.
 */

/** An Electron event whose default a listener may prevent. */
export class FakeEvent {
  defaultPrevented = false;
  url: string;
  constructor(url = '') {
    this.url = url;
  }
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

type WindowOpenHandler = (details: { url: string }) => { action: string };

export class FakeFrame {
  url: string;
  constructor(url: string) {
    this.url = url;
  }
}

export class FakeWebContents extends EventEmitter {
  readonly mainFrame = new FakeFrame('app://bundle/index.html');
  windowOpenHandler: WindowOpenHandler | null = null;
  readonly sent: [string, unknown][] = [];
  readonly calls: string[] = [];
  destroyed = false;
  visualZoomLimits: [number, number] | null = null;
  zoomFactor = 1;

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }
  setVisualZoomLevelLimits(min: number, max: number): Promise<void> {
    this.visualZoomLimits = [min, max];
    return Promise.resolve();
  }
  getZoomFactor(): number {
    return this.zoomFactor;
  }
  setZoomFactor(factor: number): void {
    this.zoomFactor = factor;
  }
  send(channel: string, payload: unknown): void {
    this.sent.push([channel, payload]);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  forcefullyCrashRenderer(): void {
    this.calls.push('forcefullyCrashRenderer');
  }
  reload(): void {
    this.calls.push('reload');
  }
}

type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
) => void;

export class FakeSession extends EventEmitter {
  readonly protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  readonly protocol = {
    handle: (scheme: string, handler: (request: Request) => Promise<Response>) => {
      this.protocolHandlers.set(scheme, handler);
    },
  };
  beforeRequest: ((details: unknown, callback: (r: { cancel: boolean }) => void) => void) | null =
    null;
  readonly webRequest = {
    onBeforeRequest: (
      listener: (details: unknown, callback: (r: { cancel: boolean }) => void) => void,
    ) => {
      this.beforeRequest = listener;
    },
  };
  permissionRequest: PermissionRequestHandler | null = null;
  permissionCheck: ((contents: unknown, permission: string) => boolean) | null = null;
  devicePermission: (() => boolean) | null = null;
  displayMediaRequest: ((request: unknown, callback: (streams: object) => void) => void) | null =
    null;
  spellChecker: boolean | null = null;
  spellCheckerLanguages: string[] | null = null;
  cleared = 0;

  readonly partition: string;
  readonly storagePath: string | null;
  readonly options: { cache?: boolean };
  constructor(partition: string, storagePath: string | null, options: { cache?: boolean } = {}) {
    super();
    this.partition = partition;
    this.storagePath = storagePath;
    this.options = options;
  }
  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.permissionRequest = handler;
  }
  setPermissionCheckHandler(handler: (contents: unknown, permission: string) => boolean): void {
    this.permissionCheck = handler;
  }
  setDevicePermissionHandler(handler: () => boolean): void {
    this.devicePermission = handler;
  }
  setDisplayMediaRequestHandler(
    handler: (request: unknown, callback: (streams: object) => void) => void,
  ): void {
    this.displayMediaRequest = handler;
  }
  setSpellCheckerEnabled(enabled: boolean): void {
    this.spellChecker = enabled;
  }
  setSpellCheckerLanguages(languages: string[]): void {
    this.spellCheckerLanguages = languages;
  }
  clearData(): Promise<void> {
    this.cleared += 1;
    return Promise.resolve();
  }
}

export class FakeBrowserWindow extends EventEmitter {
  readonly webContents = new FakeWebContents();
  contentProtection = false;
  shown = false;
  loadedUrl: string | null = null;
  minimized = false;
  focused = 0;
  restored = 0;

  readonly options: Record<string, unknown> & { webPreferences?: object };
  constructor(options: Record<string, unknown> & { webPreferences?: object }) {
    super();
    this.options = options;
    holder.current.windows.push(this);
    // As in Electron: every new webContents is announced on the app.
    holder.current.app.emit('web-contents-created', new FakeEvent(), this.webContents);
  }
  setContentProtection(enabled: boolean): void {
    this.contentProtection = enabled;
  }
  show(): void {
    this.shown = true;
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.restored += 1;
    this.minimized = false;
  }
  focus(): void {
    this.focused += 1;
  }
  static fromWebContents(contents: unknown): FakeBrowserWindow | null {
    return holder.current.windows.find((w) => w.webContents === contents) ?? null;
  }
}

/** One `dialog.showMessageBox` call: the window it was modal on and what it showed. */
export interface ShownDialog {
  window: unknown;
  options: {
    type?: string;
    title?: string;
    message: string;
    detail?: string;
    buttons?: string[];
    defaultId?: number;
    cancelId?: number;
  };
}

export class FakeApp extends EventEmitter {
  readonly switches: [string, string | undefined][] = [];
  readonly paths = new Map<string, string>();
  logsPath: string | null = null;
  sandboxed = false;
  singleInstance = true;
  /** Calls of app.quit() and app.exit(code), in order. */
  readonly ends: string[] = [];
  /** Which stage a quit reached: before-quit prevented, or will-quit/quit emitted. */
  readonly quitStages: string[] = [];
  readonly commandLine = {
    appendSwitch: (name: string, value?: string) => {
      this.switches.push([name, value]);
    },
  };
  isPackaged = true;
  #ready: () => void = () => undefined;
  readonly #whenReady = new Promise<void>((resolve) => {
    this.#ready = resolve;
  });

  constructor(userData: string) {
    super();
    this.paths.set('userData', userData);
  }
  enableSandbox(): void {
    this.sandboxed = true;
  }
  requestSingleInstanceLock(): boolean {
    return this.singleInstance;
  }
  setPath(name: string, value: string): void {
    this.paths.set(name, value);
  }
  getPath(name: string): string {
    const value = this.paths.get(name);
    if (value === undefined) throw new Error(`no path ${name} in this fake`);
    return value;
  }
  setAppLogsPath(path: string): void {
    this.logsPath = path;
  }
  locale = 'en-US';
  getLocale(): string {
    return this.locale;
  }
  getVersion(): string {
    return '9.8.7';
  }
  whenReady(): Promise<void> {
    return this.#whenReady;
  }
  /** The test's turn: Electron would now be ready. */
  becomeReady(): void {
    this.emit('ready');
    this.#ready();
  }
  quit(): void {
    this.ends.push('quit');
    const event = new FakeEvent();
    this.emit('before-quit', event);
    if (event.defaultPrevented) {
      this.quitStages.push('before-quit prevented');
      return;
    }
    this.quitStages.push('will-quit');
    this.emit('will-quit', new FakeEvent());
    this.quitStages.push('quit');
    this.emit('quit', new FakeEvent(), 0);
  }
  exit(code = 0): void {
    this.ends.push(`exit ${code}`);
  }
}

/** A forked `utilityProcess`: records what it is sent; `kill()` ends it as Electron does. */
export class FakeUtilityProcess extends EventEmitter {
  readonly sent: unknown[] = [];
  killed = false;
  exited = false;
  readonly modulePath: string;
  readonly args: string[];
  readonly options: unknown;
  constructor(modulePath: string, args: string[], options: unknown) {
    super();
    this.modulePath = modulePath;
    this.args = args;
    this.options = options;
  }
  postMessage(message: unknown): void {
    if (this.exited) throw new Error('posted to a utility process that has exited');
    // Electron clones the message for the child process at once (no transfer).
    this.sent.push(structuredClone(message));
  }
  kill(): boolean {
    if (this.exited) return false;
    this.killed = true;
    queueMicrotask(() => {
      this.exited = true;
      this.emit('exit', 0);
    });
    return true;
  }
}

class FakePowerMonitor extends EventEmitter {
  idleState = 'active';
  getSystemIdleState(_threshold: number): string {
    return this.idleState;
  }
}

export interface SafeStorageState {
  available: boolean;
  backend: string;
}

export interface ElectronFake {
  app: FakeApp;
  windows: FakeBrowserWindow[];
  privilegedSchemes: unknown[];
  sessions: Map<string, FakeSession>;
  defaultSession: FakeSession;
  /** Whether `fromPartition` gives an in-memory session (Electron: no `persist:` prefix). */
  inMemoryPartitions: boolean;
  ipcHandlers: Map<string, (event: unknown, ...args: unknown[]) => unknown>;
  applicationMenu: { value: unknown } | null;
  powerMonitor: FakePowerMonitor;
  opened: string[];
  /** What "the system browser" does with an opened URL (default: nothing). */
  browser: (url: string) => Promise<void>;
  safeStorage: SafeStorageState;
  exposed: Map<string, unknown>;
  rendererInvokes: unknown[][];
  rendererListeners: Map<string, Set<(event: unknown, payload: unknown) => void>>;
  /** Every `utilityProcess.fork`, in order. */
  utilityProcesses: FakeUtilityProcess[];
  /** Every message box shown, and the button index the person presses (default: the first). */
  dialogs: ShownDialog[];
  dialogAnswer: number;
}

function freshFake(userData: string): ElectronFake {
  return {
    app: new FakeApp(userData),
    windows: [],
    privilegedSchemes: [],
    sessions: new Map(),
    defaultSession: new FakeSession('', '/persistent/default'),
    inMemoryPartitions: true,
    ipcHandlers: new Map(),
    applicationMenu: null,
    powerMonitor: new FakePowerMonitor(),
    opened: [],
    browser: () => Promise.resolve(),
    safeStorage: { available: true, backend: 'gnome_libsecret' },
    exposed: new Map(),
    rendererInvokes: [],
    rendererListeners: new Map(),
    utilityProcesses: [],
    dialogs: [],
    dialogAnswer: 0,
  };
}

// On globalThis, so a glue module loaded again after vi.resetModules() still finds this fake.
const holder = ((
  globalThis as { __idlensElectronFake?: { current: ElectronFake } }
).__idlensElectronFake ??= { current: freshFake('/nonexistent/userData') });

/** A new, empty Electron for the next run of the glue. */
export function resetElectron(userData = '/nonexistent/userData'): ElectronFake {
  holder.current = freshFake(userData);
  return holder.current;
}

export function electron(): ElectronFake {
  return holder.current;
}

/** A reversible stand-in for the OS keychain: clearly not encryption. */
const mask = (bytes: Uint8Array) => bytes.map((b) => b ^ 0x5a);

export const electronModule = {
  get app() {
    return holder.current.app;
  },
  BrowserWindow: FakeBrowserWindow,
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => {
      holder.current.privilegedSchemes.push(...schemes);
    },
  },
  session: {
    get defaultSession() {
      return holder.current.defaultSession;
    },
    fromPartition(partition: string, options: { cache?: boolean } = {}) {
      let found = holder.current.sessions.get(partition);
      if (found === undefined) {
        const inMemory = holder.current.inMemoryPartitions && !partition.startsWith('persist:');
        found = new FakeSession(partition, inMemory ? null : `/persistent/${partition}`, options);
        holder.current.sessions.set(partition, found);
      }
      return found;
    },
  },
  ipcMain: {
    handle(channel: string, handler: (event: unknown, ...args: unknown[]) => unknown) {
      if (holder.current.ipcHandlers.has(channel)) throw new Error(`second handler for ${channel}`);
      holder.current.ipcHandlers.set(channel, handler);
    },
    removeHandler(channel: string) {
      holder.current.ipcHandlers.delete(channel);
    },
  },
  Menu: {
    setApplicationMenu(menu: unknown) {
      holder.current.applicationMenu = { value: menu };
    },
    buildFromTemplate(template: unknown[]) {
      return { template };
    },
  },
  get powerMonitor() {
    return holder.current.powerMonitor;
  },
  shell: {
    openExternal(url: string) {
      holder.current.opened.push(url);
      return holder.current.browser(url);
    },
  },
  safeStorage: {
    isAsyncEncryptionAvailable: () => Promise.resolve(holder.current.safeStorage.available),
    getSelectedStorageBackend: () => holder.current.safeStorage.backend,
    encryptStringAsync: (plain: string) =>
      Promise.resolve(Buffer.from(mask(new TextEncoder().encode(plain)))),
    decryptStringAsync: (cipher: Buffer) =>
      Promise.resolve({ result: new TextDecoder().decode(mask(cipher)), shouldReEncrypt: false }),
  },
  utilityProcess: {
    fork(modulePath: string, args: string[] = [], options: unknown = {}) {
      const child = new FakeUtilityProcess(modulePath, args, options);
      holder.current.utilityProcesses.push(child);
      return child;
    },
  },
  dialog: {
    showMessageBox(window: unknown, options: ShownDialog['options']) {
      holder.current.dialogs.push({ window, options });
      return Promise.resolve({ response: holder.current.dialogAnswer, checkboxChecked: false });
    },
  },
  contextBridge: {
    exposeInMainWorld(key: string, value: unknown) {
      holder.current.exposed.set(key, value);
    },
  },
  ipcRenderer: {
    invoke(...args: unknown[]) {
      holder.current.rendererInvokes.push(args);
      return Promise.resolve({ ok: true, data: null });
    },
    on(channel: string, listener: (event: unknown, payload: unknown) => void) {
      const set = holder.current.rendererListeners.get(channel) ?? new Set();
      set.add(listener);
      holder.current.rendererListeners.set(channel, set);
    },
    removeListener(channel: string, listener: (event: unknown, payload: unknown) => void) {
      holder.current.rendererListeners.get(channel)?.delete(listener);
    },
    send() {
      throw new Error('the preload must not use send');
    },
  },
};

import { app, safeStorage, shell, type WebContents } from 'electron';
import Store from 'electron-store';
import { homedir, tmpdir } from 'node:os';
import type { AppPlatform } from '../../core/compose.ts';
import type { SecretCipher } from '../../core/client-secret.ts';
import type { Settings } from '../../shared/settings.ts';
import { sendEvent } from './ipc.ts';

/**
 * What Electron offers the core, as `composeApp` asks for it: the keychain (safeStorage), the
 * settings files (electron-store), the system browser, the window to send events to and replace.
 */

/** `--demo` on the command line (or IDLENS_DEMO=1) starts idlens with its demo backend. */
export function isDemoMode(argv: readonly string[], env: NodeJS.ProcessEnv): boolean {
  return argv.includes('--demo') || env['IDLENS_DEMO'] === '1';
}

/** safeStorage, refused where Linux offers only its hard-coded `basic_text` fallback. */
const keychain: SecretCipher = {
  isStrongEncryptionAvailable: async () =>
    (await safeStorage.isAsyncEncryptionAvailable()) &&
    (process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text'),
  encryptString: (plain) => safeStorage.encryptStringAsync(plain),
  decryptString: async (cipher) =>
    (await safeStorage.decryptStringAsync(Buffer.from(cipher))).result,
};

export function electronPlatform(options: {
  demoMode: boolean;
  /** The window's contents, while there is a window. */
  contents: () => WebContents | null;
}): AppPlatform {
  const store = new Store<Settings>({ name: 'settings', clearInvalidConfig: false });
  // The secret lives in its own store file, as ciphertext only.
  const secretFile = new Store<{ clientSecret?: string }>({ name: 'client-secret' });
  return {
    demoMode: options.demoMode,
    version: app.getVersion(),
    os: process.platform,
    settings: {
      read: () => store.store,
      write: (value) => {
        store.store = value;
      },
    },
    secret: {
      cipher: keychain,
      backing: {
        read: () => secretFile.get('clientSecret'),
        write: (value) => {
          if (value === undefined) secretFile.delete('clientSecret');
          else secretFile.set('clientSecret', value);
        },
      },
    },
    clientSecretFromEnv: process.env['IDLENS_CLIENT_SECRET'],
    openExternal: (url) => shell.openExternal(url, { activate: true }),
    emit: (channel, payload) => sendEvent(options.contents(), channel, payload),
    replaceRenderer: () => {
      const contents = options.contents();
      if (contents === null || contents.isDestroyed()) return;
      // Blob data and decoded bitmaps cannot be zeroed from JS: end the process that held them.
      contents.forcefullyCrashRenderer();
      contents.reload();
    },
    folders: {
      platform: process.platform,
      env: process.env,
      homedir: homedir(),
      tmpdir: tmpdir(),
      userData: app.getPath('userData'),
    },
  };
}

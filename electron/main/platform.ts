import { app, safeStorage, shell, type WebContents } from 'electron';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppPlatform } from '../../core/compose.ts';
import type { SecretCipher } from '../../core/client-secret.ts';
import { secretFileBacking, settingsFileBacking } from '../../core/settings-file.ts';
import { utilityAnalysisChannel } from './analysis-process.ts';
import { confirmInDialog } from './confirm-dialog.ts';
import { sendEvent } from './ipc.ts';

/**
 * What Electron offers the core, as `composeApp` asks for it: the keychain (safeStorage), the
 * settings files in the user-data folder, the system browser, the window to send events to and
 * replace, the native dialog that confirms a connection change, and the analysis process (a `utilityProcess`, apart from main and the renderer).
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
  /** The built analysis process (dist/main/analysis-worker.js), run as a `utilityProcess`. */
  analysisWorker: string;
}): AppPlatform {
  const userData = app.getPath('userData');
  return {
    demoMode: options.demoMode,
    version: app.getVersion(),
    os: process.platform,
    // A damaged settings file never stops the app: it is set aside and the user told once.
    settings: settingsFileBacking(join(userData, 'settings.json')),
    // The secret lives in its own file, as keychain ciphertext only.
    secret: { cipher: keychain, backing: secretFileBacking(join(userData, 'client-secret.json')) },
    clientSecretFromEnv: process.env['IDLENS_CLIENT_SECRET'],
    // The only issuer besides the presets' that the environment secret may be sent to.
    clientSecretIssuerFromEnv: process.env['IDLENS_CLIENT_SECRET_ISSUER'],
    // A connection change from the page waits for the person's answer in a native dialog.
    confirmConnection: confirmInDialog(options.contents),
    systemLanguage: () => app.getLocale(),
    openExternal: (url) => shell.openExternal(url, { activate: true }),
    emit: (channel, payload) => sendEvent(options.contents(), channel, payload),
    replaceRenderer: () => {
      const contents = options.contents();
      if (contents === null || contents.isDestroyed()) return;
      // Blob data and decoded bitmaps cannot be zeroed from JS: end the process that held them.
      contents.forcefullyCrashRenderer();
      contents.reload();
    },
    analysisChannel: () => utilityAnalysisChannel(options.analysisWorker),
    folders: {
      platform: process.platform,
      env: process.env,
      homedir: homedir(),
      tmpdir: tmpdir(),
      userData,
    },
  };
}

import type { AnalysisState } from '../../shared/analysis.ts';
import { IdlensError, isIdlensError, type ErrorInfo } from '../../shared/errors.ts';
import {
  INVOKE_CONTRACT,
  type AppInfo,
  type AuthStatus,
  type DocumentImage,
  type DocumentsResult,
  type EventChannel,
  type IdlensApi,
  type InvokeChannel,
  type IpcResult,
  type PayloadOf,
  type Registry,
  type WipeReason,
  type WipeReceipt,
} from '../../shared/ipc.ts';
import type { PrivacyEntry, PrivacyReport } from '../../shared/privacy.ts';
import {
  DEFAULT_SETTINGS,
  SettingsSchema,
  type Settings,
  type SettingsPatch,
  isConnectionSetting,
} from '../../shared/settings.ts';

/**
 * A stand-in for main behind `window.idlens`, for component tests. It speaks the contract: every
 * argument and every result goes through the contract's zod schemas, so a shape the real main
 * would refuse fails here too. Personas mirror the demo backend's.
 */

export type Persona = 'full' | 'passport' | 'unverified' | 'refused';

export interface FakeOptions {
  persona?: Persona;
  /** Initial auth state; default signed out. */
  signedIn?: boolean;
  /** What `auth.signIn()` does: finish at once, fail with a code, or wait for `finishSignIn()`. */
  signIn?: 'succeed' | 'manual' | ErrorInfo;
  /** `documents.load()` fails with this error. */
  loadError?: ErrorInfo;
  /** `documents.load()` waits for `finishLoad()`. */
  manualLoad?: boolean;
  /** Registry data returned with the documents (undefined: details scope not granted). */
  registry?: Registry | null;
  info?: Partial<AppInfo>;
  settings?: Partial<Settings>;
  lastWipe?: WipeReceipt | null;
  /** `documents.wipe()` fails (main unreachable). */
  wipeFails?: boolean;
  /** Makes main's SHA-256 of this slot wrong, as a corrupted transfer would. */
  wrongSha?: 'documentFront' | 'documentBack' | 'face';
  /** Whether the system has a keychain to encrypt a client secret (Linux basic_text: no). */
  keychain?: boolean;
  /** How the person answers main's confirmation of a connection change (default: confirms). */
  confirmation?: 'confirms' | 'declines';
  /** Scopes the sign-in grants (default: openid and identity verification). */
  grantedScopes?: string[];
  /** What the on-disk scan finds. */
  disk?: 'clean' | 'sensitive';
  /** The checks' state main answers with (default idle); `setAnalysis` changes and tells it. */
  analysis?: AnalysisState;
  /** The EXIF orientation of a slot's image (default 1); width and height stay the displayed size. */
  orientation?: Partial<Record<'documentFront' | 'documentBack' | 'face', number>>;
}

export interface FakeBridge {
  api: IdlensApi;
  /** Channel names in call order. */
  calls: string[];
  wipeReasons: WipeReason[];
  /** Every image byte array handed to the page, to check they were zero-filled. */
  delivered: Uint8Array[];
  auth: AuthStatus;
  settings: Settings;
  /** Every patch the page sent with `settings:set`, in order. */
  settingsPatches: SettingsPatch[];
  /** Whether a client secret is "stored" (the fake never keeps the secret itself). */
  hasClientSecret: boolean;
  emit<E extends EventChannel>(channel: E, payload: PayloadOf<E>): void;
  /** Completes a `manual` sign-in (success, or the given error). */
  finishSignIn(error?: ErrorInfo): void;
  finishLoad(): void;
  /** The checks' state, as main would change it and tell the window (`analysis:changed`). */
  analysis: AnalysisState;
  setAnalysis(state: AnalysisState): void;
}

export const SESSION_ID = '3f1c2a9e-5b7d-4e8a-9c01-0d2e4f6a8b10';
export const SESSION_DATE = '2024-01-15T10:30:00.000Z';

/** A tiny but well-formed baseline JPEG frame: SOI, APP0 (JFIF), filler, EOI. */
export function jpegBytes(seed: number, length = 256): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(length);
  bytes.set([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);
  for (let i = 12; i < length - 2; i += 1) bytes[i] = (seed * 31 + i * 7) % 251;
  bytes[length - 2] = 0xff;
  bytes[length - 1] = 0xd9;
  return bytes;
}

async function sha256(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

async function image(
  seed: number,
  width: number,
  height: number,
  wrong: boolean,
  orientation = 1,
): Promise<DocumentImage> {
  const turned = orientation >= 5;
  const bytes = jpegBytes(seed, 200 + seed * 40);
  const hex = await sha256(bytes);
  return {
    bytes,
    mime: 'image/jpeg',
    width,
    height,
    storedWidth: turned ? height : width,
    storedHeight: turned ? width : height,
    orientation,
    trailingBytes: 0,
    progressive: false,
    byteLength: bytes.byteLength,
    sha256: wrong ? hex.replace(/^./, (c) => (c === '0' ? '1' : '0')) : hex,
  };
}

async function documentsFor(options: FakeOptions): Promise<DocumentsResult> {
  const persona = options.persona ?? 'full';
  const wrong = options.wrongSha;
  const base = {
    ...(options.registry !== undefined ? { registry: options.registry } : {}),
  };
  if (persona === 'unverified') {
    return {
      verified: false,
      session: { id: null, type: null, date: null, status: null },
      documents: { documentFront: null, documentBack: null, face: null },
      refused: {},
      ...base,
    };
  }
  const session = { id: SESSION_ID, type: 'veriff', date: SESSION_DATE, status: 'approved' };
  const turn = options.orientation ?? {};
  const front = await image(1, 1600, 1000, wrong === 'documentFront', turn.documentFront);
  const face = await image(3, 900, 1200, wrong === 'face', turn.face);
  if (persona === 'passport') {
    return {
      verified: true,
      session,
      documents: { documentFront: front, documentBack: null, face },
      refused: {},
      ...base,
    };
  }
  if (persona === 'refused') {
    return {
      verified: true,
      session,
      documents: { documentFront: front, documentBack: null, face: null },
      refused: {
        documentBack: { code: 'url_expired', message: 'The link expired.' },
        face: { code: 'image_not_jpeg', message: 'Not a JPEG.' },
      },
      ...base,
    };
  }
  const back = await image(2, 1600, 1000, wrong === 'documentBack', turn.documentBack);
  return {
    verified: true,
    session,
    documents: { documentFront: front, documentBack: back, face },
    refused: {},
    ...base,
  };
}

export function createFakeBridge(options: FakeOptions = {}): FakeBridge {
  const listeners = new Map<EventChannel, Set<(payload: unknown) => void>>();
  let pendingSignIn: ((error?: ErrorInfo) => void) | null = null;
  let pendingLoad: (() => void) | null = null;
  let lastWipe: WipeReceipt | null = options.lastWipe ?? null;
  let imagesHeld = 0;

  const settings = SettingsSchema.parse({ ...DEFAULT_SETTINGS, ...options.settings });
  const fake: FakeBridge = {
    api: undefined as unknown as IdlensApi,
    calls: [],
    wipeReasons: [],
    delivered: [],
    auth: { state: 'signedOut', environment: settings.environment, scopes: [] },
    settings,
    settingsPatches: [],
    hasClientSecret: false,
    emit(channel, payload) {
      for (const listener of listeners.get(channel) ?? []) listener(payload);
    },
    finishSignIn(error) {
      pendingSignIn?.(error);
    },
    finishLoad() {
      pendingLoad?.();
    },
    analysis: options.analysis ?? { status: 'idle' },
    setAnalysis(state) {
      fake.analysis = state;
      fake.emit('analysis:changed', state);
    },
  };

  function signedIn(): AuthStatus {
    return {
      state: 'signedIn',
      environment: fake.settings.environment,
      issuerOrigin: 'http://127.0.0.1:4480',
      user: { sub: 'demo-full', name: 'Alex Specimen' },
      scopes: options.grantedScopes ?? ['openid', 'eprospera:person.id_verification.read'],
      expiresAt: Date.now() + 300_000,
    };
  }

  if (options.signedIn) fake.auth = signedIn();

  const setAuth = (status: AuthStatus) => {
    fake.auth = status;
    fake.emit('auth:changed', status);
  };

  /** Runs a handler the way main's dispatcher does: parse args, run, parse the result. */
  async function call(
    channel: InvokeChannel,
    args: unknown[],
    run: () => unknown,
  ): Promise<IpcResult<never>> {
    fake.calls.push(channel);
    const contract = INVOKE_CONTRACT[channel];
    const parsedArgs = contract.args.safeParse(args);
    if (!parsedArgs.success) {
      // Worded like main's dispatcher: where, and what kind of problem, never the value.
      const issue = parsedArgs.error.issues[0];
      const where =
        issue && issue.path.length > 0
          ? `argument ${issue.path.map(String).join('.')}`
          : 'arguments';
      return {
        ok: false,
        error: {
          code: 'bad_argument',
          message: `Invalid ${where}: ${(issue?.code ?? 'invalid').replaceAll('_', ' ')}.`,
        },
      };
    }
    try {
      const data = await run();
      const parsed = contract.result.safeParse(data);
      if (!parsed.success)
        throw new Error(`fake bridge returned a bad ${channel} result: ${parsed.error.message}`);
      return { ok: true, data: parsed.data as never };
    } catch (error) {
      if (isIdlensError(error)) return { ok: false, error: error.toInfo() };
      throw error;
    }
  }

  const on = (channel: EventChannel) => (listener: (payload: never) => void) => {
    const set = listeners.get(channel) ?? new Set();
    listeners.set(channel, set);
    const wrapped = listener as (payload: unknown) => void;
    set.add(wrapped);
    return () => {
      set.delete(wrapped);
    };
  };

  fake.api = {
    app: {
      info: () =>
        call('app:info', [], () => ({
          version: '0.1.0',
          platform: 'linux',
          contentProtection: false,
          lockScreenEvents: false,
          demoMode: true,
          ...options.info,
        })),
    },
    auth: {
      status: () =>
        call('auth:status', [], () =>
          fake.auth.state === 'signedOut'
            ? { ...fake.auth, environment: fake.settings.environment }
            : fake.auth,
        ),
      signIn: () =>
        call('auth:signIn', [], async () => {
          const mode = options.signIn ?? 'succeed';
          if (mode === 'succeed') {
            setAuth(signedIn());
            return fake.auth;
          }
          const deadline = Date.now() + fake.settings.signInTimeoutSeconds * 1000;
          setAuth({
            state: 'pending',
            environment: fake.settings.environment,
            scopes: [],
            pendingDeadline: deadline,
            redirectUri: `http://127.0.0.1:${fake.settings.redirectPort || 61734}${fake.settings.redirectPath}`,
            clientId: fake.settings.clientId,
          });
          if (mode === 'manual') {
            const error = await new Promise<ErrorInfo | undefined>((resolve) => {
              pendingSignIn = resolve;
            });
            pendingSignIn = null;
            if (!error) {
              setAuth(signedIn());
              return fake.auth;
            }
            setAuth({
              state: 'signedOut',
              environment: fake.settings.environment,
              scopes: [],
              lastError: error,
            });
            throw raise(error);
          }
          setAuth({
            state: 'signedOut',
            environment: fake.settings.environment,
            scopes: [],
            lastError: mode,
          });
          throw raise(mode);
        }),
      cancel: () =>
        call('auth:cancel', [], () => {
          // Like main: the cancel is synchronous, the pending sign-in then fails with auth_cancelled.
          const cancelled: ErrorInfo = {
            code: 'auth_cancelled',
            message: 'Sign-in was cancelled.',
          };
          if (pendingSignIn) {
            pendingSignIn(cancelled);
            setAuth({
              state: 'signedOut',
              environment: fake.settings.environment,
              scopes: [],
              lastError: cancelled,
            });
          }
          return fake.auth;
        }),
      signOut: () =>
        call('auth:signOut', [], () => {
          lastWipe = {
            reason: 'sign-out',
            imagesCleared: imagesHeld,
            bytesZeroed: 0,
            at: Date.now(),
          };
          setAuth({ state: 'signedOut', environment: fake.settings.environment, scopes: [] });
          return fake.auth;
        }),
      onChanged: on('auth:changed'),
    },
    documents: {
      load: () =>
        call('documents:load', [], async () => {
          if (fake.auth.state !== 'signedIn')
            throw new IdlensError('auth_required', 'Sign in to load documents.');
          if (options.manualLoad) {
            await new Promise<void>((resolve) => {
              pendingLoad = resolve;
            });
          }
          if (options.loadError) throw raise(options.loadError);
          const result = await documentsFor(options);
          for (const slot of ['documentFront', 'documentBack', 'face'] as const) {
            const img = result.documents[slot];
            if (img) fake.delivered.push(img.bytes);
          }
          imagesHeld = fake.delivered.length;
          return result;
        }),
      wipe: (reason) =>
        call('documents:wipe', [reason], () => {
          fake.wipeReasons.push(reason);
          if (options.wipeFails) throw new IdlensError('internal', 'An unexpected error occurred.');
          lastWipe = {
            reason,
            imagesCleared: imagesHeld,
            bytesZeroed: imagesHeld * 300,
            at: Date.now(),
          };
          imagesHeld = 0;
          return lastWipe;
        }),
      lastWipe: () => call('documents:lastWipe', [], () => lastWipe),
      onProgress: on('documents:progress'),
      onWipeRequested: on('documents:wipeRequested'),
    },
    settings: {
      get: () => call('settings:get', [], () => fake.settings),
      set: (patch) =>
        call('settings:set', [patch], () => {
          fake.settingsPatches.push(patch);
          const connection = Object.keys(patch).some((name) => isConnectionSetting(name));
          if (connection && options.confirmation === 'declines') {
            throw new IdlensError(
              'connection_declined',
              'The connection change was not confirmed; nothing changed.',
            );
          }
          const next = SettingsSchema.safeParse({ ...fake.settings, ...patch });
          if (!next.success) {
            const issue = next.error.issues[0];
            throw new IdlensError(
              'config_invalid',
              `That setting is not valid (${issue?.path.join('.') ?? '?'}).`,
            );
          }
          fake.settings = next.data;
          return fake.settings;
        }),
      secretStatus: () =>
        call('settings:secretStatus', [], () => ({
          hasClientSecret: fake.hasClientSecret,
          encryptionAvailable: options.keychain ?? true,
        })),
      setSecret: (secret) =>
        call('settings:setSecret', [secret], () => {
          const keychain = options.keychain ?? true;
          if (secret !== null && !keychain) {
            throw new IdlensError(
              'config_invalid',
              'This system offers no keychain to encrypt the client secret; set IDLENS_CLIENT_SECRET instead.',
            );
          }
          fake.hasClientSecret = secret !== null;
          return { hasClientSecret: fake.hasClientSecret, encryptionAvailable: keychain };
        }),
    },
    privacy: {
      report: () => call('privacy:report', [], () => privacyReport(options.disk ?? 'clean')),
    },
    analysis: {
      state: () => call('analysis:state', [], () => fake.analysis),
      onChanged: on('analysis:changed'),
    },
  };
  return fake;
}

/** A report shaped like main's: two locations, Chromium's usual files, and the settings file. */
function privacyReport(disk: 'clean' | 'sensitive'): PrivacyReport {
  const root = '/home/reviewer/.config/idlens';
  const entry = (
    relativePath: string,
    size: number,
    extra: Partial<PrivacyEntry> = {},
  ): PrivacyEntry => ({
    path: `${root}/${relativePath}`,
    relativePath,
    location: 'userData',
    type: 'file',
    size,
    mtime: Date.UTC(2024, 0, 15, 10, 30),
    verdict: 'clean',
    findings: [],
    expected: false,
    ...extra,
  });
  const entries: PrivacyEntry[] = [
    entry('settings.json', 412, { known: 'settings', expected: true }),
    entry('Local State', 2048, { known: 'chromium-local-state' }),
    entry('Preferences', 1024, { known: 'chromium-preferences' }),
    // Special files are listed by kind, never opened.
    entry('SingletonSocket', 0, { type: 'other', special: 'socket' }),
    entry('pipe', 0, { type: 'other', special: 'fifo' }),
  ];
  if (disk === 'sensitive') {
    entries.push(
      entry('Cache/Cache_Data/f_000001', 529_812, {
        known: 'chromium-http-cache',
        verdict: 'sensitive',
        findings: [
          { kind: 'jpeg', count: 1, firstOffset: 0 },
          { kind: 'document-file', count: 1, firstOffset: 0 },
        ],
      }),
    );
  }
  const sensitive = entries.filter((e) => e.verdict === 'sensitive').length;
  return {
    generatedAt: Date.now(),
    platform: 'linux',
    verdict: sensitive > 0 ? 'sensitive' : 'clean',
    locations: [
      { role: 'userData', path: root, exists: true },
      { role: 'cache', path: '/home/reviewer/.cache/idlens', exists: false },
    ],
    settingsFile: `${root}/settings.json`,
    entries,
    summary: {
      files: entries.length,
      directories: 0,
      bytes: entries.reduce((n, e) => n + e.size, 0),
      sensitive,
      unreadable: 0,
      sessionFolders: 0,
      unexpectedFiles: entries.length - 1,
    },
    documentHashesChecked: 3,
    truncated: 0,
  };
}

function raise(info: ErrorInfo): IdlensError {
  return new IdlensError(info.code, info.message);
}

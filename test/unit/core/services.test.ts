import { describe, expect, it, vi } from 'vitest';
import type { AuthStatus, DocumentsResult } from '../../../shared/ipc.ts';
import type { AnalysisService } from '../../../core/analysis-service.ts';
import { createMainServices, type AuthPort, type DocumentsPort } from '../../../core/services.ts';
import { createSettingsService, memoryBacking } from '../../../core/settings.ts';
import { testAppInfo } from '../../fixtures/stub-handlers.ts';

function fakeAuth(): AuthPort & { signIn: ReturnType<typeof vi.fn> } {
  let status: AuthStatus = { state: 'signedOut', environment: 'demo', scopes: [] };
  return {
    signIn: vi.fn(() => {
      status = { state: 'signedIn', environment: 'demo', scopes: [] };
      return Promise.resolve(status);
    }),
    cancel: vi.fn(),
    signOut: vi.fn(() => {
      status = { state: 'signedOut', environment: 'demo', scopes: [] };
      return Promise.resolve();
    }),
    status: () => status,
    onChange: () => () => undefined,
    getAccessToken: () => Promise.resolve('token'),
    refreshAccessToken: () => Promise.resolve(false),
    grantedScopes: () => [],
  };
}

function image(fill: number) {
  const bytes = new Uint8Array(16).fill(fill);
  return {
    bytes,
    mime: 'image/jpeg' as const,
    width: 4,
    height: 4,
    storedWidth: 4,
    storedHeight: 4,
    orientation: 1,
    trailingBytes: 0,
    progressive: false,
    byteLength: 16,
    sha256: 'a'.repeat(64),
  };
}

function fakeDocuments(): DocumentsPort & { held: Uint8Array[] } {
  const held: Uint8Array[] = [];
  return {
    held,
    load: () => {
      const result: DocumentsResult = {
        verified: true,
        session: { id: 's', type: 'veriff', date: null, status: 'approved' },
        documents: { documentFront: image(1), documentBack: null, face: image(2) },
        refused: {},
      };
      held.push(result.documents.documentFront!.bytes, result.documents.face!.bytes);
      return Promise.resolve(result);
    },
    wipe: () => {
      const n = held.length;
      let bytes = 0;
      for (const b of held.splice(0)) {
        bytes += b.byteLength;
        b.fill(0);
      }
      return { imagesCleared: n, bytesZeroed: bytes };
    },
  };
}

function services(
  opts: {
    demoMode?: boolean;
    settings?: unknown;
    auth?: AuthPort;
    documents?: DocumentsPort;
    privacyReport?: (hashes: readonly string[]) => Promise<never>;
    analysis?: AnalysisService;
  } = {},
) {
  const replaceRenderer = vi.fn();
  const emit = vi.fn();
  const s = createMainServices({
    settings: createSettingsService(memoryBacking(opts.settings ?? { environment: 'demo' })),
    auth: opts.auth ?? fakeAuth(),
    documents: opts.documents ?? fakeDocuments(),
    appInfo: testAppInfo(opts.demoMode ?? true),
    demoMode: opts.demoMode ?? true,
    emit,
    replaceRenderer,
    privacyReport: opts.privacyReport ?? (() => Promise.reject(new Error('not in this test'))),
    ...(opts.analysis ? { analysis: opts.analysis } : {}),
    now: () => 1000,
  });
  return { ...s, replaceRenderer, emit };
}

describe('main services', () => {
  it('refuses the demo environment unless the demo backend is on, before opening a browser', async () => {
    const auth = fakeAuth();
    const { handlers } = services({ demoMode: false, auth });
    await expect(Promise.resolve().then(() => handlers['auth:signIn']())).rejects.toMatchObject({
      code: 'config_invalid',
    });
    expect(auth.signIn).not.toHaveBeenCalled();
  });

  it('passes the settings to sign-in, with insecure loopback only in demo mode', async () => {
    const auth = fakeAuth();
    const { handlers } = services({ auth });
    await handlers['auth:signIn']();
    expect(auth.signIn).toHaveBeenCalledWith(
      expect.objectContaining({
        issuer: 'http://127.0.0.1:4480',
        allowInsecureLoopback: true,
        redirectPath: '/callback',
      }),
      expect.anything(),
    );
  });

  it('allows the loopback image store only in demo mode', async () => {
    for (const demoMode of [true, false]) {
      const documents = fakeDocuments();
      const load = vi.spyOn(documents, 'load');
      const settings = demoMode
        ? { environment: 'demo' }
        : { environment: 'custom', issuer: 'https://id.example' };
      const { handlers } = services({ auth: fakeAuth(), documents, demoMode, settings });
      await handlers['auth:signIn']();
      await handlers['documents:load']();
      expect(load.mock.calls[0]![0]).toMatchObject({ allowLoopbackHttp: demoMode });
      expect(load.mock.calls[0]![0].allowedImageHosts?.includes('127.0.0.1') ?? false).toBe(
        demoMode,
      );
    }
  });

  it('loads documents only when signed in', async () => {
    const { handlers } = services();
    await expect(Promise.resolve().then(() => handlers['documents:load']())).rejects.toMatchObject({
      code: 'auth_required',
    });
  });

  it('wipes main copies, replaces the renderer after answering, and keeps a receipt', async () => {
    vi.useFakeTimers();
    try {
      const documents = fakeDocuments();
      const { handlers, replaceRenderer } = services({ documents });
      await handlers['auth:signIn']();
      const result = await handlers['documents:load']();
      const bytes = result.documents.face!.bytes;
      const receipt = await handlers['documents:wipe']('button');
      expect(receipt).toEqual({ reason: 'button', imagesCleared: 2, bytesZeroed: 32, at: 1000 });
      expect(bytes.every((b) => b === 0)).toBe(true);
      expect(replaceRenderer).not.toHaveBeenCalled();
      vi.runAllTimers();
      expect(replaceRenderer).toHaveBeenCalledOnce();
      expect(handlers['documents:lastWipe']()).toEqual(receipt);
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps the receipt of the wipe that cleared the images when later triggers find nothing', async () => {
    const { handlers } = services();
    await handlers['auth:signIn']();
    await handlers['documents:load']();
    await handlers['auth:signOut']();
    const again = await handlers['documents:wipe']('sign-out');
    expect(again).toMatchObject({ reason: 'sign-out', imagesCleared: 2 });
    expect(handlers['documents:lastWipe']()).toMatchObject({ imagesCleared: 2 });
  });

  it('wipes on sign-out', async () => {
    const documents = fakeDocuments();
    const { handlers } = services({ documents });
    await handlers['auth:signIn']();
    const result = await handlers['documents:load']();
    await handlers['auth:signOut']();
    expect(result.documents.documentFront!.bytes.every((b) => b === 0)).toBe(true);
    expect(handlers['documents:lastWipe']()).toMatchObject({
      reason: 'sign-out',
      imagesCleared: 2,
    });
  });
});

describe('privacy report', () => {
  it('looks on disk for the hashes of every document shown this run, even after a wipe', async () => {
    const privacyReport = vi.fn((_hashes: readonly string[]) => Promise.reject(new Error('stop')));
    const { handlers } = services({ privacyReport });
    await handlers['auth:signIn']();
    await handlers['documents:load']();
    await handlers['documents:wipe']('button');
    await expect(Promise.resolve().then(() => handlers['privacy:report']())).rejects.toThrow(
      'stop',
    );
    expect(privacyReport).toHaveBeenCalledWith(['a'.repeat(64)]);
  });
});

describe('client secret for sign-in', () => {
  it('uses IDLENS_CLIENT_SECRET over a stored one, and the stored one otherwise', async () => {
    const stored = {
      status: () => Promise.resolve({ hasClientSecret: true, encryptionAvailable: true }),
      set: () => Promise.resolve({ hasClientSecret: true, encryptionAvailable: true }),
      reveal: vi.fn(() => Promise.resolve('from-keychain')),
    };
    for (const [env, expected] of [
      ['from-env', 'from-env'],
      [undefined, 'from-keychain'],
    ] as const) {
      const auth = fakeAuth();
      const s = createMainServices({
        settings: createSettingsService(memoryBacking({ environment: 'demo' })),
        auth,
        documents: fakeDocuments(),
        appInfo: testAppInfo(true),
        demoMode: true,
        clientSecret: env,
        secretStore: stored,
        emit: vi.fn(),
        replaceRenderer: vi.fn(),
      });
      await s.handlers['auth:signIn']();
      expect(auth.signIn).toHaveBeenCalledWith(
        expect.objectContaining({ clientSecret: expected }),
        expect.anything(),
      );
      await expect(Promise.resolve(s.handlers['settings:secretStatus']())).resolves.toEqual({
        hasClientSecret: true,
        encryptionAvailable: true,
      });
    }
  });
});

describe('what a fresh start tells the page', () => {
  it('names the settings environment while signed out, production for an installed app', async () => {
    const s = createMainServices({
      settings: createSettingsService(memoryBacking(undefined)),
      auth: fakeAuth(),
      documents: fakeDocuments(),
      appInfo: testAppInfo(false),
      demoMode: false,
      emit: vi.fn(),
      replaceRenderer: vi.fn(),
    });
    expect(await s.handlers['auth:status']()).toMatchObject({
      state: 'signedOut',
      environment: 'production',
      issuerOrigin: 'https://portal.eprospera.com',
    });
  });

  it('tells the first page once that the settings file was repaired', async () => {
    const { handlers } = services({ settings: { idleMinutes: 'ten', language: 'es' } });
    expect((await handlers['app:info']()).settingsRepaired).toEqual({
      keptAs: null,
      reset: ['idleMinutes'],
      ignored: [],
    });
    expect((await handlers['app:info']()).settingsRepaired).toBeUndefined();
  });

  describe('the review-assist checks', () => {
    function recordingAnalysis(): AnalysisService & { calls: string[] } {
      const calls: string[] = [];
      return {
        calls,
        state: () => ({ status: 'idle' }),
        prepare: () => calls.push('prepare'),
        start: (result) => {
          // Main's copy is still intact when the checks take theirs.
          calls.push(`start ${result.documents.documentFront?.bytes[0] ?? 'none'}`);
        },
        stop: () => {
          calls.push('stop');
          return Promise.resolve();
        },
      };
    }

    it('a load prepares the process, then starts the checks on the images it brought', async () => {
      const analysis = recordingAnalysis();
      const { handlers } = services({ analysis });
      await handlers['auth:signIn']();
      await handlers['documents:load']();
      expect(analysis.calls).toEqual(['prepare', 'start 1']);
      expect(handlers['analysis:state']()).toEqual({ status: 'idle' });
    });

    it('a wipe during the download: the checks do not start on what it brought', async () => {
      const analysis = recordingAnalysis();
      const documents = fakeDocuments();
      const load = documents.load.bind(documents);
      let wipeNow: () => void = () => undefined;
      documents.load = async (request) => {
        wipeNow();
        return load(request);
      };
      const s = services({ analysis, documents });
      wipeNow = () => s.wipeInMain('lock-screen');
      await s.handlers['auth:signIn']();
      await s.handlers['documents:load']();
      expect(analysis.calls).toEqual(['prepare', 'stop']);
    });

    it('a session that ends by itself (expired, revoked) ends the process', () => {
      const analysis = recordingAnalysis();
      let tell: (status: AuthStatus) => void = () => undefined;
      const auth = {
        ...fakeAuth(),
        onChange: (listener: (status: AuthStatus) => void) => {
          tell = listener;
          return () => undefined;
        },
      };
      services({ analysis, auth });
      tell({ state: 'signedIn', environment: 'demo', scopes: [] });
      expect(analysis.calls).toEqual([]);
      tell({ state: 'signedOut', environment: 'demo', scopes: [] });
      expect(analysis.calls).toEqual(['stop']);
    });

    it('every wipe, the sign-out and the shutdown end the process', async () => {
      const analysis = recordingAnalysis();
      const s = services({ analysis });
      await s.handlers['auth:signIn']();
      await s.handlers['documents:wipe']('button');
      s.wipeInMain('suspend');
      await s.handlers['auth:signOut']();
      await s.shutdown();
      expect(analysis.calls.filter((c) => c === 'stop').length).toBeGreaterThanOrEqual(4);
    });
  });
});

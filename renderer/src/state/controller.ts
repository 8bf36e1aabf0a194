import type { Environment } from '../../../shared/environments.ts';
import type { ErrorInfo } from '../../../shared/errors.ts';
import type {
  AuthStatus,
  ClientSecretStatus,
  DocumentImage,
  DocumentSlot,
  DocumentsResult,
  IdlensApi,
  IpcResult,
  Progress,
  WipeReason,
} from '../../../shared/ipc.ts';

import type { PrivacyReport } from '../../../shared/privacy.ts';
import type { Language, Settings, SettingsPatch } from '../../../shared/settings.ts';
import type { ImageMemory } from '../image-memory.ts';
import {
  SLOTS,
  type AppState,
  type DigestCheck,
  type LoadedDocuments,
  type SlotView,
} from './app-state.ts';
import type { Store } from './store.ts';

/**
 * Every flow that crosses the bridge: sign-in, loading, wiping, settings. React components call
 * these methods and read the store; they never talk to `window.idlens` themselves.
 */
export class AppController {
  readonly #api: IdlensApi;
  readonly #store: Store<AppState>;
  readonly #memory: ImageMemory;
  readonly #now: () => number;
  /** Bumped by every wipe: a load that resolves under an older generation is discarded. */
  #generation = 0;
  #signInRequested = false;
  #cancelRequested = false;
  #wiping = false;

  constructor(
    api: IdlensApi,
    store: Store<AppState>,
    memory: ImageMemory,
    now: () => number = () => Date.now(),
  ) {
    this.#api = api;
    this.#store = store;
    this.#memory = memory;
    this.#now = now;
  }

  get store(): Store<AppState> {
    return this.#store;
  }

  get memory(): ImageMemory {
    return this.#memory;
  }

  /** Subscribes to main's events and reads the initial state. Returns the unsubscribe. */
  start(): () => void {
    const offs = [
      this.#api.auth.onChanged((status) => this.#onAuth(status)),
      this.#api.documents.onProgress((progress) => this.#onProgress(progress)),
      this.#api.documents.onWipeRequested((reason) => void this.wipe(reason)),
      this.#api.analysis.onChanged((analysis) => this.#store.set((s) => ({ ...s, analysis }))),
    ];
    void this.#boot();
    return () => {
      for (const off of offs) off();
    };
  }

  async #boot(): Promise<void> {
    const [info, settings, auth, lastWipe, analysis] = await Promise.all([
      this.#api.app.info(),
      this.#api.settings.get(),
      this.#api.auth.status(),
      this.#api.documents.lastWipe(),
      this.#api.analysis.state(),
    ]);
    this.#store.set((s) => ({
      ...s,
      info: info.ok ? info.data : s.info,
      settings: settings.ok ? settings.data : s.settings,
      analysis: analysis.ok ? analysis.data : s.analysis,
      // Main replaces this page after every wipe; the fresh page shows what the wipe cleared.
      wipe:
        s.wipe === null && lastWipe.ok && lastWipe.data
          ? { status: 'done', receipt: lastWipe.data, confirmed: true }
          : s.wipe,
    }));
    // A page that starts signed in (for example the fresh page after a wipe) does not load the
    // documents by itself: they come back only when the person asks for them.
    if (auth.ok) this.#onAuth(auth.data);
    else this.#store.set((s) => ({ ...s, signInError: auth.error }));
  }

  #onAuth(status: AuthStatus): void {
    const before = this.#store.get();
    this.#store.set((s) => ({
      ...s,
      auth: status,
      signInAttempt:
        status.state === 'pending' && status.redirectUri && status.clientId
          ? { redirectUri: status.redirectUri, clientId: status.clientId }
          : status.state === 'signedIn'
            ? null
            : s.signInAttempt,
      signInError:
        status.lastError && !this.#isOwnCancel(status.lastError)
          ? status.lastError
          : status.state === 'signedIn'
            ? null
            : s.signInError,
    }));
    if (status.state === 'signedIn' && this.#signInRequested) {
      this.#signInRequested = false;
      void this.loadDocuments();
    }
    if (status.state === 'signedOut' && before.auth?.state === 'signedIn') {
      // Main ended the session (token revoked, expired, signed out elsewhere): drop the images.
      if (this.#memory.size > 0 || before.docs.status !== 'idle') void this.wipe('sign-out');
    }
  }

  async signIn(): Promise<void> {
    this.#signInRequested = true;
    this.#cancelRequested = false;
    this.#store.set((s) => ({ ...s, signInStarting: true, signInError: null, wipe: null }));
    const result = await this.#api.auth.signIn();
    this.#store.set((s) => ({ ...s, signInStarting: false }));
    if (result.ok) {
      this.#onAuth(result.data);
      if (result.data.state === 'signedOut') this.#signInRequested = false;
    } else {
      this.#signInRequested = false;
      if (!this.#isOwnCancel(result.error)) {
        this.#store.set((s) => ({ ...s, signInError: result.error }));
      }
    }
  }

  /** A cancellation the person asked for needs no error message. */
  #isOwnCancel(error: ErrorInfo): boolean {
    return this.#cancelRequested && error.code === 'auth_cancelled';
  }

  async cancelSignIn(): Promise<void> {
    this.#cancelRequested = true;
    this.#signInRequested = false;
    const result = await this.#api.auth.cancel();
    if (result.ok) this.#onAuth(result.data);
  }

  async signOut(): Promise<void> {
    const tally = this.#wipeLocal('sign-out');
    const out = await this.#api.auth.signOut();
    if (out.ok) this.#onAuth(out.data);
    await this.#confirmWipe('sign-out', tally);
  }

  async loadDocuments(): Promise<void> {
    if (this.#store.get().docs.status === 'loading') return;
    const generation = this.#generation;
    this.#store.set((s) => ({ ...s, docs: { status: 'loading', progress: {} }, wipe: null }));
    const result = await this.#api.documents.load();
    if (generation !== this.#generation) {
      // A wipe happened while the download ran: these bytes are never shown.
      if (result.ok) this.#discard(result.data);
      return;
    }
    if (!result.ok) {
      this.#store.set((s) => ({ ...s, docs: { status: 'error', error: result.error } }));
      return;
    }
    const docs = this.#adopt(result.data, generation);
    this.#store.set((s) => ({ ...s, docs: { status: 'ready', docs } }));
  }

  /** Clears every image from this page, then asks main to clear its copies and replace the page. */
  async wipe(reason: WipeReason): Promise<void> {
    if (this.#wiping) return;
    const tally = this.#wipeLocal(reason);
    await this.#confirmWipe(reason, tally);
  }

  /**
   * The synchronous part of a wipe, for `pagehide`: when the page is going away there is no time
   * to wait for main's answer. Main is still told, fire-and-forget.
   */
  wipeNow(reason: WipeReason): void {
    this.#wipeLocal(reason);
    void this.#api.documents.wipe(reason);
  }

  #wipeLocal(reason: WipeReason): { images: number; bytesZeroed: number } {
    this.#generation += 1;
    const tally = this.#memory.wipe();
    this.#store.set((s) => ({
      ...s,
      docs: { status: 'idle' },
      wipe: { status: 'wiping', reason },
      // The report goes with the images (main ends the analysis process too).
      analysis: { status: 'idle' },
    }));
    // V8 keeps the subject of the last regex match reachable (RegExp.input / lastMatch): after a
    // date of birth was formatted, the person's. Match once on nothing (renderer memory audit).
    /(?:)/.exec('');
    return tally;
  }

  async #confirmWipe(
    reason: WipeReason,
    tally: { images: number; bytesZeroed: number },
  ): Promise<void> {
    this.#wiping = true;
    try {
      const result = await this.#api.documents.wipe(reason);
      this.#store.set((s) => ({
        ...s,
        wipe: result.ok
          ? { status: 'done', receipt: result.data, confirmed: true }
          : {
              status: 'done',
              receipt: {
                reason,
                imagesCleared: tally.images,
                bytesZeroed: tally.bytesZeroed,
                at: this.#now(),
              },
              confirmed: false,
            },
      }));
    } finally {
      this.#wiping = false;
    }
  }

  dismissReceipt(): void {
    this.#store.set((s) => (s.wipe?.status === 'done' ? { ...s, wipe: null } : s));
  }

  async saveSettings(patch: SettingsPatch): Promise<IpcResult<Settings>> {
    const result = await this.#api.settings.set(patch);
    if (result.ok) {
      this.#store.set((s) => ({ ...s, settings: result.data }));
      if ('environment' in patch || 'issuer' in patch) await this.#refreshAuth();
    }
    return result;
  }

  /** Switches the UI language at once and remembers it (a failed save keeps the switch). */
  async setLanguage(language: Language): Promise<void> {
    this.#store.set((s) => (s.settings ? { ...s, settings: { ...s.settings, language } } : s));
    const result = await this.#api.settings.set({ language });
    if (result.ok) this.#store.set((s) => ({ ...s, settings: result.data }));
  }

  /** What the app's folders hold on disk (main scans them; nothing is read here). */
  privacyReport(): Promise<IpcResult<PrivacyReport>> {
    return this.#api.privacy.report();
  }

  secretStatus(): Promise<IpcResult<ClientSecretStatus>> {
    return this.#api.settings.secretStatus();
  }

  /** Hands a client secret to main (which encrypts it) or clears it; it never comes back. */
  setSecret(secret: string | null): Promise<IpcResult<ClientSecretStatus>> {
    return this.#api.settings.setSecret(secret);
  }

  async setEnvironment(environment: Environment): Promise<ErrorInfo | null> {
    const result = await this.saveSettings({ environment });
    return result.ok ? null : result.error;
  }

  async #refreshAuth(): Promise<void> {
    const auth = await this.#api.auth.status();
    if (auth.ok) this.#onAuth(auth.data);
  }

  #onProgress(progress: Progress): void {
    this.#store.set((s) =>
      s.docs.status === 'loading'
        ? { ...s, docs: { ...s.docs, progress: { ...s.docs.progress, [progress.slot]: progress } } }
        : s,
    );
  }

  #adopt(result: DocumentsResult, generation: number): LoadedDocuments {
    const slots = {} as Record<DocumentSlot, SlotView>;
    for (const slot of SLOTS) {
      const image = result.documents[slot];
      if (image) {
        const held = this.#memory.adopt(slot, image.bytes, image.mime);
        slots[slot] = {
          kind: 'image',
          image: {
            slot,
            width: image.width,
            height: image.height,
            byteLength: image.byteLength,
            sha256: image.sha256,
            digest: 'pending',
            orientation: image.orientation,
          },
        };
        void held.digest.then((hex) => this.#onDigest(slot, image.sha256, hex, generation));
      } else {
        slots[slot] = this.#absence(result, slot);
      }
    }
    return {
      verified: result.verified,
      session: result.session,
      slots,
      registry: result.registry,
    };
  }

  #absence(result: DocumentsResult, slot: DocumentSlot): SlotView {
    const refused = result.refused[slot];
    if (refused) return { kind: 'refused', error: refused };
    if (!result.verified) return { kind: 'notVerified' };
    const front = result.documents.documentFront ?? result.refused.documentFront;
    if (slot === 'documentBack' && front) return { kind: 'noBack' };
    return { kind: 'missing' };
  }

  #onDigest(slot: DocumentSlot, expected: string, actual: string | null, generation: number): void {
    if (generation !== this.#generation) return;
    const check: DigestCheck =
      actual === null ? 'unavailable' : actual === expected ? 'match' : 'mismatch';
    this.#store.set((s) => {
      if (s.docs.status !== 'ready') return s;
      const view = s.docs.docs.slots[slot];
      if (view.kind !== 'image') return s;
      return {
        ...s,
        docs: {
          status: 'ready',
          docs: {
            ...s.docs.docs,
            slots: {
              ...s.docs.docs.slots,
              [slot]: { kind: 'image', image: { ...view.image, digest: check } },
            },
          },
        },
      };
    });
  }

  #discard(result: DocumentsResult): void {
    for (const slot of SLOTS) {
      const image: DocumentImage | null = result.documents[slot];
      if (image) this.#memory.discard(image.bytes);
    }
  }
}

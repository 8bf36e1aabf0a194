import type { AnalysisState } from '../../../shared/analysis.ts';
import type { ErrorInfo } from '../../../shared/errors.ts';
import type {
  AppInfo,
  AuthStatus,
  DocumentSlot,
  Progress,
  Registry,
  VerificationSession,
  WipeReason,
  WipeReceipt,
} from '../../../shared/ipc.ts';
import type { Settings } from '../../../shared/settings.ts';

/** The three images, in display order. (Declared here so the bundle does not pull in zod.) */
export const SLOTS = [
  'documentFront',
  'documentBack',
  'face',
] as const satisfies readonly DocumentSlot[];

export type DigestCheck = 'pending' | 'match' | 'mismatch' | 'unavailable';

/** Facts about an image the page holds; the pixels themselves live in ImageMemory only. */
export interface ShownImage {
  slot: DocumentSlot;
  width: number;
  height: number;
  byteLength: number;
  sha256: string;
  digest: DigestCheck;
  /** EXIF orientation 1–8: the zone's box is in stored pixels, the viewer shows it applied. */
  orientation: number;
}

/** What one card shows: the image, or why there is none. */
export type SlotView =
  | { kind: 'image'; image: ShownImage }
  | { kind: 'refused'; error: ErrorInfo }
  | { kind: 'noBack' }
  | { kind: 'notVerified' }
  | { kind: 'missing' };

export interface LoadedDocuments {
  verified: boolean;
  session: VerificationSession;
  slots: Record<DocumentSlot, SlotView>;
  /** undefined: details scope not requested; null: requested, registry empty. */
  registry: Registry | null | undefined;
}

export type DocsState =
  | { status: 'idle' }
  | { status: 'loading'; progress: Partial<Record<DocumentSlot, Progress>> }
  | { status: 'ready'; docs: LoadedDocuments }
  | { status: 'error'; error: ErrorInfo };

export type WipeState =
  | null
  | { status: 'wiping'; reason: WipeReason }
  | { status: 'done'; receipt: WipeReceipt; confirmed: boolean };

export interface SignInAttempt {
  redirectUri: string;
  clientId: string;
}

export interface AppState {
  /** False when `window.idlens` is missing: nothing can work, and the UI says so. */
  bridge: boolean;
  info: AppInfo | null;
  settings: Settings | null;
  auth: AuthStatus | null;
  signInStarting: boolean;
  signInError: ErrorInfo | null;
  /** What the last sign-in used, kept after it fails so the error can name what to check. */
  signInAttempt: SignInAttempt | null;
  docs: DocsState;
  wipe: WipeState;
  /** The review-assist checks main runs on the documents shown (idle when none). */
  analysis: AnalysisState;
}

export const INITIAL_STATE: AppState = {
  bridge: true,
  info: null,
  settings: null,
  auth: null,
  signInStarting: false,
  signInError: null,
  signInAttempt: null,
  docs: { status: 'idle' },
  wipe: null,
  analysis: { status: 'idle' },
};

/** Whether any image data may be in this page right now (what idle and close must wipe). */
export function holdsDocuments(state: AppState): boolean {
  return state.docs.status === 'loading' || state.docs.status === 'ready';
}

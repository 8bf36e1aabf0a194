import { z } from 'zod';
import { AnalysisStateSchema } from './analysis.ts';
import { ErrorInfoSchema, type ErrorInfo } from './errors.ts';
import { ENVIRONMENTS } from './environments.ts';
import { PrivacyReportSchema } from './privacy.ts';
import { SettingsPatchSchema, SettingsSchema } from './settings.ts';

/**
 * The IPC contract between main and the renderer: every channel, its arguments and its result.
 * The preload exposes exactly these as `window.idlens`; main parses every argument with the
 * schemas below before a handler sees it. Nothing here can carry a token or a URL.
 */

export const DOCUMENT_SLOTS = ['documentFront', 'documentBack', 'face'] as const;
export const DocumentSlotSchema = z.enum(DOCUMENT_SLOTS);
export type DocumentSlot = z.infer<typeof DocumentSlotSchema>;

export const UserSchema = z.object({
  sub: z.string(),
  name: z.string().optional(),
  email: z.string().optional(),
});

export const AuthStatusSchema = z.object({
  state: z.enum(['signedOut', 'pending', 'signedIn']),
  environment: z.enum(ENVIRONMENTS),
  /** Origin of the issuer, shown as a badge (no path, no query). */
  issuerOrigin: z.string().optional(),
  user: UserSchema.optional(),
  scopes: z.array(z.string()).default([]),
  /** Epoch ms when the access token expires. */
  expiresAt: z.number().optional(),
  /** Epoch ms when a pending sign-in gives up. */
  pendingDeadline: z.number().optional(),
  /** While pending: the redirect URI the loopback listener waits on, to check against the client's registration. */
  redirectUri: z.string().optional(),
  /** While pending: the client id used, to check against the client's registration. */
  clientId: z.string().optional(),
  lastError: ErrorInfoSchema.optional(),
});
export type AuthStatus = z.infer<typeof AuthStatusSchema>;

export const ImageSchema = z.object({
  bytes: z.instanceof(Uint8Array),
  mime: z.literal('image/jpeg'),
  /** Displayed size: the EXIF orientation applied, as the viewer shows the picture. */
  width: z.int().positive(),
  height: z.int().positive(),
  /** Size as stored in the frame header (before the EXIF orientation turns it). */
  storedWidth: z.int().positive(),
  storedHeight: z.int().positive(),
  /** EXIF orientation 1–8 (1: as stored; 6: stored turned left, shown turned right). */
  orientation: z.int().min(1).max(8),
  /** Bytes after the end-of-image marker (a phone's motion-photo trailer, or anything else). */
  trailingBytes: z.int().nonnegative(),
  progressive: z.boolean(),
  byteLength: z.int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type DocumentImage = z.infer<typeof ImageSchema>;

export const VerificationSessionSchema = z.object({
  id: z.string().nullable(),
  type: z.string().nullable(),
  date: z.string().nullable(),
  status: z.string().nullable(),
});
export type VerificationSession = z.infer<typeof VerificationSessionSchema>;

export const AddressSchema = z.object({
  country: z.string().nullable().optional(),
  line1: z.string().nullable().optional(),
  line2: z.string().nullable().optional(),
  city: z.string().nullable().optional(),
  state: z.string().nullable().optional(),
  postalCode: z.string().nullable().optional(),
});

/** `GET /api/v1/me/natural-person`: every field tolerated as missing or null. */
export const RegistrySchema = z.looseObject({
  givenName: z.string().nullable().optional(),
  surname: z.string().nullable().optional(),
  name: z.string().nullable().optional(),
  residentPermitNumber: z.string().nullable().optional(),
  countryOfBirth: z.string().nullable().optional(),
  citizenships: z.array(z.string()).nullable().optional(),
  dateOfBirth: z.string().nullable().optional(),
  sex: z.string().nullable().optional(),
  address: AddressSchema.nullable().optional(),
  phoneNumber: z.string().nullable().optional(),
});
export type Registry = z.infer<typeof RegistrySchema>;

export const DocumentsResultSchema = z.object({
  verified: z.boolean(),
  session: VerificationSessionSchema,
  documents: z.object({
    documentFront: ImageSchema.nullable(),
    documentBack: ImageSchema.nullable(),
    face: ImageSchema.nullable(),
  }),
  /** Why a slot that had a URL holds no image (refused by the guards, failed download). */
  refused: z.partialRecord(DocumentSlotSchema, ErrorInfoSchema),
  /** Registry data when the details scope was granted; null when granted but empty. */
  registry: RegistrySchema.nullable().optional(),
});
export type DocumentsResult = z.infer<typeof DocumentsResultSchema>;

export const ProgressSchema = z.object({
  slot: DocumentSlotSchema,
  receivedBytes: z.int().nonnegative(),
  totalBytes: z.int().nonnegative().nullable(),
  done: z.boolean(),
});
export type Progress = z.infer<typeof ProgressSchema>;

export const WipeReasonSchema = z.enum([
  'button',
  'shortcut',
  'idle',
  'sign-out',
  'window-close',
  'lock-screen',
  'suspend',
]);
export type WipeReason = z.infer<typeof WipeReasonSchema>;

export const WipeReceiptSchema = z.object({
  reason: WipeReasonSchema,
  imagesCleared: z.int().nonnegative(),
  bytesZeroed: z.int().nonnegative(),
  at: z.number(),
});
export type WipeReceipt = z.infer<typeof WipeReceiptSchema>;

/** The settings file could not be used as it was: it was set aside and what was valid kept. */
export const SettingsRepairSchema = z.object({
  /** File name the damaged copy was kept under; null when it could not be moved. */
  keptAs: z.string().max(260).nullable(),
  /** Settings whose stored value was unusable: dropped (now unset) or back to their defaults. */
  reset: z.array(SettingsSchema.keyof()),
  /** Names in the file that are no setting at all (ignored, shortened to 60 characters). */
  ignored: z.array(z.string().max(60)).max(20).default([]),
});
export type SettingsRepair = z.infer<typeof SettingsRepairSchema>;

export const AppInfoSchema = z.object({
  version: z.string(),
  platform: z.enum(['darwin', 'win32', 'linux', 'other']),
  /** Whether the OS honours screen-capture protection for this window. */
  contentProtection: z.boolean(),
  /** Whether the OS tells the app about screen locks (otherwise idle polling only). */
  lockScreenEvents: z.boolean(),
  demoMode: z.boolean(),
  /** Present in the first answer after a start that had to repair the settings file. */
  settingsRepaired: SettingsRepairSchema.optional(),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

export const ClientSecretStatusSchema = z.object({
  hasClientSecret: z.boolean(),
  encryptionAvailable: z.boolean(),
});
export type ClientSecretStatus = z.infer<typeof ClientSecretStatusSchema>;

const NoArgs = z.tuple([]);

/** Request/response channels (`ipcRenderer.invoke` → `ipcMain.handle`). */
export const INVOKE_CONTRACT = {
  'app:info': { args: NoArgs, result: AppInfoSchema },
  'auth:status': { args: NoArgs, result: AuthStatusSchema },
  'auth:signIn': { args: NoArgs, result: AuthStatusSchema },
  'auth:cancel': { args: NoArgs, result: AuthStatusSchema },
  'auth:signOut': { args: NoArgs, result: AuthStatusSchema },
  'documents:load': { args: NoArgs, result: DocumentsResultSchema },
  'documents:wipe': { args: z.tuple([WipeReasonSchema]), result: WipeReceiptSchema },
  /** The receipt of the last wipe: the page that asked for it has been replaced since. */
  'documents:lastWipe': { args: NoArgs, result: WipeReceiptSchema.nullable() },
  'settings:get': { args: NoArgs, result: SettingsSchema },
  'settings:set': { args: z.tuple([SettingsPatchSchema]), result: SettingsSchema },
  /** Whether a client secret is stored (encrypted); the secret itself never comes back. */
  'settings:secretStatus': { args: NoArgs, result: ClientSecretStatusSchema },
  /** Stores (encrypted with the OS keychain) or, with null, clears the client secret. */
  'settings:setSecret': {
    args: z.tuple([z.string().min(1).max(2000).nullable()]),
    result: ClientSecretStatusSchema,
  },
  /** What idlens's folders hold on disk, scanned for anything of a person (paths, sizes, verdicts). */
  'privacy:report': { args: NoArgs, result: PrivacyReportSchema },
  /**
   * The review-assist checks on the documents shown: idle, off (turned off in Settings), running,
   * done (report) or failed.
   */
  'analysis:state': { args: NoArgs, result: AnalysisStateSchema },
} as const;

/** Events main sends to the renderer (`webContents.send` → a listener in the preload). */
export const EVENT_CONTRACT = {
  'auth:changed': AuthStatusSchema,
  'documents:progress': ProgressSchema,
  'documents:wipeRequested': WipeReasonSchema,
  /** The checks' state changed (started after a load, finished, failed, ended by a wipe). */
  'analysis:changed': AnalysisStateSchema,
} as const;

export type InvokeChannel = keyof typeof INVOKE_CONTRACT;
export type EventChannel = keyof typeof EVENT_CONTRACT;
export type ArgsOf<C extends InvokeChannel> = z.infer<(typeof INVOKE_CONTRACT)[C]['args']>;
export type ResultOf<C extends InvokeChannel> = z.infer<(typeof INVOKE_CONTRACT)[C]['result']>;
export type PayloadOf<E extends EventChannel> = z.infer<(typeof EVENT_CONTRACT)[E]>;

/** What every invoke resolves to: errors are values, never exceptions thrown across IPC. */
export type IpcResult<T> = { ok: true; data: T } | { ok: false; error: ErrorInfo };

type Domain<K extends string> = K extends `${infer D}:${string}` ? D : never;
type Verb<K extends string> = K extends `${string}:${infer V}` ? V : never;
type EventMethod<V extends string> = `on${Capitalize<V>}`;

/**
 * `window.idlens`: one method per channel, grouped by domain — `idlens.auth.signIn()` for
 * `auth:signIn`, `idlens.auth.onChanged(cb)` for the `auth:changed` event (returns an unsubscribe).
 */
export type IdlensApi = {
  [D in Domain<InvokeChannel | EventChannel>]: {
    [C in InvokeChannel as Domain<C> extends D ? Verb<C> : never]: (
      ...args: ArgsOf<C>
    ) => Promise<IpcResult<ResultOf<C>>>;
  } & {
    [E in EventChannel as Domain<E> extends D ? EventMethod<Verb<E>> : never]: (
      listener: (payload: PayloadOf<E>) => void,
    ) => () => void;
  };
};

/** The method name a channel is exposed under, e.g. `auth:changed` → `auth.onChanged`. */
export function exposedName(channel: InvokeChannel | EventChannel): string {
  const [domain, verb] = channel.split(':') as [string, string];
  if (channel in EVENT_CONTRACT)
    return `${domain}.on${verb.charAt(0).toUpperCase()}${verb.slice(1)}`;
  return `${domain}.${verb}`;
}

import { z } from 'zod';
import { DEFAULT_SCOPES, DEMO_CLIENTS, ENVIRONMENTS, type Environment } from './environments.ts';

/** A host name as written in a URL, without scheme, port, path or user info. */
/**
 * An image host the user allows besides Amazon S3: a host name or IP, with an optional port
 * (`images.example`, `images.example:8443`, `[2001:db8::1]:8443`). Without a port only 443 is
 * allowed; with one, exactly that port. No scheme, path or user info.
 */
export const ImageHostSchema = z
  .string()
  .min(1)
  .max(260)
  .regex(
    /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(:(6553[0-5]|655[0-2]\d|65[0-4]\d\d|6[0-4]\d{3}|[1-5]\d{4}|[1-9]\d{0,3}))?$/,
    'must be a host name or IP with an optional port (1–65535), without scheme or path',
  );

/** One OAuth scope token (RFC 6749 §3.3: printable ASCII without space, `"` or `\`). */
export const ScopeTokenSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[\x21\x23-\x5B\x5D-\x7E]+$/, 'not a valid scope token');

/** The loopback redirect's path: settings, the CLI's flag and the listener all take this one. */
export const RedirectPathSchema = z
  .string()
  .max(200)
  .regex(/^\/[A-Za-z0-9._~/-]*$/, 'must be a path such as /callback');

export const LanguageSchema = z.enum(['system', 'en', 'es']);
export type Language = z.infer<typeof LanguageSchema>;

/**
 * "Checks on this computer": which review-assist checks run when documents load. `all` (the
 * default): the document checks and the face comparison (biometric processing, in the analysis
 * process); `documents`: the document checks only — the face models are never loaded and no face
 * descriptor is computed; `off`: no analysis process is started at all.
 */
export const CHECKS_SETTINGS = ['all', 'documents', 'off'] as const;
export const ChecksSettingSchema = z.enum(CHECKS_SETTINGS);
export type ChecksSetting = z.infer<typeof ChecksSettingSchema>;

/** The bounds of the numeric settings: main checks them, the settings dialog shows them. */
export const SETTING_RANGES = {
  redirectPort: { min: 0, max: 65535 },
  idleMinutes: { min: 1, max: 240 },
  signInTimeoutSeconds: { min: 10, max: 3600 },
} as const;

const ranged = (key: keyof typeof SETTING_RANGES) =>
  z.int().min(SETTING_RANGES[key].min).max(SETTING_RANGES[key].max);

/** The loopback redirect's port; 0 = an ephemeral one (RFC 8252 §7.3). */
export const RedirectPortSchema = ranged('redirectPort');

/**
 * Each setting's own rule, without any default: the full settings, a patch and a file read
 * field by field are all judged by these.
 */
const SETTING_FIELDS = {
  environment: z.enum(ENVIRONMENTS),
  issuer: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .optional(),
  apiBase: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .optional(),
  clientId: z.string().min(1).max(200),
  redirectPort: RedirectPortSchema,
  redirectPath: RedirectPathSchema,
  scopes: z.array(ScopeTokenSchema).min(1).max(50),
  idleMinutes: ranged('idleMinutes'),
  signInTimeoutSeconds: ranged('signInTimeoutSeconds'),
  language: LanguageSchema,
  imageHosts: z.array(ImageHostSchema).max(50).optional(),
  singleKeyShortcuts: z.boolean(),
  checks: ChecksSettingSchema,
};

/**
 * What idlens keeps on disk. Nothing about a person, no token, no secret in clear. A file that
 * lacks a field or holds a bad one gets that field from `defaultSettings` (see
 * `parseSettingsLeniently`), so a missing or partly broken file still starts the app.
 */
export const SettingsSchema = z.strictObject(SETTING_FIELDS);
export type Settings = z.infer<typeof SettingsSchema>;
export type SettingName = keyof Settings;

/**
 * A change the renderer may ask for: exactly the fields it names, each judged by its own rule and
 * never filled from a default (zod's `.partial()` of a schema with defaults would reset every
 * field the patch leaves out). An optional field named with `undefined` is cleared.
 */
export const SettingsPatchSchema = z.strictObject(SETTING_FIELDS).partial();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

/**
 * Where a session connects and what it asks for. Main refuses to change these while a sign-in is
 * pending or a session is open: the session keeps the ones it signed in with.
 */
export const CONNECTION_SETTINGS = [
  'environment',
  'issuer',
  'apiBase',
  'clientId',
  'redirectPort',
  'redirectPath',
  'scopes',
  'signInTimeoutSeconds',
  'imageHosts',
] as const satisfies readonly SettingName[];

export function isConnectionSetting(name: string): boolean {
  return (CONNECTION_SETTINGS as readonly string[]).includes(name);
}

/**
 * The one place that decides where a fresh install signs in: the demo backend when idlens runs
 * with it (`--demo`), production otherwise.
 */
export function defaultEnvironment(demoMode: boolean): Environment {
  return demoMode ? 'demo' : 'production';
}

/** The settings of a fresh install in the given environment. */
export function defaultSettings(environment: Environment): Settings {
  return {
    environment,
    clientId: DEMO_CLIENTS.public,
    redirectPort: 0,
    redirectPath: '/callback',
    scopes: [...DEFAULT_SCOPES],
    idleMinutes: 10,
    signInTimeoutSeconds: 300,
    language: 'system',
    singleKeyShortcuts: true,
    checks: 'all',
  };
}

/** A fresh install's settings in demo mode (what the demo, the fakes and the tests start from). */
export const DEFAULT_SETTINGS: Settings = defaultSettings(defaultEnvironment(true));

/**
 * Reads a settings object from an untrusted source (a file somebody may have edited). Fields that
 * do not parse fall back to their defaults one by one, so a single bad field loses nothing else.
 * Only the object's own properties count, and only names of settings: an inherited member
 * (`constructor`, `toString`, …) or `__proto__` is never read as a setting. The names that were
 * dropped are returned (unknown names included), so the caller can tell the user.
 */
export function parseSettingsLeniently(
  raw: unknown,
  defaults: Settings = DEFAULT_SETTINGS,
): { settings: Settings; dropped: string[] } {
  const source = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? raw : {};
  const kept: Record<string, unknown> = { ...defaults };
  const dropped: string[] = [];
  for (const key of Object.keys(source)) {
    const value: unknown = (source as Record<string, unknown>)[key];
    if (!Object.hasOwn(SETTING_FIELDS, key)) {
      dropped.push(key);
      continue;
    }
    const field = SETTING_FIELDS[key as SettingName];
    const parsed = field.safeParse(value);
    if (parsed.success && parsed.data !== undefined) kept[key] = parsed.data;
    else if (!parsed.success) dropped.push(key);
  }
  return { settings: SettingsSchema.parse(kept), dropped };
}

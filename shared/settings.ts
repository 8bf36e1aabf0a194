import { z } from 'zod';
import { DEFAULT_SCOPES, DEMO_CLIENTS, ENVIRONMENTS } from './environments.ts';

/** A host name as written in a URL, without scheme, port, path or user info. */
export const HostNameSchema = z
  .string()
  .min(1)
  .max(253)
  .regex(
    /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)$/,
    'must be a bare host name, without scheme or port',
  );

export const LanguageSchema = z.enum(['system', 'en', 'es']);
export type Language = z.infer<typeof LanguageSchema>;

/**
 * What idlens keeps on disk (electron-store JSON). Nothing about a person, no token, no secret
 * in clear. Every field has a default so a missing or partly broken file still starts the app.
 */
export const SettingsSchema = z.object({
  environment: z.enum(ENVIRONMENTS).default('demo'),
  issuer: z.url({ protocol: /^https?$/ }).optional(),
  apiBase: z.url({ protocol: /^https?$/ }).optional(),
  clientId: z.string().min(1).max(200).default(DEMO_CLIENTS.public),
  redirectPort: z.int().min(0).max(65535).default(0),
  redirectPath: z
    .string()
    .regex(/^\/[A-Za-z0-9/_-]*$/, 'must be a path such as /callback')
    .default('/callback'),
  scopes: z
    .array(z.string().regex(/^[\x21\x23-\x5B\x5D-\x7E]+$/, 'not a valid scope token'))
    .min(1)
    .default([...DEFAULT_SCOPES]),
  idleMinutes: z.int().min(1).max(240).default(10),
  signInTimeoutSeconds: z.int().min(10).max(3600).default(300),
  language: LanguageSchema.default('system'),
  imageHosts: z.array(HostNameSchema).max(50).optional(),
  singleKeyShortcuts: z.boolean().default(true),
});

export type Settings = z.infer<typeof SettingsSchema>;

/** A change the renderer may ask for. */
export const SettingsPatchSchema = SettingsSchema.partial().strict();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});

/**
 * Reads a settings object from an untrusted source (a file somebody may have edited). Fields that
 * do not parse fall back to their defaults one by one, so a single bad field loses nothing else;
 * the names of the fields that were dropped are returned for a warning.
 */
export function parseSettingsLeniently(raw: unknown): { settings: Settings; dropped: string[] } {
  const source = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const kept: Record<string, unknown> = {};
  const dropped: string[] = [];
  const shape = SettingsSchema.shape;
  for (const key of Object.keys(source)) {
    if (!(key in shape)) {
      dropped.push(key);
      continue;
    }
    const field = shape[key as keyof typeof shape];
    if (field.safeParse(source[key]).success) kept[key] = source[key];
    else dropped.push(key);
  }
  return { settings: SettingsSchema.parse(kept), dropped };
}

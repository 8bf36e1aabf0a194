import type { z } from 'zod';
import { IdlensError } from '../shared/errors.ts';
import {
  ENVIRONMENT_PRESETS,
  type Environment,
  type EnvironmentPreset,
} from '../shared/environments.ts';
import type { SettingsRepair } from '../shared/ipc.ts';
import {
  SettingsPatchSchema,
  SettingsSchema,
  defaultEnvironment,
  defaultSettings,
  parseSettingsLeniently,
  type SettingName,
  type Settings,
  type SettingsPatch,
} from '../shared/settings.ts';

/**
 * Settings: read once from their backing store (a JSON file in the app, memory in tests), parsed
 * field by field so one bad value loses nothing else, written back whole after every validated
 * change. A patch changes exactly the fields it names. No secret and nothing about a person is
 * ever part of them.
 */
export interface SettingsBacking {
  /** The stored settings as found; throws when the store cannot be read as settings at all. */
  read(): unknown;
  write(settings: Settings): void;
  /** Whether the last read had to work around damage (unreadable text, a foreign encoding). */
  damaged?(): boolean;
  /** Moves a damaged store out of the way; returns the name it is kept under, or null. */
  setAside?(): string | null;
}

export interface SettingsServiceOptions {
  /** Whether idlens runs with the demo backend: decides a fresh install's environment. */
  demoMode?: boolean;
}

/** Checks a validated change before it is written; throws to refuse it. */
export type SettingsGuard = (next: Settings, named: readonly SettingName[]) => void;

export interface SettingsService {
  get(): Settings;
  /** Applies exactly the fields the patch names, or nothing (then it throws). */
  set(patch: SettingsPatch, guard?: SettingsGuard): Settings;
  /** What `set` would make of the patch (or its refusal), without changing anything. */
  preview(patch: SettingsPatch, guard?: SettingsGuard): Settings;
  /** What start-up had to repair in the stored settings, or null when they were sound. */
  readonly repair: SettingsRepair | null;
}

/** The setting a zod error is about, when it names one (never the value it was given). */
function fieldOf(error: z.ZodError): SettingName | undefined {
  const issue = error.issues[0];
  const name = issue?.code === 'unrecognized_keys' ? undefined : issue?.path[0];
  return typeof name === 'string' && Object.hasOwn(SettingsSchema.shape, name)
    ? (name as SettingName)
    : undefined;
}

function invalid(error: z.ZodError): IdlensError {
  const field = fieldOf(error);
  const message =
    field === undefined
      ? 'That change names something that is not a setting.'
      : `The setting “${field}” is not valid.`;
  return new IdlensError('settings_invalid', message, { cause: error });
}

/** The names a patch sets, own properties only (an inherited name is never a setting). */
export function namedSettings(patch: SettingsPatch): SettingName[] {
  return Object.keys(patch).filter((key): key is SettingName => Object.hasOwn(patch, key));
}

/** `current` with exactly the patch's fields replaced; an optional field set to undefined is cleared. */
export function applyPatch(current: Settings, patch: SettingsPatch): Record<string, unknown> {
  const named = new Set<string>(namedSettings(patch));
  const kept = Object.entries(current).filter(([name]) => !named.has(name));
  const changed = Object.entries(patch as Record<string, unknown>).filter(
    ([name, value]) => named.has(name) && value !== undefined,
  );
  return Object.fromEntries([...kept, ...changed]);
}

/** How many unknown names a repair notice lists, and how much of each. */
const MAX_IGNORED_NAMES = 20;
const MAX_IGNORED_NAME_LENGTH = 60;

function readRepaired(
  backing: SettingsBacking,
  defaults: Settings,
): { settings: Settings; repair: SettingsRepair | null } {
  let raw: unknown;
  let unreadable = false;
  try {
    raw = backing.read();
  } catch {
    unreadable = true;
  }
  const isRecord = typeof raw === 'object' && raw !== null && !Array.isArray(raw);
  const parsed = parseSettingsLeniently(raw, defaults);
  let settings = parsed.settings;
  const dropped = [...parsed.dropped];
  // A custom environment whose issuer was dropped names nowhere to sign in: it is reset too.
  if (settings.environment === 'custom' && settings.issuer === undefined) {
    settings = { ...settings, environment: defaults.environment };
    if (!dropped.includes('environment')) dropped.push('environment');
  }
  const damaged =
    unreadable ||
    backing.damaged?.() === true ||
    (raw !== undefined && !isRecord) ||
    dropped.length > 0;
  if (!damaged) return { settings, repair: null };
  let keptAs: string | null = null;
  try {
    keptAs = backing.setAside?.() ?? null;
    // The sound fields are written back at once, so the next start finds them again.
    backing.write(settings);
  } catch {
    // A store that cannot be repaired now still leaves the app usable with what was read.
  }
  // Every setting whose stored value was dropped (an optional one is now unset, the others have
  // their defaults), and apart from them the names in the file that are no setting at all.
  const known = (name: string): name is SettingName => Object.hasOwn(SettingsSchema.shape, name);
  const reset = dropped.filter(known);
  const ignored = dropped
    .filter((name) => !known(name))
    .slice(0, MAX_IGNORED_NAMES)
    .map((name) => name.slice(0, MAX_IGNORED_NAME_LENGTH));
  return { settings, repair: { keptAs, reset, ignored } };
}

export function createSettingsService(
  backing: SettingsBacking,
  options: SettingsServiceOptions = {},
): SettingsService {
  const defaults = defaultSettings(defaultEnvironment(options.demoMode === true));
  const initial = readRepaired(backing, defaults);
  let current = initial.settings;
  /** The settings the patch would make, judged by every rule and the guard; nothing is written. */
  const judge = (patch: SettingsPatch, guard: SettingsGuard | undefined): Settings => {
    const parsedPatch = SettingsPatchSchema.safeParse(patch);
    if (!parsedPatch.success) {
      throw invalid(parsedPatch.error);
    }
    const named = namedSettings(parsedPatch.data);
    const next = SettingsSchema.safeParse(applyPatch(current, parsedPatch.data));
    if (!next.success) {
      throw invalid(next.error);
    }
    if (next.data.environment === 'custom' && next.data.issuer === undefined) {
      throw new IdlensError('settings_invalid', 'A custom environment needs an issuer URL.');
    }
    guard?.(next.data, named);
    return next.data;
  };
  return {
    repair: initial.repair,
    get: () => current,
    preview: (patch, guard) => judge(patch, guard),
    set(patch, guard) {
      const next = judge(patch, guard);
      backing.write(next);
      current = next;
      return current;
    },
  };
}

/** Issuer and API base for the settings' environment; `custom` needs both to be set. */
export function resolveEndpoints(
  settings: Settings,
): EnvironmentPreset & { environment: Environment } {
  if (settings.environment !== 'custom') {
    return { environment: settings.environment, ...ENVIRONMENT_PRESETS[settings.environment] };
  }
  if (settings.issuer === undefined) {
    throw new IdlensError('config_invalid', 'A custom environment needs an issuer URL.');
  }
  return {
    environment: 'custom',
    issuer: settings.issuer,
    apiBase: settings.apiBase ?? settings.issuer,
  };
}

/** In-memory backing for tests and the headless paths. */
export function memoryBacking(initial: unknown = {}): SettingsBacking & { written: Settings[] } {
  const written: Settings[] = [];
  let value: unknown = initial;
  return {
    written,
    read: () => value,
    write(settings) {
      written.push(settings);
      value = settings;
    },
  };
}

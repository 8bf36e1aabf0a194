import { IdlensError } from '../shared/errors.ts';
import {
  ENVIRONMENT_PRESETS,
  type Environment,
  type EnvironmentPreset,
} from '../shared/environments.ts';
import {
  SettingsPatchSchema,
  SettingsSchema,
  parseSettingsLeniently,
  type Settings,
  type SettingsPatch,
} from '../shared/settings.ts';

/**
 * Settings: read once from their backing store (electron-store's JSON file in the app, nothing
 * in tests), parsed field by field so one bad value loses nothing else, written back whole after
 * every validated change. No secret and nothing about a person is ever part of them.
 */
export interface SettingsBacking {
  read(): unknown;
  write(settings: Settings): void;
}

export interface SettingsService {
  get(): Settings;
  set(patch: SettingsPatch): Settings;
  /** Field names dropped from the file at start because they did not parse. */
  readonly dropped: readonly string[];
}

export function createSettingsService(backing: SettingsBacking): SettingsService {
  const initial = parseSettingsLeniently(backing.read());
  let current = initial.settings;
  return {
    dropped: initial.dropped,
    get: () => current,
    set(patch) {
      const parsedPatch = SettingsPatchSchema.safeParse(patch);
      if (!parsedPatch.success) {
        throw new IdlensError('config_invalid', 'That setting is not valid.', {
          cause: parsedPatch.error,
        });
      }
      const next = SettingsSchema.safeParse({ ...current, ...parsedPatch.data });
      if (!next.success) {
        throw new IdlensError('config_invalid', 'That setting is not valid.', {
          cause: next.error,
        });
      }
      resolveEndpoints(next.data);
      backing.write(next.data);
      current = next.data;
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

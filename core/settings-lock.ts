import { IdlensError } from '../shared/errors.ts';
import { isConnectionSetting, type SettingName, type Settings } from '../shared/settings.ts';
import { sessionEndpointsFor } from './session/endpoints.ts';
import type { SettingsGuard } from './settings.ts';

/**
 * Main's judgement of a settings change from the renderer, which it does not trust: while a
 * sign-in is pending or a session is open, the connection settings stay as the session found
 * them (`settings_locked`); and any change to them must still point at endpoints a session may
 * use (https outside demo mode, for the issuer and the API base alike).
 */
export function lockedSettingsGuard(options: {
  current: Settings;
  locked: boolean;
  demoMode: boolean;
}): SettingsGuard {
  return (next, named) => {
    const connection = named.filter(isConnectionSetting);
    if (connection.length === 0) return;
    if (options.locked) {
      const changed = connection.filter((name) => !sameValue(options.current, next, name));
      if (changed.length > 0) {
        throw new IdlensError(
          'settings_locked',
          `Sign out before changing “${changed[0]}”: the open session keeps the connection it signed in with.`,
        );
      }
    }
    sessionEndpointsFor(next, options.demoMode);
  };
}

function sameValue(a: Settings, b: Settings, name: SettingName): boolean {
  return JSON.stringify(a[name]) === JSON.stringify(b[name]);
}

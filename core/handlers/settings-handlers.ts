import { IdlensError } from '../../shared/errors.ts';
import { CONNECTION_SETTINGS, type SettingName } from '../../shared/settings.ts';
import type { ClientSecretStore } from '../client-secret.ts';
import type { Handlers } from '../ipc-dispatch.ts';
import type { ConnectionGate } from '../session/connection.ts';
import { sameBinding, secretBindingFor, sessionEndpointsFor } from '../session/endpoints.ts';
import { lockedSettingsGuard } from '../settings-lock.ts';
import type { SettingsService } from '../settings.ts';

/**
 * The settings domain's IPC handlers: read the settings, change them, and set or clear the stored
 * client secret. A change of where a session connects, or of the secret, is judged by the lock
 * (refused while a sign-in is pending or a session is open) and the endpoint rules first, and
 * then waits for the person's confirmation through the connection gate; declined, nothing changes.
 */

/**
 * The connection settings whose change the person confirms: everything that decides where the
 * sign-in, the token and the images go and what is asked for (not the sign-in's time limit).
 */
const CONFIRMED_SETTINGS: readonly SettingName[] = CONNECTION_SETTINGS.filter(
  (name) => name !== 'signInTimeoutSeconds',
);

type SettingsChannel =
  'settings:get' | 'settings:set' | 'settings:secretStatus' | 'settings:setSecret';

export interface SettingsHandlersDeps {
  settings: SettingsService;
  secretStore?: ClientSecretStore | undefined;
  demoMode: boolean;
  gate: ConnectionGate;
  /** Whether a sign-in is starting or pending, or a session is open. */
  isLocked: () => boolean;
}

export function settingsHandlers(deps: SettingsHandlersDeps): Pick<Handlers, SettingsChannel> {
  const { gate, isLocked } = deps;
  const guardNow = () =>
    lockedSettingsGuard({
      current: deps.settings.get(),
      locked: isLocked(),
      demoMode: deps.demoMode,
    });
  return {
    'settings:get': () => deps.settings.get(),
    'settings:set': async (patch) => {
      const before = deps.settings.get();
      const next = deps.settings.preview(patch, guardNow());
      const changes = CONFIRMED_SETTINGS.filter(
        (name) => JSON.stringify(before[name]) !== JSON.stringify(next[name]),
      );
      if (changes.length === 0) return deps.settings.set(patch, guardNow());
      return gate.exclusive(async () => {
        const endpoints = sessionEndpointsFor(next, deps.demoMode);
        const summary = await gate.summaryOf(endpoints, { reason: 'settings', changes });
        await gate.confirmOrDecline(summary, 'The connection change');
        // Judged again as things are now: a sign-in started meanwhile keeps its connection, and
        // what is written is what the person was shown.
        const now = sessionEndpointsFor(deps.settings.preview(patch, guardNow()), deps.demoMode);
        if (JSON.stringify(now) !== JSON.stringify(endpoints)) {
          throw new IdlensError('internal', 'The settings changed while the change was confirmed.');
        }
        const saved = deps.settings.set(patch, guardNow());
        gate.markConfirmed(endpoints, summary.issParameter);
        return saved;
      });
    },
    'settings:secretStatus': () =>
      deps.secretStore?.status() ?? { hasClientSecret: false, encryptionAvailable: false },
    'settings:setSecret': async (secret) => {
      const store = deps.secretStore;
      if (store === undefined) {
        throw new IdlensError('config_invalid', 'A client secret cannot be stored here.');
      }
      const lockedNow = () => {
        if (isLocked()) {
          throw new IdlensError(
            'settings_locked',
            'Sign out before changing the client secret: the open session keeps the one it signed in with.',
          );
        }
      };
      lockedNow();
      const settings = deps.settings.get();
      const binding = secretBindingFor(settings);
      if (binding === null) {
        throw new IdlensError(
          'config_invalid',
          'Choose the issuer and client id first: a client secret is kept for one of each.',
        );
      }
      return gate.exclusive(async () => {
        const endpoints = sessionEndpointsFor(settings, deps.demoMode);
        const secretChange = secret === null ? 'clear' : 'store';
        await gate.confirmOrDecline(
          await gate.summaryOf(endpoints, { reason: 'secret', changes: [], secretChange }),
          'The client secret change',
        );
        lockedNow();
        if (!sameBinding(secretBindingFor(deps.settings.get()), binding)) {
          throw new IdlensError('internal', 'The settings changed while the change was confirmed.');
        }
        return store.set(secret, binding);
      });
    },
  };
}

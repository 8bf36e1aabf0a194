import { describe, expect, it } from 'vitest';
import { appInfoFor, composeApp, type AppPlatform } from '../../../core/compose.ts';
import { defaultEnvironment } from '../../../shared/settings.ts';
import { memoryBacking } from '../../../core/settings.ts';
import { INVOKE_CONTRACT } from '../../../shared/ipc.ts';

function platform(overrides: Partial<AppPlatform> = {}): AppPlatform {
  return {
    demoMode: false,
    version: '1.2.3',
    os: 'linux',
    settings: memoryBacking(),
    openExternal: () => Promise.resolve(),
    emit: () => undefined,
    replaceRenderer: () => undefined,
    folders: { platform: 'linux', env: {}, homedir: '/nonexistent', tmpdir: '/nonexistent/tmp' },
    ...overrides,
  };
}

describe('composeApp', () => {
  it('composes a handler for every contract channel', () => {
    const { services } = composeApp(platform());
    expect(Object.keys(services.handlers).sort()).toEqual(Object.keys(INVOKE_CONTRACT).sort());
  });

  it('starts on production, or on the demo in demo mode, until the user picks one', () => {
    expect(defaultEnvironment(false)).toBe('production');
    expect(defaultEnvironment(true)).toBe('demo');
    for (const demoMode of [false, true]) {
      const backing = memoryBacking();
      const app = composeApp(platform({ demoMode, settings: backing }));
      expect(app.settings.get().environment).toBe(defaultEnvironment(demoMode));
      expect(app.auth.status().environment).toBe(defaultEnvironment(demoMode));
      // Only a change the user makes is written.
      expect(backing.written).toEqual([]);
    }
  });

  it("keeps the user's environment over the default", () => {
    const app = composeApp(platform({ settings: memoryBacking({ environment: 'staging' }) }));
    expect(app.settings.get().environment).toBe('staging');
  });

  it('tells the renderer what this OS protects', () => {
    expect(appInfoFor({ version: '1', os: 'darwin', demoMode: false })).toMatchObject({
      platform: 'darwin',
      contentProtection: true,
      lockScreenEvents: true,
    });
    expect(appInfoFor({ version: '1', os: 'linux', demoMode: true })).toMatchObject({
      platform: 'linux',
      contentProtection: false,
      lockScreenEvents: false,
      demoMode: true,
    });
    expect(appInfoFor({ version: '1', os: 'freebsd', demoMode: false }).platform).toBe('other');
  });

  it('shutdownWithin wipes main’s copies and signs out', async () => {
    const statuses: string[] = [];
    const app = composeApp(
      platform({
        emit: (channel, payload) => {
          if (channel === 'auth:changed') statuses.push((payload as { state: string }).state);
        },
      }),
    );
    expect(await app.shutdownWithin(3000)).toBe('signed-out');
    expect(statuses).toEqual(['signedOut']);
    expect(await app.services.handlers['documents:lastWipe']()).toMatchObject({
      reason: 'window-close',
    });
  });

  it('offers no stored secret where the platform has no keychain', async () => {
    const app = composeApp(platform());
    expect(await app.services.handlers['settings:secretStatus']()).toEqual({
      hasClientSecret: false,
      encryptionAvailable: false,
    });
  });
});

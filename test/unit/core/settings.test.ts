import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  defaultEnvironment,
  defaultSettings,
  isConnectionSetting,
  parseSettingsLeniently,
  type Settings,
} from '../../../shared/settings.ts';
import { createSettingsService, memoryBacking, resolveEndpoints } from '../../../core/settings.ts';
import { lockedSettingsGuard } from '../../../core/settings-lock.ts';

/** A set-up a reviewer of the production API would have saved. */
const PRODUCTION: Settings = {
  environment: 'production',
  clientId: 'acme-kyc-desk',
  redirectPort: 53682,
  redirectPath: '/oauth/callback',
  scopes: ['openid', 'eprospera:person.id_verification.read', 'offline_access'],
  idleMinutes: 3,
  signInTimeoutSeconds: 120,
  language: 'en',
  imageHosts: ['images.example.org'],
  singleKeyShortcuts: false,
  checks: 'documents',
};

describe('settings', () => {
  it('starts a fresh install in production, and in the demo with --demo', () => {
    expect(createSettingsService(memoryBacking(undefined)).get().environment).toBe('production');
    expect(
      createSettingsService(memoryBacking(undefined), { demoMode: true }).get().environment,
    ).toBe('demo');
    expect(defaultEnvironment(false)).toBe('production');
    expect(DEFAULT_SETTINGS).toEqual(defaultSettings('demo'));
  });

  it('starts from defaults when the file is empty, missing or not an object', () => {
    for (const raw of [undefined, {}, null, 'garbage', 42, []]) {
      const service = createSettingsService(memoryBacking(raw), { demoMode: true });
      expect(service.get()).toEqual(DEFAULT_SETTINGS);
    }
  });

  it('keeps every good field of a partly broken file and names the dropped ones', () => {
    const { settings, dropped } = parseSettingsLeniently({
      environment: 'staging',
      idleMinutes: 'ten',
      language: 'es',
      redirectPort: 70000,
      accessToken: 'eyJ…',
    });
    expect(settings.environment).toBe('staging');
    expect(settings.language).toBe('es');
    expect(settings.idleMinutes).toBe(DEFAULT_SETTINGS.idleMinutes);
    expect(settings.redirectPort).toBe(DEFAULT_SETTINGS.redirectPort);
    expect(dropped.sort()).toEqual(['accessToken', 'idleMinutes', 'redirectPort']);
  });

  it('switching the language changes the language and nothing else', () => {
    const backing = memoryBacking(PRODUCTION);
    const service = createSettingsService(backing);
    expect(service.set({ language: 'es' })).toEqual({ ...PRODUCTION, language: 'es' });
    expect(backing.written).toEqual([{ ...PRODUCTION, language: 'es' }]);
  });

  it('clears an optional field named with undefined, and only that one', () => {
    const service = createSettingsService(memoryBacking(PRODUCTION));
    const { imageHosts: _cleared, ...rest } = PRODUCTION;
    expect(service.set({ imageHosts: undefined })).toEqual(rest);
  });

  it('refuses a whole patch when one field is invalid, naming that field', () => {
    const backing = memoryBacking(PRODUCTION);
    const service = createSettingsService(backing);
    expect(() => service.set({ language: 'es', idleMinutes: 0 })).toThrow(
      expect.objectContaining({
        code: 'settings_invalid',
        message: expect.stringContaining('idleMinutes'),
      }),
    );
    expect(() => service.set({ issuer: 'ftp://x' })).toThrow(
      expect.objectContaining({
        code: 'settings_invalid',
        message: expect.stringContaining('issuer'),
      }),
    );
    expect(() => service.set({ environment: 'custom' })).toThrow(
      expect.objectContaining({ code: 'settings_invalid' }),
    );
    expect(() => service.set({ clientId: undefined })).toThrow(
      expect.objectContaining({
        code: 'settings_invalid',
        message: expect.stringContaining('clientId'),
      }),
    );
    expect(service.get()).toEqual(PRODUCTION);
    expect(backing.written).toHaveLength(0);
  });

  it('"Checks on this computer" takes all, documents or off; anything else is refused, naming it', () => {
    const backing = memoryBacking(PRODUCTION);
    const service = createSettingsService(backing);
    for (const checks of ['all', 'documents', 'off'] as const) {
      expect(service.set({ checks })).toEqual({ ...PRODUCTION, checks });
    }
    for (const bad of ['faces', '', true, null, 1]) {
      expect(() => service.set({ checks: bad } as never), String(bad)).toThrow(
        expect.objectContaining({
          code: 'settings_invalid',
          message: expect.stringContaining('checks'),
        }),
      );
    }
    expect(service.get().checks).toBe('off');
    expect(createSettingsService(memoryBacking({})).get().checks).toBe('all');
  });

  it('"Checks on this computer" is not a connection setting: it stays changeable while signed in', () => {
    expect(isConnectionSetting('checks')).toBe(false);
    const service = createSettingsService(memoryBacking(PRODUCTION));
    const guard = lockedSettingsGuard({ current: PRODUCTION, locked: true, demoMode: false });
    expect(service.set({ checks: 'off' }, guard).checks).toBe('off');
    expect(() => service.set({ clientId: 'other-desk' }, guard)).toThrow(
      expect.objectContaining({ code: 'settings_locked' }),
    );
  });

  it('refuses a patch naming something that is not a setting, without echoing it', () => {
    const service = createSettingsService(memoryBacking(PRODUCTION));
    const patch = JSON.parse(
      '{"language":"es","__proto__":{"apiBase":"http://127.0.0.1:1"}}',
    ) as object;
    expect(() => service.set(patch)).toThrow(expect.objectContaining({ code: 'settings_invalid' }));
    expect(service.get()).toEqual(PRODUCTION);
  });

  it('a guard that refuses leaves the settings and the store as they were', () => {
    const backing = memoryBacking(PRODUCTION);
    const service = createSettingsService(backing);
    expect(() =>
      service.set({ idleMinutes: 5 }, () => {
        throw new Error('refused');
      }),
    ).toThrow('refused');
    expect(service.get()).toEqual(PRODUCTION);
    expect(backing.written).toHaveLength(0);
  });

  it('resolves presets and custom issuers', () => {
    expect(resolveEndpoints({ ...DEFAULT_SETTINGS, environment: 'production' })).toEqual({
      environment: 'production',
      issuer: 'https://portal.eprospera.com',
      apiBase: 'https://portal.eprospera.com',
    });
    expect(
      resolveEndpoints({ ...DEFAULT_SETTINGS, environment: 'custom', issuer: 'https://id.example' })
        .apiBase,
    ).toBe('https://id.example');
  });

  it('image hosts may name a port (then only that one is allowed), never a scheme or a path', () => {
    const service = createSettingsService(memoryBacking(PRODUCTION));
    const hosts = [
      'images.example',
      'images.example:8443',
      '[2001:db8::1]:8443',
      '203.0.113.9:443',
    ];
    expect(service.set({ imageHosts: hosts }).imageHosts).toEqual(hosts);
    for (const bad of [
      'https://images.example',
      'images.example/x',
      'images.example:0',
      'a:70000',
    ]) {
      expect(() => service.set({ imageHosts: [bad] }), bad).toThrow(
        expect.objectContaining({ code: 'settings_invalid' }),
      );
    }
    expect(service.get().imageHosts).toEqual(hosts);
  });
});

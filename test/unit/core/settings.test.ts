import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, parseSettingsLeniently } from '../../../shared/settings.ts';
import { createSettingsService, memoryBacking, resolveEndpoints } from '../../../core/settings.ts';

describe('settings', () => {
  it('starts from defaults when the file is empty, missing or not an object', () => {
    for (const raw of [undefined, null, 'garbage', 42, []]) {
      expect(createSettingsService(memoryBacking(raw)).get()).toEqual(DEFAULT_SETTINGS);
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

  it('writes a validated change and refuses an invalid one without losing state', () => {
    const backing = memoryBacking({});
    const service = createSettingsService(backing);
    service.set({ idleMinutes: 3, language: 'en' });
    expect(service.get().idleMinutes).toBe(3);
    expect(backing.written).toHaveLength(1);
    expect(() => service.set({ idleMinutes: 0 })).toThrow(
      expect.objectContaining({ code: 'config_invalid' }),
    );
    expect(() => service.set({ issuer: 'ftp://x' })).toThrow(
      expect.objectContaining({ code: 'config_invalid' }),
    );
    expect(() => service.set({ environment: 'custom' })).toThrow(
      expect.objectContaining({ code: 'config_invalid' }),
    );
    expect(service.get().idleMinutes).toBe(3);
    expect(service.get().environment).toBe(DEFAULT_SETTINGS.environment);
    expect(backing.written).toHaveLength(1);
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
});

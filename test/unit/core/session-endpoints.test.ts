import { describe, expect, it } from 'vitest';
import { defaultSettings, type Settings } from '../../../shared/settings.ts';
import {
  sameBinding,
  secretBindingFor,
  sessionEndpointsFor,
} from '../../../core/session/endpoints.ts';

const custom = (over: Partial<Settings>): Settings => ({
  ...defaultSettings('production'),
  environment: 'custom',
  issuer: 'https://id.example',
  ...over,
});

describe('the endpoints a session is bound to', () => {
  it('holds the API base to the issuer rule: https, or loopback http in demo mode only', () => {
    const loopback = custom({ issuer: 'http://127.0.0.1:4480', apiBase: 'http://127.0.0.1:4480' });
    expect(() => sessionEndpointsFor(custom({ apiBase: 'http://127.0.0.1:4480' }), false)).toThrow(
      expect.objectContaining({
        code: 'insecure_url',
        message: expect.stringContaining('API base'),
      }),
    );
    expect(() => sessionEndpointsFor(loopback, false)).toThrow(
      expect.objectContaining({ code: 'insecure_url' }),
    );
    expect(sessionEndpointsFor(loopback, true).apiBase).toBe('http://127.0.0.1:4480/');
    expect(() =>
      sessionEndpointsFor(
        custom({ issuer: 'http://api.example', apiBase: 'http://api.example' }),
        true,
      ),
    ).toThrow(expect.objectContaining({ code: 'insecure_url' }));
    expect(() =>
      sessionEndpointsFor(custom({ apiBase: 'https://user:pw@api.example' }), false),
    ).toThrow(expect.objectContaining({ code: 'config_invalid' }));
  });

  it('never echoes the address it refuses', () => {
    let message = '';
    try {
      sessionEndpointsFor(custom({ apiBase: 'http://127.0.0.1:9/secret-path' }), false);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/API base/);
    expect(message).not.toContain('secret-path');
  });

  it('keeps the API base on the issuer origin, so a token never goes to another host', () => {
    for (const apiBase of [
      'https://api.example',
      'https://id.example:8443',
      'https://evil.id.example',
    ]) {
      expect(() => sessionEndpointsFor(custom({ apiBase }), false)).toThrow(
        expect.objectContaining({
          code: 'config_invalid',
          message: expect.stringContaining('origin'),
        }),
      );
    }
    expect(sessionEndpointsFor(custom({ apiBase: 'https://id.example/api' }), false).apiBase).toBe(
      'https://id.example/api',
    );
  });

  it('refuses the demo environment outside demo mode', () => {
    expect(() => sessionEndpointsFor(defaultSettings('demo'), false)).toThrow(
      expect.objectContaining({ code: 'config_invalid' }),
    );
  });

  it('adds the demo image store only for the demo environment in demo mode (as the CLI does)', () => {
    const settings = custom({ imageHosts: ['images.example'] });
    expect(sessionEndpointsFor(settings, false)).toMatchObject({
      imageHosts: ['images.example'],
      allowLoopbackHttp: false,
    });
    // A custom set-up in demo mode lists loopback itself if it wants it.
    expect(sessionEndpointsFor(settings, true)).toMatchObject({
      imageHosts: ['images.example'],
      allowLoopbackHttp: true,
    });
    expect(
      sessionEndpointsFor({ ...settings, environment: 'demo', issuer: undefined }, true),
    ).toMatchObject({ imageHosts: ['images.example', '127.0.0.1'], preset: true });
  });

  it('binds a secret to the issuer origin and client id, nothing looser', () => {
    const a = secretBindingFor(custom({ issuer: 'https://id.example/tenant', clientId: 'one' }));
    expect(a).toEqual({ issuerOrigin: 'https://id.example', clientId: 'one' });
    expect(
      sameBinding(a, secretBindingFor(custom({ issuer: 'https://id.example', clientId: 'one' }))),
    ).toBe(true);
    expect(
      sameBinding(
        a,
        secretBindingFor(custom({ issuer: 'https://id.example:8443', clientId: 'one' })),
      ),
    ).toBe(false);
    expect(sameBinding(a, secretBindingFor(custom({ clientId: 'two' })))).toBe(false);
    expect(sameBinding(null, a)).toBe(false);
    expect(secretBindingFor({ ...custom({}), issuer: undefined })).toBeNull();
  });
});

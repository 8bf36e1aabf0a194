import { describe, expect, it } from 'vitest';
import {
  ENDPOINT_PROBLEMS,
  checkConnection,
  checkServerAddress,
  endpointErrorCode,
  imageHostsFor,
  type EndpointProblem,
} from '../../../shared/endpoint-rules.ts';

const problemOf = (raw: string, loopback = false): EndpointProblem | 'ok' => {
  const verdict = checkServerAddress(raw, loopback);
  return verdict.ok ? 'ok' : verdict.problem;
};

describe('the endpoint rules app, CLI and Settings dialog share', () => {
  it('answers each refusal with its own code', () => {
    expect(problemOf('not a url')).toBe('not_a_url');
    expect(problemOf('https://user:pw@id.example')).toBe('url_parts');
    expect(problemOf('https://id.example/?q=1')).toBe('url_parts');
    expect(problemOf('https://id.example/#f')).toBe('url_parts');
    expect(problemOf('ftp://id.example')).toBe('not_https');
    expect(problemOf('http://id.example', true)).toBe('http_not_loopback');
    expect(problemOf('http://127.0.0.1.nip.io', true)).toBe('http_not_loopback');
    expect(problemOf('http://127.0.0.1:4480')).toBe('http_needs_demo');
    expect(problemOf('http://[::1]:4480', true)).toBe('ok');
    expect(problemOf('http://2130706433:4480', true)).toBe('ok');
    expect(problemOf('https://id.example/tenant')).toBe('ok');
  });

  it('holds a custom API base to the issuer origin; defaults it to the issuer', () => {
    const custom = { environment: 'custom' as const, issuer: 'https://id.example/realm' };
    expect(checkConnection({ ...custom, apiBase: 'https://api.example' }, false)).toEqual({
      ok: false,
      problem: 'api_base_off_issuer',
      field: 'apiBase',
    });
    expect(checkConnection({ ...custom, apiBase: 'https://id.example:8443' }, false)).toMatchObject(
      { ok: false, problem: 'api_base_off_issuer' },
    );
    const fine = checkConnection(custom, false);
    expect(fine.ok && fine.apiBase.href).toBe('https://id.example/realm');
    expect(fine.ok && fine.preset).toBe(false);
    expect(checkConnection({ environment: 'custom' }, false)).toMatchObject({
      problem: 'custom_needs_issuer',
      field: 'issuer',
    });
  });

  it('offers the presets, the demo only in demo mode', () => {
    expect(
      checkConnection({ environment: 'production', issuer: 'https://x.example' }, false),
    ).toMatchObject({ ok: true, preset: true });
    expect(checkConnection({ environment: 'demo' }, false)).toMatchObject({
      problem: 'demo_needs_demo_mode',
      field: 'environment',
    });
    expect(checkConnection({ environment: 'demo' }, true)).toMatchObject({ ok: true });
  });

  it('maps every code to the error main and the CLI leave with', () => {
    const insecure = ENDPOINT_PROBLEMS.filter((p) => endpointErrorCode(p) === 'insecure_url');
    expect(insecure).toEqual(['not_https', 'http_not_loopback', 'http_needs_demo']);
  });

  it('adds the demo image store for the demo environment in demo mode only', () => {
    expect(imageHostsFor(undefined, 'production', false)).toBeUndefined();
    expect(imageHostsFor(['img.example'], 'custom', true)).toEqual(['img.example']);
    expect(imageHostsFor(undefined, 'demo', true)).toEqual(['127.0.0.1']);
  });
});

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appProtocolHandler } from '../../../../electron/main/app-protocol.ts';
import { contentSecurityPolicy } from '../../../../core/security.ts';

/** The app:// handler over a real folder: a bundle, and a file beside it that must stay out. */
let root: string;
let serve: (request: Request) => Promise<Response>;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'idlens-app-protocol-'));
  const bundle = join(root, 'renderer');
  mkdirSync(join(bundle, 'assets'), { recursive: true });
  writeFileSync(join(bundle, 'index.html'), '<!doctype html><title>idlens</title>');
  writeFileSync(join(bundle, 'assets', 'app.js'), 'export {};');
  writeFileSync(join(bundle, 'notes.txt'), 'not a bundle type');
  writeFileSync(join(root, 'outside.html'), 'outside the bundle');
  serve = appProtocolHandler(bundle);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => serve(new Request(url, { method }));

describe('app:// handler', () => {
  it('serves the entry page with the CSP and hardening headers', async () => {
    const response = await get('app://bundle/index.html');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>idlens</title>');
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy());
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('serves / as the entry page, and assets with their type', async () => {
    expect(await (await get('app://bundle/')).text()).toContain('<title>idlens</title>');
    const script = await get('app://bundle/assets/app.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('content-security-policy')).toBe(contentSecurityPolicy());
  });

  it.each([
    ['encoded traversal', 'app://bundle/%2e%2e/outside.html'],
    ['encoded slash traversal', 'app://bundle/assets/..%2f..%2foutside.html'],
    ['backslash', 'app://bundle/assets%5c..%5c..%5coutside.html'],
    ['another host', 'app://other/index.html'],
    ['an unknown file type', 'app://bundle/notes.txt'],
    ['a file that is not there', 'app://bundle/missing.js'],
    ['a folder', 'app://bundle/assets'],
  ])('answers 404 to %s, still with the CSP', async (_what, url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('outside the bundle');
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy());
  });

  it.each(['POST', 'PUT', 'DELETE'])('answers 404 to %s', async (method) => {
    expect((await get('app://bundle/index.html', method)).status).toBe(404);
  });
});

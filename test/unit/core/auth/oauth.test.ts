import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { IdlensError } from '../../../../shared/errors.ts';
import { SCOPES } from '../../../../shared/environments.ts';
import { AuthService } from '../../../../core/auth/auth-service.ts';
import {
  assertOpenableAuthorizationUrl,
  checkServerUrl,
  newAuthorizationChecks,
} from '../../../../core/auth/oauth.ts';
import type { OAuthClient } from '../../../../core/auth/oauth.ts';

function codeOf(fn: () => unknown): string {
  try {
    fn();
    return 'ok';
  } catch (err) {
    return err instanceof IdlensError ? err.code : 'other';
  }
}

/** Only the fields the check reads; the rest of an OAuthClient plays no part in it. */
function client(issuer: string, allowInsecureLoopback: boolean): OAuthClient {
  return { issuer: new URL(issuer), allowInsecureLoopback } as OAuthClient;
}

describe('server URLs', () => {
  it('accepts https anywhere and http only on loopback hosts with the opt-in', () => {
    expect(checkServerUrl('https://portal.eprospera.com', false).href).toBe(
      'https://portal.eprospera.com/',
    );
    for (const url of ['http://127.0.0.1:4480', 'http://localhost:4480', 'http://[::1]:4480']) {
      expect(codeOf(() => checkServerUrl(url, true))).toBe('ok');
      expect(codeOf(() => checkServerUrl(url, false))).toBe('insecure_url');
    }
    for (const url of [
      'http://portal.eprospera.com',
      'http://127.0.0.2',
      'http://0.0.0.0:4480',
      'http://localhost.evil.test',
    ]) {
      expect(
        codeOf(() => checkServerUrl(url, true)),
        url,
      ).toBe('insecure_url');
    }
    // WHATWG URL parsing turns other spellings of 127.0.0.1 into the literal, so they are it.
    expect(checkServerUrl('http://2130706433:4480', true).hostname).toBe('127.0.0.1');
    expect(codeOf(() => checkServerUrl('ftp://x.test', true))).toBe('insecure_url');
    expect(codeOf(() => checkServerUrl('https://u:p@x.test', false))).toBe('config_invalid');
    expect(codeOf(() => checkServerUrl('https://x.test/?a=1', false))).toBe('config_invalid');
    expect(codeOf(() => checkServerUrl('not a url', false))).toBe('config_invalid');
  });
});

describe('per-attempt checks', () => {
  it('are fresh every time; a nonce only when openid is asked for', () => {
    const a = newAuthorizationChecks([SCOPES.openid]);
    const b = newAuthorizationChecks([SCOPES.openid]);
    expect(a.state).not.toBe(b.state);
    expect(a.nonce).not.toBe(b.nonce);
    expect(a.codeVerifier).not.toBe(b.codeVerifier);
    // RFC 7636: 43–128 characters of the unreserved set; 32 random bytes here.
    expect(a.codeVerifier).toMatch(/^[A-Za-z0-9._~-]{43,128}$/);
    expect(a.state).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newAuthorizationChecks([SCOPES.idVerification]).nonce).toBeUndefined();
  });
});

describe('the URL handed to the system browser', () => {
  it('must be https on the issuer host, or loopback http in insecure-loopback mode', () => {
    const prod = client('https://portal.eprospera.com', false);
    expect(
      codeOf(() =>
        assertOpenableAuthorizationUrl(
          new URL('https://portal.eprospera.com/api/oauth/authorize?x=1'),
          prod,
        ),
      ),
    ).toBe('ok');
    for (const bad of [
      'http://portal.eprospera.com/api/oauth/authorize',
      'https://evil.example/api/oauth/authorize',
      'https://portal.eprospera.com.evil.example/authorize',
      'https://user:pass@portal.eprospera.com/api/oauth/authorize',
      'javascript:alert(1)',
      'file:///etc/passwd',
    ]) {
      expect(
        codeOf(() => assertOpenableAuthorizationUrl(new URL(bad), prod)),
        bad,
      ).toBe('insecure_url');
    }
    const demo = client('http://127.0.0.1:4480', true);
    expect(
      codeOf(() =>
        assertOpenableAuthorizationUrl(new URL('http://127.0.0.1:4480/api/oauth/authorize'), demo),
      ),
    ).toBe('ok');
    expect(
      codeOf(() =>
        assertOpenableAuthorizationUrl(
          new URL('http://127.0.0.1:4480/a'),
          client('http://127.0.0.1:4480', false),
        ),
      ),
    ).toBe('insecure_url');
  });
});

describe('a provider whose metadata cannot be trusted', () => {
  let server: Server | undefined;
  afterEach(async () => {
    await new Promise((r) => server?.close(r));
    server = undefined;
  });

  let methods = ['S256'];

  it('pointing the browser at another host is refused before the browser is opened', async () => {
    // oidc-provider cannot be made to advertise a foreign authorization endpoint; a tiny
    // discovery document stands in for such a provider.
    server = createServer((req, res) => {
      const issuer = `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
      if (req.url === '/.well-known/openid-configuration') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            issuer,
            authorization_endpoint: 'https://phishing.example/authorize',
            token_endpoint: `${issuer}/token`,
            jwks_uri: `${issuer}/jwks`,
            response_types_supported: ['code'],
            code_challenge_methods_supported: methods,
          }),
        );
        return;
      }
      res.writeHead(404).end();
    });
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
    const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const opened: string[] = [];
    const auth = new AuthService({
      openExternal: (url) => {
        opened.push(url);
        return Promise.resolve();
      },
    });
    let code = 'resolved';
    try {
      await auth.signIn({
        environment: 'custom',
        issuer,
        clientId: 'x',
        allowInsecureLoopback: true,
        timeoutMs: 5_000,
      });
    } catch (err) {
      code = err instanceof IdlensError ? err.code : 'other';
    }
    expect(code).toBe('insecure_url');
    expect(opened).toEqual([]);
    expect(auth.status()).toMatchObject({
      state: 'signedOut',
      lastError: { code: 'insecure_url' },
    });
  });

  it('without PKCE S256 is refused at discovery (no downgrade to plain)', async () => {
    methods = ['plain'];
    server = createServer((req, res) => {
      const issuer = `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          issuer,
          authorization_endpoint: `${issuer}/authorize`,
          token_endpoint: `${issuer}/token`,
          code_challenge_methods_supported: methods,
        }),
      );
    });
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
    const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const opened: string[] = [];
    const auth = new AuthService({
      openExternal: (url) => {
        opened.push(url);
        return Promise.resolve();
      },
    });
    const outcome = await auth
      .signIn({ environment: 'custom', issuer, clientId: 'x', allowInsecureLoopback: true })
      .then(
        () => 'resolved',
        (err: unknown) => (err instanceof IdlensError ? err.code : 'other'),
      );
    expect(outcome).toBe('auth_discovery_failed');
    expect(opened).toEqual([]);
  });
});

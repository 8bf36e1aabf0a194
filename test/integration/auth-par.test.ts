import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoBackend } from '../../demo/backend.ts';
import type { DemoBackend } from '../../demo/backend.ts';
import { AuthService } from '../../core/auth/auth-service.ts';
import type { SignInConfig } from '../../core/auth/auth-service.ts';
import { DEMO_PORTS } from '../../shared/environments.ts';
import { IdlensError } from '../../shared/errors.ts';
import { demoSignInConfig, fakeBrowser } from './auth-helpers.ts';

/**
 * Where the provider offers pushed authorization requests (the demo with its PAR option; not
 * e-Próspera, whose discovery does not advertise them), idlens pushes the request before the
 * browser opens: a client id or redirect URI the provider does not accept fails at once, by
 * name, and the browser is never opened. A good request still signs in.
 */

let backend: DemoBackend;

beforeAll(async () => {
  backend = await startDemoBackend({ quiet: true, pushedAuthorizationRequests: true });
});
afterAll(async () => {
  await backend.close();
});

function config(over: Partial<SignInConfig> = {}): SignInConfig {
  return demoSignInConfig(backend, over);
}

async function failure(auth: AuthService, over: Partial<SignInConfig>): Promise<IdlensError> {
  const error = await auth.signIn(config(over)).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof IdlensError)) throw new Error('expected an IdlensError');
  return error;
}

describe('pushed authorization requests', () => {
  it('the demo advertises PAR only with its option', async () => {
    const res = await fetch(`${backend.issuer}/.well-known/openid-configuration`);
    const metadata = (await res.json()) as Record<string, unknown>;
    expect(metadata.pushed_authorization_request_endpoint).toBe(`${backend.issuer}/api/oauth/par`);
    const plain = await startDemoBackend({ quiet: true });
    try {
      const other = (await (
        await fetch(`${plain.issuer}/.well-known/openid-configuration`)
      ).json()) as Record<string, unknown>;
      expect(other.pushed_authorization_request_endpoint).toBeUndefined();
    } finally {
      await plain.close();
    }
  });

  it('signs in through a pushed request: the browser gets only client_id and request_uri', async () => {
    const browser = fakeBrowser('full');
    const auth = new AuthService({ openExternal: browser.openExternal });
    const status = await auth.signIn(config());
    expect(status.state).toBe('signedIn');
    expect(status.user?.sub).toBe('demo-full');
    const opened = new URL(browser.opened[0]!);
    expect([...opened.searchParams.keys()].sort()).toEqual(['client_id', 'request_uri']);
    await auth.signOut();
  });

  it('an unknown client id fails before the browser opens, naming the client id', async () => {
    const browser = fakeBrowser('full');
    const auth = new AuthService({ openExternal: browser.openExternal });
    const error = await failure(auth, { clientId: 'no-such-client' });
    expect(error.code).toBe('config_invalid');
    expect(error.message).toContain('does not accept the client id "no-such-client"');
    expect(browser.opened).toHaveLength(0);
  });

  it('a redirect URI outside the registration fails before the browser opens, naming it', async () => {
    const browser = fakeBrowser('full');
    const auth = new AuthService({ openExternal: browser.openExternal });
    // The fixed-port client is registered for port 4482 only; ask for an ephemeral port.
    const error = await failure(auth, { clientId: backend.clients.fixedPort.clientId });
    expect(error.code).toBe('config_invalid');
    expect(error.message).toMatch(
      /redirect URI http:\/\/127\.0\.0\.1:\d+\/callback is not registered for the client id "idlens-demo-fixed-port"/,
    );
    expect(error.message).not.toContain(`:${DEMO_PORTS.fixedRedirect}/`);
    expect(browser.opened).toHaveLength(0);
  });
});

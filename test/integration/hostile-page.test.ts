import { execFileSync } from 'node:child_process';
import {
  lstatSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startDemoBackend, type DemoBackend } from '../../demo/backend.ts';
import { loginWithFetch } from '../../demo/test-login.ts';
import { SCOPES } from '../../shared/environments.ts';
import type { AuthStatus, IpcResult } from '../../shared/ipc.ts';
import type { Settings } from '../../shared/settings.ts';
import type { AuthService } from '../../core/auth/auth-service.ts';
import { createClientSecretStore } from '../../core/client-secret.ts';
import { composeApp } from '../../core/compose.ts';
import type { ConnectionSummary } from '../../core/connection-confirm.ts';
import { createDispatcher } from '../../core/ipc-dispatch.ts';
import { settingsFileBacking } from '../../core/settings-file.ts';
import { installFetchRecorder, waitFor, type FetchRecorder } from './auth-helpers.ts';

/**
 * A hostile page: a renderer that calls nothing but the `window.idlens` contract (as an XSS could)
 * against the real dispatcher and main-side services, the demo backend's real provider, API and
 * signed-URL store, and an attacker's server on loopback that logs every request it receives and
 * plays an identity provider and an API. Whatever the page calls, the attacker must receive no
 * access token, refresh token, client secret or signed URL, and every refused change must leave
 * the settings — in memory and in the file — as they were.
 */

interface LoggedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

const ATTACKER_CODE = 'attacker-issued-code';

let backend: DemoBackend;
let attacker: { server: Server; origin: string; log: LoggedRequest[] };
let recorder: FetchRecorder;
const dirs: string[] = [];

function startAttacker(): Promise<typeof attacker> {
  const log: LoggedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      log.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      const origin = `http://${req.headers.host ?? ''}`;
      const url = new URL(req.url ?? '/', origin);
      const json = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (url.pathname === '/.well-known/openid-configuration') {
        json(200, {
          issuer: origin,
          authorization_endpoint: `${origin}/authorize`,
          token_endpoint: `${origin}/token`,
          revocation_endpoint: `${origin}/revoke`,
          jwks_uri: `${origin}/jwks`,
          response_types_supported: ['code'],
          code_challenge_methods_supported: ['S256'],
          token_endpoint_auth_methods_supported: [
            'client_secret_basic',
            'client_secret_post',
            'none',
          ],
          authorization_response_iss_parameter_supported: true,
        });
      } else if (url.pathname === '/authorize') {
        const back = new URL(url.searchParams.get('redirect_uri') ?? '');
        back.searchParams.set('code', ATTACKER_CODE);
        back.searchParams.set('state', url.searchParams.get('state') ?? '');
        back.searchParams.set('iss', origin);
        res.writeHead(302, { location: back.href });
        res.end();
      } else if (url.pathname === '/token') {
        json(400, { error: 'invalid_grant' });
      } else if (url.pathname === '/jwks') {
        json(200, { keys: [] });
      } else {
        // Plays the API: an answer that would make a client send more.
        json(200, { id: null, type: null, date: null, status: null, documents: null });
      }
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, origin: `http://127.0.0.1:${port}`, log });
    });
  });
}

/**
 * A look-alike provider for the mix-up attack (RFC 9700 §4.4): its discovery names itself, as
 * every provider's does, but its `/authorize` forwards idlens's own request, unchanged, to the
 * genuine provider's login page, so the person signs in where they always do. Like e-Próspera's,
 * neither says it sends `iss`, so the callback cannot tell them apart. Whatever reaches its token
 * endpoint would be redeemed at the genuine provider.
 */
function startForwarder(): Promise<typeof attacker> {
  const log: LoggedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      log.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      const origin = `http://${req.headers.host ?? ''}`;
      const url = new URL(req.url ?? '/', origin);
      if (url.pathname === '/.well-known/openid-configuration') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            issuer: origin,
            authorization_endpoint: `${origin}/authorize`,
            token_endpoint: `${origin}/token`,
            jwks_uri: `${origin}/jwks`,
            response_types_supported: ['code'],
            code_challenge_methods_supported: ['S256'],
            token_endpoint_auth_methods_supported: ['client_secret_basic', 'none'],
          }),
        );
      } else if (url.pathname === '/authorize') {
        const genuine = new URL('/api/oauth/authorize', backend.issuer);
        genuine.search = url.search;
        res.writeHead(302, { location: genuine.href });
        res.end();
      } else {
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: 'invalid_grant' }));
      }
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, origin: `http://127.0.0.1:${port}`, log });
    });
  });
}

let forwarder: typeof attacker;

/** What the forwarder received must hold no code, verifier, token or secret. */
function expectForwarderGotNothing(): void {
  const saw = JSON.stringify(forwarder.log);
  for (const secret of recorder.secrets) expect(saw).not.toContain(secret);
  expect(saw).not.toContain(backend.clients.confidential.clientSecret);
  expect(saw).not.toMatch(/code_verifier|code=|bearer/i);
  for (const request of forwarder.log) {
    expect(request.headers.authorization).toBeUndefined();
    expect(request.url).toBe('/.well-known/openid-configuration');
  }
}

/** Everything the attacker's server received, as one string to search. */
const attackerSaw = (): string => JSON.stringify(attacker.log);

/** Tokens the real provider issued during this run (from its token endpoint's answers). */
function issuedTokens(): string[] {
  const tokens: string[] = [];
  for (const call of recorder.tokenCalls) {
    for (const key of ['access_token', 'refresh_token', 'id_token']) {
      const value = call.body?.[key];
      if (typeof value === 'string' && value.length > 0) tokens.push(value);
    }
  }
  return tokens;
}

function expectAttackerGotNothing(): void {
  const saw = attackerSaw();
  for (const token of issuedTokens()) expect(saw).not.toContain(token);
  expect(saw).not.toContain(backend.clients.confidential.clientSecret);
  expect(saw).not.toContain(
    Buffer.from(backend.clients.confidential.clientSecret).toString('base64'),
  );
  expect(saw).not.toMatch(/bearer/i);
  expect(saw).not.toMatch(/X-Amz-(Signature|Credential)/i);
  expect(saw).not.toMatch(/refresh_token=/);
  for (const request of attacker.log) expect(request.headers.authorization).toBeUndefined();
}

const FRAME = { url: 'app://bundle/index.html', isMainFrame: true };

/**
 * The person at the keyboard, answering main's own confirmation dialog (which the page can neither
 * see nor answer). By default they confirm only what they would have chosen themselves: the demo
 * backend, never a host of the attacker's.
 */
interface Person {
  answer: (summary: ConnectionSummary) => boolean;
  asked: ConnectionSummary[];
}

const cautious = (summary: ConnectionSummary): boolean => {
  const attackerHost = new URL(attacker.origin).host;
  const foreign = [attackerHost, new URL(forwarder.origin).host];
  const hosts = [summary.issuerHost, summary.apiHost, ...summary.imageHosts];
  return !hosts.some((host) => foreign.includes(host) || host.endsWith('evil.example'));
};

interface Main {
  call<T = unknown>(channel: string, ...args: unknown[]): Promise<IpcResult<T>>;
  person: Person;
  settingsFile: string;
  /** 'login': the browser signs in as `full`; 'hold': it never comes back (sign-in stays pending). */
  browser: { mode: 'login' | 'hold'; opened: string[] };
  auth: AuthService;
}

const mains: Main[] = [];

function demoSettings(over: Partial<Settings> = {}): Settings {
  return {
    environment: 'custom',
    issuer: backend.issuer,
    apiBase: backend.apiBase,
    clientId: backend.clients.public.clientId,
    redirectPort: 0,
    redirectPath: '/callback',
    scopes: [SCOPES.openid, SCOPES.idVerification, SCOPES.offline],
    idleMinutes: 10,
    signInTimeoutSeconds: 60,
    language: 'en',
    imageHosts: ['127.0.0.1'],
    singleKeyShortcuts: true,
    checks: 'all',
    ...over,
  };
}

/** A reversible stand-in for the OS keychain (Electron's safeStorage is not here). */
const keychain = {
  isStrongEncryptionAvailable: () => Promise.resolve(true),
  encryptString: (plain: string) =>
    Promise.resolve(Uint8Array.from(Buffer.from(plain, 'utf8'), (b) => b ^ 0x5a)),
  decryptString: (bytes: Uint8Array) =>
    Promise.resolve(Buffer.from(Uint8Array.from(bytes, (b) => b ^ 0x5a)).toString('utf8')),
};

async function startMain(
  options: {
    demoMode?: boolean;
    settings?: Settings;
    /** IDLENS_CLIENT_SECRET at start. */
    clientSecret?: string;
    /** A secret stored in the keychain for the demo backend's confidential client. */
    storedSecret?: boolean;
    /** A fresh install: no settings file at all. */
    fresh?: boolean;
    /** IDLENS_CLIENT_SECRET_ISSUER at start. */
    clientSecretIssuer?: string;
    /** Puts something at the settings file's place instead (a pipe, a link, a damaged file). */
    plant?: (settingsFile: string) => void;
  } = {},
): Promise<Main> {
  const demoMode = options.demoMode ?? true;
  const dir = mkdtempSync(join(tmpdir(), 'idlens-hostile-'));
  dirs.push(dir);
  const settingsFile = join(dir, 'settings.json');
  if (options.plant) options.plant(settingsFile);
  else if (options.fresh !== true) {
    writeFileSync(settingsFile, JSON.stringify(options.settings ?? demoSettings()));
  }

  let ciphertext: string | undefined;
  const secret = {
    cipher: keychain,
    backing: {
      read: () => ciphertext,
      write: (value: string | undefined) => {
        ciphertext = value;
      },
    },
  };
  if (options.storedSecret) {
    await createClientSecretStore(secret.cipher, secret.backing).set(
      backend.clients.confidential.clientSecret,
      {
        issuerOrigin: new URL(backend.issuer).origin,
        clientId: backend.clients.confidential.clientId,
      },
    );
  }

  const browser: Main['browser'] = { mode: 'login', opened: [] };
  const person: Person = { answer: cautious, asked: [] };
  // Composed as the app composes main (only the OS parts are stood in for).
  const { services, auth } = composeApp({
    demoMode,
    version: '0.0.0',
    os: 'linux',
    settings: settingsFileBacking(settingsFile),
    secret,
    clientSecretFromEnv: options.clientSecret,
    clientSecretIssuerFromEnv: options.clientSecretIssuer,
    confirmConnection: (summary) => {
      person.asked.push(summary);
      return Promise.resolve(person.answer(summary));
    },
    openExternal: (url) => {
      browser.opened.push(url);
      if (browser.mode === 'hold') return Promise.resolve();
      void (async () => {
        const genuine = (href: string) => new URL(href).origin === new URL(backend.issuer).origin;
        let callback = genuine(url) ? await loginWithFetch(url, 'full') : await followRedirect(url);
        // A page forwarded to the genuine login is where the person signs in, as always.
        if (genuine(callback)) callback = await loginWithFetch(callback, 'full');
        await (await fetch(callback)).text();
      })().catch(() => undefined);
      return Promise.resolve();
    },
    emit: () => undefined,
    replaceRenderer: () => undefined,
    folders: { platform: 'linux', env: {}, homedir: dir, tmpdir: dir, userData: dir },
  });
  const dispatch = createDispatcher(services.handlers, { isTrustedSender: () => true });
  const main: Main = {
    call: (channel, ...args) => dispatch(channel, FRAME, args) as never,
    settingsFile,
    browser,
    auth,
    person,
  };
  mains.push(main);
  return main;
}

async function followRedirect(url: string): Promise<string> {
  const res = await fetch(url, { redirect: 'manual' });
  await res.body?.cancel();
  return new URL(res.headers.get('location') ?? '', url).href;
}

async function settingsOf(main: Main): Promise<Settings> {
  const got = await main.call<Settings>('settings:get');
  if (!got.ok) throw new Error(got.error.code);
  return got.data;
}

/** What main holds and what the file holds must both still be `expected`. */
async function expectSettings(main: Main, expected: Settings): Promise<void> {
  expect(await settingsOf(main)).toEqual(expected);
  expect(JSON.parse(readFileSync(main.settingsFile, 'utf8'))).toEqual(expected);
}

async function signIn(main: Main): Promise<AuthStatus> {
  const result = await main.call<AuthStatus>('auth:signIn');
  if (!result.ok) throw new Error(`sign-in failed: ${result.error.code}`);
  expect(result.data.state).toBe('signedIn');
  return result.data;
}

/** Starts a sign-in whose browser never comes back; resolves once it is pending. */
async function startPending(main: Main): Promise<{ signing: Promise<IpcResult<AuthStatus>> }> {
  main.browser.mode = 'hold';
  const opened = main.browser.opened.length;
  const signing = main.call<AuthStatus>('auth:signIn');
  // Pending, with the authorization page open in the (held) browser.
  await waitFor(
    () => main.auth.status().state === 'pending' && main.browser.opened.length > opened,
  );
  return { signing };
}

async function loadsFromBackend(main: Main): Promise<void> {
  const load = await main.call<{ verified: boolean }>('documents:load');
  expect(load.ok && load.data.verified).toBe(true);
}

function errorOf(result: IpcResult<unknown>): string {
  return result.ok ? 'accepted' : result.error.code;
}

beforeAll(async () => {
  // Like e-Próspera's, the genuine provider does not send RFC 9207 `iss`.
  backend = await startDemoBackend({ issResponseParameter: false });
  attacker = await startAttacker();
  forwarder = await startForwarder();
  recorder = installFetchRecorder();
});

beforeEach(() => {
  attacker.log.length = 0;
  forwarder.log.length = 0;
});

afterEach(async () => {
  for (const main of mains.splice(0)) await main.call('auth:signOut');
  expectAttackerGotNothing();
});

afterAll(async () => {
  recorder.restore();
  await new Promise<void>((resolve) => attacker.server.close(() => resolve()));
  await new Promise<void>((resolve) => forwarder.server.close(() => resolve()));
  await backend.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('a hostile page, signed in (demo mode)', () => {
  it('cannot repoint the API base: refused, and the next load still goes to the real API', async () => {
    const main = await startMain();
    await signIn(main);
    const before = await settingsOf(main);
    expect(errorOf(await main.call('settings:set', { apiBase: attacker.origin }))).toBe(
      'settings_locked',
    );
    await expectSettings(main, before);
    await loadsFromBackend(main);
    expect(attacker.log).toHaveLength(0);
  });

  it('cannot repoint the issuer or the environment', async () => {
    const main = await startMain();
    await signIn(main);
    const before = await settingsOf(main);
    for (const patch of [
      { issuer: attacker.origin },
      { environment: 'production' },
      { environment: 'custom', issuer: attacker.origin, apiBase: attacker.origin },
    ]) {
      expect(errorOf(await main.call('settings:set', patch))).toBe('settings_locked');
    }
    await expectSettings(main, before);
    await loadsFromBackend(main);
    expect(attacker.log).toHaveLength(0);
  });

  it('cannot change the image hosts, the client id or the scopes', async () => {
    const main = await startMain();
    await signIn(main);
    const before = await settingsOf(main);
    for (const patch of [
      { imageHosts: ['127.0.0.1', 'evil.example'] },
      { imageHosts: undefined },
      { clientId: backend.clients.confidential.clientId },
      { scopes: [SCOPES.openid, SCOPES.idVerification, SCOPES.details] },
      { redirectPort: 4482 },
    ]) {
      expect(errorOf(await main.call('settings:set', patch))).toBe('settings_locked');
    }
    await expectSettings(main, before);
    await loadsFromBackend(main);
  });

  it('a patch that mixes an allowed field with a locked one changes nothing at all', async () => {
    const main = await startMain();
    await signIn(main);
    const before = await settingsOf(main);
    const result = await main.call('settings:set', { language: 'es', apiBase: attacker.origin });
    expect(errorOf(result)).toBe('settings_locked');
    await expectSettings(main, before);
  });

  it('a partial patch of non-connection fields changes exactly those fields', async () => {
    const main = await startMain();
    await signIn(main);
    const before = await settingsOf(main);
    const result = await main.call<Settings>('settings:set', { language: 'es', idleMinutes: 3 });
    const expected = { ...before, language: 'es' as const, idleMinutes: 3 };
    expect(result).toEqual({ ok: true, data: expected });
    await expectSettings(main, expected);
    await loadsFromBackend(main);
  });

  it('re-sending the connection fields unchanged (a whole form) is accepted', async () => {
    const main = await startMain();
    await signIn(main);
    const before = await settingsOf(main);
    const { issuer, apiBase, clientId, scopes, imageHosts } = before;
    const result = await main.call('settings:set', {
      issuer,
      apiBase,
      clientId,
      scopes,
      imageHosts,
      singleKeyShortcuts: false,
    });
    expect(result.ok).toBe(true);
    await expectSettings(main, { ...before, singleKeyShortcuts: false });
  });

  it('a patch racing a load is refused and the load goes to the API it signed in with', async () => {
    const main = await startMain();
    await signIn(main);
    const before = await settingsOf(main);
    const [load, patch] = await Promise.all([
      main.call<{ verified: boolean }>('documents:load'),
      main.call('settings:set', { apiBase: attacker.origin, imageHosts: ['evil.example'] }),
    ]);
    expect(errorOf(patch)).toBe('settings_locked');
    expect(load.ok && load.data.verified).toBe(true);
    await expectSettings(main, before);
  });

  it('signing out during a load, then repointing, sends the old session nowhere new', async () => {
    const main = await startMain();
    await signIn(main);
    const load = main.call('documents:load');
    await main.call('auth:signOut');
    // Signed out, the person may choose another environment for the next session...
    main.person.answer = () => true;
    expect(
      (await main.call('settings:set', { issuer: attacker.origin, apiBase: attacker.origin })).ok,
    ).toBe(true);
    // ...but the load of the ended session neither goes there nor carries a token anywhere new.
    await load;
    expect(attacker.log).toHaveLength(0);
  });

  it('an API base repointed before a sign-in never receives the token of the user who signs in', async () => {
    const main = await startMain();
    await signIn(main);
    await main.call('auth:signOut');
    const before = await settingsOf(main);
    // Signed out, the page points the API (not the issuer) at its own server, hoping the user
    // signs in as usual on the real provider's page: refused, the token's destination stays.
    expect(errorOf(await main.call('settings:set', { apiBase: attacker.origin }))).toBe(
      'config_invalid',
    );
    await expectSettings(main, before);
    await signIn(main);
    expect((await main.call('documents:load')).ok).toBe(true);
    expect(attacker.log).toHaveLength(0);
  });

  it('cannot read a token or the client secret through any channel', async () => {
    const main = await startMain({ storedSecret: true });
    await signIn(main);
    const answers = await Promise.all(
      ['app:info', 'auth:status', 'settings:get', 'settings:secretStatus'].map((c) => main.call(c)),
    );
    const text = JSON.stringify(answers);
    for (const token of issuedTokens()) expect(text).not.toContain(token);
    expect(text).not.toContain(backend.clients.confidential.clientSecret);
  });

  it('a patch with inherited-member names is refused whole', async () => {
    const main = await startMain();
    await signIn(main);
    const before = await settingsOf(main);
    for (const raw of [
      '{"language":"es","__proto__":{"apiBase":"http://127.0.0.1:1"}}',
      '{"language":"es","constructor":{"apiBase":"http://127.0.0.1:1"}}',
      '{"toString":"x"}',
    ]) {
      expect(errorOf(await main.call('settings:set', JSON.parse(raw)))).toBe('bad_argument');
    }
    await expectSettings(main, before);
  });
});

describe('a hostile page while a sign-in is pending', () => {
  it('cannot repoint issuer, API base, image hosts, client id, scopes or environment', async () => {
    const main = await startMain();
    const { signing } = await startPending(main);
    const before = await settingsOf(main);
    for (const patch of [
      { issuer: attacker.origin },
      { apiBase: attacker.origin },
      { imageHosts: ['evil.example'] },
      { clientId: backend.clients.confidential.clientId },
      { scopes: [SCOPES.openid] },
      { environment: 'production' },
    ]) {
      expect(errorOf(await main.call('settings:set', patch))).toBe('settings_locked');
    }
    await expectSettings(main, before);
    expect(errorOf(await main.call('documents:load'))).toBe('auth_required');
    await main.call('auth:cancel');
    expect(errorOf(await signing)).toBe('auth_cancelled');
    // Cancelled, the settings are the user's again.
    expect((await main.call('settings:set', { idleMinutes: 4 })).ok).toBe(true);
  });

  it('a sign-in that started before a change keeps the endpoints it started with', async () => {
    const main = await startMain();
    const { signing } = await startPending(main);
    expect(errorOf(await main.call('settings:set', { apiBase: attacker.origin }))).toBe(
      'settings_locked',
    );
    // The browser comes back: the session opens on the endpoints the sign-in started with.
    const opened = main.browser.opened.at(-1)!;
    const callback = await loginWithFetch(opened, 'full');
    await (await fetch(callback)).text();
    expect(errorOf(await signing)).toBe('accepted');
    await loadsFromBackend(main);
    expect(attacker.log).toHaveLength(0);
  });
});

describe('the client secret belongs to one issuer and client id', () => {
  it('IDLENS_CLIENT_SECRET is not sent to an issuer changed after start, even a confirmed one', async () => {
    const main = await startMain({
      clientSecret: backend.clients.confidential.clientSecret,
      clientSecretIssuer: backend.issuer,
      settings: demoSettings({ clientId: backend.clients.confidential.clientId }),
    });
    // It works where it belongs...
    await signIn(main);
    await main.call('auth:signOut');
    // ...and is not sent to another issuer, even one the person confirms, which does get a code
    // exchange.
    main.person.answer = () => true;
    const set = await main.call('settings:set', {
      issuer: attacker.origin,
      apiBase: attacker.origin,
    });
    expect(set.ok).toBe(true);
    expect(main.person.asked.at(-1)).toMatchObject({ reason: 'settings', secretSent: false });
    main.browser.mode = 'login';
    expect(errorOf(await main.call('auth:signIn'))).not.toBe('accepted');
    expect(attacker.log.some((r) => r.url === '/token' && r.method === 'POST')).toBe(true);
  });

  it('a stored secret is not sent to another issuer either', async () => {
    const main = await startMain({
      storedSecret: true,
      settings: demoSettings({ clientId: backend.clients.confidential.clientId }),
    });
    await signIn(main);
    await main.call('auth:signOut');
    main.person.answer = () => true;
    expect(
      (await main.call('settings:set', { issuer: attacker.origin, apiBase: attacker.origin })).ok,
    ).toBe(true);
    expect(errorOf(await main.call('auth:signIn'))).not.toBe('accepted');
    expect(attacker.log.some((r) => r.url === '/token' && r.method === 'POST')).toBe(true);
  });

  it('nor to the right issuer under another client id', async () => {
    const main = await startMain({
      clientSecret: backend.clients.confidential.clientSecret,
      clientSecretIssuer: backend.issuer,
      settings: demoSettings({ clientId: backend.clients.confidential.clientId }),
    });
    expect(
      (await main.call('settings:set', { clientId: backend.clients.public.clientId })).ok,
    ).toBe(true);
    const calls = recorder.tokenCalls.length;
    await signIn(main);
    const exchange = recorder.tokenCalls.slice(calls).find((c) => c.params.has('code'));
    expect(exchange?.authorization).toBeNull();
    expect(exchange?.params.has('client_secret')).toBe(false);
  });
});

describe('sign-out and sign-in cycles', () => {
  it('each session loads from its own endpoints; the lock holds only while signed in', async () => {
    const main = await startMain();
    for (let round = 0; round < 3; round++) {
      await signIn(main);
      expect(errorOf(await main.call('settings:set', { apiBase: attacker.origin }))).toBe(
        'settings_locked',
      );
      await loadsFromBackend(main);
      await main.call('auth:signOut');
      expect(errorOf(await main.call('documents:load'))).toBe('auth_required');
      expect((await main.call('settings:set', { idleMinutes: 5 + round })).ok).toBe(true);
    }
    expect(attacker.log).toHaveLength(0);
  });
});

describe('outside demo mode (an installed app)', () => {
  it('refuses a plain-http API base or issuer on loopback, with the issuer rule', async () => {
    const settings = demoSettings({ issuer: 'https://id.example', apiBase: 'https://id.example' });
    const main = await startMain({ demoMode: false, settings });
    for (const patch of [
      { apiBase: attacker.origin },
      { issuer: attacker.origin },
      { environment: 'custom', issuer: attacker.origin, apiBase: attacker.origin },
    ]) {
      expect(errorOf(await main.call('settings:set', patch))).toBe('insecure_url');
    }
    expect(errorOf(await main.call('settings:set', { environment: 'demo' }))).toBe(
      'config_invalid',
    );
    await expectSettings(main, settings);
    expect(attacker.log).toHaveLength(0);
  });

  it('a file that already points at plain http never gets a sign-in started', async () => {
    const settings = demoSettings({ issuer: attacker.origin, apiBase: attacker.origin });
    const main = await startMain({
      demoMode: false,
      settings,
      clientSecret: backend.clients.confidential.clientSecret,
    });
    expect(errorOf(await main.call('auth:signIn'))).toBe('insecure_url');
    expect(main.browser.opened).toHaveLength(0);
    expect(errorOf(await main.call('documents:load'))).toBe('auth_required');
    // Non-connection settings stay changeable.
    expect((await main.call('settings:set', { language: 'es' })).ok).toBe(true);
    await expectSettings(main, { ...settings, language: 'es' });
    expect(attacker.log).toHaveLength(0);
  });

  it('a fresh install starts in production, and the status says so before any sign-in', async () => {
    const main = await startMain({ demoMode: false, fresh: true });
    expect((await settingsOf(main)).environment).toBe('production');
    const status = await main.call<AuthStatus>('auth:status');
    expect(status.ok && status.data).toMatchObject({
      state: 'signedOut',
      environment: 'production',
      issuerOrigin: 'https://portal.eprospera.com',
    });
    expect(attacker.log).toHaveLength(0);
  });
});

/**
 * Each of the defects a page could use while signed out, tried as it would be tried, then the
 * same sequence refused: the connection is the person's, confirmed in main's own dialog.
 */
describe('the connection belongs to the person at the keyboard', () => {
  it('a page-chosen issuer is refused at the dialog: nothing changes in memory or on disk', async () => {
    const main = await startMain({
      clientSecret: backend.clients.confidential.clientSecret,
      settings: demoSettings({ clientId: backend.clients.confidential.clientId }),
    });
    const before = await settingsOf(main);
    const attempts = [
      { environment: 'custom', issuer: attacker.origin, apiBase: attacker.origin },
      { issuer: attacker.origin, apiBase: attacker.origin },
      { issuer: forwarder.origin, apiBase: forwarder.origin },
      { imageHosts: ['127.0.0.1', 'images.evil.example'] },
    ];
    for (const patch of attempts) {
      expect(errorOf(await main.call('settings:set', patch))).toBe('connection_declined');
    }
    await expectSettings(main, before);
    // The person was asked each time, in main's dialog, with the hosts named.
    expect(main.person.asked).toHaveLength(attempts.length);
    expect(main.person.asked[0]).toMatchObject({
      reason: 'settings',
      issuerHost: new URL(attacker.origin).host,
      apiHost: new URL(attacker.origin).host,
      clientId: backend.clients.confidential.clientId,
      changes: ['environment', 'issuer', 'apiBase'].filter(
        (name) =>
          JSON.stringify(before[name as keyof Settings]) !==
          JSON.stringify(name === 'environment' ? 'custom' : attacker.origin),
      ),
    });
    // A page cannot answer for the person: without a dialog, nothing connection-wise is saved.
    expect(attacker.log).toHaveLength(0);
    expect(forwarder.log).toHaveLength(0);
  });

  it('the environment secret is not sent to an issuer read from settings.json after a restart', async () => {
    // As an older idlens let a page write it while signed out: the attacker's issuer in the file.
    const planted = demoSettings({
      issuer: attacker.origin,
      apiBase: attacker.origin,
      clientId: backend.clients.confidential.clientId,
    });
    const main = await startMain({
      clientSecret: backend.clients.confidential.clientSecret,
      settings: planted,
    });
    // Declined at sign-in: no browser, no code exchange, nothing at the attacker's but discovery.
    expect(errorOf(await main.call('auth:signIn'))).toBe('connection_declined');
    expect(main.browser.opened).toHaveLength(0);
    expect(main.person.asked.at(-1)).toMatchObject({ reason: 'sign-in', secretSent: false });
    expect(attacker.log.map((r) => r.url)).toEqual(['/.well-known/openid-configuration']);
    // Even a person who says yes sends the attacker no secret: the file is not where it comes from.
    main.person.answer = () => true;
    expect(errorOf(await main.call('auth:signIn'))).not.toBe('accepted');
    const token = attacker.log.filter((r) => r.url === '/token');
    expect(token).toHaveLength(1);
    expect(token[0]!.headers.authorization).toBeUndefined();
    expect(token[0]!.body).not.toContain('client_secret');
  });

  it('the environment secret goes to a preset issuer, or to the one IDLENS_CLIENT_SECRET_ISSUER names', async () => {
    const calls = recorder.tokenCalls.length;
    const main = await startMain({
      clientSecret: backend.clients.confidential.clientSecret,
      clientSecretIssuer: backend.issuer,
      settings: demoSettings({ clientId: backend.clients.confidential.clientId }),
    });
    await signIn(main);
    await loadsFromBackend(main);
    const exchange = recorder.tokenCalls.slice(calls).find((c) => c.params.has('code'));
    expect(exchange?.authorization).toMatch(/^Basic /);
    // A preset's issuer needs no variable (the demo preset, in demo mode; its fixed port is not
    // this test's backend, so only what main would send is checked, not a sign-in).
    const preset = await startMain({
      clientSecret: 'env-secret',
      settings: { ...demoSettings(), environment: 'demo', issuer: undefined, apiBase: undefined },
    });
    expect(errorOf(await preset.call('settings:set', { idleMinutes: 3 }))).toBe('accepted');
    preset.person.answer = () => false;
    await preset.call('settings:set', { imageHosts: ['127.0.0.1', 'images.example'] });
    expect(preset.person.asked.at(-1)).toMatchObject({ preset: true, secretSent: true });
  });

  it('the stored secret cannot be changed or cleared while signed in or signing in', async () => {
    const main = await startMain({
      storedSecret: true,
      settings: demoSettings({ clientId: backend.clients.confidential.clientId }),
    });
    await signIn(main);
    for (const secret of [null, 'attacker-chosen-secret']) {
      expect(errorOf(await main.call('settings:setSecret', secret))).toBe('settings_locked');
    }
    await main.call('auth:signOut');
    const { signing } = await startPending(main);
    expect(errorOf(await main.call('settings:setSecret', null))).toBe('settings_locked');
    await main.call('auth:cancel');
    await signing;
    main.browser.mode = 'login';
    // Signed out, a change is the person's to confirm; declined, the stored secret still works.
    main.person.answer = () => false;
    expect(errorOf(await main.call('settings:setSecret', null))).toBe('connection_declined');
    expect(main.person.asked.at(-1)).toMatchObject({ reason: 'secret', secretChange: 'clear' });
    const status = await main.call<{ hasClientSecret: boolean }>('settings:secretStatus');
    expect(status.ok && status.data.hasClientSecret).toBe(true);
    main.person.answer = cautious;
    const calls = recorder.tokenCalls.length;
    await signIn(main);
    const exchange = recorder.tokenCalls.slice(calls).find((c) => c.params.has('code'));
    expect(exchange?.authorization).toMatch(/^Basic /);
  });

  it('a confirmed secret change takes effect; the person decides, not the page', async () => {
    const main = await startMain({
      storedSecret: true,
      settings: demoSettings({ clientId: backend.clients.confidential.clientId }),
    });
    main.person.answer = () => true;
    const cleared = await main.call<{ hasClientSecret: boolean }>('settings:setSecret', null);
    expect(cleared.ok && cleared.data.hasClientSecret).toBe(false);
  });
});

describe('a look-alike provider that forwards to the genuine login (mix-up, RFC 9700 §4.4)', () => {
  it('the genuine provider does not say it sends iss, so the callback cannot tell them apart', async () => {
    const discovery = (await (
      await fetch(`${backend.issuer}/.well-known/openid-configuration`)
    ).json()) as Record<string, unknown>;
    expect(discovery).not.toHaveProperty('authorization_response_iss_parameter_supported');
  });

  it('a page cannot point the issuer at it; the next sign-in goes to the genuine provider', async () => {
    const main = await startMain();
    expect(
      errorOf(
        await main.call('settings:set', { issuer: forwarder.origin, apiBase: forwarder.origin }),
      ),
    ).toBe('connection_declined');
    await signIn(main);
    await loadsFromBackend(main);
    expectForwarderGotNothing();
    expect(forwarder.log).toHaveLength(0);
  });

  it('an issuer already in the file is signed in to only once the person confirms it, told it lacks iss', async () => {
    const main = await startMain({
      storedSecret: true,
      settings: demoSettings({
        issuer: forwarder.origin,
        apiBase: forwarder.origin,
        clientId: backend.clients.confidential.clientId,
      }),
    });
    expect(errorOf(await main.call('auth:signIn'))).toBe('connection_declined');
    expect(main.person.asked).toHaveLength(1);
    expect(main.person.asked[0]).toMatchObject({
      reason: 'sign-in',
      issuerHost: new URL(forwarder.origin).host,
      issParameter: 'not-supported',
      secretSent: false,
    });
    // Asked before anything was sent: no browser opened, no pushed request, no code or secret.
    expect(main.browser.opened).toHaveLength(0);
    expectForwarderGotNothing();
    // And the person's own provider still signs in and loads afterwards.
    main.person.answer = () => true;
    expect(
      (await main.call('settings:set', { issuer: backend.issuer, apiBase: backend.apiBase })).ok,
    ).toBe(true);
    await signIn(main);
    await loadsFromBackend(main);
    expectForwarderGotNothing();
  });

  it('a provider confirmed before its lack of iss was known is asked about again at sign-in', async () => {
    const main = await startMain({
      settings: demoSettings({ issuer: attacker.origin, apiBase: attacker.origin }),
    });
    main.person.answer = () => true;
    expect(
      (await main.call('settings:set', { issuer: backend.issuer, apiBase: backend.apiBase })).ok,
    ).toBe(true);
    expect(main.person.asked.at(-1)).toMatchObject({ reason: 'settings', issParameter: 'unknown' });
    main.person.answer = () => false;
    expect(errorOf(await main.call('auth:signIn'))).toBe('connection_declined');
    expect(main.person.asked.at(-1)).toMatchObject({
      reason: 'sign-in',
      issParameter: 'not-supported',
    });
    expect(main.browser.opened).toHaveLength(0);
  });

  it('what the forwarder would get, were it confirmed: the reason the dialog warns of it', async () => {
    // The person is deceived into confirming it: the attack is real, not a strawman — the code
    // and verifier of a sign-in at the genuine page reach the look-alike's token endpoint.
    const main = await startMain({
      settings: demoSettings({ issuer: forwarder.origin, apiBase: forwarder.origin }),
    });
    main.person.answer = () => true;
    expect(errorOf(await main.call('auth:signIn'))).toBe('auth_token_rejected');
    const token = forwarder.log.find((r) => r.url === '/token');
    expect(token?.body).toMatch(/code_verifier=/);
    expect(main.person.asked[0]).toMatchObject({ issParameter: 'not-supported' });
  });
});

describe('the settings files are plain files in a private folder', () => {
  it('a named pipe at settings.json does not hang start-up: it is set aside and defaults used', async () => {
    const main = await startMain({
      plant: (file) => execFileSync('mkfifo', ['-m', '600', file]),
    });
    const info = await main.call<{ settingsRepaired?: { keptAs: string | null } }>('app:info');
    expect(info.ok && info.data.settingsRepaired?.keptAs).toMatch(/^settings\.json\.damaged-/);
    expect(lstatSync(main.settingsFile).isFile()).toBe(true);
    expect(await settingsOf(main)).toMatchObject({ environment: 'demo', idleMinutes: 10 });
    expect((await main.call('settings:set', { idleMinutes: 6 })).ok).toBe(true);
  });

  it('a link planted at the temporary name is never followed: its target stays as it was', async () => {
    const victim = join(mkdtempSync(join(tmpdir(), 'idlens-victim-')), 'victim.txt');
    dirs.push(dirname(victim));
    writeFileSync(victim, 'keep me');
    const main = await startMain({
      plant: (file) => {
        writeFileSync(file, JSON.stringify(demoSettings()));
        for (const name of [`${file}.tmp-${process.pid}`, `${file}.tmp`]) symlinkSync(victim, name);
      },
    });
    expect((await main.call('settings:set', { idleMinutes: 7 })).ok).toBe(true);
    expect(readFileSync(victim, 'utf8')).toBe('keep me');
    expect(JSON.parse(readFileSync(main.settingsFile, 'utf8'))).toMatchObject({ idleMinutes: 7 });
    expect(statSync(main.settingsFile).mode & 0o777).toBe(0o600);
  });

  it('a link at settings.json is not read through: what it points at is not taken as settings', async () => {
    const elsewhere = join(mkdtempSync(join(tmpdir(), 'idlens-elsewhere-')), 'other.json');
    dirs.push(dirname(elsewhere));
    writeFileSync(elsewhere, JSON.stringify(demoSettings({ issuer: attacker.origin })));
    const main = await startMain({ plant: (file) => symlinkSync(elsewhere, file) });
    expect((await settingsOf(main)).issuer).toBeUndefined();
    expect(JSON.parse(readFileSync(elsewhere, 'utf8'))).toMatchObject({ issuer: attacker.origin });
  });

  it('the repair notice lists every field dropped or reset, and the names that are no setting', async () => {
    const main = await startMain({
      plant: (file) =>
        writeFileSync(
          file,
          JSON.stringify({ environment: 'custom', issuer: 'not a url', idleMinutes: 2, colour: 1 }),
        ),
    });
    const info = await main.call<{ settingsRepaired?: { reset: string[]; ignored: string[] } }>(
      'app:info',
    );
    expect(info.ok && info.data.settingsRepaired).toMatchObject({
      reset: expect.arrayContaining(['issuer', 'environment']),
      ignored: ['colour'],
    });
    expect((await settingsOf(main)).environment).toBe('demo');
    expect((await settingsOf(main)).idleMinutes).toBe(2);
  });
});

describe("the person's own change, confirmed, works end to end", () => {
  it('a new connection saved from Settings, confirmed once, signs in and loads', async () => {
    const main = await startMain({
      settings: demoSettings({ issuer: attacker.origin, apiBase: attacker.origin }),
    });
    main.person.answer = () => true;
    const saved = await main.call<Settings>('settings:set', {
      issuer: backend.issuer,
      apiBase: backend.apiBase,
    });
    expect(saved.ok).toBe(true);
    await expectSettings(main, demoSettings());
    // Confirmed once: the sign-in that follows asks nothing more when the provider is as shown.
    const asked = main.person.asked.length;
    await signIn(main);
    await loadsFromBackend(main);
    expect(main.person.asked.slice(asked).map((s) => s.reason)).toEqual(['sign-in']);
    expect(main.person.asked.at(-1)).toMatchObject({ issParameter: 'not-supported' });
    expect(attacker.log).toHaveLength(0);
  });
});

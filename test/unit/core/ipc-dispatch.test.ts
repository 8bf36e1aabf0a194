import { describe, expect, it, vi } from 'vitest';
import type { AuthStatus } from '../../../shared/ipc.ts';
import { createDispatcher, type Handlers } from '../../../core/ipc-dispatch.ts';
import { APP_ENTRY_URL, isTrustedSender } from '../../../core/security.ts';
import { stubHandlers } from '../../fixtures/stub-handlers.ts';

const signedOut: AuthStatus = { state: 'signedOut', environment: 'demo', scopes: [] };

const handlers = (overrides: Partial<Handlers> = {}): Handlers =>
  stubHandlers(overrides, signedOut);

const own = { url: APP_ENTRY_URL, isMainFrame: true };

describe('IPC dispatcher', () => {
  it('answers a trusted sender with the handler result', async () => {
    const dispatch = createDispatcher(handlers(), { isTrustedSender });
    await expect(dispatch('auth:status', own, [])).resolves.toEqual({
      ok: true,
      data: { state: 'signedOut', environment: 'demo', scopes: [] },
    });
  });

  it('refuses other senders before any handler runs', async () => {
    const spy = vi.fn(() => signedOut);
    const dispatch = createDispatcher(handlers({ 'auth:signIn': spy }), { isTrustedSender });
    for (const frame of [
      null,
      { url: APP_ENTRY_URL, isMainFrame: false },
      { url: 'https://evil.example/', isMainFrame: true },
    ]) {
      const result = await dispatch('auth:signIn', frame, []);
      expect(result).toEqual({
        ok: false,
        error: { code: 'bad_sender', message: expect.any(String) },
      });
    }
    expect(spy).not.toHaveBeenCalled();
  });

  it('refuses bad arguments without echoing them', async () => {
    const spy = vi.fn();
    const dispatch = createDispatcher(handlers({ 'settings:set': spy }), { isTrustedSender });
    const secretish = 'https://evil.example/?token=abc';
    for (const args of [
      [{ issuer: 42 }],
      [{ clientSecret: secretish }],
      [],
      ['x', 'y'],
      [{ idleMinutes: -1 }],
    ]) {
      const result = await dispatch('settings:set', own, args);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('bad_argument');
        expect(result.error.message).not.toContain('evil');
      }
    }
    const wipe = await dispatch('documents:wipe', own, ['because']);
    expect(wipe).toMatchObject({ ok: false, error: { code: 'bad_argument' } });
    expect(spy).not.toHaveBeenCalled();
  });

  it('refuses channels outside the contract, including prototype names', async () => {
    const dispatch = createDispatcher(handlers(), { isTrustedSender });
    for (const channel of ['fs:read', 'constructor', '__proto__', 'toString']) {
      await expect(dispatch(channel, own, [])).resolves.toMatchObject({
        ok: false,
        error: { code: 'bad_argument' },
      });
    }
  });

  it('turns thrown errors into values, hiding unknown ones', async () => {
    const dispatch = createDispatcher(
      handlers({
        'auth:signOut': () => {
          throw new Error('token=eyJhbGciOi... leaked');
        },
      }),
      { isTrustedSender },
    );
    await expect(dispatch('documents:load', own, [])).resolves.toEqual({
      ok: false,
      error: { code: 'auth_required', message: 'Sign in to load documents.' },
    });
    const hidden = await dispatch('auth:signOut', own, []);
    expect(hidden).toEqual({
      ok: false,
      error: { code: 'internal', message: 'An unexpected error occurred.' },
    });
  });

  it('strips any field the contract does not name from results', async () => {
    const leaky = {
      ...signedOut,
      accessToken: 'eyJsecret',
      signedUrl: 'https://s3/x?X-Amz-Signature=1',
    };
    const dispatch = createDispatcher(handlers({ 'auth:status': () => leaky }), {
      isTrustedSender,
    });
    const result = await dispatch('auth:status', own, []);
    expect(JSON.stringify(result)).not.toMatch(/eyJsecret|X-Amz/);
  });

  it('refuses a result that breaks the contract rather than passing it on', async () => {
    const dispatch = createDispatcher(
      handlers({
        'documents:wipe': () => ({ reason: 'button', imagesCleared: -1, bytesZeroed: 0, at: 0 }),
      }),
      { isTrustedSender },
    );
    await expect(dispatch('documents:wipe', own, ['button'])).resolves.toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
  });
});

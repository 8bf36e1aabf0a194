import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { SCOPES } from '../../shared/environments.ts';
import { DICTIONARIES } from '../../renderer/src/i18n/index.tsx';
import { formatDateTime } from '../../renderer/src/i18n/format.ts';
import { setup } from './setup.tsx';

// Several screens render per test; a busy shared machine can take longer than the default.
vi.setConfig({ testTimeout: 20_000 });

/** Empty, waiting and error states: each says the right thing and offers the right action. */
describe.each(['en', 'es'] as const)('states that say why (%s)', (lang) => {
  const t = DICTIONARIES[lang];

  it('while the browser is open: the exact redirect URI and client id, and what to check', async () => {
    const { user } = setup({
      signIn: 'manual',
      settings: { language: lang, clientId: 'reviewer-desk', redirectPort: 4482 },
    });
    await user.click(await screen.findByTestId('sign-in'));
    const waiting = await screen.findByTestId('sign-in-waiting');
    const check = await within(waiting).findByTestId('sign-in-check');
    expect(within(check).getByTestId('redirect-uri').textContent).toBe(
      'http://127.0.0.1:4482/callback',
    );
    expect(within(check).getByTestId('client-id').textContent).toBe('reviewer-desk');
    expect(within(check).getByText(t.signIn.checkTitle)).toBeTruthy();
    expect(within(check).getByText(t.signIn.checkBody)).toBeTruthy();
  });

  it('a timed-out sign-in repeats the redirect URI and client id with the hint', async () => {
    const { fake, user } = setup({
      signIn: 'manual',
      settings: { language: lang, clientId: 'reviewer-desk', redirectPort: 4482 },
    });
    await user.click(await screen.findByTestId('sign-in'));
    await screen.findByTestId('sign-in-check');
    fake.finishSignIn({ code: 'auth_timeout', message: 'Sign-in was not completed in time.' });
    const notice = await waitFor(() => {
      const el = document.querySelector('[data-error-code="auth_timeout"]');
      if (!(el instanceof HTMLElement)) throw new Error('no timeout notice yet');
      return el;
    });
    expect(within(notice).getByText(t.errors.auth_timeout.action)).toBeTruthy();
    expect(within(notice).getByTestId('redirect-uri').textContent).toBe(
      'http://127.0.0.1:4482/callback',
    );
    expect(within(notice).getByTestId('client-id').textContent).toBe('reviewer-desk');
  });

  it('missing scope, settings never asked: says so, "Sign in again" first, Settings offered', async () => {
    setup({
      settings: { language: lang, scopes: ['openid'] },
      grantedScopes: ['openid'],
      loadError: { code: 'missing_scope', message: 'The token lacks a scope.' },
    });
    const user = (await import('@testing-library/user-event')).default.setup();
    await user.click(await screen.findByTestId('sign-in'));
    const explain = await screen.findByTestId('scope-explain');
    expect(explain.textContent).toContain(t.docs.scopeNotRequestedTitle);
    expect(explain.textContent).toContain(t.docs.scopeNotRequestedBody(SCOPES.idVerification));
    const buttons = within(explain.closest('[role="alert"]') as HTMLElement).getAllByRole('button');
    expect(buttons[0]?.textContent).toBe(t.docs.signInAgain);
    expect(buttons[0]?.className).toContain('button--primary');
    expect(buttons.map((b) => b.textContent)).toContain(t.docs.openSettings);
  });

  it('missing scope, consent withheld it: says so, and "Sign in again" signs in again', async () => {
    const { fake, user } = setup({
      settings: { language: lang },
      grantedScopes: ['openid'],
      loadError: { code: 'missing_scope', message: 'The token lacks a scope.' },
    });
    await user.click(await screen.findByTestId('sign-in'));
    const explain = await screen.findByTestId('scope-explain');
    expect(explain.textContent).toContain(t.docs.scopeWithheldTitle);
    expect(explain.textContent).not.toContain(t.docs.scopeNotRequestedTitle);
    const alert = explain.closest('[role="alert"]') as HTMLElement;
    expect(within(alert).queryByRole('button', { name: t.docs.openSettings })).toBeNull();
    const again = within(alert).getAllByRole('button')[0];
    expect(again?.textContent).toBe(t.docs.signInAgain);
    const signIns = fake.calls.filter((c) => c === 'auth:signIn').length;
    if (again) await user.click(again);
    await waitFor(() =>
      expect(fake.calls.filter((c) => c === 'auth:signIn').length).toBe(signIns + 1),
    );
    expect(fake.calls).toContain('auth:signOut');
  });

  it('"Wipe now" is quiet with nothing loaded and calls for attention once images are held', async () => {
    const { user } = setup({ settings: { language: lang }, signedIn: true });
    const wipe = await screen.findByTestId('wipe-button');
    expect(wipe.dataset['quiet']).toBe('true');
    expect(wipe.className).not.toContain('button--danger');
    expect(wipe.title).toContain(t.wipe.buttonIdle);
    await user.click(screen.getByTestId('load-documents'));
    await screen.findByTestId('session-panel');
    const loud = screen.getByTestId('wipe-button');
    expect(loud.dataset['quiet']).toBe('false');
    expect(loud.className).toContain('button--danger');
    expect(loud.title).toContain(t.wipe.buttonHint);
  });

  it('the environment badge names its host before and after sign-in; the demo badge shows', async () => {
    const { user } = setup({ settings: { language: lang, environment: 'production' } });
    const badge = await screen.findByTestId('env-badge');
    await waitFor(() => expect(badge.textContent).toContain('portal.eprospera.com'));
    expect(screen.getByTestId('demo-badge').textContent).toBe(t.app.demoBadge);
    await user.click(screen.getByTestId('sign-in'));
    await screen.findByTestId('session-panel');
    expect(screen.getByTestId('env-badge').textContent).toContain('127.0.0.1:4480');
  });

  it('a custom environment names its issuer’s host while signed out', async () => {
    setup({
      settings: { language: lang, environment: 'custom', issuer: 'https://id.example.org/' },
    });
    const badge = await screen.findByTestId('env-badge');
    await waitFor(() => expect(badge.textContent).toContain('id.example.org'));
  });

  it('no demo badge outside demo mode', async () => {
    setup({ settings: { language: lang }, info: { demoMode: false } });
    await screen.findByTestId('env-badge');
    await waitFor(() => expect(screen.getByTestId('sign-in')).toBeTruthy());
    expect(screen.queryByTestId('demo-badge')).toBeNull();
  });

  it('the wipe receipt says on which date, not just at what time', async () => {
    const at = Date.UTC(2026, 10, 29, 10, 35, 12);
    setup({
      settings: { language: lang },
      lastWipe: { reason: 'idle', imagesCleared: 3, bytesZeroed: 900, at },
    });
    const receipt = await screen.findByTestId('wipe-receipt');
    const when = formatDateTime(at, lang);
    expect(receipt.querySelector('time')?.textContent).toBe(when?.local);
    expect(receipt.textContent).toContain('2026');
    expect(receipt.textContent).toContain(t.wipe.receiptBody(3));
    // Not a sentence that ends in "a.m.." (the time is no longer inside a sentence).
    expect(receipt.textContent).not.toMatch(/\.\./);
  });
});

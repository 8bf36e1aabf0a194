import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, type ErrorCode } from '../../shared/errors.ts';
import { DICTIONARIES } from '../../renderer/src/i18n/index.tsx';
import { setup } from './setup.tsx';

const SIGN_IN_CODES = ERROR_CODES.filter(
  (code) => code.startsWith('auth_') || code === 'config_invalid',
);

describe.each(['en', 'es'] as const)('sign-in screen (%s)', (lang) => {
  const t = DICTIONARIES[lang];

  it('offers the four environments, the sign-in button and what this window promises', async () => {
    setup({ settings: { language: lang } });
    expect(await screen.findByRole('heading', { name: t.signIn.title })).toBeTruthy();
    const picker = screen.getByRole('group', { name: t.env.legend });
    for (const env of ['production', 'staging', 'demo', 'custom'] as const) {
      expect(within(picker).getByRole('radio', { name: new RegExp(t.env[env]) })).toBeTruthy();
    }
    expect(
      within(picker).getByRole<HTMLInputElement>('radio', { name: new RegExp(t.env.demo) }).checked,
    ).toBe(true);
    expect(screen.getByText(t.signIn.promise)).toBeTruthy();
    expect(screen.getByRole('button', { name: t.signIn.button })).toBeTruthy();
    expect(screen.getByTestId('env-badge').textContent).toContain(t.env.demo);
    // Linux: say plainly that capture protection is not available.
    expect(screen.getAllByText(t.capture.offLinux).length).toBeGreaterThan(0);
  });

  it('choosing an environment saves it and the badge follows', async () => {
    const { fake, user } = setup({ settings: { language: lang } });
    await user.click(await screen.findByRole('radio', { name: new RegExp(t.env.staging) }));
    await waitFor(() =>
      expect(screen.getByTestId('env-badge').textContent).toContain(t.env.staging),
    );
    expect(fake.settings.environment).toBe('staging');
  });

  it('custom without an issuer cannot sign in, and says what to do', async () => {
    setup({ settings: { language: lang, environment: 'custom' } });
    expect(await screen.findByText(t.env.customMissing)).toBeTruthy();
    expect(screen.getByTestId<HTMLButtonElement>('sign-in').disabled).toBe(true);
  });

  it('waiting: says the browser was opened, shows the time left, and cancels', async () => {
    const { fake, user } = setup({
      settings: { language: lang, signInTimeoutSeconds: 120 },
      signIn: 'manual',
    });
    await user.click(await screen.findByTestId('sign-in'));
    const waiting = await screen.findByTestId('sign-in-waiting');
    expect(within(waiting).getByRole('heading', { name: t.signIn.waitingTitle })).toBeTruthy();
    expect(within(waiting).getByText(t.signIn.waitingBody)).toBeTruthy();
    expect(within(waiting).getByText(/[12]:[0-5]\d/).textContent).toMatch(
      new RegExp(`^${t.signIn.remaining('X').replace('X', '')}`),
    );
    await user.click(within(waiting).getByRole('button', { name: t.signIn.cancel }));
    expect(await screen.findByTestId('sign-in')).toBeTruthy();
    expect(fake.calls).toContain('auth:cancel');
    // A cancel the person asked for is not an error.
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('a successful sign-in goes straight to the documents', async () => {
    const { fake, user } = setup({ settings: { language: lang } });
    await user.click(await screen.findByTestId('sign-in'));
    expect(await screen.findByTestId('session-panel')).toBeTruthy();
    expect(fake.calls).toContain('documents:load');
    expect(screen.getByRole('button', { name: t.wipe.button })).toBeTruthy();
  });

  it.each(SIGN_IN_CODES)('error %s: its own message and what to do', async (code: ErrorCode) => {
    const { user } = setup({
      settings: { language: lang },
      signIn: { code, message: 'fixed text' },
    });
    await user.click(await screen.findByTestId('sign-in'));
    const alert = await screen.findByRole('alert');
    expect(alert.getAttribute('data-error-code')).toBe(code);
    expect(within(alert).getByText(t.errors[code].title)).toBeTruthy();
    expect(within(alert).getByText(t.errors[code].action)).toBeTruthy();
    expect(within(alert).getByText(t.signIn.errorHeading)).toBeTruthy();
    expect(screen.getByRole('button', { name: t.signIn.tryAgain })).toBeTruthy();
  });
});

describe('sign-in details', () => {
  it('outside demo mode the demo environment is not offered', async () => {
    setup({ info: { demoMode: false }, settings: { environment: 'production' } });
    await screen.findByRole('radio', { name: /Production/ });
    await waitFor(() => expect(screen.queryByRole('radio', { name: /^Demo/ })).toBeNull());
    expect(screen.getAllByRole('radio')).toHaveLength(3);
  });

  it('main’s own explanation is shown beside the error code’s', async () => {
    const { user } = setup({
      signIn: {
        code: 'config_invalid',
        message: 'The demo environment is available only when idlens runs with the demo backend.',
      },
    });
    await user.click(await screen.findByTestId('sign-in'));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText(DICTIONARIES.en.errors.config_invalid.title)).toBeTruthy();
    expect(
      within(alert).getByText(/available only when idlens runs with the demo backend/),
    ).toBeTruthy();
  });
});

import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DICTIONARIES } from '../../renderer/src/i18n/index.tsx';
import { setup } from './setup.tsx';

describe.each(['en', 'es'] as const)('settings (%s)', (lang) => {
  const t = DICTIONARIES[lang];

  async function openSettings(options: Parameters<typeof setup>[0] = {}) {
    const view = setup({ settings: { language: lang }, ...options });
    await view.user.click(await screen.findByRole('button', { name: t.settings.open }));
    const dialog = await screen.findByRole('dialog', { name: t.settings.title });
    return { ...view, dialog };
  }

  it('every field is labelled and shows the current value', async () => {
    const { dialog } = await openSettings({
      settings: { language: lang, idleMinutes: 7, redirectPort: 4482 },
    });
    for (const label of [
      t.settings.issuer,
      t.settings.apiBase,
      t.settings.clientId,
      t.settings.redirectPort,
      t.settings.redirectPath,
      t.settings.scopes,
      t.settings.idleMinutes,
      t.settings.signInTimeout,
      t.settings.language,
    ]) {
      expect(within(dialog).getByLabelText(label)).toBeTruthy();
    }
    expect(within(dialog).getByLabelText<HTMLInputElement>(t.settings.idleMinutes).value).toBe('7');
    expect(within(dialog).getByLabelText<HTMLInputElement>(t.settings.redirectPort).value).toBe(
      '4482',
    );
    expect(within(dialog).getByRole('checkbox', { name: t.settings.singleKey })).toBeTruthy();
  });

  it('a value out of range is explained next to its field and nothing is sent', async () => {
    const { dialog, user, fake } = await openSettings();
    const idle = within(dialog).getByLabelText(t.settings.idleMinutes);
    await user.clear(idle);
    await user.type(idle, '0');
    await user.click(screen.getByRole('button', { name: t.settings.save }));
    expect(within(dialog).getByText(t.settings.wholeNumber(1, 240))).toBeTruthy();
    expect(idle.getAttribute('aria-invalid')).toBe('true');
    expect(fake.calls).not.toContain('settings:set');
  });

  it('saves only what changed', async () => {
    const { dialog, user, fake } = await openSettings();
    const port = within(dialog).getByLabelText(t.settings.redirectPort);
    await user.clear(port);
    await user.type(port, '4482');
    await user.click(within(dialog).getByRole('checkbox', { name: t.settings.includeDetails }));
    await user.click(screen.getByRole('button', { name: t.settings.save }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fake.settings.redirectPort).toBe(4482);
    expect(fake.settings.scopes).toContain('eprospera:person.details.read');
    expect(fake.settings.idleMinutes).toBe(10);
  });

  it('an API base off the issuer is refused here by the rule main and the CLI apply', async () => {
    const { dialog, user, fake } = await openSettings({
      settings: { language: lang, environment: 'custom', issuer: 'https://id.example' },
    });
    const apiBase = within(dialog).getByLabelText(t.settings.apiBase);
    await user.clear(apiBase);
    await user.type(apiBase, 'https://api.elsewhere.example');
    await user.click(screen.getByRole('button', { name: t.settings.save }));
    expect(within(dialog).getByText(t.settings.endpoint.api_base_off_issuer)).toBeTruthy();
    expect(apiBase.getAttribute('aria-invalid')).toBe('true');
    expect(fake.calls).not.toContain('settings:set');
  });

  it('tells that a connection change is confirmed outside the page, and a declined one says so', async () => {
    const { dialog, user, fake } = await openSettings({ confirmation: 'declines' });
    expect(within(dialog).getByText(t.settings.confirmedOutside)).toBeTruthy();
    const clientId = within(dialog).getByLabelText(t.settings.clientId);
    await user.clear(clientId);
    await user.type(clientId, 'another-client');
    await user.click(screen.getByRole('button', { name: t.settings.save }));
    const alert = await within(dialog).findByRole('alert');
    expect(within(alert).getByText(t.errors.connection_declined.title)).toBeTruthy();
    expect(within(alert).getByText(t.errors.connection_declined.action)).toBeTruthy();
    expect(fake.settings.clientId).not.toBe('another-client');
    expect(screen.getByRole('dialog')).toBeTruthy();
  });

  it('what main refuses is shown with its reason, and the dialog stays open', async () => {
    const { dialog, user } = await openSettings();
    const path = within(dialog).getByLabelText(t.settings.redirectPath);
    await user.clear(path);
    await user.type(path, 'callback');
    await user.click(screen.getByRole('button', { name: t.settings.save }));
    const alert = await within(dialog).findByRole('alert');
    expect(within(alert).getByText(t.settings.notSaved)).toBeTruthy();
    expect(within(alert).getByText(t.errors.bad_argument.title)).toBeTruthy();
    expect(within(alert).getByText(t.errors.bad_argument.action)).toBeTruthy();
    // main's own words name the field it refused
    expect(
      within(alert).getByText('Invalid argument 0.redirectPath: invalid format.'),
    ).toBeTruthy();
    expect(screen.getByRole('dialog')).toBeTruthy();
  });

  it('while signed in, where and how to sign in cannot change', async () => {
    const { dialog } = await openSettings({ settings: { language: lang }, signedIn: true });
    expect(within(dialog).getByText(t.settings.lockedWhileSignedIn)).toBeTruthy();
    expect(within(dialog).getByLabelText(t.settings.clientId).matches(':disabled')).toBe(true);
    expect(within(dialog).getByLabelText(t.settings.issuer).matches(':disabled')).toBe(true);
    expect(within(dialog).getByLabelText(t.settings.idleMinutes).matches(':disabled')).toBe(false);
  });

  it('"Checks on this computer": three named choices, each saying what it does, "all" by default', async () => {
    const { dialog } = await openSettings();
    const group = within(dialog).getByRole('group', { name: t.settings.checks });
    const radios = within(group).getAllByRole('radio');
    expect(radios.map((r) => r.getAttribute('value'))).toEqual(['all', 'documents', 'off']);
    for (const choice of ['all', 'documents', 'off'] as const) {
      const radio = within(group).getByRole('radio', { name: t.settings.checksChoices[choice] });
      const help = document.getElementById(radio.getAttribute('aria-describedby') ?? '');
      expect(help?.textContent).toBe(t.settings.checksHelp[choice]);
    }
    expect(
      within(group).getByRole<HTMLInputElement>('radio', { name: t.settings.checksChoices.all })
        .checked,
    ).toBe(true);
    // "All" says plainly that it compares faces, on this computer, in a process ended on wipe.
    expect(t.settings.checksHelp.all).toMatch(lang === 'en' ? /biometric/ : /biométrico/);
    expect(within(group).getByText(t.settings.checksWhen)).toBeTruthy();
  });

  it('the checks choice is made with the keyboard and saved alone, even while signed in', async () => {
    const { dialog, user, fake } = await openSettings({
      settings: { language: lang },
      signedIn: true,
    });
    const group = within(dialog).getByRole('group', { name: t.settings.checks });
    const all = within(group).getByRole('radio', { name: t.settings.checksChoices.all });
    expect(all.matches(':disabled')).toBe(false);
    all.focus();
    await user.keyboard('{ArrowDown}');
    const documentsOnly = within(group).getByRole<HTMLInputElement>('radio', {
      name: t.settings.checksChoices.documents,
    });
    expect(documentsOnly.checked).toBe(true);
    expect(document.activeElement).toBe(documentsOnly);
    await user.click(screen.getByRole('button', { name: t.settings.save }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fake.settings.checks).toBe('documents');
    expect(fake.settingsPatches.at(-1)).toEqual({ checks: 'documents' });
  });

  it('Escape closes the dialog and focus returns to the button that opened it', async () => {
    const { user } = await openSettings();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: t.settings.open }));
  });

  it('a settings file main had to repair is told on the first page, with where it was kept', async () => {
    setup({
      settings: { language: lang },
      info: {
        settingsRepaired: {
          keptAs: 'settings.json.damaged-2026',
          reset: ['idleMinutes'],
          ignored: [],
        },
      },
    });
    const notice = await screen.findByText(
      `${t.app.settingsRepaired('settings.json.damaged-2026')} ${t.app.settingsRepairedFields('idleMinutes', '')}`,
    );
    expect(notice.getAttribute('role')).toBe('status');
    expect(notice.textContent).toContain('idleMinutes');
  });

  it('a sound settings file tells nothing', async () => {
    setup({ settings: { language: lang } });
    await screen.findByRole('button', { name: t.settings.open });
    expect(screen.queryByText(t.app.settingsRepaired(null))).toBeNull();
    expect(screen.queryByText(t.app.settingsRepaired('settings.json.damaged-2026'))).toBeNull();
  });
});

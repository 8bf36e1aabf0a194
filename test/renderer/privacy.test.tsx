import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DICTIONARIES } from '../../renderer/src/i18n/index.tsx';
import { setup } from './setup.tsx';

describe.each(['en', 'es'] as const)('privacy report (%s)', (lang) => {
  const t = DICTIONARIES[lang];

  async function open(disk: 'clean' | 'sensitive') {
    const view = setup({ settings: { language: lang }, disk });
    await view.user.click(await screen.findByRole('button', { name: t.privacy.open }));
    const dialog = await screen.findByRole('dialog', { name: t.privacy.title });
    const report = await within(dialog).findByTestId('privacy-report');
    return { ...view, dialog, report };
  }

  it('a clean disk: the verdict, the counts, the locations and what each known file is', async () => {
    const { report, fake } = await open('clean');
    expect(report.getAttribute('data-verdict')).toBe('clean');
    expect(
      within(report).getByText(t.privacy.verdictTitle.clean, { selector: '.verdict__title' }),
    ).toBeTruthy();
    expect(within(report).getByText(t.privacy.verdictBody.clean)).toBeTruthy();
    expect(within(report).getByText('/home/reviewer/.config/idlens')).toBeTruthy();
    expect(within(report).getByText(t.privacy.roles.userData)).toBeTruthy();
    expect(within(report).getByText('settings.json')).toBeTruthy();
    expect(report.textContent).toContain(t.privacy.expected);
    // Chromium's own files are explained, in the reader's language.
    expect(report.textContent).toContain(t.privacy.canHold);
    expect(fake.calls).toContain('privacy:report');
  });

  it('names each special file by its kind: a FIFO is not called a socket', async () => {
    const { report } = await open('clean');
    const row = (name: string) =>
      within(report).getByText(name).closest('.privacy__entry')?.textContent ?? '';
    expect(row('SingletonSocket')).toContain(t.privacy.special.socket);
    expect(row('pipe')).toContain(t.privacy.special.fifo);
    expect(row('pipe')).not.toContain(t.privacy.special.socket);
  });

  it('a sensitive file is marked with what was found in it', async () => {
    const { report } = await open('sensitive');
    expect(report.getAttribute('data-verdict')).toBe('sensitive');
    expect(within(report).getByText(t.privacy.verdictBody.sensitive)).toBeTruthy();
    const row = report.querySelector('[data-verdict="sensitive"].privacy__entry');
    expect(row?.textContent).toContain(`${t.privacy.findings.jpeg} × 1`);
    expect(row?.textContent).toContain(t.privacy.findings['document-file']);
  });

  it('scans again on request', async () => {
    const { user, fake, dialog } = await open('clean');
    const scans = () => fake.calls.filter((c) => c === 'privacy:report').length;
    const before = scans();
    await user.click(within(dialog).getByRole('button', { name: t.privacy.rescan }));
    await waitFor(() => expect(scans()).toBe(before + 1));
    expect(await within(dialog).findByTestId('privacy-report')).toBeTruthy();
  });
});

describe.each(['en', 'es'] as const)('client secret (%s)', (lang) => {
  const t = DICTIONARIES[lang];

  async function settings(keychain = true) {
    const view = setup({ settings: { language: lang }, keychain });
    await view.user.click(await screen.findByRole('button', { name: t.settings.open }));
    const field = await screen.findByTestId('client-secret');
    return { ...view, field };
  }

  it('is write-only: stored, never shown again, removable', async () => {
    const { field, user, fake } = await settings();
    expect(await within(field).findByText(t.settings.secretNone)).toBeTruthy();
    const input = within(field).getByLabelText<HTMLInputElement>(t.settings.secret);
    expect(input.type).toBe('password');
    await user.type(input, 's3cret-value{Enter}');
    expect(await within(field).findByText(t.settings.secretSaved)).toBeTruthy();
    expect(fake.hasClientSecret).toBe(true);
    expect(input.value).toBe('');
    expect(document.body.innerHTML).not.toContain('s3cret-value');
    // Enter stored the secret only: the settings dialog is still open and nothing else was saved.
    expect(screen.getByRole('dialog', { name: t.settings.title })).toBeTruthy();
    expect(fake.calls).not.toContain('settings:set');
    await user.click(within(field).getByRole('button', { name: t.settings.secretClear }));
    expect(await within(field).findByText(t.settings.secretCleared)).toBeTruthy();
    expect(fake.hasClientSecret).toBe(false);
  });

  it('where no keychain can encrypt it, says so and offers the environment variable', async () => {
    const { field } = await settings(false);
    expect(await within(field).findByText(t.settings.secretUnavailable)).toBeTruthy();
    expect(within(field).getByLabelText(t.settings.secret).matches(':disabled')).toBe(true);
  });
});

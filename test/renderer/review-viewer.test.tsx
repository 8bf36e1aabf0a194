import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { DICTIONARIES } from '../../renderer/src/i18n/index.tsx';
import { formatDateTime } from '../../renderer/src/i18n/format.ts';
import { setup } from './setup.tsx';

async function documents(lang: 'en' | 'es', options: Parameters<typeof setup>[0] = {}) {
  const view = setup({ ...options, settings: { language: lang, ...options.settings } });
  await view.user.click(await screen.findByTestId('sign-in'));
  await screen.findByTestId('session-panel');
  return view;
}

const paneImage = (slot: string) =>
  screen.getByTestId(`pane-${slot}`).querySelector('img.pane__image') as HTMLImageElement;

// Several screens render per test; a busy shared machine can take longer than the default.
vi.setConfig({ testTimeout: 20_000 });

/** The viewer sized for review work: room, navigation, portrait compare, numbers, copies. */
describe.each(['en', 'es'] as const)('viewer for review work (%s)', (lang) => {
  const t = DICTIONARIES[lang];

  it('the side panel folds away (button and B) and comes back', async () => {
    const { user } = await documents(lang);
    const toggle = screen.getByTestId('panel-toggle');
    expect(toggle.getAttribute('aria-label')).toBe(t.docs.panelHide);
    expect(screen.getByTestId('side-panel').hidden).toBe(false);
    await user.click(toggle);
    expect(screen.getByTestId('side-panel').hidden).toBe(true);
    expect(screen.getByTestId('panel-toggle').getAttribute('aria-label')).toBe(t.docs.panelShow);
    await user.keyboard('b');
    expect(screen.getByTestId('side-panel').hidden).toBe(false);
  });

  it('full-window viewer: F hides the panel and the cards, Esc brings them back', async () => {
    const { user } = await documents(lang);
    const main = document.getElementById('main') as HTMLElement;
    await user.keyboard('f');
    expect(main.dataset['fullWindow']).toBe('true');
    expect(screen.getByTestId('side-panel').hidden).toBe(true);
    expect(document.querySelector<HTMLElement>('section.strip')?.hidden).toBe(true);
    expect(screen.getByTestId('full-window-toggle').getAttribute('aria-label')).toBe(
      t.viewer.leaveFullWindow,
    );
    await user.keyboard('{Escape}');
    expect(main.dataset['fullWindow']).toBe('false');
    expect(screen.getByTestId('side-panel').hidden).toBe(false);
    await user.click(screen.getByTestId('full-window-toggle'));
    expect(main.dataset['fullWindow']).toBe('true');
  });

  it('the help overlay lists the full-window and side-panel keys', async () => {
    const { user } = await documents(lang);
    await user.keyboard('?');
    const dialog = await screen.findByRole('dialog', { name: t.help.title });
    const row = within(dialog).getByText(t.help.fullWindow).closest('.shortcut');
    expect(row?.querySelectorAll('kbd')[0]?.textContent).toBe('F');
    expect(within(dialog).getByText(t.help.panel).closest('.shortcut')?.textContent).toContain('B');
  });

  it('brightness and contrast show their value; the loupe shows its magnification', async () => {
    await documents(lang);
    expect(screen.getByTestId('brightness-value').textContent).toBe(t.viewer.percentValue(100));
    const [brightness, contrast] = screen.getAllByRole('slider');
    if (!brightness || !contrast) throw new Error('sliders missing');
    fireEvent.change(brightness, { target: { value: '150' } });
    fireEvent.change(contrast, { target: { value: '75' } });
    await waitFor(() =>
      expect(screen.getByTestId('brightness-value').textContent).toBe(t.viewer.percentValue(150)),
    );
    expect(screen.getByTestId('contrast-value').textContent).toBe(t.viewer.percentValue(75));
    const loupe = screen.getByRole('button', { name: t.viewer.loupeWithValue(3) });
    expect(loupe.textContent).toBe(t.viewer.loupeValue(3));
    expect(loupe.title).toContain(t.viewer.loupeWithValue(3));
  });

  it('every icon button has a name and a tooltip', async () => {
    await documents(lang);
    const buttons = [...document.querySelectorAll<HTMLButtonElement>('button.tool')];
    expect(buttons.length).toBeGreaterThan(10);
    for (const button of buttons) {
      const name = button.getAttribute('aria-label') ?? button.textContent;
      expect(name.trim(), button.outerHTML).toBeTruthy();
      expect(button.title, button.outerHTML).toBeTruthy();
    }
  });

  it('each SHA-256 copies with one click, and the check says what it checked', async () => {
    const { user } = await documents(lang);
    const card = screen.getByTestId('card-face');
    await waitFor(() => expect(card.querySelector('.card__sha--match')).toBeTruthy());
    const check = card.querySelector('.sha-check') as HTMLElement;
    expect(check.textContent).toBe(t.card.shaMatches);
    expect(check.title).toBe(t.card.shaMatchesHint);
    const sha = card.querySelector('.card__sha-value')?.textContent ?? '';
    expect(sha).toMatch(/^[0-9a-f]{64}$/);
    await user.click(within(card).getByRole('button', { name: t.card.copySha(t.slots.face) }));
    expect(await navigator.clipboard.readText()).toBe(sha);
    expect(await within(card).findByText(t.card.shaCopied)).toBeTruthy();
  });

  it('portrait compare crops the ID front and the selfie and links their zoom', async () => {
    const { user } = await documents(lang);
    await user.click(screen.getByRole('button', { name: t.viewer.comparePortrait }));
    expect(screen.getByTestId('viewer').dataset['mode']).toBe('portrait');
    // The fake ID front is 1600 × 1000: the default portrait box is 4–35 % × 20–82 %.
    await waitFor(() =>
      expect(paneImage('documentFront').style.clipPath).toBe('inset(200px 1040px 180px 64px)'),
    );
    expect(paneImage('face').style.clipPath).toMatch(/^inset\(/);
    // The crop's centre is moved to the centre of the pane.
    expect(paneImage('documentFront').style.transform).toContain('translate(488px, -10px)');
    await user.click(screen.getByRole('button', { name: t.viewer.zoomIn }));
    await waitFor(() =>
      expect(paneImage('documentFront').style.transform).toContain('scale(1.25)'),
    );
    expect(paneImage('face').style.transform).toContain('scale(1.25)');
  });

  it('the portrait box can be moved and resized, by keyboard too', async () => {
    const { user } = await documents(lang);
    await user.click(screen.getByRole('button', { name: t.viewer.comparePortrait }));
    await user.click(screen.getByTestId('portrait-adjust'));
    const box = await screen.findByTestId('region-documentFront');
    expect(box.getAttribute('aria-label')).toContain(t.viewer.portraitBox);
    // Adjusting shows the whole image with the box over it.
    await waitFor(() => expect(paneImage('documentFront').style.clipPath).toBe(''));
    box.focus();
    await user.keyboard('{ArrowRight}{ArrowRight}{Shift>}{ArrowDown}{/Shift}');
    await user.click(screen.getByTestId('portrait-adjust'));
    // Two steps right (2 % of 1600 px) and one step taller (1 % of 1000 px).
    await waitFor(() =>
      expect(paneImage('documentFront').style.clipPath).toBe('inset(200px 1008px 170px 96px)'),
    );
    await user.click(screen.getByRole('button', { name: t.viewer.portraitReset }));
    await waitFor(() =>
      expect(paneImage('documentFront').style.clipPath).toBe('inset(200px 1040px 180px 64px)'),
    );
  });

  it('a wipe leaves no image link behind, navigator and portrait crops included', async () => {
    const { user, urls, controller } = await documents(lang);
    await user.click(screen.getByRole('button', { name: t.viewer.comparePortrait }));
    await user.click(screen.getByTestId('portrait-adjust'));
    await screen.findByTestId('region-face');
    expect(screen.getByTestId('minimap-face').querySelector('img')).toBeTruthy();
    expect(urls.created.length).toBeGreaterThanOrEqual(7);
    await user.click(screen.getByTestId('wipe-button'));
    await screen.findByTestId('wipe-receipt');
    expect(urls.live()).toEqual([]);
    expect(document.querySelectorAll('img').length).toBe(0);
    expect(document.querySelector('.minimap, .region-box')).toBeNull();
    expect(controller.memory.size).toBe(0);
  });

  it('the privacy report: dated, copies as text and as JSON, names known files in this language', async () => {
    const { user } = await documents(lang);
    await user.click(screen.getByRole('button', { name: t.privacy.open }));
    const dialog = await screen.findByRole('dialog', { name: t.privacy.title });
    const report = await within(dialog).findByTestId('privacy-report');
    expect(report.textContent).toContain(t.privacy.known.settings);
    expect(report.textContent).toContain(t.privacy.known['chromium-local-state']);
    const footer = dialog.querySelector('.dialog__status')?.textContent ?? '';
    expect(footer).toContain(String(new Date().getFullYear()));
    await user.click(within(dialog).getByRole('button', { name: t.privacy.copyJson }));
    const json = JSON.parse(await navigator.clipboard.readText()) as { verdict: string };
    expect(json.verdict).toBe('clean');
    await user.click(within(dialog).getByRole('button', { name: t.privacy.copyText }));
    const text = await navigator.clipboard.readText();
    expect(text).toContain(t.privacy.verdictTitle.clean);
    expect(text).toContain('settings.json');
    expect(text).toContain(t.privacy.known.settings);
    const at = formatDateTime(Date.UTC(2024, 0, 15, 10, 30), lang);
    expect(text).not.toContain('undefined');
    expect(at).not.toBeNull();
  });
});

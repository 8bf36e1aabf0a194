import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DICTIONARIES } from '../../renderer/src/i18n/index.tsx';
import { setup } from './setup.tsx';

/**
 * The viewer's toolbar is driven by the command table: each button runs the handler its key
 * runs, names that key in its tooltip only while the key works, and has a name that contains
 * what it shows.
 */
async function toolbar(singleKeyShortcuts: boolean, lang: 'en' | 'es' = 'en') {
  const view = setup({ settings: { language: lang, singleKeyShortcuts } });
  await view.user.click(await screen.findByTestId('sign-in'));
  await screen.findByTestId('session-panel');
  return { ...view, bar: screen.getByRole('toolbar') };
}

describe('the viewer toolbar and the command table', () => {
  it('tooltips name the single keys while they are on', async () => {
    const { bar } = await toolbar(true);
    const t = DICTIONARIES.en;
    expect(within(bar).getByRole('button', { name: t.viewer.rotateRight }).title).toMatch(/\(R\)$/);
    expect(within(bar).getByRole('button', { name: t.viewer.rotateLeft }).title).toMatch(
      /\(Shift R\)$/,
    );
    expect(within(bar).getByRole('button', { name: t.viewer.zoomIn }).title).toBe('Zoom in (+)');
    expect(screen.getByRole('button', { name: t.help.open }).title).toBe(`${t.help.open} (?)`);
  });

  it('with single keys off, no tooltip names a key that does nothing; Ctrl keys stay named', async () => {
    const { bar } = await toolbar(false);
    const t = DICTIONARIES.en;
    for (const button of within(bar).getAllByRole('button')) {
      const key = /\(([^)]*)\)$/.exec(button.title)?.[1];
      if (key !== undefined && key !== '100 %') expect(key, button.title).toMatch(/^(Ctrl|F1)/);
    }
    expect(within(bar).getByRole('button', { name: t.viewer.rotateRight }).title).not.toMatch(
      /\(R\)/,
    );
    expect(within(bar).getByRole('button', { name: t.viewer.zoomIn }).title).toBe(
      'Zoom in (Ctrl +)',
    );
    expect(screen.getByRole('button', { name: t.help.open }).title).toBe(`${t.help.open} (F1)`);
    expect(screen.getByTestId('wipe-button').title).toMatch(/\(Ctrl Shift W\)$/);
  });

  it.each(['en', 'es'] as const)(
    'every button’s name contains its visible text (%s)',
    async (lang) => {
      const { bar } = await toolbar(true, lang);
      for (const button of within(bar).getAllByRole('button')) {
        const visible = [...button.querySelectorAll('span:not([aria-hidden="true"])')]
          .map((s) => s.textContent)
          .join(' ')
          .trim();
        const name = button.getAttribute('aria-label') ?? button.textContent;
        expect(name.toLowerCase()).toContain(visible.toLowerCase());
      }
    },
  );

  it('a button runs what its key runs', async () => {
    const { bar, user } = await toolbar(true);
    const t = DICTIONARIES.en;
    const invert = within(bar).getByRole('button', { name: t.viewer.invert });
    const reset = within(bar).getByRole('button', { name: t.viewer.resetAdjust });
    expect(reset).toHaveProperty('disabled', true);
    // The view paints on the next frame: wait for it.
    await user.click(invert);
    await waitFor(() => expect(invert.getAttribute('aria-pressed')).toBe('true'));
    expect(reset).toHaveProperty('disabled', false);
    await user.keyboard('x');
    await waitFor(() => expect(invert.getAttribute('aria-pressed')).toBe('false'));
    const loupe = within(bar).getByRole('button', { name: t.viewer.loupeWithValue(3) });
    await user.click(loupe);
    await waitFor(() => expect(loupe.getAttribute('aria-pressed')).toBe('true'));
    await user.keyboard('l');
    await waitFor(() => expect(loupe.getAttribute('aria-pressed')).toBe('false'));
    await user.click(screen.getByTestId('panel-toggle'));
    await waitFor(() => expect(screen.getByTestId('side-panel').hidden).toBe(true));
  });
});

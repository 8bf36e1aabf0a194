import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { en } from '../../shared/i18n/en.ts';
import { es } from '../../shared/i18n/es.ts';
import { setup } from './setup.tsx';

/** English strings that differ in Spanish (names such as "idlens" or "UTC" are the same). */
function englishOnly(): string[] {
  const out: string[] = [];
  const walk = (a: unknown, b: unknown) => {
    if (typeof a === 'string') {
      if (a !== b && a.length > 2) out.push(a);
    } else if (a && typeof a === 'object') {
      for (const key of Object.keys(a))
        walk((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]);
    }
  };
  walk(en, es);
  return out;
}

function visibleEnglish(): string[] {
  const text = `${document.body.textContent} ${[
    ...document.querySelectorAll('[aria-label],[title]'),
  ]
    .map((el) => `${el.getAttribute('aria-label') ?? ''} ${el.getAttribute('title') ?? ''}`)
    .join(' ')}`;
  return englishOnly().filter((s) => {
    const escaped = s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u').test(text);
  });
}

describe('language', () => {
  afterEach(() => {
    Reflect.deleteProperty(navigator, 'languages');
  });

  it('switching to Spanish changes every visible string (sign-in screen)', async () => {
    const { user } = setup();
    await screen.findByRole('heading', { name: en.signIn.title });
    expect(visibleEnglish().length).toBeGreaterThan(10);
    await user.selectOptions(screen.getByRole('combobox', { name: en.lang.label }), 'es');
    await screen.findByRole('heading', { name: es.signIn.title });
    expect(visibleEnglish()).toEqual([]);
    expect(document.documentElement.lang).toBe('es-419');
  });

  it('switching to Spanish changes every visible string (documents, viewer, help)', async () => {
    const { user, fake } = setup();
    await user.click(await screen.findByTestId('sign-in'));
    await screen.findByTestId('session-panel');
    await user.selectOptions(screen.getByRole('combobox', { name: en.lang.label }), 'es');
    await screen.findByRole('heading', { name: es.docs.selfTitle });
    expect(visibleEnglish()).toEqual([]);
    expect(fake.settings.language).toBe('es');
    // Single keys never fire while a form control has focus: leave the language picker first.
    (document.activeElement as HTMLElement).blur();
    await user.keyboard('?');
    await screen.findByRole('dialog', { name: es.help.title });
    expect(visibleEnglish()).toEqual([]);
  });

  it('"system" follows the operating system: Spanish for es-HN', async () => {
    Object.defineProperty(navigator, 'languages', { value: ['es-HN', 'en'], configurable: true });
    setup({ settings: { language: 'system' } });
    expect(await screen.findByRole('heading', { name: es.signIn.title })).toBeTruthy();
  });
});

describe('help overlay', () => {
  it('? lists every shortcut; Escape closes it', async () => {
    const { user } = setup();
    await screen.findByTestId('sign-in');
    await user.keyboard('?');
    const dialog = await screen.findByRole('dialog', { name: en.help.title });
    for (const label of [
      en.help.zoomIn,
      en.help.fit,
      en.help.rotate,
      en.help.loupe,
      en.help.wipe,
      en.help.compare,
    ]) {
      expect(within(dialog).getByText(label)).toBeTruthy();
    }
    expect(within(dialog).getByText(en.help.limitsTitle)).toBeTruthy();
    expect(dialog.querySelectorAll('kbd').length).toBeGreaterThan(15);
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('with single-key shortcuts off, ? is ignored, F1 still opens help and says they are off', async () => {
    const { user } = setup({ settings: { singleKeyShortcuts: false } });
    await screen.findByTestId('sign-in');
    await user.keyboard('?');
    expect(screen.queryByRole('dialog')).toBeNull();
    await user.keyboard('{F1}');
    const dialog = await screen.findByRole('dialog', { name: en.help.title });
    expect(within(dialog).getByText(en.help.singleKeyOff)).toBeTruthy();
  });
});

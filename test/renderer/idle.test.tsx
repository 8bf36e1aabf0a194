import { act, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DICTIONARIES } from '../../renderer/src/i18n/index.tsx';
import { setup } from './setup.tsx';

describe.each(['en', 'es'] as const)('idle wipe (%s)', (lang) => {
  const t = DICTIONARIES[lang];
  beforeEach(() => vi.useFakeTimers({ shouldAdvanceTime: true }));
  afterEach(() => vi.useRealTimers());

  async function loaded() {
    const view = setup(
      { settings: { language: lang, idleMinutes: 3 } },
      { advanceTimers: vi.advanceTimersByTime },
    );
    await view.user.click(await screen.findByTestId('sign-in'));
    await screen.findByTestId('session-panel');
    return view;
  }

  it('warns a minute ahead; one key keeps the documents, and that key does nothing else', async () => {
    const { fake, user } = await loaded();
    await act(async () => {
      vi.advanceTimersByTime(2 * 60_000 + 10);
      await Promise.resolve();
    });
    const dialog = await screen.findByRole('alertdialog', { name: t.idle.title });
    expect(within(dialog).getByText(t.idle.hint)).toBeTruthy();
    expect(dialog.textContent).toMatch(/[01]:\d\d/);
    const image = screen.getByTestId('pane-documentFront').querySelector('img');
    const before = image?.style.transform;
    await user.keyboard('r');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    await act(async () => {
      vi.advanceTimersByTime(100);
      await Promise.resolve();
    });
    expect(image?.style.transform).toBe(before);
    await act(async () => {
      vi.advanceTimersByTime(2 * 60_000 - 1000);
      await Promise.resolve();
    });
    expect(fake.wipeReasons).toEqual([]);
    expect(screen.getByTestId('session-panel')).toBeTruthy();
  });

  it('wipes when nobody answers the warning', async () => {
    const { fake, urls } = await loaded();
    await act(async () => {
      vi.advanceTimersByTime(2 * 60_000 + 10);
      await Promise.resolve();
    });
    await screen.findByRole('alertdialog');
    await act(async () => {
      vi.advanceTimersByTime(60_000);
      await Promise.resolve();
    });
    const receipt = await screen.findByTestId('wipe-receipt');
    expect(fake.wipeReasons).toEqual(['idle']);
    expect(within(receipt).getByText(t.wipe.reasons.idle)).toBeTruthy();
    expect(urls.live()).toEqual([]);
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });
});

describe('idle wipe only runs while documents are held', () => {
  beforeEach(() => vi.useFakeTimers({ shouldAdvanceTime: true }));
  afterEach(() => vi.useRealTimers());

  it('the sign-in screen never warns or wipes', async () => {
    const { fake } = setup({ settings: { idleMinutes: 1 } });
    await screen.findByTestId('sign-in');
    await act(async () => {
      vi.advanceTimersByTime(10 * 60_000);
      await Promise.resolve();
    });
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(fake.wipeReasons).toEqual([]);
  });
});

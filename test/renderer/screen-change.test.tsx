import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DICTIONARIES } from '../../renderer/src/i18n/index.tsx';
import { TOLD_REPORT } from '../fixtures/analysis-report.ts';
import { setup } from './setup.tsx';

/**
 * After each screen change focus moves to the new screen's heading, and the shell's one polite
 * live region says what changed: loading, the documents' arrival, checks done, a load error, the
 * wipe. Sign-in progress keeps its own status region on the sign-in card.
 */
describe.each(['en', 'es'] as const)('screen changes (%s)', (lang) => {
  const t = DICTIONARIES[lang];
  const announcer = () => screen.getByTestId('announcer');
  const focusedId = () => (document.activeElement as HTMLElement | null)?.id;

  it('one polite live region in the shell', () => {
    setup({ settings: { language: lang } });
    const region = announcer();
    expect(region.getAttribute('aria-live')).toBe('polite');
    expect(region.getAttribute('role')).toBe('status');
    expect(region.textContent).toBe('');
  });

  it('sign-in: waiting, loading, arrival, checks done — focus follows each heading', async () => {
    const { user, fake } = setup({
      settings: { language: lang },
      signIn: 'manual',
      manualLoad: true,
    });
    const start = await screen.findByTestId('sign-in');
    // The first screen of a page leaves focus where the window put it.
    expect(document.activeElement).toBe(document.body);
    await user.click(start);
    const waiting = await screen.findByTestId('sign-in-waiting');
    await waitFor(() => expect(focusedId()).toBe('signin-waiting-title'));
    expect(waiting.getAttribute('aria-live')).toBe('polite');

    act(() => fake.finishSignIn());
    await waitFor(() => expect(announcer().textContent).toBe(t.announce.loading));
    expect(focusedId()).toBe('loading-title');
    expect(document.activeElement?.textContent).toContain(t.docs.loading);

    act(() => fake.finishLoad());
    await screen.findByTestId('session-panel');
    await waitFor(() => expect(announcer().textContent).toBe(t.announce.arrived(3)));
    expect(focusedId()).toBe('documents-title');
    expect(document.activeElement?.textContent).toBe(t.docs.selfTitle);

    act(() => fake.setAnalysis({ status: 'running' }));
    expect(announcer().textContent).toBe(t.announce.arrived(3));
    act(() => fake.setAnalysis({ status: 'done', report: TOLD_REPORT }));
    await waitFor(() => expect(announcer().textContent).toBe(t.announce.checksDone));
    // Checks finishing is no screen change: focus stays where the reviewer is.
    expect(focusedId()).toBe('documents-title');
  });

  it('a load error: focus on its heading, the failure announced', async () => {
    const { user } = setup({
      settings: { language: lang },
      loadError: { code: 'missing_scope', message: 'no scope' },
    });
    await user.click(await screen.findByTestId('sign-in'));
    await waitFor(() => expect(focusedId()).toBe('load-error-title'));
    expect(document.activeElement?.textContent).toBe(t.docs.loadErrorTitle);
    expect(announcer().textContent).toBe(t.announce.loadFailed);
  });

  it('the wipe: the fresh page puts focus on the receipt and announces it', async () => {
    setup({
      settings: { language: lang },
      signedIn: true,
      lastWipe: { reason: 'button', imagesCleared: 3, bytesZeroed: 1000, at: Date.now() },
    });
    await screen.findByTestId('wipe-receipt');
    await waitFor(() => expect(focusedId()).toBe('receipt-title'));
    expect(document.activeElement?.textContent).toBe(t.wipe.receiptTitle);
    await waitFor(() => expect(announcer().textContent).toBe(t.announce.wiped(3)));
  });

  it('the wipe in this page: focus on the receipt, the wipe announced', async () => {
    const { user } = setup({ settings: { language: lang } });
    await user.click(await screen.findByTestId('sign-in'));
    await screen.findByTestId('session-panel');
    await user.click(screen.getByTestId('wipe-button'));
    await screen.findByTestId('wipe-receipt');
    await waitFor(() => expect(focusedId()).toBe('receipt-title'));
    expect(announcer().textContent).toBe(t.announce.wiped(3));
  });
});

import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DICTIONARIES } from '../../renderer/src/i18n/index.tsx';
import type { FakeOptions } from './fake-bridge.ts';
import { setup } from './setup.tsx';

async function withDocuments(options: FakeOptions = {}) {
  const view = setup(options);
  await view.user.click(await screen.findByTestId('sign-in'));
  await screen.findByTestId('session-panel');
  return view;
}

function imagesInDom(): number {
  return document.querySelectorAll('img').length;
}

describe.each(['en', 'es'] as const)('wipe (%s)', (lang) => {
  const t = DICTIONARIES[lang];

  it('the Wipe button revokes every URL, zero-fills the bytes, empties the DOM, tells main, shows the receipt', async () => {
    const { fake, urls, user, controller } = await withDocuments({ settings: { language: lang } });
    expect(urls.live().length).toBeGreaterThanOrEqual(4); // three thumbnails and the viewer
    expect(imagesInDom()).toBeGreaterThanOrEqual(4);
    await user.click(screen.getByRole('button', { name: t.wipe.button }));
    const receipt = await screen.findByTestId('wipe-receipt');
    expect(urls.live()).toEqual([]);
    expect(urls.revoked.size).toBe(urls.created.length);
    expect(fake.delivered.every((bytes) => bytes.every((b) => b === 0))).toBe(true);
    expect(controller.memory.size).toBe(0);
    expect(imagesInDom()).toBe(0);
    expect(screen.queryByTestId('session-panel')).toBeNull();
    expect(fake.wipeReasons).toEqual(['button']);
    expect(within(receipt).getByText(t.wipe.receiptTitle)).toBeTruthy();
    expect(receipt.textContent).toContain(t.wipe.receiptBody(3));
    expect(within(receipt).getByText(t.wipe.reasons.button)).toBeTruthy();
    expect(within(receipt).getByText(t.wipe.replaced)).toBeTruthy();
    // Documents come back only when asked for.
    expect(screen.getByTestId('load-documents')).toBeTruthy();
  });

  it('main’s lock-screen and suspend requests wipe with that reason', async () => {
    const { fake, urls } = await withDocuments({ settings: { language: lang } });
    act(() => fake.emit('documents:wipeRequested', 'lock-screen'));
    const receipt = await screen.findByTestId('wipe-receipt');
    expect(within(receipt).getByText(t.wipe.reasons['lock-screen'])).toBeTruthy();
    expect(urls.live()).toEqual([]);
    expect(fake.wipeReasons).toEqual(['lock-screen']);
  });

  it('signing out wipes first, then signs out, and the receipt says so', async () => {
    const { fake, urls, user } = await withDocuments({ settings: { language: lang } });
    await user.click(screen.getByRole('button', { name: t.signOut }));
    const receipt = await screen.findByTestId('wipe-receipt');
    expect(urls.live()).toEqual([]);
    const signOut = fake.calls.indexOf('auth:signOut');
    expect(signOut).toBeGreaterThan(-1);
    expect(fake.calls.indexOf('documents:wipe', signOut)).toBeGreaterThan(signOut);
    expect(within(receipt).getByText(t.wipe.reasons['sign-out'])).toBeTruthy();
    expect(screen.getByRole('heading', { name: t.signIn.title })).toBeTruthy();
  });

  it('the fresh page main loads after a wipe shows main’s receipt', async () => {
    setup({
      settings: { language: lang },
      signedIn: true,
      lastWipe: { reason: 'suspend', imagesCleared: 3, bytesZeroed: 1_400_000, at: Date.now() },
    });
    const receipt = await screen.findByTestId('wipe-receipt');
    expect(within(receipt).getByText(t.wipe.reasons.suspend)).toBeTruthy();
    expect(receipt.textContent).toContain('1.4 MB');
    await userDismiss(t.wipe.dismiss);
    expect(screen.queryByTestId('wipe-receipt')).toBeNull();
  });
});

async function userDismiss(label: string) {
  fireEvent.click(screen.getByRole('button', { name: label }));
  await waitFor(() => expect(screen.queryByTestId('wipe-receipt')).toBeNull());
}

describe('wipe triggers and edge cases', () => {
  it('Ctrl+Shift+W wipes with reason "shortcut"; Escape never wipes', async () => {
    const { fake, user } = await withDocuments();
    await user.keyboard('{Escape}');
    expect(fake.wipeReasons).toEqual([]);
    await user.keyboard('{Control>}{Shift>}W{/Shift}{/Control}');
    await screen.findByTestId('wipe-receipt');
    expect(fake.wipeReasons).toEqual(['shortcut']);
  });

  it('Shift+W wipes only while single-key shortcuts are on', async () => {
    const off = await withDocuments({ settings: { singleKeyShortcuts: false } });
    await off.user.keyboard('{Shift>}W{/Shift}');
    expect(off.fake.wipeReasons).toEqual([]);
    off.unmount();
    const on = await withDocuments();
    await on.user.keyboard('{Shift>}W{/Shift}');
    await screen.findByTestId('wipe-receipt');
    expect(on.fake.wipeReasons).toEqual(['shortcut']);
  });

  it('closing the window clears this page at once and tells main', async () => {
    const { fake, urls, controller } = await withDocuments();
    act(() => {
      window.dispatchEvent(new Event('pagehide'));
    });
    expect(urls.live()).toEqual([]);
    expect(controller.memory.size).toBe(0);
    expect(fake.delivered.every((bytes) => bytes.every((b) => b === 0))).toBe(true);
    await waitFor(() => expect(fake.wipeReasons).toEqual(['window-close']));
  });

  it('bytes that arrive after a wipe are zero-filled and never shown', async () => {
    const { fake, user, urls } = setup({ manualLoad: true });
    await user.click(await screen.findByTestId('sign-in'));
    await screen.findByTestId('card-documentFront');
    await user.click(screen.getByRole('button', { name: DICTIONARIES.en.wipe.button }));
    await screen.findByTestId('wipe-receipt');
    fake.finishLoad();
    await waitFor(() => expect(fake.delivered).toHaveLength(3));
    await waitFor(() =>
      expect(fake.delivered.every((bytes) => bytes.every((b) => b === 0))).toBe(true),
    );
    expect(urls.created).toEqual([]);
    expect(screen.queryByTestId('session-panel')).toBeNull();
  });

  it('when main cannot confirm, this page is still wiped and the receipt says what to do', async () => {
    const { user, urls } = await withDocuments({ wipeFails: true });
    await user.click(screen.getByRole('button', { name: DICTIONARIES.en.wipe.button }));
    const receipt = await screen.findByTestId('wipe-receipt');
    expect(urls.live()).toEqual([]);
    expect(within(receipt).getByText(DICTIONARIES.en.wipe.unconfirmed)).toBeTruthy();
    expect(receipt.textContent).toContain('3 images cleared');
  });
});

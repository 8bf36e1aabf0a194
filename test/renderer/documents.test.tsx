import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DICTIONARIES } from '../../renderer/src/i18n/index.tsx';
import { formatDateTime } from '../../renderer/src/i18n/format.ts';
import { SESSION_DATE, SESSION_ID, jpegBytes } from './fake-bridge.ts';
import { setup } from './setup.tsx';

async function signedInWithDocuments(options: Parameters<typeof setup>[0]) {
  const view = setup({ signedIn: false, ...options });
  await view.user.click(await screen.findByTestId('sign-in'));
  await screen.findByTestId('session-panel');
  return view;
}

describe.each(['en', 'es'] as const)('documents view (%s)', (lang) => {
  const t = DICTIONARIES[lang];

  it('full ID: session facts in local time and UTC, three images with size, dimensions and SHA-256', async () => {
    const { fake } = await signedInWithDocuments({ settings: { language: lang } });
    const session = screen.getByTestId('session-panel');
    expect(within(session).getByTestId('session-id').textContent).toBe(SESSION_ID);
    const date = formatDateTime(SESSION_DATE, lang);
    expect(within(session).getByText(date?.local ?? '')).toBeTruthy();
    expect(within(session).getByText(date?.utc ?? '')).toBeTruthy();
    expect(within(session).getByText(t.session.approved)).toBeTruthy();
    expect(within(session).getByText('veriff')).toBeTruthy();
    for (const slot of ['documentFront', 'documentBack', 'face'] as const) {
      const card = screen.getByTestId(`card-${slot}`);
      expect(card.getAttribute('data-state')).toBe('image');
      expect(within(card).getByRole('img', { name: t.slots[slot] })).toBeTruthy();
    }
    const front = screen.getByTestId('card-documentFront');
    expect(within(front).getByText(t.card.pixels(1600, 1000))).toBeTruthy();
    expect(front.textContent).toContain('240 bytes');
    // The SHA-256 shown is main's, and the page checks it against the bytes it received.
    await waitFor(() => expect(front.querySelector('.card__sha--match')).not.toBeNull());
    const expected = Array.from(
      new Uint8Array(await crypto.subtle.digest('SHA-256', jpegBytes(1, 240))),
      (byte) => byte.toString(16).padStart(2, '0'),
    ).join('');
    expect(front.querySelector('.card__sha-value')?.textContent).toBe(expected);
    // …and the bytes it received are zero-filled once it holds its own copy.
    expect(fake.delivered).toHaveLength(3);
    expect(fake.delivered.every((bytes) => bytes.every((b) => b === 0))).toBe(true);
    // Opened in the viewer: the first image, labelled, never with a person's data in its name.
    const pane = screen.getByTestId('pane-documentFront');
    expect(pane.getAttribute('aria-label')).toBe(t.viewer.stageLabel(t.slots.documentFront));
  });

  it('passport: the back card says there is no back side', async () => {
    await signedInWithDocuments({ persona: 'passport', settings: { language: lang } });
    const back = screen.getByTestId('card-documentBack');
    expect(back.getAttribute('data-state')).toBe('noBack');
    expect(within(back).getByText(t.card.noBackTitle)).toBeTruthy();
    expect(within(back).getByText(t.card.noBackBody)).toBeTruthy();
    expect(within(back).queryByRole('img')).toBeNull();
    // Front + back compare is impossible; selfie + front is not.
    expect(
      screen.getByRole<HTMLButtonElement>('button', {
        name: new RegExp(t.viewer.compareFrontBack.replace('+', '\\+')),
      }).disabled,
    ).toBe(true);
    expect(
      screen.getByRole<HTMLButtonElement>('button', {
        name: new RegExp(t.viewer.compareFaceFront.replace('+', '\\+')),
      }).disabled,
    ).toBe(false);
  });

  it('never verified: every card and the page say "not verified"', async () => {
    await signedInWithDocuments({ persona: 'unverified', settings: { language: lang } });
    expect(
      within(screen.getByTestId('not-verified')).getByText(t.docs.notVerifiedBody),
    ).toBeTruthy();
    for (const slot of ['documentFront', 'documentBack', 'face'] as const) {
      const card = screen.getByTestId(`card-${slot}`);
      expect(card.getAttribute('data-state')).toBe('notVerified');
      expect(within(card).getByText(t.card.notVerifiedTitle)).toBeTruthy();
    }
    expect(
      within(screen.getByTestId('session-panel')).getAllByText(t.session.notProvided).length,
    ).toBe(4);
    expect(screen.queryAllByRole('img')).toHaveLength(0);
    // The viewer says there is nothing to choose, rather than asking for a choice.
    expect(screen.getByTestId('viewer-empty').textContent).toBe(t.viewer.noImages);
  });

  it('refused images: each card names its own error code with what to do', async () => {
    await signedInWithDocuments({ persona: 'refused', settings: { language: lang } });
    const back = screen.getByTestId('card-documentBack');
    expect(back.getAttribute('data-state')).toBe('refused');
    expect(within(back).getByText(t.errors.url_expired.title)).toBeTruthy();
    expect(within(back).getByText(t.errors.url_expired.action)).toBeTruthy();
    const face = screen.getByTestId('card-face');
    expect(within(face).getByText(t.errors.image_not_jpeg.title)).toBeTruthy();
    expect(within(face).getByText('image_not_jpeg')).toBeTruthy();
  });

  it('registry data beside the documents when granted; says how to get it when not', async () => {
    await signedInWithDocuments({
      settings: { language: lang },
      registry: {
        name: 'Alex Specimen',
        dateOfBirth: '1990-01-01',
        citizenships: ['HN', 'US'],
        address: null,
      },
    });
    const registry = screen.getByTestId('registry-panel');
    expect(within(registry).getByText('Alex Specimen')).toBeTruthy();
    expect(within(registry).getByText('HN, US')).toBeTruthy();
    expect(within(registry).getByText(t.registry.citizenships)).toBeTruthy();
    expect(registry.textContent).toContain('1990');
  });

  it('registry not requested: explains the scope', async () => {
    await signedInWithDocuments({ settings: { language: lang } });
    expect(
      within(screen.getByTestId('registry-panel')).getByText(t.registry.notRequested),
    ).toBeTruthy();
  });

  it('a load error shows its message with retry and sign-in-again', async () => {
    await (async () => {
      const view = setup({
        settings: { language: lang },
        loadError: { code: 'missing_scope', message: 'x' },
      });
      await view.user.click(await screen.findByTestId('sign-in'));
    })();
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText(t.errors.missing_scope.title)).toBeTruthy();
    expect(within(alert).getByText(t.docs.loadErrorTitle)).toBeTruthy();
    expect(within(alert).getByRole('button', { name: t.docs.retry })).toBeTruthy();
    expect(within(alert).getByRole('button', { name: t.docs.signInAgain })).toBeTruthy();
  });

  it('loading: each card shows its download progress from main', async () => {
    const { fake, user } = setup({ settings: { language: lang }, manualLoad: true });
    await user.click(await screen.findByTestId('sign-in'));
    const front = await screen.findByTestId('card-documentFront');
    expect(front.getAttribute('data-state')).toBe('loading');
    expect(within(front).getByText(t.card.waiting)).toBeTruthy();
    fake.emit('documents:progress', {
      slot: 'documentFront',
      receivedBytes: 250_000,
      totalBytes: 500_000,
      done: false,
    });
    await waitFor(() =>
      expect(
        within(screen.getByTestId('card-documentFront')).getByText(t.card.downloading),
      ).toBeTruthy(),
    );
    const bar = within(screen.getByTestId('card-documentFront')).getByRole<HTMLProgressElement>(
      'progressbar',
    );
    expect(bar.value).toBe(250_000);
    expect(bar.max).toBe(500_000);
    fake.finishLoad();
    await waitFor(() =>
      expect(screen.getByTestId('card-documentFront').getAttribute('data-state')).toBe('image'),
    );
  });
});

describe('documents view details', () => {
  it('a SHA-256 that does not match the bytes received is flagged', async () => {
    await signedInWithDocuments({ wrongSha: 'face' });
    const face = screen.getByTestId('card-face');
    await waitFor(() =>
      expect(within(face).getByText(DICTIONARIES.en.card.shaMismatch)).toBeTruthy(),
    );
    expect(
      screen.getByTestId('card-documentFront').querySelector('.card__sha--mismatch'),
    ).toBeNull();
  });

  it('copies the session id — only the id, as plain text — to the clipboard', async () => {
    const { user } = await signedInWithDocuments({});
    await user.click(screen.getByRole('button', { name: DICTIONARIES.en.session.copyId }));
    expect(await screen.findByText(DICTIONARIES.en.session.copied)).toBeTruthy();
    expect(await navigator.clipboard.readText()).toBe(SESSION_ID);
    const items = await navigator.clipboard.read();
    expect(items.flatMap((item) => item.types)).toEqual(['text/plain']);
  });

  it('a page that starts signed in does not load documents until asked', async () => {
    const { fake, user } = setup({ signedIn: true });
    const load = await screen.findByTestId('load-documents');
    expect(fake.calls).not.toContain('documents:load');
    await user.click(load);
    expect(await screen.findByTestId('session-panel')).toBeTruthy();
  });
});

import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { en } from '../../shared/i18n/en.ts';
import { es } from '../../shared/i18n/es.ts';
import { FACE_TURNED_OFF } from '../../shared/face-match.ts';
import { TOLD_REPORT, UNTOLD_REPORT } from '../fixtures/analysis-report.ts';
import type { FakeOptions } from './fake-bridge.ts';
import { setup } from './setup.tsx';

/**
 * Every screen in Spanish, read as a Spanish speaker reads it: no English sentence, label,
 * tooltip or accessible name from the English dictionary may appear. Only proper nouns and words
 * that are the same in both languages are allowed, and that list is short and explicit: a new
 * string left in English fails here.
 */
const SAME_IN_BOTH = new Set([
  'idlens',
  'English',
  'Español',
  'Local',
  'UTC',
  'SHA-256',
  '100 %',
  'socket',
  'token (JWT)',
]);

vi.setConfig({ testTimeout: 30_000 });

function leaves(value: unknown, path: string, out: Map<string, string>): void {
  if (typeof value === 'string') out.set(path, value);
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) leaves(child, `${path}.${key}`, out);
  }
}

// The app's words: the catalogue's `cli` part is the command's (test/unit/cli/i18n.test.ts).
const english = new Map<string, string>();
leaves({ ...en, cli: null }, 't', english);
const spanish = new Map<string, string>();
leaves({ ...es, cli: null }, 't', spanish);

/**
 * What a person sees or hears of the page: text, names, tooltips. Aside: main's English detail
 * (marked lang="en") and data shown as code (paths, hashes, ids, URIs), which no language changes.
 */
function pageWords(): string {
  const root = document.body.cloneNode(true) as HTMLElement;
  for (const el of root.querySelectorAll('[lang="en"], code')) el.remove();
  const parts = [root.textContent];
  for (const el of root.querySelectorAll('*')) {
    for (const attr of ['aria-label', 'title', 'alt', 'placeholder', 'aria-valuetext']) {
      const value = el.getAttribute(attr);
      if (value) parts.push(value);
    }
  }
  return parts.join('\n');
}

function englishIn(text: string): string[] {
  const found: string[] = [];
  for (const [path, value] of english) {
    if (SAME_IN_BOTH.has(value)) continue;
    const escaped = value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (new RegExp(`(^|[^\\p{L}])${escaped}($|[^\\p{L}])`, 'u').test(text)) {
      found.push(`${path}: ${value}`);
    }
  }
  return found;
}

const seen: string[] = [];
function read(screenName: string): void {
  seen.push(screenName);
  expect(englishIn(pageWords()), screenName).toEqual([]);
}

function start(options: FakeOptions = {}) {
  return setup({ ...options, settings: { language: 'es', ...options.settings } });
}

async function signIn(view: ReturnType<typeof setup>) {
  await view.user.click(await screen.findByTestId('sign-in'));
  await screen.findByTestId('session-panel');
}

describe('Spanish reads native on every screen', () => {
  it('only proper nouns and identical words are the same in both dictionaries', () => {
    const same = [...english].filter(([path, value]) => spanish.get(path) === value);
    expect(new Set(same.map(([, value]) => value))).toEqual(SAME_IN_BOTH);
  });

  it('sign-in, waiting for the browser, and a refused sign-in with main’s detail', async () => {
    const view = start({ signIn: 'manual', settings: { redirectPort: 4482 } });
    await screen.findByTestId('sign-in');
    read('sign-in');
    await view.user.click(screen.getByTestId('sign-in'));
    await screen.findByTestId('sign-in-check');
    read('waiting');
    view.fake.finishSignIn({ code: 'auth_timeout', message: 'Sign-in was not completed in time.' });
    await waitFor(() => expect(document.querySelector('[data-error-code]')).toBeTruthy());
    read('sign-in timed out');
    // Main's English detail is folded away and marked as English.
    expect(
      screen.getByText('Sign-in was not completed in time.').closest('[lang="en"]'),
    ).toBeTruthy();
  });

  it('documents, viewer modes, help, settings and the privacy report', async () => {
    const view = start({ disk: 'sensitive' });
    await signIn(view);
    read('documents');
    await view.user.click(screen.getByRole('button', { name: es.viewer.comparePortrait }));
    await view.user.click(screen.getByTestId('portrait-adjust'));
    await screen.findByTestId('region-face');
    read('portrait compare, adjusting');
    await view.user.click(screen.getByRole('button', { name: es.viewer.compareOff }));
    await view.user.click(screen.getByRole('button', { name: es.viewer.loupeWithValue(3) }));
    await view.user.keyboard('f');
    read('full window');
    await view.user.keyboard('{Escape}');
    await view.user.click(screen.getByTestId('panel-toggle'));
    read('side panel hidden');
    await view.user.keyboard('?');
    await screen.findByRole('dialog', { name: es.help.title });
    read('help');
    await view.user.keyboard('{Escape}');
    await view.user.click(screen.getByRole('button', { name: es.settings.open }));
    await screen.findByRole('dialog', { name: es.settings.title });
    read('settings, locked while signed in');
    await view.user.keyboard('{Escape}');
    await view.user.click(screen.getByRole('button', { name: es.privacy.open }));
    const dialog = await screen.findByRole('dialog', { name: es.privacy.title });
    await within(dialog).findByTestId('privacy-report');
    read('privacy report');
    await view.user.keyboard('{Escape}');
    await view.user.click(screen.getByTestId('wipe-button'));
    await screen.findByTestId('wipe-receipt');
    read('wipe receipt');
  });

  it('the Checks panel: running, failed, every finding told, every one not told, a zone marked', async () => {
    const view = start();
    await signIn(view);
    act(() => view.fake.setAnalysis({ status: 'running' }));
    read('checks running');
    act(() => view.fake.setAnalysis({ status: 'failed', reason: 'cancelled' }));
    read('checks cancelled');
    act(() => view.fake.setAnalysis({ status: 'done', report: TOLD_REPORT }));
    await view.user.click(screen.getByTestId('show-mrz'));
    await screen.findByTestId('finding-mark-documentBack');
    read('checks done, zone marked');
    act(() => view.fake.setAnalysis({ status: 'done', report: UNTOLD_REPORT }));
    read('checks that could not tell');
    const face = TOLD_REPORT.face;
    if (!face) throw new Error('the fixture compares the faces');
    // Tilted both ways and not at all, so every word of the levelling note is read.
    const crop = { centerX: 300, centerY: 450, size: 500, angleDegrees: 3.5, outputSize: 150 };
    const crops = { selfie: crop, portrait: { ...crop, angleDegrees: -2 } };
    const cropped = { ...TOLD_REPORT, face: { ...face, crops } };
    act(() => view.fake.setAnalysis({ status: 'done', report: cropped }));
    await view.user.click(screen.getByTestId('compare-faces'));
    await screen.findByTestId('portrait-from-faces');
    expect(screen.getByTestId('portrait-levelled').textContent).toBe(
      `${es.viewer.portraitLevelled}: ${es.slots.documentFront} 2° ${es.viewer.turnedClockwise}; ` +
        `${es.slots.face} 3.5° ${es.viewer.turnedAnticlockwise}.`,
    );
    read('the faces compared side by side, levelled');
    const level = {
      ...cropped,
      face: { ...face, crops: { ...crops, portrait: { ...crop, angleDegrees: 0 } } },
    };
    act(() => view.fake.setAnalysis({ status: 'done', report: level }));
    await waitFor(() =>
      expect(screen.getByTestId('portrait-levelled').textContent).toContain(es.viewer.notTurned),
    );
    read('the faces compared side by side, one not turned');
    act(() =>
      view.fake.setAnalysis({ status: 'done', report: { ...TOLD_REPORT, face: FACE_TURNED_OFF } }),
    );
    await screen.findByTestId('checks-face-not-run');
    read('checks done, documents only: the face comparison not run');
    act(() => view.fake.setAnalysis({ status: 'off' }));
    await screen.findByTestId('checks-off');
    read('checks turned off in Settings');
  });

  it('passport, refused images, not verified', async () => {
    for (const persona of ['passport', 'refused', 'unverified'] as const) {
      const view = start({ persona });
      await signIn(view);
      read(persona);
      view.unmount();
    }
  });

  it('load errors: the missing scope both ways, and a network failure', async () => {
    for (const options of [
      { settings: { scopes: ['openid'] }, grantedScopes: ['openid'] },
      { grantedScopes: ['openid'] },
    ]) {
      const view = start({
        ...options,
        loadError: { code: 'missing_scope', message: 'The token lacks a scope.' },
      });
      await view.user.click(await screen.findByTestId('sign-in'));
      await screen.findByTestId('scope-explain');
      read(`missing scope ${JSON.stringify(options.settings ?? 'consent')}`);
      view.unmount();
    }
    const view = start({ loadError: { code: 'network_error', message: 'fetch failed' } });
    await view.user.click(await screen.findByTestId('sign-in'));
    await waitFor(() => expect(document.querySelector('[data-error-code]')).toBeTruthy());
    read('network error');
  });

  it('the idle warning and the idle wipe receipt', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const view = setup(
        { settings: { language: 'es', idleMinutes: 3 } },
        { advanceTimers: vi.advanceTimersByTime },
      );
      await signIn(view);
      await act(async () => {
        vi.advanceTimersByTime(2 * 60_000 + 10);
        await Promise.resolve();
      });
      await screen.findByRole('alertdialog', { name: es.idle.title });
      read('idle warning');
      await act(async () => {
        vi.advanceTimersByTime(60_000);
        await Promise.resolve();
      });
      await screen.findByTestId('wipe-receipt');
      read('idle wipe receipt');
      view.unmount();
    } finally {
      vi.useRealTimers();
    }
  });

  it('the settings dialog signed out, with an invalid value', async () => {
    const view = start();
    await view.user.click(await screen.findByRole('button', { name: es.signIn.settings }));
    const dialog = await screen.findByRole('dialog', { name: es.settings.title });
    const port = within(dialog).getByLabelText(es.settings.redirectPort);
    fireEvent.change(port, { target: { value: '70000' } });
    // The checks choice and what each one does are part of what is read.
    const checks = within(dialog).getByRole('group', { name: es.settings.checks });
    expect(within(checks).getAllByRole('radio')).toHaveLength(3);
    read('settings with an error');
    expect(seen.length).toBeGreaterThan(10);
  });
});

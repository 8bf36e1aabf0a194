import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Persona } from '../../demo/backend.ts';
import { nextPage, startUiStack, type UiStack } from './ui-stack.ts';

/**
 * Each demo persona, signed in through the real main-side services and the demo provider, and
 * what the reviewer sees. One browser for the file; signing out between personas.
 */
describe('sign in as each persona', () => {
  let stack: UiStack;
  beforeAll(async () => {
    stack = await startUiStack();
  });
  afterAll(async () => {
    await stack.close();
  });

  async function signIn(persona: Persona) {
    const page = stack.page;
    stack.signInAs(persona);
    await page.getByTestId('sign-in').click();
  }

  /** Signs out; main then replaces the page, which comes back on the sign-in screen. */
  async function signOut() {
    const old = stack.page;
    await old.getByRole('button', { name: 'Sign out' }).click();
    const page = await nextPage(stack, old);
    await page.getByTestId('wipe-receipt').waitFor();
    await page.getByTestId('sign-in').waitFor();
  }

  // Whatever a test left behind, the next one starts signed out (a failure does not cascade).
  afterEach(async () => {
    if ((await stack.page.getByRole('button', { name: 'Sign out' }).count()) > 0) await signOut();
  });

  const cardState = (slot: string) =>
    stack.page.getByTestId(`card-${slot}`).getAttribute('data-state');

  it('full: front, back and selfie, decoded and shown, with matching SHA-256', async () => {
    await stack.page.evaluate(() => {
      const w = window as unknown as { __urls: { made: string[]; revoked: string[] } };
      w.__urls = { made: [], revoked: [] };
      const make = URL.createObjectURL.bind(URL);
      const revoke = URL.revokeObjectURL.bind(URL);
      URL.createObjectURL = (blob: Blob) => {
        const url = make(blob);
        w.__urls.made.push(url);
        return url;
      };
      URL.revokeObjectURL = (url: string) => {
        w.__urls.revoked.push(url);
        revoke(url);
      };
    });
    await signIn('full');
    const page = stack.page;
    await page.getByTestId('session-panel').waitFor();
    expect(await page.getByTestId('session-id').textContent()).toBe(
      '3f1c2a9e-5b7d-4e8a-9c01-0d2e4f6a8b10',
    );
    for (const slot of ['documentFront', 'documentBack', 'face'])
      expect(await cardState(slot)).toBe('image');
    await page.waitForFunction(() => document.querySelectorAll('.card__sha--match').length === 3);
    await page.waitForFunction(() =>
      [...document.images].every((img) => img.dataset['status'] !== 'loading'),
    );
    const decoded = await page.$$eval('img', (imgs) =>
      imgs.map((img) => [img.dataset['status'], img.naturalWidth]),
    );
    expect(decoded.length).toBeGreaterThanOrEqual(4);
    expect(decoded.every(([status, width]) => status === 'ready' && Number(width) > 0)).toBe(true);
    // Each <img> had its own URL, revoked as soon as it decoded: none is left alive to reuse.
    const urls = await page.evaluate(
      () => (window as unknown as { __urls: { made: string[]; revoked: string[] } }).__urls,
    );
    expect(urls.made.length).toBe(decoded.length);
    expect([...urls.revoked].sort()).toEqual([...urls.made].sort());
  });

  it('passport: no back side', async () => {
    await signIn('passport');
    await stack.page.getByTestId('session-panel').waitFor();
    expect(await cardState('documentBack')).toBe('noBack');
    expect(await stack.page.getByTestId('card-documentBack').textContent()).toContain(
      'No back side',
    );
    expect(await cardState('face')).toBe('image');
  });

  it('never verified: not verified, no images', async () => {
    await signIn('unverified');
    await stack.page.getByTestId('not-verified').waitFor();
    expect(await cardState('documentFront')).toBe('notVerified');
    expect(await stack.page.locator('img').count()).toBe(0);
  });

  it('scope not granted: says so and how to fix it', async () => {
    await signIn('noscope');
    const alert = stack.page.locator('[data-error-code]').first();
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.getAttribute('data-error-code')).toBe('missing_scope');
    expect(await alert.textContent()).toContain(
      'Access to identity-verification data was not granted.',
    );
  });

  it('server error: says so, offers a retry', async () => {
    await signIn('broken');
    const alert = stack.page.locator('[data-error-code]').first();
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.getAttribute('data-error-code')).toBe('server_error');
    expect(await stack.page.getByRole('button', { name: 'Try again' }).count()).toBe(1);
  });

  it('short-lived links: the expired first answer is re-fetched and the images still show', async () => {
    await signIn('shortlived');
    await stack.page.getByTestId('session-panel').waitFor({ timeout: 30_000 });
    expect(await cardState('documentFront')).toBe('image');
  });

  it('a sign-in refused in the browser shows its own message', async () => {
    stack.signInAs('full', { deny: true });
    await stack.page.getByTestId('sign-in').click();
    const alert = stack.page.locator('[data-error-code]').first();
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.getAttribute('data-error-code')).toBe('auth_denied');
  });
});

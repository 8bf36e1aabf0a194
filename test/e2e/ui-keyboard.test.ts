import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextPage, startUiStack, type UiStack } from './ui-stack.ts';

interface Focused {
  tag: string;
  name: string;
  testid: string | null;
  role: string | null;
  inDialog: boolean;
}

/** What has focus, and the name a screen reader would announce for it (roughly). */
async function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body)
      return { tag: 'body', name: '', testid: null, role: null, inDialog: false };
    const labelled = el.getAttribute('aria-labelledby');
    const fromLabel =
      el instanceof HTMLInputElement || el instanceof HTMLSelectElement
        ? (el.labels?.[0]?.textContent ?? null)
        : null;
    const name =
      el.getAttribute('aria-label') ??
      (labelled ? (document.getElementById(labelled)?.textContent ?? null) : null) ??
      fromLabel ??
      el.textContent.trim();
    return {
      tag: el.tagName.toLowerCase(),
      name: (name || el.title).trim(),
      testid: el.getAttribute('data-testid'),
      role: el.getAttribute('role'),
      inDialog: el.closest('[role="dialog"],[role="alertdialog"]') !== null,
    };
  });
}

/** Tabs until `match` has focus; every stop on the way must have a name. */
async function tabTo(page: Page, match: (f: Focused) => boolean, limit = 40): Promise<Focused[]> {
  const seen: Focused[] = [];
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    seen.push(f);
    expect(f.name, `unnamed ${f.tag} in the tab order`).not.toBe('');
    if (match(f)) return seen;
  }
  throw new Error(`not reached by Tab: ${JSON.stringify(seen.map((f) => f.name))}`);
}

describe('keyboard only', () => {
  let stack: UiStack;
  beforeAll(async () => {
    stack = await startUiStack();
  });
  afterAll(async () => {
    await stack.close();
  });

  it('signs in, views, zooms, pans, reads the help, wipes and loads again without a mouse', async () => {
    let page = stack.page;
    await page.getByTestId('sign-in').waitFor();
    const first = await tabTo(page, () => true, 1);
    expect(first[0]?.name).toBe('Skip to content');
    await tabTo(page, (f) => f.testid === 'sign-in');
    stack.signInAs('full');
    await page.keyboard.press('Enter');
    await page.getByTestId('session-panel').waitFor({ timeout: 30_000 });

    await tabTo(page, (f) => f.name === 'Show Selfie in the viewer');
    await page.keyboard.press('Enter');
    await page.getByTestId('pane-face').waitFor();

    await tabTo(page, (f) => f.name === 'Zoom in');
    // Each press is waited for until the zoom shown has changed: a level read before the second
    // press has landed would be the one the zoom out below comes back to.
    const zoomNow = () => page.locator('.toolbar__zoom').textContent();
    const zoomChangedFrom = (z: string | null) =>
      page.waitForFunction(
        (was) => document.querySelector('.toolbar__zoom')?.textContent !== was,
        z,
      );
    for (let press = 0; press < 2; press++) {
      const was = await zoomNow();
      await page.keyboard.press('Enter');
      await zoomChangedFrom(was);
    }
    expect(await zoomNow()).not.toBe('');
    const zoomed = await zoomNow();

    const pane = await tabTo(page, (f) => f.role === 'application');
    expect(pane.at(-1)?.name).toContain('Selfie');
    const before = await page.$eval(
      '[data-testid="pane-face"] img.pane__image',
      (img) => (img as HTMLElement).style.transform,
    );
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowUp');
    await page.waitForFunction(
      (b) =>
        (document.querySelector('[data-testid="pane-face"] img.pane__image') as HTMLElement).style
          .transform !== b,
      before,
    );
    await page.keyboard.press('-');
    await page.waitForFunction(
      (z) => document.querySelector('.toolbar__zoom')?.textContent !== z,
      zoomed,
    );

    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    for (let i = 0; i < 6; i += 1) {
      await page.keyboard.press('Tab');
      expect((await focused(page)).inDialog).toBe(true);
    }
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    await page.keyboard.press('Control+Shift+KeyW');
    page = await nextPage(stack, page);
    await page.getByTestId('wipe-receipt').waitFor();
    expect(await page.getByTestId('wipe-receipt').textContent()).toContain('Keyboard shortcut');
    await tabTo(page, (f) => f.testid === 'load-documents');
    await page.keyboard.press('Enter');
    await page.getByTestId('session-panel').waitFor({ timeout: 30_000 });
  });
});

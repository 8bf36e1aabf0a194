import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAndLoad, startUiStack, type UiStack } from './ui-stack.ts';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

async function imageBox(page: Page, slot: string): Promise<Box> {
  return page.evaluate((s) => {
    const img = document.querySelector(`[data-testid="pane-${s}"] img.pane__image`);
    if (!img) throw new Error('no image');
    const r = img.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  }, slot);
}

/** Lets the viewer paint (it paints on the next animation frame). */
async function frames(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))),
  );
}

const zoomText = (page: Page) => page.locator('.toolbar__zoom').textContent();

/**
 * The image's box once the viewer has settled: the image on screen shows the zoom the toolbar
 * reads out (and, if asked, Fit is or is not pressed). Waits for that state rather than for a
 * number of frames, which a busy machine can outrun.
 */
async function settledBox(page: Page, slot: string, state: { atFit?: boolean } = {}): Promise<Box> {
  await page.waitForFunction(
    ([s, atFit]) => {
      const img = document.querySelector<HTMLImageElement>(
        `[data-testid="pane-${s}"] img.pane__image`,
      );
      const percent = Number.parseFloat(
        document.querySelector('.toolbar__zoom')?.textContent ?? '',
      );
      const fit = document
        .querySelector('button[aria-label="Fit to window"]')
        ?.getAttribute('aria-pressed');
      if (!img || img.naturalWidth === 0 || Number.isNaN(percent)) return false;
      if (atFit !== null && fit !== String(atFit)) return false;
      const shown = (img.getBoundingClientRect().width / img.naturalWidth) * 100;
      return Math.abs(shown - percent) <= 1;
    },
    [slot, state.atFit ?? null] as const,
  );
  return imageBox(page, slot);
}

describe('viewer in Chromium', () => {
  let stack: UiStack;
  let page: Page;
  beforeAll(async () => {
    stack = await startUiStack();
    await signInAndLoad(stack, 'full');
    page = stack.page;
    await page.waitForFunction(() =>
      [...document.images].every((img) => img.dataset['status'] === 'ready'),
    );
  });
  afterAll(async () => {
    await stack.close();
  });

  it('fits the image, and the wheel zooms about the pointer: the point under it stays put', async () => {
    const pane = (await page.getByTestId('pane-documentFront').boundingBox()) as Box;
    const fit = await imageBox(page, 'documentFront');
    expect(fit.width).toBeLessThanOrEqual(pane.width);
    expect(fit.height).toBeLessThanOrEqual(pane.height);
    expect(fit.width / fit.height).toBeCloseTo(1800 / 1140, 2);
    const at = { x: fit.x + fit.width * 0.3, y: fit.y + fit.height * 0.6 };
    await page.mouse.move(at.x, at.y);
    await page.mouse.wheel(0, -300);
    await frames(page);
    const zoomed = await imageBox(page, 'documentFront');
    expect(zoomed.width).toBeGreaterThan(fit.width * 1.2);
    expect((at.x - zoomed.x) / zoomed.width).toBeCloseTo(0.3, 2);
    expect((at.y - zoomed.y) / zoomed.height).toBeCloseTo(0.6, 2);
    await page.getByRole('button', { name: 'Fit to window' }).click();
  });

  it('Ctrl + wheel and Ctrl + = zoom the image, never the window', async () => {
    await page.getByRole('button', { name: 'Fit to window' }).click();
    const before = await settledBox(page, 'documentFront', { atFit: true });
    const scale = () =>
      page.evaluate(() => [window.visualViewport?.scale ?? 1, window.devicePixelRatio]);
    const initial = await scale();
    // Over the toolbar, Ctrl + wheel does nothing at all; over the image it zooms the image.
    const button = (await page.getByRole('button', { name: 'Zoom in' }).boundingBox()) as Box;
    await page.mouse.move(button.x + 4, button.y + 4);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -100);
    await page.keyboard.up('Control');
    await frames(page);
    expect((await settledBox(page, 'documentFront', { atFit: true })).width).toBeCloseTo(
      before.width,
      0,
    );
    expect(await scale()).toEqual(initial);
    await page.mouse.move(before.x + before.width / 2, before.y + before.height / 2);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -100);
    await page.keyboard.up('Control');
    await page.keyboard.press('Control+Equal');
    // Two zoom steps: wait until the image shows both.
    await expect
      .poll(async () => (await settledBox(page, 'documentFront', { atFit: false })).width)
      .toBeGreaterThan(before.width * 1.3);
    expect(await scale()).toEqual(initial);
    await page.keyboard.press('Control+Digit0');
    expect((await settledBox(page, 'documentFront', { atFit: true })).width).toBeCloseTo(
      before.width,
      0,
    );
  });

  it('100 % shows one image pixel per CSS pixel; dragging pans by exactly the drag', async () => {
    await page.getByRole('button', { name: '100 %, actual size' }).click();
    await expect.poll(() => zoomText(page)).toBe('100 %');
    const actual = await settledBox(page, 'documentFront');
    expect(actual.width).toBeCloseTo(1800, 0);
    const pane = (await page.getByTestId('pane-documentFront').boundingBox()) as Box;
    const start = { x: pane.x + pane.width / 2, y: pane.y + pane.height / 2 };
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    await page.mouse.move(start.x + 120, start.y - 40, { steps: 6 });
    await page.mouse.up();
    await frames(page);
    const moved = await imageBox(page, 'documentFront');
    expect(moved.x - actual.x).toBeCloseTo(120, 0);
    expect(moved.y - actual.y).toBeCloseTo(-40, 0);
    await page.getByRole('button', { name: 'Fit to window' }).click();
  });

  it('rotates the view a quarter turn; the bytes are untouched (same SHA-256 shown)', async () => {
    const sha = await page
      .getByTestId('card-documentFront')
      .locator('.card__sha-value')
      .textContent();
    await page.getByRole('button', { name: 'Rotate right' }).click();
    await frames(page);
    const turned = await imageBox(page, 'documentFront');
    expect(turned.height / turned.width).toBeCloseTo(1800 / 1140, 2);
    expect(
      await page.getByTestId('card-documentFront').locator('.card__sha-value').textContent(),
    ).toBe(sha);
    await page.getByRole('button', { name: 'Rotate left' }).click();
  });

  it('compare: selfie beside the front, zoom and pan linked across both panes', async () => {
    await page.getByRole('button', { name: 'Selfie + front' }).click();
    await page.getByTestId('pane-face').waitFor();
    await page.waitForFunction(() =>
      [...document.images].every((img) => img.dataset['status'] === 'ready'),
    );
    await frames(page);
    const front0 = await settledBox(page, 'documentFront');
    const face0 = await imageBox(page, 'face');
    const zoom0 = await zoomText(page);
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await expect.poll(() => zoomText(page)).not.toBe(zoom0);
    const front1 = await settledBox(page, 'documentFront');
    await frames(page);
    const face1 = await imageBox(page, 'face');
    expect(front1.width / front0.width).toBeCloseTo(1.25, 2);
    expect(face1.width / face0.width).toBeCloseTo(1.25, 2);
    const pane = (await page.getByTestId('pane-face').boundingBox()) as Box;
    await page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 2);
    await page.mouse.down();
    await page.mouse.move(pane.x + pane.width / 2 - 60, pane.y + pane.height / 2 + 30, {
      steps: 4,
    });
    await page.mouse.up();
    await frames(page);
    const front2 = await imageBox(page, 'documentFront');
    const face2 = await imageBox(page, 'face');
    expect(face2.x - face1.x).toBeCloseTo(-60, 0);
    expect(front2.x - front1.x).toBeCloseTo(-60, 0);
    expect(front2.y - front1.y).toBeCloseTo(30, 0);
  });

  it('the loupe follows the pointer in both panes', async () => {
    await page.getByRole('button', { name: 'Loupe' }).click();
    const pane = (await page.getByTestId('pane-documentFront').boundingBox()) as Box;
    await page.mouse.move(pane.x + pane.width / 2 + 50, pane.y + pane.height / 2 + 20);
    await page.mouse.move(pane.x + pane.width / 2 + 60, pane.y + pane.height / 2 + 25);
    await frames(page);
    const lenses = await page.$$eval('.loupe', (els) =>
      els.map((el) => {
        const lens = el.firstElementChild as HTMLElement;
        const r = lens.getBoundingClientRect();
        const pane = el.closest('.pane__viewport')?.getBoundingClientRect();
        return {
          hidden: (el as HTMLElement).hidden,
          dx: r.x + r.width / 2 - ((pane?.x ?? 0) + (pane?.width ?? 0) / 2),
          dy: r.y + r.height / 2 - ((pane?.y ?? 0) + (pane?.height ?? 0) / 2),
        };
      }),
    );
    expect(lenses).toHaveLength(2);
    for (const lens of lenses) {
      expect(lens.hidden).toBe(false);
      expect(lens.dx).toBeCloseTo(60, 0);
      expect(lens.dy).toBeCloseTo(25, 0);
    }
    await page.getByRole('button', { name: 'Loupe' }).click();
    await page.getByRole('button', { name: 'Single' }).click();
  });

  it('brightness, contrast and invert change only the CSS filter', async () => {
    await page.getByRole('button', { name: 'Invert' }).click();
    await frames(page);
    expect(
      await page.$eval(
        '[data-testid="pane-documentFront"] img.pane__image',
        (img) => getComputedStyle(img).filter,
      ),
    ).toBe('invert(1)');
    await page.getByRole('button', { name: 'Reset adjustments' }).click();
  });
});

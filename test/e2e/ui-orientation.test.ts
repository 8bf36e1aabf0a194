import sharp from 'sharp';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getSpecimens, getTurnedSelfie } from '../../demo/specimens.ts';
import { screenshot, signInAndLoad, startUiStack, type UiStack } from './ui-stack.ts';

/**
 * A phone photo stored turned (EXIF orientation 6, stored 1600×1200) shows upright in the viewer:
 * the image box is portrait (1200×1600 displayed), and the pixels on screen are the upright
 * selfie's — compared with the upright picture and with the stored one stretched into the same
 * box, what a viewer ignoring the orientation would show.
 */

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

async function faceBox(page: Page): Promise<Box> {
  return page.evaluate(() => {
    const img = document.querySelector('[data-testid="pane-face"] img.pane__image');
    if (!img) throw new Error('no image');
    const r = img.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  });
}

/** Mean absolute difference per channel between two pictures scaled to `width`×`height`. */
async function difference(a: Buffer, b: Buffer, width: number, height: number): Promise<number> {
  const pixels = (input: Buffer) =>
    sharp(input).resize(width, height, { fit: 'fill' }).removeAlpha().raw().toBuffer();
  const [x, y] = await Promise.all([pixels(a), pixels(b)]);
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += Math.abs((x[i] ?? 0) - (y[i] ?? 0));
  return sum / x.length;
}

describe('EXIF orientation in the viewer', () => {
  let stack: UiStack;
  let page: Page;
  beforeAll(async () => {
    stack = await startUiStack();
    await signInAndLoad(stack, 'portrait');
    page = stack.page;
    await page.getByRole('button', { name: 'Selfie + front' }).click();
    await page.getByTestId('pane-face').waitFor();
    await page.waitForFunction(() =>
      [...document.images].every((img) => img.dataset['status'] === 'ready'),
    );
    await page.evaluate(
      () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))),
    );
  });
  afterAll(async () => {
    await stack.close();
  });

  it('lays the turned selfie out portrait, at its displayed size', async () => {
    const box = await faceBox(page);
    expect(box.height / box.width).toBeCloseTo(1600 / 1200, 2);
    expect(await page.getByTestId('card-face').textContent()).toContain('1200 × 1600 px');
  });

  it('shows its pixels upright, not as stored', async () => {
    const box = await faceBox(page);
    const pane = (await page.getByTestId('pane-face').boundingBox()) as Box;
    // The part of the image inside its pane (the fitted image lies wholly inside).
    const clip = {
      x: Math.ceil(Math.max(box.x, pane.x)),
      y: Math.ceil(Math.max(box.y, pane.y)),
      width: Math.floor(Math.min(box.width, pane.width)) - 2,
      height: Math.floor(Math.min(box.height, pane.height)) - 2,
    };
    expect(clip.width).toBeGreaterThan(100);
    await screenshot(page, 'orientation-6-selfie');
    const shot = await page.screenshot({ clip, animations: 'disabled' });
    const upright = (await getSpecimens()).face.bytes;
    const stored = (await getTurnedSelfie()).bytes; // sharp does not apply EXIF unless asked
    const w = Math.round(clip.width / 4);
    const h = Math.round(clip.height / 4);
    const asUpright = await difference(shot, upright, w, h);
    const asStored = await difference(shot, stored, w, h);
    expect(asUpright).toBeLessThan(asStored / 2);
  });
});

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkJpeg } from '../../core/documents/jpeg.ts';
import { launchChromium } from './harness.ts';

/**
 * The codings the JPEG check accepts are the ones Chromium decodes. Arithmetic coding is optional
 * in libjpeg-turbo builds; the check accepts it because Chromium decodes it — this test says so
 * with the real browser, baseline and progressive, and fails if a Chromium build stops.
 */

/** A 64×48 picture, left half red, right half blue, as cjpeg reads it. */
function ppm(): Buffer {
  const pixels = Buffer.alloc(64 * 48 * 3);
  for (let p = 0; p < 64 * 48; p++) pixels.set(p % 64 < 32 ? [200, 30, 30] : [30, 30, 200], p * 3);
  return Buffer.concat([Buffer.from('P6\n64 48\n255\n'), pixels]);
}

describe('JPEG codings in Chromium', () => {
  let root: string;
  let browser: Browser;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'idlens-e2e-jpeg-'));
    browser = await launchChromium(root);
  });
  afterAll(async () => {
    await browser.close();
    rmSync(root, { recursive: true, force: true });
  });

  it.each([
    ['baseline Huffman', []],
    ['arithmetic', ['-arithmetic']],
    ['progressive arithmetic', ['-arithmetic', '-progressive']],
  ])('decodes %s, which the check accepts', async (_name, args) => {
    const jpeg = execFileSync('cjpeg', [...args, '-quality', '95'], { input: ppm() });
    expect(checkJpeg(jpeg).ok).toBe(true);
    const page = await browser.newPage();
    try {
      const decoded = await page.evaluate(async (base64) => {
        const img = new Image();
        img.src = `data:image/jpeg;base64,${base64}`;
        await img.decode();
        const canvas = document.createElement('canvas');
        canvas.width = img.naturalWidth;
        canvas.height = img.naturalHeight;
        const context = canvas.getContext('2d');
        if (!context) throw new Error('no 2d context');
        context.drawImage(img, 0, 0);
        const left = [...context.getImageData(8, 24, 1, 1).data];
        const right = [...context.getImageData(56, 24, 1, 1).data];
        return { width: img.naturalWidth, height: img.naturalHeight, left, right };
      }, jpeg.toString('base64'));
      expect(decoded.width).toBe(64);
      expect(decoded.height).toBe(48);
      // Red on the left, blue on the right: really decoded, not a placeholder.
      expect(decoded.left[0]).toBeGreaterThan(150);
      expect(decoded.left[2]).toBeLessThan(80);
      expect(decoded.right[2]).toBeGreaterThan(150);
      expect(decoded.right[0]).toBeLessThan(80);
    } finally {
      await page.close();
    }
  });
});

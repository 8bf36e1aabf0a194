import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractCrop } from '../../core/analysis/face/align-face.ts';
import { decodeJpeg } from '../../core/analysis/image/decode-jpeg.ts';
import { checkJpeg } from '../../core/documents/jpeg.ts';
import { getTurnedSelfie } from '../../demo/specimens.ts';
import type { FaceCrop } from '../../shared/face-match.ts';
import { screenshot, signInAndLoad, startUiStack, type UiStack } from './ui-stack.ts';

/**
 * "Compare the faces" on a selfie stored sideways (the `portrait` persona: EXIF orientation 6),
 * with the real analysis process and the built renderer in Chromium. The face comparison looks at
 * the upright picture and the viewer shows that same picture, so the pane's only turn is the crop's
 * eye-levelling one: what Chromium draws in the selfie's pane must be the aligned crop the analysis
 * itself cut (its `extractCrop` on the decoded, upright selfie) — not that crop turned a further
 * quarter (the orientation applied twice), and closer to it than the same square left upright.
 */

const SIDE = 64;

/** Mean absolute difference per channel between two RGB pictures of SIDE × SIDE. */
function difference(a: Uint8Array, b: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs((a[i] ?? 0) - (b[i] ?? 0));
  return sum / a.length;
}

interface Drawn {
  turn: number;
  angle: number;
  layout: { w: number; h: number };
  /** The crop's turned square, in image pixels, and where its corners land in the page. */
  corners: { x: number; y: number }[];
  onPage: { x: number; y: number }[];
}

describe('levelled faces, a selfie stored sideways', () => {
  let stack: UiStack;
  beforeAll(async () => {
    stack = await startUiStack({ analysis: true, settings: { language: 'en' } });
  });
  afterAll(async () => {
    await stack.close();
  });

  it('the selfie pane shows the analysis’s own aligned crop, eyes level', async () => {
    await signInAndLoad(stack, 'portrait');
    const page = stack.page;
    await page
      .locator('[data-testid="checks-panel"][data-status="done"]')
      .waitFor({ timeout: 90_000 });
    await page.getByTestId('compare-faces').click();
    await page.locator('[data-testid="pane-face"][data-level-turn]').waitFor();
    await page.waitForFunction(() =>
      [...document.images].every((img) => img.dataset['status'] !== 'loading'),
    );
    await page.evaluate(
      () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))),
    );
    const drawn: Drawn = await page.getByTestId('pane-face').evaluate((pane) => {
      const img = pane.querySelector('img.pane__image') as HTMLImageElement;
      const m = new DOMMatrix(getComputedStyle(img).transform);
      const clip = /^polygon\((.*)\)$/.exec(img.style.clipPath);
      const corners = (clip?.[1] ?? '')
        .split(',')
        .filter((pair) => pair.trim() !== '')
        .map((pair) => {
          const [x = '', y = ''] = pair.trim().split(/\s+/);
          return { x: parseFloat(x), y: parseFloat(y) };
        });
      const rect = pane.getBoundingClientRect();
      const w = img.offsetWidth;
      const h = img.offsetHeight;
      const onPage = corners.map(({ x, y }) => {
        const p = m.transformPoint({ x: x - w / 2, y: y - h / 2 });
        return { x: rect.left + rect.width / 2 + p.x, y: rect.top + rect.height / 2 + p.y };
      });
      return {
        turn: Number(pane.dataset['levelTurn']),
        angle: (Math.atan2(m.b, m.a) * 180) / Math.PI,
        layout: { w, h },
        corners,
        onPage,
      };
    });
    // Laid out upright (1200 × 1600, as displayed), and turned by the levelling turn alone.
    expect(drawn.layout).toEqual({ w: 1200, h: 1600 });
    expect(drawn.angle).toBeCloseTo(drawn.turn, 3);
    expect(drawn.corners).toHaveLength(4);
    const [tl, tr, br, bl] = drawn.corners as [
      { x: number; y: number },
      { x: number; y: number },
      { x: number; y: number },
      { x: number; y: number },
    ];
    const [ptl, , pbr] = drawn.onPage as [
      { x: number; y: number },
      unknown,
      { x: number; y: number },
    ];

    // The crop as the analysis cuts it, from the square the pane clips to.
    const crop: FaceCrop = {
      centerX: (tl.x + tr.x + br.x + bl.x) / 4,
      centerY: (tl.y + tr.y + br.y + bl.y) / 4,
      size: Math.hypot(tr.x - tl.x, tr.y - tl.y),
      angleDegrees: -drawn.turn,
      outputSize: SIDE,
    };
    // As displayed: turned upright by its EXIF orientation, as the loader reads it for the analysis.
    const { bytes } = await getTurnedSelfie();
    const check = checkJpeg(bytes);
    const selfie = decodeJpeg(bytes, check.ok ? check.orientation : 1);
    if (!selfie) throw new Error('the specimen decodes');
    expect({ w: selfie.width, h: selfie.height }).toEqual(drawn.layout);
    const aligned = extractCrop(selfie, crop);
    const quarter = extractCrop(selfie, { ...crop, angleDegrees: crop.angleDegrees + 90 });
    const upright = extractCrop(selfie, { ...crop, angleDegrees: 0 });

    // What Chromium drew there, a little inside the square's edges.
    const inset = 0.04 * (pbr.x - ptl.x);
    const shot = await page.screenshot({
      clip: {
        x: ptl.x + inset,
        y: ptl.y + inset,
        width: pbr.x - ptl.x - 2 * inset,
        height: pbr.y - ptl.y - 2 * inset,
      },
      animations: 'disabled',
    });
    const shown = new Uint8Array(
      await sharp(shot).resize(SIDE, SIDE, { fit: 'fill' }).removeAlpha().raw().toBuffer(),
    );
    const inner = async (rgb: Uint8Array) => {
      const margin = Math.round(SIDE * 0.04);
      return new Uint8Array(
        await sharp(Buffer.from(rgb), { raw: { width: SIDE, height: SIDE, channels: 3 } })
          .extract({
            left: margin,
            top: margin,
            width: SIDE - 2 * margin,
            height: SIDE - 2 * margin,
          })
          .resize(SIDE, SIDE, { fit: 'fill' })
          .raw()
          .toBuffer(),
      );
    };
    const toAligned = difference(shown, await inner(aligned));
    const toQuarter = difference(shown, await inner(quarter));
    const toUpright = difference(shown, await inner(upright));
    console.info(
      `levelled by ${drawn.turn.toFixed(2)}°: difference to the aligned crop ${toAligned.toFixed(1)}, ` +
        `to it turned a quarter ${toQuarter.toFixed(1)}, to the square left upright ${toUpright.toFixed(1)}`,
    );
    expect(Math.abs(drawn.turn)).toBeGreaterThan(0.5);
    expect(toAligned).toBeLessThan(toQuarter / 2);
    expect(toAligned).toBeLessThan(toUpright);
    await screenshot(page, 'faces-levelled-turned-selfie');
  }, 150_000);
});

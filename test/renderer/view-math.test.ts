import { describe, expect, it } from 'vitest';
import {
  FIT_VIEW,
  boxFromFractions,
  overflows,
  panToFraction,
  regionClip,
  regionOffset,
  visibleFraction,
  clampPan,
  fitScale,
  imageTransform,
  loupeTransform,
  panLimit,
  rotateView,
  wheelFactor,
  zoomAt,
  zoomPercent,
  zoomToScale,
  type Point,
  type ViewState,
} from '../../renderer/src/viewer/view-math.ts';

/** Where an image point (relative to the image centre) lands on screen (relative to the pane centre). */
function project(view: ViewState, fit: number, q: Point): Point {
  const s = fit * view.k;
  const r = (view.rotation * Math.PI) / 180;
  return {
    x: view.x + s * (q.x * Math.cos(r) - q.y * Math.sin(r)),
    y: view.y + s * (q.x * Math.sin(r) + q.y * Math.cos(r)),
  };
}

describe('view math', () => {
  const image = { w: 4000, h: 3000 };
  const viewport = { w: 1032, h: 532 };

  it('fits the rotated image inside the padded viewport', () => {
    expect(fitScale(image, viewport, 0)).toBeCloseTo(500 / 3000);
    expect(fitScale(image, viewport, 90)).toBeCloseTo(500 / 4000);
    expect(fitScale(image, { w: 0, h: 0 }, 0)).toBe(1);
  });

  it('zooming keeps the image point under the pointer in place', () => {
    const fit = fitScale(image, viewport, 0);
    const start: ViewState = { k: 1.5, x: 40, y: -30, rotation: 90 };
    const at = { x: 200, y: -100 };
    // the image point currently under `at`
    const s = fit * start.k;
    const q = { x: (at.y - start.y) / s, y: -(at.x - start.x) / s };
    const zoomed = zoomAt(start, 2, at, fit);
    const landed = project(zoomed, fit, q);
    expect(landed.x).toBeCloseTo(at.x);
    expect(landed.y).toBeCloseTo(at.y);
  });

  it('limits zoom between a quarter of fit and 1600 %', () => {
    const fit = fitScale(image, viewport, 0);
    expect(zoomAt(FIT_VIEW, 0.01, { x: 0, y: 0 }, fit).k).toBe(0.25);
    expect(zoomPercent(zoomAt(FIT_VIEW, 1e6, { x: 0, y: 0 }, fit), fit)).toBe(1600);
    expect(zoomPercent(zoomToScale(FIT_VIEW, 1, fit), fit)).toBe(100);
  });

  it('rotates a quarter turn at a time and turns the pan with the image', () => {
    let view: ViewState = { k: 1, x: 10, y: 0, rotation: 0 };
    view = rotateView(view, 1);
    expect(view).toEqual({ k: 1, x: -0, y: 10, rotation: 90 });
    view = rotateView(rotateView(rotateView(view, 1), 1), 1);
    expect(view.rotation).toBe(0);
    expect(rotateView(FIT_VIEW, -1).rotation).toBe(270);
  });

  it('keeps part of the image on screen however far it is panned', () => {
    const fit = fitScale(image, viewport, 0);
    const limit = panLimit(image, viewport, FIT_VIEW, fit);
    const clamped = clampPan({ ...FIT_VIEW, x: 1e6, y: -1e6 }, limit);
    expect(clamped.x).toBe(limit.x);
    expect(clamped.y).toBe(-limit.y);
    expect(limit.x).toBeLessThan((image.w * fit) / 2 + viewport.w / 2);
  });

  it('writes a composited transform: translate3d, rotate, scale', () => {
    expect(imageTransform({ k: 2, x: 1.234, y: 5, rotation: 180 }, 0.5)).toBe(
      'translate3d(1.23px, 5px, 0) rotate(180deg) scale(1)',
    );
  });

  it('a levelling turn goes under the view’s quarter turn and scale, about the crop’s centre', () => {
    const view: ViewState = { k: 1, x: 0, y: 0, rotation: 90 };
    expect(imageTransform(view, 0.5, { x: 10, y: -20 }, -4)).toBe(
      'translate3d(0px, 0px, 0) rotate(90deg) scale(0.5) rotate(-4deg) translate(10px, -20px)',
    );
    expect(loupeTransform(view, 0.5, { x: 0, y: 0 }, 3, { x: 10, y: -20 }, 2.5)).toBe(
      'translate3d(0px, 0px, 0) rotate(90deg) scale(1.5) rotate(2.5deg) translate(10px, -20px)',
    );
    // No turn, nothing added: upright crops and whole images are written as before.
    expect(imageTransform(view, 0.5, { x: 10, y: -20 }, 0)).not.toContain('-4deg');
    expect(imageTransform(view, 0.5, { x: 10, y: -20 }, 0).match(/rotate/g)).toHaveLength(1);
  });

  it('the loupe shows the image point under the pointer at its centre, magnified', () => {
    const view: ViewState = { k: 1.2, x: 30, y: -12, rotation: 0 };
    const pointer = { x: 100, y: 50 };
    // In the loupe, the image centre sits at m·(t − p); the pointer's image point lands at 0.
    const m = 3;
    const css = loupeTransform(view, 0.5, pointer, m);
    expect(css).toBe(
      `translate3d(${m * (view.x - pointer.x)}px, ${m * (view.y - pointer.y)}px, 0) rotate(0deg) scale(1.8)`,
    );
    const q = { x: (pointer.x - view.x) / 0.6, y: (pointer.y - view.y) / 0.6 };
    expect(m * (view.x - pointer.x) + 1.8 * q.x).toBeCloseTo(0);
  });

  it('wheel: down zooms out, up zooms in; pinch is more sensitive', () => {
    expect(wheelFactor(100, 0, false)).toBeLessThan(1);
    expect(wheelFactor(-100, 0, false)).toBeGreaterThan(1);
    expect(wheelFactor(-10, 0, true)).toBeGreaterThan(wheelFactor(-10, 0, false));
  });
});

describe('navigator and crop geometry', () => {
  const image = { w: 1600, h: 1000 };
  const viewport = { w: 800, h: 500 };

  it('at fit the whole image is in view and no navigator is needed', () => {
    const fit = fitScale(image, viewport, 0);
    expect(overflows(image, viewport, FIT_VIEW, fit)).toBe(false);
    const seen = visibleFraction(image, viewport, FIT_VIEW, fit);
    expect(seen).toEqual({ x: 0, y: 0, w: 1, h: 1 });
  });

  it('at 4× fit the frame covers a quarter of each side, centred; off-centre after a pan', () => {
    const fit = fitScale(image, viewport, 0);
    const view = { ...FIT_VIEW, k: 4 };
    expect(overflows(image, viewport, view, fit)).toBe(true);
    const seen = visibleFraction(image, viewport, view, fit);
    expect(seen.w).toBeGreaterThan(0.25);
    expect(seen.w).toBeLessThan(0.3);
    expect(seen.x + seen.w / 2).toBeCloseTo(0.5, 5);
    // Clicking the navigator at 20 % across puts that point in the middle of the pane.
    const pan = panToFraction(image, view, fit, { x: 0.2, y: 0.5 });
    const after = visibleFraction(image, viewport, { ...view, ...pan }, fit);
    expect(after.x + after.w / 2).toBeCloseTo(0.2, 5);
  });

  it('a crop box is centred by its offset and clipped by its inset', () => {
    const box = boxFromFractions(image, { x: 0.04, y: 0.2, w: 0.31, h: 0.62 });
    expect(box).toEqual({ x: 64, y: 200, w: 496, h: 620 });
    expect(regionOffset(image, box)).toEqual({ x: 488, y: -10 });
    expect(regionClip(image, box)).toBe('inset(200px 1040px 180px 64px)');
    // A box never leaves the image, however it is asked for.
    expect(boxFromFractions(image, { x: 0.9, y: -1, w: 0.5, h: 2 })).toEqual({
      x: 800,
      y: 0,
      w: 800,
      h: 1000,
    });
  });
});

import { describe, expect, it } from 'vitest';
import {
  MINIMAP_SIZE,
  filterCss,
  lensPaint,
  minimapLayout,
  placeBox,
  shownPart,
  type PaneGeometry,
} from '../../renderer/src/viewer/pane-paint.ts';
import { NEUTRAL_ADJUSTMENTS } from '../../renderer/src/viewer/view-controller.ts';
import { FIT_VIEW, fitScale, type ViewState } from '../../renderer/src/viewer/view-math.ts';

/** What a viewer pane paints, as the pure functions `useViewport` applies once a frame. */

const image = { w: 4000, h: 3000 };
const viewport = { w: 1032, h: 532 };
const whole: PaneGeometry = { image, crop: null, frame: null, mark: null };

describe('pane paint', () => {
  it('filters only what was adjusted', () => {
    expect(filterCss(NEUTRAL_ADJUSTMENTS)).toBe('');
    expect(filterCss({ brightness: 150, contrast: 100, invert: true })).toBe(
      'brightness(1.5) invert(1)',
    );
    expect(filterCss({ brightness: 100, contrast: 80, invert: false })).toBe('contrast(0.8)');
  });

  it('shows the whole image unmoved and unclipped, or a crop centred, clipped and levelled', () => {
    expect(shownPart(image, null)).toEqual({
      size: image,
      offset: { x: 0, y: 0 },
      clip: '',
      turn: 0,
    });
    const upright = shownPart(image, { x: 1000, y: 500, w: 800, h: 1000, angle: 0 });
    expect(upright.size).toEqual({ w: 800, h: 1000 });
    // The crop's centre (1400, 1000) moved onto the image's centre (2000, 1500).
    expect(upright.offset).toEqual({ x: 600, y: 500 });
    expect(upright.clip).toBe('inset(500px 2200px 1500px 1000px)');
    expect(upright.turn).toBe(0);
    const levelled = shownPart(image, { x: 1000, y: 500, w: 800, h: 800, angle: 12 });
    expect(levelled.turn).toBe(-12);
    expect(levelled.clip).toMatch(/^polygon\(/);
  });

  it('places a box over the image where the image shows it, at fit and zoomed and panned', () => {
    const fit = fitScale(image, viewport, 0);
    // At fit the whole image is centred: its top-left corner is half the shown size off centre.
    const all = placeBox(image, viewport, FIT_VIEW, fit, { x: 0, y: 0, w: image.w, h: image.h });
    expect(all.left).toBeCloseTo(viewport.w / 2 - (image.w * fit) / 2);
    expect(all.top).toBeCloseTo(viewport.h / 2 - (image.h * fit) / 2);
    expect(all.width).toBeCloseTo(image.w * fit);
    const view: ViewState = { k: 2, x: 30, y: -40, rotation: 0 };
    const zone = placeBox(image, viewport, view, fit * 2, { x: 2000, y: 1500, w: 100, h: 50 });
    // A box at the image centre lands on the pane centre plus the pan.
    expect(zone.left).toBeCloseTo(viewport.w / 2 + 30);
    expect(zone.top).toBeCloseTo(viewport.h / 2 - 40);
    expect(zone.width).toBeCloseTo(100 * fit * 2);
    expect(zone.height).toBeCloseTo(50 * fit * 2);
  });

  it('shows the navigator only while the whole image overflows the pane, sized and framed', () => {
    const fit = fitScale(image, viewport, 0);
    expect(minimapLayout(whole, viewport, FIT_VIEW, fit)).toBeNull();
    const zoomed: ViewState = { k: 4, x: 0, y: 0, rotation: 90 };
    const layout = minimapLayout(whole, viewport, zoomed, fit);
    if (!layout) throw new Error('no navigator for a zoomed image');
    // Turned a quarter, the 4000 × 3000 image is 3000 wide and 4000 tall: the long side fits.
    expect(layout.map.h).toBeCloseTo(MINIMAP_SIZE);
    expect(layout.map.w).toBeCloseTo((MINIMAP_SIZE * 3000) / 4000);
    expect(layout.image).toEqual({ w: layout.map.h, h: layout.map.w });
    expect(layout.rotation).toBe(90);
    // Centred, a quarter of each side (k 4) is in view.
    expect(layout.frame.w).toBeCloseTo(viewport.w / (3000 * fit * 4));
    expect(layout.frame.x + layout.frame.w / 2).toBeCloseTo(0.5);
    const crop = { x: 0, y: 0, w: 100, h: 100, angle: 0 };
    expect(minimapLayout({ ...whole, crop }, viewport, zoomed, fit)).toBeNull();
    expect(minimapLayout({ ...whole, frame: crop }, viewport, zoomed, fit)).toBeNull();
  });

  it('draws the loupe at the pointer only while it is on, magnifying what the pane shows', () => {
    const shown = shownPart(image, null);
    expect(lensPaint(FIT_VIEW, 0.2, false, { x: 10, y: 20 }, 3, shown)).toBeNull();
    expect(lensPaint(FIT_VIEW, 0.2, true, null, 3, shown)).toBeNull();
    const lens = lensPaint(FIT_VIEW, 0.2, true, { x: 10, y: 20 }, 3, shown);
    expect(lens?.lens).toBe('translate3d(10px, 20px, 0)');
    // The image under the lens is moved against the pointer, three times as far, at 3× scale.
    expect(lens?.image).toBe('translate3d(-30px, -60px, 0) rotate(0deg) scale(0.6)');
  });
});

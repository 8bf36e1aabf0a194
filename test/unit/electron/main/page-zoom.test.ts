import { describe, expect, it } from 'vitest';
import {
  PAGE_ZOOM_FACTORS,
  nextZoomFactor,
  pageZoomStep,
} from '../../../../electron/main/page-zoom.ts';

const key = (
  code: string,
  mods: Partial<Record<'control' | 'meta' | 'shift' | 'alt', boolean>>,
) => ({
  type: 'keyDown' as const,
  code,
  control: false,
  meta: false,
  shift: false,
  alt: false,
  ...mods,
});

describe('page zoom keys', () => {
  it('Ctrl+Shift (⌘+Shift on macOS) with Plus, Minus or 0; numpad too', () => {
    expect(pageZoomStep(key('Equal', { control: true, shift: true }), false)).toBe('in');
    expect(pageZoomStep(key('NumpadAdd', { control: true, shift: true }), false)).toBe('in');
    expect(pageZoomStep(key('Minus', { control: true, shift: true }), false)).toBe('out');
    expect(pageZoomStep(key('Digit0', { control: true, shift: true }), false)).toBe('reset');
    expect(pageZoomStep(key('Equal', { meta: true, shift: true }), true)).toBe('in');
  });

  it('leaves every other key to the page: Ctrl alone is the viewer’s, Alt and key-up are not zoom', () => {
    expect(pageZoomStep(key('Equal', { control: true }), false)).toBeNull();
    expect(pageZoomStep(key('Equal', { shift: true }), false)).toBeNull();
    expect(pageZoomStep(key('Equal', { control: true, shift: true, alt: true }), false)).toBeNull();
    expect(pageZoomStep(key('Equal', { meta: true, shift: true }), false)).toBeNull();
    expect(pageZoomStep(key('Equal', { control: true, shift: true }), true)).toBeNull();
    expect(pageZoomStep(key('KeyW', { control: true, shift: true }), false)).toBeNull();
    expect(
      pageZoomStep({ ...key('Equal', { control: true, shift: true }), type: 'keyUp' }, false),
    ).toBeNull();
  });

  it('steps along the ladder to 400 % and down to 50 %, and stops at either end', () => {
    let factor = 1;
    const seen: number[] = [];
    for (let i = 0; i < 12; i += 1) seen.push((factor = nextZoomFactor(factor, 'in')));
    expect(seen.slice(0, 5)).toEqual([1.1, 1.25, 1.5, 1.75, 2]);
    expect(factor).toBe(4);
    for (let i = 0; i < 20; i += 1) factor = nextZoomFactor(factor, 'out');
    expect(factor).toBe(PAGE_ZOOM_FACTORS[0]);
    expect(nextZoomFactor(1.3, 'in')).toBe(1.5);
    expect(nextZoomFactor(1.3, 'out')).toBe(1.25);
    expect(nextZoomFactor(3, 'reset')).toBe(1);
  });
});

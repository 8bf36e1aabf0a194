import { describe, expect, it } from 'vitest';
import { displayedBox } from '../../renderer/src/viewer/finding-region.ts';

/**
 * A box the checks measured in stored pixels lands on the same part of the picture the viewer
 * shows turned by its EXIF orientation. Stored 400 × 200; the box is the top-left 100 × 50.
 */
const BOX = { x: 0, y: 0, w: 100, h: 50 };
const WIDE = { w: 400, h: 200 };
const TALL = { w: 200, h: 400 };

describe('displayedBox', () => {
  it.each([
    [1, WIDE, { x: 0, y: 0, w: 100, h: 50 }],
    [2, WIDE, { x: 300, y: 0, w: 100, h: 50 }],
    [3, WIDE, { x: 300, y: 150, w: 100, h: 50 }],
    [4, WIDE, { x: 0, y: 150, w: 100, h: 50 }],
    [5, TALL, { x: 0, y: 0, w: 50, h: 100 }],
    // Turned right: the stored top-left corner is now at the top right.
    [6, TALL, { x: 150, y: 0, w: 50, h: 100 }],
    [7, TALL, { x: 150, y: 300, w: 50, h: 100 }],
    // Turned left: the stored top-left corner is now at the bottom left.
    [8, TALL, { x: 0, y: 300, w: 50, h: 100 }],
  ])('orientation %i', (orientation, displayed, expected) => {
    expect(displayedBox(BOX, displayed, orientation)).toEqual(expected);
  });
});

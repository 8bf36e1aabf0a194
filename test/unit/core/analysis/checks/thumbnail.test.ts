import sharp, { type ResizeOptions } from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareThumbnailRegions } from '../../../../../core/analysis/checks/thumbnail.ts';
import { decodeImage } from '../../../../../core/analysis/image/decode-image.ts';
import type { GreyImage } from '../../../../../core/analysis/image/grey-image.ts';

/** A card-like capture: coloured bands, a "portrait", lines of text. */
function cardSvg(portrait: string): string {
  const lines = Array.from(
    { length: 7 },
    (_, i) =>
      `<text x="420" y="${150 + i * 55}" font-family="DejaVu Sans, sans-serif" font-size="30" fill="#123">FIELD ${i} VALUE ${i * 37}</text>`,
  ).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="900" height="570">
    <rect width="900" height="570" fill="#e8efe9"/>
    <rect width="900" height="80" fill="#1f5661"/>
    <circle cx="720" cy="380" r="150" fill="none" stroke="#4f8f86" stroke-width="6"/>
    ${portrait}
    ${lines}
  </svg>`;
}
const PORTRAIT = { left: 60, top: 130, width: 300, height: 380 };
const FACE = `<rect x="60" y="130" width="300" height="380" fill="#c9d6d9"/>
  <ellipse cx="210" cy="290" rx="95" ry="125" fill="#d9a77e"/>
  <rect x="120" y="420" width="180" height="90" fill="#334"/>`;
const OTHER = `<rect x="60" y="130" width="300" height="380" fill="#a8b4c0"/>
  <ellipse cx="190" cy="260" rx="80" ry="100" fill="#6b4a33"/>
  <rect x="80" y="380" width="260" height="130" fill="#e0e0e0"/>`;

let capture: Buffer;
let edited: Buffer;
const grey = (bytes: Buffer): GreyImage => decodeImage(bytes).grey;

beforeAll(async () => {
  capture = await sharp(Buffer.from(cardSvg(FACE)))
    .jpeg({ quality: 85 })
    .toBuffer();
  // The portrait pasted over after capture.
  edited = await sharp(Buffer.from(cardSvg(OTHER)))
    .jpeg({ quality: 85 })
    .toBuffer();
});

async function thumbnailOf(bytes: Buffer, options: ResizeOptions, quality = 75) {
  return grey(await sharp(bytes).resize(options).jpeg({ quality }).toBuffer());
}

describe('the EXIF thumbnail against the image, region by region', () => {
  it.each([
    ['160 wide, q75', { width: 160 }, 75],
    ['160 wide, q50', { width: 160 }, 50],
    ['256 wide, q90', { width: 256 }, 90],
    ['letterboxed 160×120', { width: 160, height: 120, fit: 'contain', background: '#000' }, 75],
    ['cropped to 160×120', { width: 160, height: 120, fit: 'cover' }, 75],
  ] as const)('an honest thumbnail (%s) matches', async (_, options, quality) => {
    const thumb = await thumbnailOf(capture, options, quality);
    expect(compareThumbnailRegions(grey(capture), thumb)).toEqual({ verdict: 'matches' });
  });

  it('a thumbnail of a slightly different crop and brighter processing matches', async () => {
    const cropped = await sharp(capture)
      .extract({ left: 12, top: 8, width: 870, height: 552 })
      .linear(1.1, -8)
      .toBuffer();
    expect(
      compareThumbnailRegions(grey(capture), await thumbnailOf(cropped, { width: 160 })),
    ).toEqual({ verdict: 'matches' });
  });

  it('a portrait replaced after capture differs, and the region is the portrait', async () => {
    const thumb = await thumbnailOf(capture, { width: 160 });
    const result = compareThumbnailRegions(grey(edited), thumb);
    expect(result.verdict).toBe('differs');
    if (result.verdict !== 'differs') return;
    const r = result.region;
    // The region lies on the portrait and covers most of it, not the whole card.
    const w =
      Math.min(r.left + r.width, PORTRAIT.left + PORTRAIT.width) - Math.max(r.left, PORTRAIT.left);
    const h =
      Math.min(r.top + r.height, PORTRAIT.top + PORTRAIT.height) - Math.max(r.top, PORTRAIT.top);
    expect((w * h) / (PORTRAIT.width * PORTRAIT.height)).toBeGreaterThan(0.5);
    expect(r.width * r.height).toBeLessThan(0.5 * 900 * 570);
  });

  it('a thumbnail of another picture altogether differs over the whole image', async () => {
    const other = await sharp({
      create: { width: 900, height: 570, channels: 3, background: '#302010' },
    })
      .composite([
        {
          input: Buffer.from(
            '<svg xmlns="http://www.w3.org/2000/svg" width="900" height="570"><circle cx="450" cy="285" r="250" fill="#f0f0a0"/></svg>',
          ),
        },
      ])
      .jpeg()
      .toBuffer();
    const result = compareThumbnailRegions(grey(capture), await thumbnailOf(other, { width: 160 }));
    expect(result).toEqual({
      verdict: 'differs',
      region: { left: 0, top: 0, width: 900, height: 570 },
    });
  });
});

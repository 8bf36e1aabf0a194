import sharp, { type Sharp } from 'sharp';
import { describe, expect, it } from 'vitest';
import { documentTone, measureTone } from '../../../../../core/analysis/checks/tone.ts';

/** A card-like capture with coloured print and a skin-toned portrait. */
const CARD = `<svg xmlns="http://www.w3.org/2000/svg" width="900" height="570">
  <rect width="900" height="570" fill="#e4f1ee"/>
  <rect width="900" height="80" fill="#1f5661"/>
  <rect x="60" y="130" width="300" height="380" fill="#c9d6d9"/>
  <ellipse cx="210" cy="290" rx="95" ry="125" fill="#d9a77e"/>
  <circle cx="700" cy="380" r="150" fill="none" stroke="#4f8f86" stroke-width="8"/>
  <text x="420" y="200" font-family="DejaVu Sans, sans-serif" font-size="40" fill="#10232a">SPECIMEN</text>
  <text x="420" y="300" font-family="DejaVu Sans, sans-serif" font-size="40" fill="#c0182b">UTOPIA</text>
</svg>`;

async function jpeg(pipeline: (s: Sharp) => Sharp, quality = 80): Promise<Buffer> {
  return pipeline(sharp(Buffer.from(CARD)))
    .jpeg({ quality })
    .toBuffer();
}

async function tinted(bytes: Buffer, gains: [number, number, number]): Promise<Buffer> {
  return sharp(bytes).linear(gains, [0, 0, 0]).jpeg({ quality: 80 }).toBuffer();
}

describe('the tone of a document image', () => {
  it('a colour capture is colour, under neutral, warm or cool light, and pale', async () => {
    const colour = await jpeg((s) => s);
    expect(documentTone(colour).verdict).toBe('colour');
    expect(documentTone(await tinted(colour, [1.08, 1, 0.85])).verdict).toBe('colour');
    expect(documentTone(await tinted(colour, [0.88, 1, 1.1])).verdict).toBe('colour');
    expect(documentTone(await jpeg((s) => s.modulate({ saturation: 0.5 }))).verdict).toBe('colour');
  });

  it('a very pale colour capture is never called greyscale', async () => {
    const pale = await jpeg((s) => s.modulate({ saturation: 0.2 }));
    expect(documentTone(pale).verdict).not.toBe('greyscale');
  });

  it('a greyscale copy, three channels or one, is greyscale', async () => {
    const three = await jpeg((s) => s.greyscale().toColourspace('srgb'));
    expect(documentTone(three).verdict).toBe('greyscale');
    expect(documentTone(await jpeg((s) => s.greyscale(), 60)).verdict).toBe('greyscale');
  });

  it('measures the colour left after a cast is taken out', () => {
    const width = 64;
    const height = 64;
    // A warm-lit grey ramp: every pixel tinted the same way for its brightness.
    const rgb = new Uint8Array(width * height * 3);
    for (let i = 0; i < width * height; i++) {
      const v = (i % width) * 4;
      rgb.set([Math.min(255, v + 12), v, Math.max(0, v - 10)], i * 3);
    }
    const m = measureTone({ width, height, rgb });
    expect(m.verdict).toBe('greyscale');
    expect(m.colouredFraction).toBe(0);
  });

  it('an image that does not decode cannot tell', () => {
    expect(documentTone(new Uint8Array([1, 2, 3]))).toEqual({ verdict: 'cannot_tell' });
  });
});

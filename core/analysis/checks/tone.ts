import type { Tone } from '../../../shared/analysis.ts';
import { decodeStored, type RgbImage } from '../image/decode-jpeg.ts';

/**
 * Whether a document image still carries colour, or was captured (or made) as a greyscale,
 * photocopy-like picture — the black-and-white copy a reviewer should not take for the card.
 *
 * Chroma (Cb, Cr of BT.601) is measured on the mean colour of each {@link STEP}×{@link STEP} block. What
 * lighting does to a grey copy — a warm or cool cast, stronger on the paper than on the ink —
 * is taken out first: pixels are grouped by brightness ({@link BINS} bands), and each pixel's
 * chroma measured from its band's median chroma. What is left is colour that differs from other
 * things equally bright: print, a portrait's skin, a coloured band.
 *
 * - `greyscale`: almost nothing is left — the 99th percentile of the remaining chroma is under
 *   {@link GREY_P99} and under {@link GREY_MAX_FRACTION} of the samples is clearly coloured;
 * - `colour`: more than {@link COLOUR_FRACTION} of the samples is clearly coloured (over
 *   {@link COLOURED} in chroma units);
 * - otherwise `cannot_tell` (a document printed in pale colours, or a faded capture).
 *
 * A greyscale verdict is the one that must never be wrong on a colour capture, so its bar is a
 * near-absence of chroma, which JPEG noise alone (±1–3) stays under and coloured print exceeds.
 * A grey copy photographed under a tinted light keeps some chroma where JPEG's subsampled
 * colour straddles ink and paper (p99 5–7 on the generated copies): it is `cannot_tell`, as is a
 * card printed in very pale colours (p99 6–8), rather than a guess between the two.
 */

export type ToneVerdict = 'colour' | 'greyscale' | 'cannot_tell';

const STEP = 4;
const BINS = 8;
export const COLOURED = 10;
export const COLOUR_FRACTION = 0.01;
export const GREY_P99 = 4.5;
export const GREY_MAX_FRACTION = 0.002;

export interface ToneMeasure {
  verdict: ToneVerdict;
  /** 99th percentile of chroma after the cast is removed. */
  p99: number;
  /** Fraction of the samples with chroma above {@link COLOURED}. */
  colouredFraction: number;
}

const bump = (hist: Uint32Array, i: number) => {
  hist[i] = (hist[i] ?? 0) + 1;
};

/** Histogram median of values quantised to whole units in [-128, 128). */
function histMedian(hist: Uint32Array, count: number): number {
  let seen = 0;
  for (let i = 0; i < hist.length; i++) {
    seen += hist[i] ?? 0;
    if (seen * 2 >= count) return i - 128;
  }
  return 0;
}

export function measureTone(image: RgbImage): ToneMeasure {
  const { width, height, rgb } = image;
  const cols = Math.ceil(width / STEP);
  const rows = Math.ceil(height / STEP);
  const n = cols * rows;
  if (n === 0) return { verdict: 'cannot_tell', p99: 0, colouredFraction: 0 };
  const bands = new Uint8Array(n);
  const cbs = new Float32Array(n);
  const crs = new Float32Array(n);
  const histCb = Array.from({ length: BINS + 1 }, () => new Uint32Array(256));
  const histCr = Array.from({ length: BINS + 1 }, () => new Uint32Array(256));
  const counts = new Uint32Array(BINS + 1);
  let k = 0;
  // Each sample is the mean colour of a STEP×STEP block: the chroma a JPEG keeps (subsampled)
  // and the luma it belongs to then describe the same pixels.
  for (let y = 0; y < height; y += STEP)
    for (let x = 0; x < width; x += STEP, k++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let m = 0;
      for (let yy = y; yy < Math.min(height, y + STEP); yy++)
        for (let xx = x, i = (yy * width + x) * 3; xx < Math.min(width, x + STEP); xx++, i += 3) {
          r += rgb[i] ?? 0;
          g += rgb[i + 1] ?? 0;
          b += rgb[i + 2] ?? 0;
          m++;
        }
      r /= m;
      g /= m;
      b /= m;
      const luma = 0.299 * r + 0.587 * g + 0.114 * b;
      const cb = -0.168736 * r - 0.331264 * g + 0.5 * b;
      const cr = 0.5 * r - 0.418688 * g - 0.081312 * b;
      const band = Math.min(BINS - 1, Math.floor((luma / 256) * BINS));
      bands[k] = band;
      cbs[k] = cb;
      crs[k] = cr;
      const qb = Math.min(255, Math.max(0, Math.round(cb) + 128));
      const qr = Math.min(255, Math.max(0, Math.round(cr) + 128));
      for (const at of [band, BINS]) {
        bump(histCb[at] as Uint32Array, qb);
        bump(histCr[at] as Uint32Array, qr);
        bump(counts, at);
      }
    }
  const all = {
    cb: histMedian(histCb[BINS] as Uint32Array, n),
    cr: histMedian(histCr[BINS] as Uint32Array, n),
  };
  // A band with few samples takes the whole image's cast.
  const centre = Array.from({ length: BINS }, (_, b) =>
    (counts[b] ?? 0) >= Math.max(20, n * 0.002)
      ? {
          cb: histMedian(histCb[b] as Uint32Array, counts[b] ?? 0),
          cr: histMedian(histCr[b] as Uint32Array, counts[b] ?? 0),
        }
      : all,
  );
  // Remaining chroma, in quarter units up to 64.
  const histLeft = new Uint32Array(257);
  let coloured = 0;
  for (let j = 0; j < n; j++) {
    const c = centre[bands[j] ?? 0] ?? all;
    const d = Math.hypot((cbs[j] ?? 0) - c.cb, (crs[j] ?? 0) - c.cr);
    if (d > COLOURED) coloured++;
    bump(histLeft, Math.min(256, Math.floor(d * 4)));
  }
  let p99 = 64;
  for (let i = 0, seen = 0; i < histLeft.length; i++) {
    seen += histLeft[i] ?? 0;
    if (seen >= n * 0.99) {
      p99 = i / 4;
      break;
    }
  }
  cbs.fill(0);
  crs.fill(0);
  const colouredFraction = coloured / n;
  const verdict: ToneVerdict =
    p99 < GREY_P99 && colouredFraction < GREY_MAX_FRACTION
      ? 'greyscale'
      : colouredFraction > COLOUR_FRACTION
        ? 'colour'
        : 'cannot_tell';
  return { verdict, p99, colouredFraction };
}

/**
 * The tone of a document image from its bytes: measured on `rgb` when the run already decoded
 * the colour pixels, else on a decode of its own (zeroed once measured). A file that does not
 * decode is `cannot_tell`.
 */
export function documentTone(bytes: Uint8Array, rgb: RgbImage | null = null): Tone {
  if (rgb) return { verdict: measureTone(rgb).verdict };
  const decoded = decodeStored(bytes);
  if (!decoded) return { verdict: 'cannot_tell' };
  try {
    return { verdict: measureTone(decoded).verdict };
  } finally {
    decoded.rgb.fill(0);
  }
}

import { bilinear, downscale, type Box, type GreyImage } from '../image/grey-image.ts';
import type { OcrText, PageWord } from '../mrz/ocr-engine.ts';
import type { VisualZone } from './consistency.ts';

/**
 * The visual zone's words: the printed page (the ID card's front, the passport's data
 * page) read once by the OCR engine with any character allowed, as sparse text.
 *
 * The page is prepared first, so that the security print does not become words: scaled to
 * {@link PAGE_SIDE} on its long side (the printed data is large type; recognition time grows
 * with the pixels), then its levels stretched so the ink is black and everything paler than
 * {@link PALE} of the way from ink to paper — guilloches, rosettes, a watermark — is white.
 * The prepared copy is made while the image is measured (its full-size grey is zeroed then, as
 * always) and kept, a megabyte or two, until the MRZ is read; it is zeroed once read.
 */

export interface PageReader {
  readPage(image: GreyImage): Promise<PageWord[]>;
  readTextLine(image: GreyImage): Promise<OcrText>;
}

export const PAGE_SIDE = 1400;
/** Share of the way from ink (1st percentile) to paper (median) above which a pixel is white. */
export const PALE = 0.7;
/** Share of the way from ink to paper below which a pixel is black. */
export const DARK = 0.25;

export interface PreparedPage {
  image: GreyImage;
  /** Image pixels per prepared pixel. */
  scale: number;
}

/** A small, levels-stretched copy of `grey` for the page reading (`grey` is not changed). */
export function preparePage(grey: GreyImage): PreparedPage {
  const small = downscale(grey, PAGE_SIDE);
  const data = small === grey ? new Uint8Array(grey.data) : small.data;
  const hist = new Uint32Array(256);
  for (const v of data) hist[v] = (hist[v] ?? 0) + 1;
  const at = (q: number) => {
    let seen = 0;
    for (let v = 0; v < 256; v++) {
      seen += hist[v] ?? 0;
      if (seen >= q * data.length) return v;
    }
    return 255;
  };
  const ink = at(0.01);
  const paper = at(0.5);
  const black = ink + DARK * (paper - ink);
  const white = ink + PALE * (paper - ink);
  const span = Math.max(1, white - black);
  for (let i = 0; i < data.length; i++) {
    const v = (((data[i] ?? 0) - black) * 255) / span;
    data[i] = v < 0 ? 0 : v > 255 ? 255 : v;
  }
  return {
    image: { width: small.width, height: small.height, data },
    scale: grey.width / small.width,
  };
}

export interface VisualZoneReading {
  zone: VisualZone;
  /** Reads again, as one line at twice the scale, the text in `box` (image pixels). */
  confirm: (box: Box) => Promise<OcrText | null>;
  /** Zeroes the prepared page. */
  release: () => void;
}

/** Twice the size, bilinear, with a margin of half the box's height (white outside). */
function enlarged(page: GreyImage, box: Box): GreyImage {
  const pad = box.height * 0.5;
  const left = box.left - pad;
  const top = box.top - pad;
  const width = Math.max(1, Math.round((box.width + 2 * pad) * 2));
  const height = Math.max(1, Math.round((box.height + 2 * pad) * 2));
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      data[y * width + x] = bilinear(
        page.data,
        page.width,
        page.height,
        left + x / 2,
        top + y / 2,
        255,
      );
  return { width, height, data };
}

/**
 * Reads the prepared page; the words' boxes come back in the image's pixels. The page is kept
 * for confirmations until released (and released here if the reading fails).
 */
export async function readVisualZone(
  reader: PageReader,
  page: PreparedPage,
): Promise<VisualZoneReading> {
  const s = page.scale;
  const release = () => page.image.data.fill(0);
  let words: PageWord[];
  try {
    words = await reader.readPage(page.image);
  } catch (error) {
    release();
    throw error;
  }
  return {
    zone: {
      slot: 'documentFront',
      words: words.map((w) => ({
        ...w,
        box: {
          left: w.box.left * s,
          top: w.box.top * s,
          width: w.box.width * s,
          height: w.box.height * s,
        },
      })),
    },
    confirm: async (box) => {
      const crop = enlarged(page.image, {
        left: box.left / s,
        top: box.top / s,
        width: box.width / s,
        height: box.height / s,
      });
      try {
        return await reader.readTextLine(crop);
      } finally {
        crop.data.fill(0);
      }
    },
    release,
  };
}

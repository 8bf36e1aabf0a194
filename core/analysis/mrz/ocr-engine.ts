import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createWorker, OEM, PSM, type RecognizeOptions, type Worker } from 'tesseract.js';
import type { Box, GreyImage } from '../image/grey-image.ts';
import { toPgm } from '../image/grey-image.ts';
import { decodeGreyPng } from '../image/png-grey.ts';
import { ImageDecodeError } from '../image/decode-image.ts';

/**
 * The OCR engine (tesseract.js, WebAssembly) with the English LSTM model that ships in
 * `@tesseract.js-data/eng`: loaded from the installed package, gunzipped in memory, never
 * fetched and never cached (`cacheMethod: 'none'`). Images are always handed over as bytes,
 * never as a path or URL (tesseract.js would read or fetch a string).
 *
 * Besides reading text, the engine decodes JPEGs: its Leptonica build turns the bytes into a
 * greyscale raster without a native module or a further package. The checks ask it for every
 * image but the selfie and the front of a run that has both, and always for the zone's (the zone
 * reading was tuned on its pixels); those two are decoded once in JavaScript (decode-image.ts),
 * for the document checks and the face step alike.
 */

/** The only characters a machine-readable zone holds (ICAO 9303 part 3). */
export const MRZ_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<';

export interface OcrText {
  text: string;
  /** Tesseract's mean word confidence, 0–100. */
  confidence: number;
}

const require = createRequire(import.meta.url);

/**
 * tesseract.js passes any Tesseract parameter given with a recognize call through for that call
 * only (its types list just its own options): a zone line is read as one line of text.
 */
const SINGLE_LINE = {
  tessedit_pageseg_mode: PSM.SINGLE_LINE,
} as unknown as Partial<RecognizeOptions>;

/**
 * Set when the model loads: no word lists. A zone is not words, and the dictionaries pull runs
 * of fillers and name fragments towards English.
 */
const INIT_CONFIG = { load_system_dawg: '0', load_freq_dawg: '0' };

/** Folder of the integer-quantised LSTM model (2.9 MB, faster than the float one). */
export function englishModelDir(): string {
  return join(dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int');
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** A text line found by layout analysis: where it is and how many characters it holds. */
export interface LayoutLine {
  box: Box;
  symbols: number;
}

interface BBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

interface LayoutBlock {
  paragraphs?: { lines?: { bbox: BBox; words?: { symbols?: unknown[] }[] }[] }[];
}

export class OcrEngine {
  private readonly worker: Worker;

  private constructor(worker: Worker) {
    this.worker = worker;
  }

  static async start(): Promise<OcrEngine> {
    const worker = await createWorker(
      'eng',
      OEM.LSTM_ONLY,
      {
        langPath: englishModelDir(),
        cacheMethod: 'none',
        gzip: true,
        logger: () => {},
        errorHandler: () => {},
      },
      INIT_CONFIG,
    );
    await worker.setParameters({
      tessedit_char_whitelist: MRZ_ALPHABET,
      // A PGM carries no resolution; without one Tesseract guesses it on every image.
      user_defined_dpi: '300',
    });
    return new OcrEngine(worker);
  }

  /** JPEG (or any format Leptonica reads) → greyscale raster. Throws ImageDecodeError. */
  async decodeGrey(bytes: Uint8Array): Promise<GreyImage> {
    let png: string | null;
    try {
      const result = await this.worker.recognize(
        asBuffer(bytes),
        {},
        { text: false, blocks: false, hocr: false, tsv: false, imageGrey: true },
      );
      png = result.data.imageGrey;
    } catch (cause) {
      throw new ImageDecodeError('the image decoder refused the file', { cause });
    }
    if (!png) throw new ImageDecodeError('the image decoder returned no image');
    try {
      return decodeGreyPng(Buffer.from(png.slice(png.indexOf(',') + 1), 'base64'));
    } catch (cause) {
      throw new ImageDecodeError('the decoded image could not be read', { cause });
    }
  }

  /** The text lines layout analysis finds (boxes and character counts; no recognition). */
  async layoutLines(image: GreyImage): Promise<LayoutLine[]> {
    const pgm = toPgm(image);
    const result = await this.worker
      .recognize(
        asBuffer(pgm),
        {},
        { text: false, blocks: false, hocr: false, tsv: false, layoutBlocks: true },
      )
      .finally(() => pgm.fill(0));
    const blocks = (result.data as unknown as { layoutBlocks: LayoutBlock[] | null }).layoutBlocks;
    const lines: LayoutLine[] = [];
    for (const block of blocks ?? []) {
      for (const paragraph of block.paragraphs ?? []) {
        for (const line of paragraph.lines ?? []) {
          const { x0, y0, x1, y1 } = line.bbox;
          const symbols = (line.words ?? []).reduce((n, w) => n + (w.symbols?.length ?? 0), 0);
          lines.push({ box: { left: x0, top: y0, width: x1 - x0, height: y1 - y0 }, symbols });
        }
      }
    }
    return lines;
  }

  /** Reads one text line, restricted to the MRZ alphabet, with Tesseract's confidence. */
  async readLine(image: GreyImage): Promise<OcrText> {
    const pgm = toPgm(image);
    const result = await this.worker
      .recognize(asBuffer(pgm), SINGLE_LINE, { text: true, blocks: false, hocr: false, tsv: false })
      .finally(() => pgm.fill(0));
    return { text: result.data.text.replace(/\s+/g, ''), confidence: result.data.confidence };
  }

  async stop(): Promise<void> {
    await this.worker.terminate();
  }
}

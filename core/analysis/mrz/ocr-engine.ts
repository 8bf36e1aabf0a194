import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createWorker, OEM, PSM, type RecognizeOptions, type Worker } from 'tesseract.js';
import type { Box, GreyImage } from '../image/grey-image.ts';
import { toPgm } from '../image/grey-image.ts';
import { pixels } from '../image/raster-scope.ts';

/**
 * The OCR engine (tesseract.js, WebAssembly) with the English LSTM model that ships in
 * `@tesseract.js-data/eng`: loaded from the installed package, gunzipped in memory, never
 * fetched and never cached (`cacheMethod: 'none'`). Images are always handed over as bytes,
 * never as a path or URL (tesseract.js would read or fetch a string).
 *
 * It is given only what the zone reader cut and scaled from the grey rasters the decode stage
 * made (image/decode-image.ts), as uncompressed PGM bytes: the engine never decodes a JPEG and
 * never hands an image back (no full-size picture on its WebAssembly heap, no image as a
 * string), and Tesseract's own reading of the EXIF orientation never comes into play.
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

/** A word the page reading recognised: its text, Tesseract's confidence and where it is. */
export interface PageWord {
  text: string;
  confidence: number;
  box: Box;
  /** Words of one text line share this number. */
  line: number;
}

/**
 * Per-call parameters of a page reading: any character, sparse text (a card's fields
 * are scattered, not a column of prose).
 */
const PAGE_TEXT = {
  tessedit_char_whitelist: '',
  tessedit_pageseg_mode: PSM.SPARSE_TEXT,
} as unknown as Partial<RecognizeOptions>;

/** Per-call parameters of re-reading one printed value: any character, one line. */
const PRINTED_LINE = {
  tessedit_char_whitelist: '',
  tessedit_pageseg_mode: PSM.SINGLE_LINE,
} as unknown as Partial<RecognizeOptions>;

interface PageBlock {
  paragraphs?: {
    lines?: { words?: { text: string; confidence: number; bbox: BBox }[] }[];
  }[];
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

  /** The text lines layout analysis finds (boxes and character counts; no recognition). */
  async layoutLines(image: GreyImage): Promise<LayoutLine[]> {
    const pgm = pixels(toPgm(image));
    const result = await this.worker.recognize(
      asBuffer(pgm),
      {},
      { text: false, blocks: false, hocr: false, tsv: false, layoutBlocks: true },
    );
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
    const pgm = pixels(toPgm(image));
    const result = await this.worker.recognize(asBuffer(pgm), SINGLE_LINE, {
      text: true,
      blocks: false,
      hocr: false,
      tsv: false,
    });
    return { text: result.data.text.replace(/\s+/g, ''), confidence: result.data.confidence };
  }

  /** Reads the printed text of a whole page, word by word (the visual zone). */
  async readPage(image: GreyImage): Promise<PageWord[]> {
    const pgm = toPgm(image);
    const result = await this.worker
      .recognize(asBuffer(pgm), PAGE_TEXT, {
        text: false,
        blocks: true,
        hocr: false,
        tsv: false,
      })
      .finally(() => pgm.fill(0));
    const blocks = (result.data as unknown as { blocks: PageBlock[] | null }).blocks;
    const words: PageWord[] = [];
    let line = 0;
    for (const block of blocks ?? [])
      for (const paragraph of block.paragraphs ?? [])
        for (const row of paragraph.lines ?? []) {
          for (const word of row.words ?? []) {
            const { x0, y0, x1, y1 } = word.bbox;
            const text = word.text.trim();
            if (text !== '')
              words.push({
                text,
                confidence: word.confidence,
                box: { left: x0, top: y0, width: x1 - x0, height: y1 - y0 },
                line,
              });
          }
          line++;
        }
    return words;
  }

  /** Reads one printed line, any character (a value confirmed before `differs`). */
  async readTextLine(image: GreyImage): Promise<OcrText> {
    const pgm = toPgm(image);
    const result = await this.worker
      .recognize(asBuffer(pgm), PRINTED_LINE, {
        text: true,
        blocks: false,
        hocr: false,
        tsv: false,
      })
      .finally(() => pgm.fill(0));
    return { text: result.data.text.trim(), confidence: result.data.confidence };
  }

  async stop(): Promise<void> {
    await this.worker.terminate();
  }
}

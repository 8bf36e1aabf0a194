/** The part of opentype.js (which ships no types) that scripts/extract-ocr-b.ts uses. */
declare module 'opentype.js' {
  interface Path {
    toPathData(decimals: number): string;
    getBoundingBox(): { x1: number; y1: number; x2: number; y2: number };
  }
  interface Glyph {
    advanceWidth?: number;
    getPath(x: number, y: number, fontSize: number): Path;
  }
  interface Font {
    unitsPerEm: number;
    tables: Record<string, unknown>;
    charToGlyph(char: string): Glyph;
  }
  const opentype: { parse(buffer: ArrayBuffer): Font };
  export default opentype;
}

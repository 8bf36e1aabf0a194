import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkJpeg } from '../../core/documents/jpeg.ts';
import {
  findSegment,
  libjpegToolsPresent,
  photo,
  pnm,
  tool,
  type Segment,
} from './jpeg-reference.ts';

/**
 * Fuzzing the JPEG check with 10 000 mutated JPEGs (flipped bytes, changed lengths and markers,
 * cuts, insertions — weighted towards the marker segments, where the check does its work): it
 * never throws or hangs, and every file it accepts is one libjpeg-turbo decodes. Every accepted
 * file is decoded in process with sharp (libvips over libjpeg-turbo, failing on errors, not on
 * warnings), and with `djpeg` when sharp refuses it (libvips turns some warnings about concealed
 * scan damage into errors) and for one accepted file in 50 (a process per file is too slow for
 * all of them on a busy machine).
 */

if (!libjpegToolsPresent()) {
  throw new Error('djpeg/cjpeg/jpegtran are missing: install Debian libjpeg-turbo-progs');
}

interface Seed {
  bytes: Buffer;
  /** End of the first scan header: bytes before it are marker segments. */
  headerEnd: number;
}

const seeds: Seed[] = [];

beforeAll(async () => {
  const card = photo(40, 24);
  const ppm = await pnm(card);
  const files = [
    await card.clone().jpeg({ quality: 70 }).toBuffer(),
    await card.clone().jpeg({ progressive: true }).toBuffer(),
    await card.clone().jpeg().withMetadata({ orientation: 6 }).toBuffer(),
    tool('cjpeg', ['-restart', '1', '-sample', '1x1,1x1,1x1'], ppm),
    tool('cjpeg', ['-arithmetic', '-progressive'], ppm),
    tool('cjpeg', ['-grayscale', '-optimize'], await pnm(card, true)),
  ];
  for (const bytes of files) {
    const sos: Segment = findSegment(bytes, [0xda]);
    seeds.push({ bytes, headerEnd: sos.end });
  }
});

type Edit =
  | { kind: 'set'; at: number; header: boolean; value: number }
  | { kind: 'cut'; at: number }
  | { kind: 'insert'; at: number; header: boolean; data: Uint8Array };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('set' as const),
      at: fc.nat(),
      header: fc.boolean(),
      value: fc.oneof(
        fc.constantFrom(0x00, 0xff, 0xd9, 0xda, 0xc0, 0xc2, 0xc4, 0xdb, 0x01),
        fc.nat(255),
      ),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('insert' as const),
      at: fc.nat(),
      header: fc.boolean(),
      data: fc.uint8Array({ minLength: 1, maxLength: 8 }),
    }),
  },
);

/** Applies the edits; tells whether any of them touched the marker segments. */
function mutate(seed: Seed, edits: Edit[]): { bytes: Buffer; headerTouched: boolean } {
  let bytes = Buffer.from(seed.bytes);
  let headerTouched = false;
  for (const e of edits) {
    if (bytes.length === 0) break;
    const range =
      e.kind !== 'cut' && e.header ? Math.min(seed.headerEnd, bytes.length) : bytes.length;
    const at = e.at % range;
    if (at < seed.headerEnd) headerTouched = true;
    if (e.kind === 'set') bytes[at] = e.value;
    else if (e.kind === 'cut') bytes = bytes.subarray(0, at);
    else bytes = Buffer.concat([bytes.subarray(0, at), e.data, bytes.subarray(at)]);
  }
  return { bytes, headerTouched };
}

/** djpeg exits 0 (decoded) or 2 (decoded with warnings); 1 is a fatal error. */
function djpegDecodes(bytes: Uint8Array): boolean {
  const run = spawnSync('djpeg', ['-outfile', '/dev/null'], { input: bytes });
  return run.status === 0 || run.status === 2;
}

async function sharpDecodes(bytes: Uint8Array): Promise<boolean> {
  try {
    await sharp(bytes, { failOn: 'error', limitInputPixels: false }).raw().toBuffer();
    return true;
  } catch {
    return false;
  }
}

describe('fuzzing the JPEG check', () => {
  it('never throws, and every accepted mutant decodes (10 000 runs)', async () => {
    let accepted = 0;
    let headerMutants = 0;
    let crossChecked = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.nat(),
        fc.array(edit, { minLength: 1, maxLength: 4 }),
        async (pick, edits) => {
          const seed = seeds[pick % seeds.length];
          if (seed === undefined) throw new Error('no seeds');
          const { bytes, headerTouched } = mutate(seed, edits);
          const result = checkJpeg(bytes);
          if (!result.ok) return;
          accepted++;
          if (headerTouched) headerMutants++;
          // sharp first (fast, in process); where libvips is stricter than libjpeg-turbo about
          // concealed scan damage, djpeg — the reference — decides.
          const decodes = (await sharpDecodes(bytes)) || djpegDecodes(bytes);
          expect(decodes, 'an accepted file must decode').toBe(true);
          if (accepted % 50 === 0) {
            crossChecked++;
            expect(djpegDecodes(bytes), 'an accepted file must decode with djpeg').toBe(true);
          }
        },
      ),
      { numRuns: 10_000 },
    );
    // The run exercised acceptance of mutated headers, not only of damaged scan data.
    expect(headerMutants).toBeGreaterThan(100);
    expect(crossChecked).toBeGreaterThan(20);
  }, 300_000);
});

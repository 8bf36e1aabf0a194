import sharp from 'sharp';
import {
  findSegment,
  headerSegments,
  inserted,
  noise,
  patched,
  photo,
  pnm,
  removed,
  segmentBytes,
  SOF_MARKERS,
  tool,
} from './jpeg-reference.ts';

/**
 * A corpus built at test time (nothing large is committed): JPEGs as cameras, encoders and phones
 * make them, and hostile files for every way a check can be fooled. Each entry is only bytes and a
 * name; what the check must say about it is decided by the reference decoder, not here.
 */

export interface Specimen {
  name: string;
  bytes: Buffer;
}

const SOS = 0xda;

async function validVariants(): Promise<Specimen[]> {
  const card = photo(96, 64);
  const ppm = await pnm(card);
  const pgm = await pnm(card, true);
  const out: Specimen[] = [
    { name: 'sharp baseline 4:2:0', bytes: await card.clone().jpeg({ quality: 80 }).toBuffer() },
    {
      name: 'sharp 4:4:4',
      bytes: await card.clone().jpeg({ quality: 90, chromaSubsampling: '4:4:4' }).toBuffer(),
    },
    {
      name: 'sharp progressive',
      bytes: await card.clone().jpeg({ progressive: true }).toBuffer(),
    },
    {
      name: 'sharp mozjpeg (trellis, progressive)',
      bytes: await card.clone().jpeg({ mozjpeg: true }).toBuffer(),
    },
    { name: 'sharp ICC profile', bytes: await card.clone().jpeg().withIccProfile('p3').toBuffer() },
    {
      name: 'sharp grayscale',
      bytes: await card.clone().grayscale().jpeg().toBuffer(),
    },
    {
      name: 'sharp CMYK (Adobe APP14)',
      bytes: await card.clone().toColourspace('cmyk').jpeg().toBuffer(),
    },
    { name: 'cjpeg restart every row', bytes: tool('cjpeg', ['-restart', '1'], ppm) },
    { name: 'cjpeg restart every 3 blocks', bytes: tool('cjpeg', ['-restart', '3B'], ppm) },
    { name: 'cjpeg 4:2:0', bytes: tool('cjpeg', ['-sample', '2x2,1x1,1x1'], ppm) },
    { name: 'cjpeg 4:1:1', bytes: tool('cjpeg', ['-sample', '4x1,1x1,1x1'], ppm) },
    { name: 'cjpeg 4:2:2', bytes: tool('cjpeg', ['-sample', '2x1,1x1,1x1'], ppm) },
    { name: 'cjpeg 4:4:0', bytes: tool('cjpeg', ['-sample', '1x2,1x1,1x1'], ppm) },
    { name: 'cjpeg 4:4:4', bytes: tool('cjpeg', ['-sample', '1x1,1x1,1x1'], ppm) },
    { name: 'cjpeg grayscale', bytes: tool('cjpeg', ['-grayscale'], pgm) },
    { name: 'cjpeg RGB (no YCbCr)', bytes: tool('cjpeg', ['-rgb'], ppm) },
    { name: 'cjpeg optimized Huffman', bytes: tool('cjpeg', ['-optimize'], ppm) },
    { name: 'cjpeg arithmetic', bytes: tool('cjpeg', ['-arithmetic'], ppm) },
    {
      name: 'cjpeg arithmetic progressive',
      bytes: tool('cjpeg', ['-arithmetic', '-progressive'], ppm),
    },
    { name: 'cjpeg quality 100', bytes: tool('cjpeg', ['-quality', '100'], ppm) },
    { name: 'cjpeg 1×1', bytes: tool('cjpeg', [], Buffer.from('P6\n1 1\n255\n\x10\x20\x30')) },
  ];
  const baseline = out[0]?.bytes ?? Buffer.alloc(0);
  out.push({ name: 'jpegtran progressive', bytes: tool('jpegtran', ['-progressive'], baseline) });
  out.push({
    name: 'jpegtran restart markers',
    bytes: tool('jpegtran', ['-restart', '2'], baseline),
  });
  for (let orientation = 1; orientation <= 8; orientation++) {
    out.push({
      name: `EXIF orientation ${orientation}`,
      bytes: await photo(60, 40).jpeg().withMetadata({ orientation }).toBuffer(),
    });
  }
  const trailer = noise(250 * 1024, 1, 1, 7);
  trailer.write('\0\0\0\x18ftypmp42', 0, 'latin1');
  out.push({ name: 'motion-photo MP4 after EOI', bytes: Buffer.concat([baseline, trailer]) });
  out.push({ name: 'zero padding after EOI', bytes: Buffer.concat([baseline, Buffer.alloc(500)]) });
  out.push({ name: 'a second JPEG after EOI', bytes: Buffer.concat([baseline, baseline]) });
  out.push({
    name: 'ZIP after EOI (polyglot)',
    bytes: Buffer.concat([baseline, Buffer.from('PK\x03\x04' + 'x'.repeat(200), 'latin1')]),
  });
  out.push({
    name: '64 KB APP1 (XMP)',
    bytes: inserted(
      baseline,
      2,
      segmentBytes(
        0xe1,
        Buffer.concat([Buffer.from('http://ns.adobe.com/xap/1.0/\0'), noise(65_000, 1, 1)]),
      ),
    ),
  });
  out.push({
    name: 'APP2–APP15 and comments',
    bytes: inserted(
      baseline,
      2,
      Buffer.concat([
        ...Array.from({ length: 14 }, (_, k) => segmentBytes(0xe2 + k, noise(300, 1, 1, k))),
        segmentBytes(0xfe, Buffer.from('<script>alert(1)</script>')),
      ]),
    ),
  });
  out.push({
    name: 'fill bytes before markers',
    bytes: inserted(baseline, findSegment(baseline, SOF_MARKERS).start, Buffer.from([0xff, 0xff])),
  });
  const stdTables = tool('cjpeg', [], ppm);
  out.push({
    name: 'no DHT (standard Huffman tables)',
    bytes: headerSegments(stdTables)
      .filter((s) => s.marker === 0xc4)
      .reverse()
      .reduce((b, s) => removed(b, s.start, s.end), stdTables),
  });
  out.push({
    name: '20 MB high-quality photo',
    bytes: await sharp(noise(3200, 2100), { raw: { width: 3200, height: 2100, channels: 3 } })
      .jpeg({ quality: 100, chromaSubsampling: '4:4:4' })
      .toBuffer(),
  });
  return out;
}

/** Header-only bomb: a frame declaring `width`×`height`, one scan of a few bytes, EOI. */
function tinyBomb(template: Buffer, width: number, height: number): Buffer {
  const sof = findSegment(template, SOF_MARKERS);
  const sos = findSegment(template, [SOS]);
  const head = patched(template.subarray(0, sos.end), sof.start + 5, [
    height >> 8,
    height & 0xff,
    width >> 8,
    width & 0xff,
  ]);
  return Buffer.concat([head, Buffer.from([0x00, 0x00, 0x00, 0xff, 0xd9])]);
}

async function hostileVariants(): Promise<Specimen[]> {
  const card = photo(96, 64);
  const baseline = await card.clone().jpeg({ quality: 80 }).toBuffer();
  const progressive = await card.clone().jpeg({ progressive: true }).toBuffer();
  const sof = findSegment(baseline, SOF_MARKERS);
  const sos = findSegment(baseline, [SOS]);
  const firstProgressiveScan = findSegment(progressive, [SOS]);
  const eoiless = baseline.subarray(0, baseline.length - 2);
  const out: Specimen[] = [
    { name: 'empty', bytes: Buffer.alloc(0) },
    { name: 'PNG', bytes: await card.clone().png().toBuffer() },
    { name: 'HTML error page', bytes: Buffer.from('<!DOCTYPE html><p>403 Forbidden</p>') },
    { name: 'HTML then JPEG (polyglot)', bytes: Buffer.concat([Buffer.from('<html>'), baseline]) },
    { name: 'PDF header then JPEG', bytes: Buffer.concat([Buffer.from('%PDF-1.4\n'), baseline]) },
    { name: '450-byte bomb declaring 10000×10000', bytes: tinyBomb(baseline, 10_000, 10_000) },
    { name: 'bomb declaring 7000×7000 in a tiny file', bytes: tinyBomb(baseline, 7000, 7000) },
    { name: 'width 65535', bytes: tinyBomb(baseline, 65_535, 8) },
    {
      name: 'valid 7300×7300 grayscale (over 50 MP)',
      bytes: tool(
        'cjpeg',
        ['-grayscale', '-optimize', '-quality', '10'],
        Buffer.concat([Buffer.from('P5\n7300 7300\n255\n'), Buffer.alloc(7300 * 7300, 0x80)]),
      ),
    },
    {
      name: 'header without SOS',
      bytes: Buffer.concat([baseline.subarray(0, sos.start), Buffer.from([0xff, 0xd9])]),
    },
    {
      name: 'SOF then garbage then EOI',
      bytes: Buffer.concat([
        baseline.subarray(0, sof.end),
        noise(400, 1, 1, 3).map((b) => (b === 0xff ? 0 : b)),
        Buffer.from([0xff, 0xd9]),
      ]),
    },
    {
      name: 'two SOF markers',
      bytes: inserted(baseline, sof.end, baseline.subarray(sof.start, sof.end)),
    },
    { name: 'SOF3 lossless', bytes: patched(baseline, sof.start + 1, [0xc3]) },
    { name: 'SOF5 hierarchical', bytes: patched(baseline, sof.start + 1, [0xc5]) },
    {
      name: 'SOF15 lossless arithmetic hierarchical',
      bytes: patched(baseline, sof.start + 1, [0xcf]),
    },
    { name: 'JPG marker as frame', bytes: patched(baseline, sof.start + 1, [0xc8]) },
    { name: '12-bit precision', bytes: patched(baseline, sof.start + 4, [12]) },
    { name: 'SOF length past the end', bytes: patched(baseline, sof.start + 2, [0xff, 0xf0]) },
    { name: 'SOF length too short', bytes: patched(baseline, sof.start + 2, [0x00, 0x08]) },
    {
      name: 'progressive DC scan with Se = 5',
      bytes: patched(progressive, firstProgressiveScan.end - 2, [5]),
    },
    {
      name: 'progressive scan with Al = 14',
      bytes: patched(progressive, firstProgressiveScan.end - 1, [0x0e]),
    },
    { name: 'two components', bytes: patched(baseline, sof.start + 9, [2]) },
    { name: 'sampling factor 5', bytes: patched(baseline, sof.start + 11, [0x51]) },
    { name: 'fractional sampling 3×1 with 2×2', bytes: patched(baseline, sof.start + 14, [0x31]) },
    { name: 'undefined quantisation table', bytes: patched(baseline, sof.start + 12, [3]) },
    { name: 'scan names a missing component', bytes: patched(baseline, sos.start + 5, [0x09]) },
    { name: 'scan uses Huffman table 2', bytes: patched(baseline, sos.start + 6, [0x22]) },
    {
      name: 'DQT index 5',
      bytes: patched(baseline, findSegment(baseline, [0xdb]).start + 4, [0x05]),
    },
    {
      name: 'DHT count over 256',
      bytes: patched(baseline, findSegment(baseline, [0xc4]).start + 5, [0xff, 0xff]),
    },
    {
      name: 'unknown marker segment',
      bytes: inserted(baseline, sof.start, segmentBytes(0xf0, [1, 2, 3])),
    },
    {
      name: 'stray bytes between segments',
      bytes: inserted(baseline, sof.start, Buffer.from([1, 2])),
    },
    {
      name: 'restart interval of wrong length',
      bytes: inserted(baseline, sof.start, segmentBytes(0xdd, [0, 1, 0])),
    },
    { name: 'second SOI', bytes: inserted(baseline, sof.start, Buffer.from([0xff, 0xd8])) },
    { name: 'no EOI', bytes: Buffer.from(eoiless) },
  ];
  for (const [label, source] of [
    ['baseline', baseline],
    ['progressive', progressive],
  ] as const) {
    const cuts = new Set<number>([1, 2, 3, 4, 20, 100, 200, 400]);
    for (let k = 1; k <= 12; k++) cuts.add(Math.floor((source.length * k) / 13));
    cuts.add(source.length - 1);
    for (const cut of [...cuts].filter((c) => c < source.length).sort((a, b) => a - b)) {
      out.push({
        name: `${label} truncated at ${cut}`,
        bytes: Buffer.from(source.subarray(0, cut)),
      });
    }
  }
  return out;
}

export async function buildCorpus(): Promise<{ valid: Specimen[]; hostile: Specimen[] }> {
  return { valid: await validVariants(), hostile: await hostileVariants() };
}

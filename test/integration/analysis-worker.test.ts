import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisReport } from '../../shared/analysis.ts';
import type { AnalysisInput } from '../../core/analysis/analyze.ts';
import { AnalysisError, AnalysisRunner } from '../../core/analysis/process/runner.ts';
import { checkJpeg } from '../../core/documents/jpeg.ts';
import { naturalPersonFor, type Persona } from '../../demo/personas.ts';
import { isFaceComparison } from '../../shared/face-match.ts';
import { RegistrySchema } from '../../shared/ipc.ts';
import {
  getSpecimens,
  getTurnedSelfie,
  type Specimen,
  type SpecimenImage,
} from '../../demo/specimens.ts';

/**
 * The analysis worker on the demo's SPECIMEN documents: the real OCR engine and model, the real
 * JPEGs the demo serves. One worker serves every case (loading the engine is the slow part).
 */

let runner: AnalysisRunner;
let specimens: Record<SpecimenImage, Specimen>;
let turnedSelfie: Specimen;
const SESSION = '2024-01-15T10:30:00.000Z';
const NOW = '2026-11-29T12:00:00.000Z';

beforeAll(async () => {
  runner = new AnalysisRunner();
  specimens = await getSpecimens();
  turnedSelfie = await getTurnedSelfie();
  await runner.ready;
}, 120_000);
afterAll(async () => {
  await runner.dispose();
});

/** The demo registry record, as the API client parses it. */
function registryOf(persona: Persona) {
  return RegistrySchema.nullable().parse(naturalPersonFor(persona));
}

function input(
  images: Partial<AnalysisInput['images']>,
  extra: Partial<AnalysisInput> = {},
): AnalysisInput {
  return {
    images: { documentFront: null, documentBack: null, face: null, ...images },
    sessionDate: SESSION,
    now: NOW,
    ...extra,
  };
}

function read(report: AnalysisReport) {
  if (report.mrz.status !== 'read') throw new Error(`MRZ not read: ${report.mrz.detail}`);
  return report.mrz;
}

describe('analysis worker on the demo specimens', () => {
  it('ID card: reads the TD1 zone on the back exactly, every check digit holds, the registry agrees', async () => {
    const report = await runner.analyze(
      input(
        {
          documentFront: specimens.documentFront.bytes,
          documentBack: specimens.documentBack.bytes,
          face: specimens.face.bytes,
        },
        { registry: registryOf('full') },
      ),
    );
    const mrz = read(report);
    expect(mrz.slot).toBe('documentBack');
    expect(mrz.format).toBe('TD1');
    expect(mrz.lines).toEqual([
      'IDUTOSPC0000014<<<<<<<<<<<<<<<',
      '9001011<3401158UTO<<<<<<<<<<<4',
      'SPECIMEN<<ALEX<SPECIMEN<<<<<<<',
    ]);
    expect(mrz.fields['documentNumber']?.value).toBe('SPC000001');
    expect(mrz.fields['firstName']?.value).toBe('ALEX SPECIMEN');
    expect(mrz.checkDigits).toEqual({
      documentNumber: true,
      birthDate: true,
      expirationDate: true,
      composite: true,
    });
    // The box lies on the zone's band at the bottom of the card (y 700–1060 of 1140).
    expect(mrz.box.top).toBeGreaterThan(690);
    expect(mrz.box.top + mrz.box.height).toBeLessThan(1070);
    expect(mrz.confidence).toBeGreaterThan(0);
    expect(report.document).toMatchObject({
      status: 'known',
      type: 'id_card',
      issuingCountry: { code: 'UTO', name: 'Utopia' },
      expiry: { status: 'known', date: '2034-01-15', today: 'valid', atSession: 'valid' },
      backMissing: false,
    });
    expect(report.registry.status).toBe('compared');
    if (report.registry.status === 'compared') {
      expect(report.registry.items.map((i) => [i.field, i.verdict])).toEqual([
        ['name', 'agrees'],
        ['birthDate', 'agrees'],
        ['sex', 'agrees'],
        ['nationality', 'agrees'],
      ]);
    }
    for (const slot of ['documentFront', 'documentBack', 'face'] as const) {
      expect(report.images[slot]?.quality).toMatchObject({
        status: 'measured',
        sharpness: { verdict: 'sharp' },
      });
      expect(report.images[slot]?.metadata).toMatchObject({
        status: 'read',
        gps: false,
        editedWith: null,
      });
    }
  }, 120_000);

  it('passport: reads the TD3 zone of the data page', async () => {
    const report = await runner.analyze(
      input(
        { documentFront: specimens.passportPage.bytes, face: specimens.face.bytes },
        { registry: registryOf('passport') },
      ),
    );
    const mrz = read(report);
    expect(mrz.slot).toBe('documentFront');
    expect(mrz.format).toBe('TD3');
    expect(mrz.fields['documentNumber']?.value).toBe('SPP000002');
    expect(mrz.fields['lastName']?.value).toBe('SPECIMEN');
    expect(mrz.fields['firstName']?.value).toBe('PAT SPECIMEN');
    expect(mrz.fields['expirationDate']?.raw).toBe('340301');
    expect(mrz.checkDigitsValid).toBe(true);
    expect(report.document).toMatchObject({ type: 'passport', backMissing: false });
  }, 120_000);
});

describe('bad input: a specific "cannot tell", never a crash, never a false "agrees"', () => {
  it('an ID card without its back: no MRZ, and why', async () => {
    const report = await runner.analyze(
      input({ documentFront: specimens.documentFront.bytes }, { registry: registryOf('full') }),
    );
    expect(report.mrz).toMatchObject({ status: 'cannot_tell', reason: 'no_mrz' });
    expect(report.mrz).toMatchObject({ detail: 'back_not_provided' });
    expect(report.registry).toMatchObject({
      status: 'cannot_tell',
      reason: 'no_mrz',
      detail: 'nothing_to_compare',
    });
    expect(report.document.status).toBe('cannot_tell');
  }, 120_000);

  it('an image the decoder refuses', async () => {
    const report = await runner.analyze(
      input({
        documentFront: specimens.documentFront.bytes,
        documentBack: new TextEncoder().encode('<html>not an image</html>'),
      }),
    );
    expect(report.images.documentBack).toEqual({
      quality: { status: 'cannot_tell', reason: 'image_not_decodable' },
      metadata: { status: 'cannot_tell', reason: 'image_not_decodable' },
    });
    expect(report.mrz).toMatchObject({ status: 'cannot_tell', reason: 'image_not_decodable' });
  }, 120_000);

  it('a zone too blurred to read is not read, and the capture is called blurred', async () => {
    const blurred = await sharp(specimens.documentBack.bytes)
      .blur(14)
      .jpeg({ quality: 80 })
      .toBuffer();
    const report = await runner.analyze(
      input({ documentBack: new Uint8Array(blurred) }, { registry: registryOf('full') }),
    );
    expect(report.mrz.status).toBe('cannot_tell');
    expect(['mrz_unreadable', 'no_mrz']).toContain(
      report.mrz.status === 'cannot_tell' ? report.mrz.reason : null,
    );
    expect(report.registry.status).toBe('cannot_tell');
    expect(report.images.documentBack?.quality).toMatchObject({
      sharpness: { verdict: 'blurred' },
    });
  }, 120_000);

  it('a cancelled run rejects as cancelled, and the worker goes on serving', async () => {
    const controller = new AbortController();
    const run = runner.analyze(input({ documentBack: specimens.documentBack.bytes }), {
      signal: controller.signal,
    });
    controller.abort();
    await expect(run).rejects.toMatchObject({ name: 'AnalysisError', reason: 'cancelled' });
    const next = await runner.analyze(input({ face: specimens.face.bytes }));
    expect(next.images.face?.quality.status).toBe('measured');
  }, 120_000);

  it('the caller keeps its bytes: the worker works on a copy', async () => {
    const mine = new Uint8Array(specimens.face.bytes);
    await runner.analyze(input({ face: mine }));
    expect(Buffer.from(mine).equals(specimens.face.bytes)).toBe(true);
  }, 120_000);
});

/**
 * Every typed array, and every array of more than 16 numbers, anywhere in a value: what an
 * embedding or a crop's pixels would look like had one crossed the process boundary. The one
 * long list of numbers a report carries is the zone's per-character confidence: one integer
 * 0–100 per printed character of a line (`mrz.characters[i].confidence`), nothing of a face.
 */
const CONFIDENCE_PATH = /^report\.mrz\.characters\[\d\]\.confidence$/;

function bulkyNumbers(value: unknown, path = 'report'): string[] {
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return [path];
  if (Array.isArray(value)) {
    const confidence =
      CONFIDENCE_PATH.test(path) &&
      value.length <= 44 &&
      value.every((v) => Number.isInteger(v) && v >= 0 && v <= 100);
    if (!confidence && value.length > 16 && value.every((v) => typeof v === 'number'))
      return [path];
    return value.flatMap((v, i) => bulkyNumbers(v, `${path}[${i}]`));
  }
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([k, v]) => bulkyNumbers(v, `${path}.${k}`));
  }
  return [];
}

describe('face comparison in the worker: the selfie against the portrait on the front', () => {
  it('full: the card holder\'s selfie reads "likely the same person", with boxes and crops, and no embedding', async () => {
    const report = await runner.analyze(
      input({
        documentFront: specimens.documentFront.bytes,
        documentBack: specimens.documentBack.bytes,
        face: specimens.face.bytes,
      }),
    );
    expect(report.face).toMatchObject({ band: 'same', model: expect.stringMatching(/face-api/) });
    const face = report.face;
    if (!isFaceComparison(face) || face.score === null) throw new Error('no score');
    expect(face.score).toBeGreaterThanOrEqual(0.5);
    expect(face.reason).toBeUndefined();
    // The portrait sits in its frame on the card's left (x 130–550, y 280–830 of 1800 × 1140).
    const portrait = face.portraitFace?.box;
    expect(portrait?.left).toBeGreaterThan(130);
    expect((portrait?.left ?? 0) + (portrait?.width ?? 0)).toBeLessThan(550);
    expect(portrait?.top).toBeGreaterThan(280);
    expect(face.crops.selfie?.outputSize).toBe(face.crops.portrait?.outputSize);
    expect(bulkyNumbers(report)).toEqual([]);
  }, 120_000);

  it('passport: the data page is the front; portrait persona: the selfie stored on its side is turned upright first', async () => {
    for (const selfie of [specimens.face.bytes, turnedSelfie.bytes]) {
      // The orientation is the loader's reading of the file (core/documents/jpeg.ts), as in the app.
      const read = checkJpeg(selfie);
      expect(read.ok && read.orientation).toBe(selfie === turnedSelfie.bytes ? 6 : 1);
      const report = await runner.analyze(
        input(
          { documentFront: specimens.passportPage.bytes, face: selfie },
          { orientations: { face: read.ok ? read.orientation : 1 } },
        ),
      );
      expect(report.face).toMatchObject({ band: 'same' });
    }
  }, 120_000);

  it('impostor: someone else\'s selfie reads "likely different people"', async () => {
    const report = await runner.analyze(
      input({
        documentFront: specimens.documentFront.bytes,
        documentBack: specimens.documentBack.bytes,
        face: specimens.impostorSelfie.bytes,
      }),
    );
    expect(report.face).toMatchObject({ band: 'different' });
    expect(isFaceComparison(report.face) && report.face.score).toBeLessThan(0.4);
    expect(bulkyNumbers(report)).toEqual([]);
  }, 120_000);

  it('a selfie with no face: "cannot tell", and why; the document checks still report', async () => {
    const blank = await sharp({
      create: { width: 600, height: 800, channels: 3, background: '#8a7f70' },
    })
      .jpeg()
      .toBuffer();
    const report = await runner.analyze(
      input({ documentFront: specimens.documentFront.bytes, face: new Uint8Array(blank) }),
    );
    expect(report.face).toMatchObject({
      score: null,
      band: 'cannot-tell',
      reason: 'no-face-in-selfie',
      selfieFace: null,
    });
    expect(report.images.documentFront?.quality.status).toBe('measured');
  }, 120_000);

  it('without a document front there is nothing to compare: no face finding', async () => {
    const report = await runner.analyze(
      input({ documentBack: specimens.documentBack.bytes, face: specimens.face.bytes }),
    );
    expect(report.face).toBeUndefined();
  }, 120_000);

  it('a cancelled face run rejects as cancelled, and the next comparison is made', async () => {
    const controller = new AbortController();
    const images = {
      documentFront: specimens.documentFront.bytes,
      face: specimens.impostorSelfie.bytes,
    };
    const run = runner.analyze(input(images), { signal: controller.signal });
    controller.abort();
    await expect(run).rejects.toMatchObject({ name: 'AnalysisError', reason: 'cancelled' });
    const next = await runner.analyze(input(images));
    expect(isFaceComparison(next.face) && next.face.band).toBe('different');
  }, 120_000);
});

it('after dispose, a run is refused', async () => {
  const short = new AnalysisRunner();
  await short.ready;
  await short.dispose();
  await expect(short.analyze(input({ face: specimens.face.bytes }))).rejects.toBeInstanceOf(
    AnalysisError,
  );
}, 120_000);

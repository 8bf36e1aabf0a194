import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisReport } from '../../shared/analysis.ts';
import { AnalysisRunner } from '../../core/analysis/process/runner.ts';
import { PERSONA_PROFILES, naturalPersonFor, type Persona } from '../../demo/personas.ts';
import {
  getPortraitPassport,
  getReviewSpecimens,
  getSpecimens,
  getTurnedSelfie,
  reviewZone,
} from '../../demo/specimens.ts';
import { RegistrySchema } from '../../shared/ipc.ts';

/**
 * The demo personas through the real analysis worker, with the images the demo backend serves
 * for each, its registry record and its session date: each review-assist persona yields its
 * finding, and no persona gets a "differs" its story does not call for.
 */

const NOW = '2026-11-29T12:00:00.000Z';
let runner: AnalysisRunner;

beforeAll(async () => {
  runner = new AnalysisRunner();
  await runner.ready;
}, 120_000);
afterAll(async () => {
  await runner.dispose();
});

async function imagesOf(persona: Persona) {
  const shared = await getSpecimens();
  switch (persona) {
    case 'full':
      return { front: shared.documentFront, back: shared.documentBack, face: shared.face };
    case 'passport':
      return { front: shared.passportPage, back: null, face: shared.face };
    case 'portrait':
      return { front: await getPortraitPassport(), back: null, face: await getTurnedSelfie() };
    case 'expired':
    case 'renamed':
    case 'checkdigit':
    case 'edited':
    case 'blurred':
    case 'upsidedown':
    case 'tilted': {
      const card = await getReviewSpecimens(persona);
      return { front: card.documentFront, back: card.documentBack, face: shared.face };
    }
    default:
      throw new Error(`${persona} has no documents to check`);
  }
}

async function check(persona: Persona): Promise<AnalysisReport> {
  const images = await imagesOf(persona);
  return runner.analyze({
    images: {
      documentFront: images.front.bytes,
      documentBack: images.back?.bytes ?? null,
      face: images.face.bytes,
    },
    sessionDate: PERSONA_PROFILES[persona].session?.date ?? null,
    registry: RegistrySchema.nullable().parse(naturalPersonFor(persona)),
    now: NOW,
  });
}

function read(report: AnalysisReport) {
  if (report.mrz.status !== 'read') throw new Error(`MRZ not read: ${report.mrz.detail}`);
  return report.mrz;
}

function verdicts(report: AnalysisReport) {
  if (report.registry.status !== 'compared') throw new Error('registry not compared');
  return Object.fromEntries(report.registry.items.map((i) => [i.field, i]));
}

describe('review-assist personas', () => {
  it('expired: the card expired on 10 Jan 2024 — expired today, within 90 days at the session', async () => {
    const report = await check('expired');
    expect(read(report).checkDigitsValid).toBe(true);
    expect(report.document).toMatchObject({
      status: 'known',
      type: 'id_card',
      expiry: {
        status: 'known',
        date: '2024-01-10',
        today: 'expired',
        atSession: 'expires_within_90_days',
      },
    });
    expect(Object.values(verdicts(report)).map((i) => i.verdict)).not.toContain('differs');
  }, 120_000);

  it('renamed: the name differs from the registry, both values shown; the rest agrees', async () => {
    const report = await check('renamed');
    expect(read(report).fields['lastName']?.value).toBe('EXAMPLE');
    const items = verdicts(report);
    expect(items['name']).toMatchObject({
      verdict: 'differs',
      document: 'KAI SPECIMEN EXAMPLE',
      registry: 'Kai SPECIMEN SPECIMEN',
    });
    expect(items['birthDate']?.verdict).toBe('agrees');
    expect(items['sex']?.verdict).toBe('agrees');
    expect(items['nationality']?.verdict).toBe('agrees');
  }, 120_000);

  it('checkdigit: the birth date digit and the composite fail, and nothing repairs them', async () => {
    const report = await check('checkdigit');
    const mrz = read(report);
    expect(mrz.lines).toEqual(reviewZone('checkdigit'));
    expect(mrz.checkDigits).toEqual({
      documentNumber: true,
      birthDate: false,
      expirationDate: true,
      composite: false,
    });
    expect(mrz.checkDigitsValid).toBe(false);
    // Line 2, column 7 holds the printed (wrong) digit: no correction touches it.
    expect(mrz.corrections.filter((c) => c.line === 1 && c.column === 6)).toEqual([]);
  }, 120_000);

  it('edited: the front names its editor and carries GPS; the other images do not', async () => {
    const report = await check('edited');
    expect(report.images.documentFront?.metadata).toMatchObject({
      status: 'read',
      editedWith: 'photoshop',
      gps: true,
    });
    for (const slot of ['documentBack', 'face'] as const)
      expect(report.images[slot]?.metadata).toMatchObject({ editedWith: null, gps: false });
    expect(Object.values(verdicts(report)).map((i) => i.verdict)).not.toContain('differs');
  }, 120_000);

  it.each([
    { persona: 'upsidedown', turn: 180, angle: 182 },
    { persona: 'tilted', turn: 0, angle: 25 },
  ] as const)(
    '$persona: the back photographed on a table, turned $angle°, is found and read as printed',
    async ({ persona, turn, angle }) => {
      const report = await check(persona);
      const mrz = read(report);
      expect(mrz.slot).toBe('documentBack');
      expect(mrz.lines).toEqual(reviewZone(persona));
      expect(mrz.checkDigitsValid).toBe(true);
      expect(mrz.document?.found).toBe('outline');
      expect(mrz.document?.turn).toBe(turn);
      const measured = mrz.document?.angle ?? NaN;
      expect(Math.abs(((measured - angle + 540) % 360) - 180)).toBeLessThan(2);
      expect(Object.values(verdicts(report)).map((i) => i.verdict)).not.toContain('differs');
    },
    120_000,
  );

  it('blurred: the front is called blurred with strong glare; the zone on the back is still read', async () => {
    const report = await check('blurred');
    expect(report.images.documentFront?.quality).toMatchObject({
      status: 'measured',
      sharpness: { verdict: 'blurred' },
      glare: { verdict: 'strong' },
    });
    expect(report.images.documentBack?.quality).toMatchObject({
      sharpness: { verdict: 'sharp' },
      glare: { verdict: 'none' },
    });
    expect(read(report).checkDigitsValid).toBe(true);
    expect(Object.values(verdicts(report)).map((i) => i.verdict)).not.toContain('differs');
  }, 120_000);
});

describe('the other personas with documents: no false "differs"', () => {
  it.each(['full', 'passport', 'portrait'] as const)(
    '%s: the zone reads with every digit holding, and the registry agrees on every field',
    async (persona) => {
      const report = await check(persona);
      expect(read(report).checkDigitsValid).toBe(true);
      expect(Object.values(verdicts(report)).map((i) => i.verdict)).toEqual([
        'agrees',
        'agrees',
        'agrees',
        'agrees',
      ]);
    },
    120_000,
  );
});

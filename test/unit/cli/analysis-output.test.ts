import { describe, expect, it } from 'vitest';
import { analysisLines, faceLines } from '../../../cli/commands/analysis-output.ts';
import { STRINGS } from '../../../cli/i18n/index.ts';
import { en } from '../../../shared/i18n/en.ts';
import { TOLD_REPORT, UNTOLD_REPORT } from '../../fixtures/analysis-report.ts';
import { AnalysisReportSchema, cannotTell, type AnalysisReport } from '../../../shared/analysis.ts';
import {
  FACE_MATCH_CALIBRATION,
  FACE_TURNED_OFF,
  type FaceComparison,
  type FaceFindingResult,
} from '../../../shared/face-match.ts';

/** The face block of `idlens check --analyze`, in both languages. */

const SAME: FaceComparison = {
  score: 0.7134,
  band: 'same',
  selfieFace: { box: { left: 1, top: 2, width: 100, height: 120 }, confidence: 0.987 },
  portraitFace: { box: { left: 60, top: 150, width: 90, height: 110 }, confidence: 0.91 },
  crops: {
    selfie: { centerX: 50, centerY: 60, size: 150, angleDegrees: 1.5, outputSize: 150 },
    portrait: { centerX: 100, centerY: 200, size: 130, angleDegrees: -3, outputSize: 150 },
  },
  model: 'model X',
};

const NO_FACE: FaceComparison = {
  score: null,
  band: 'cannot-tell',
  reason: 'no-face-in-selfie',
  selfieFace: null,
  portraitFace: SAME.portraitFace,
  crops: { selfie: null, portrait: null },
  model: 'model X',
};

function report(face?: FaceFindingResult): AnalysisReport {
  const none = cannotTell('no_mrz');
  return AnalysisReportSchema.parse({
    ranOn: 'this-computer',
    images: { documentFront: null, documentBack: null, face: null },
    mrz: none,
    document: none,
    registry: cannotTell('no_registry', 'registry_not_requested'),
    ...(face && { face }),
  });
}

describe('the face block of check --analyze', () => {
  it('English: the band, the score, the detector confidence, the model, its measured rates, and what it cannot detect', () => {
    const text = faceLines(SAME, 'en', STRINGS.en).join('\n');
    expect(text).toMatch(/^ {2}face: +Likely the same person — Similarity 0\.71 \(0 to 1\)$/m);
    expect(text).toContain('selfie 99%, document 91%');
    expect(text).toContain('computed on this computer by model X');
    expect(text).toContain(`On ${FACE_MATCH_CALIBRATION.measured.genuinePairs} same-person`);
    expect(text).toContain('0.6%'); // the measured false-accept rate
    expect(text).toContain('It does not detect presentation attacks');
  });

  it('Spanish: the same facts, no English sentence left', () => {
    const text = faceLines(SAME, 'es', STRINGS.es).join('\n');
    expect(text).toMatch(/^ {2}rostro: +Probablemente la misma persona — Similitud 0\.71/m);
    expect(text).toContain('calculado en este equipo con model X');
    expect(text).toContain('No detecta ataques de presentación');
    expect(text).not.toMatch(/Likely|Similarity|does not detect|computed on/);
  });

  it('a face found with the picture turned says so, in each language', () => {
    const turned: FaceComparison = {
      ...SAME,
      selfieFace: { box: { left: 1, top: 2, width: 100, height: 120 }, confidence: 0.98, turn: 90 },
    };
    expect(faceLines(turned, 'en', STRINGS.en).join('\n')).toContain(
      'The face in the selfie was found with the picture turned 90° clockwise',
    );
    expect(faceLines(turned, 'es', STRINGS.es).join('\n')).toContain(
      'El rostro de la selfi se encontró con la imagen girada 90° en sentido horario',
    );
    expect(faceLines(SAME, 'en', STRINGS.en).join('\n')).not.toContain('turned');
  });

  it('"cannot tell" gives its reason, in words and as its code', () => {
    const en = faceLines(NO_FACE, 'en', STRINGS.en).join('\n');
    expect(en).toContain('Cannot tell — No face was found in the selfie. (no-face-in-selfie)');
    expect(en).toContain('selfie none, document 91%');
    expect(faceLines(NO_FACE, 'es', STRINGS.es).join('\n')).toContain(
      'No se puede saber — No se encontró ningún rostro en la selfi. (no-face-in-selfie)',
    );
  });

  it('--no-face: the face line says it was not run by choice, with no model, score or rates', () => {
    const en = analysisLines(report(FACE_TURNED_OFF), 'en', STRINGS.en).join('\n');
    expect(en).toMatch(/^ {2}face: +not run — left out with --no-face \(documents only\)$/m);
    expect(en).not.toMatch(/Similarity|Cannot tell|computed on this computer by/);
    const es = analysisLines(report(FACE_TURNED_OFF), 'es', STRINGS.es).join('\n');
    expect(es).toMatch(/^ {2}rostro: +no se ejecutó — omitida con --no-face \(solo documentos\)$/m);
  });

  it('the checks block carries the face block only when the report has a comparison', () => {
    expect(analysisLines(report(SAME), 'en', STRINGS.en).join('\n')).toContain(
      'Likely the same person',
    );
    expect(analysisLines(report(), 'en', STRINGS.en).join('\n')).not.toMatch(/^ {2}face:/m);
  });
});

const SAMPLE = '\u27e8x\u27e9';

/** The fixed parts of every text in a part of the catalogue. */
function fixedParts(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'function') {
    const text = (value as (...args: unknown[]) => unknown)(SAMPLE, SAMPLE, SAMPLE);
    return typeof text === 'string' ? text.split(SAMPLE) : [];
  }
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(fixedParts);
  return [];
}

describe('the checks block of check --analyze speaks the run’s language', () => {
  const english = [en.checks.notes, en.checks.details, en.checks.agreement, en.cli.analysis]
    .flatMap(fixedParts)
    .map((part) => part.trim())
    // Phrases, not single words ("document" is in "documento").
    .filter((part) => part.length >= 8 && part.includes(' '));

  it('English: the notes, details and verdicts from the report’s codes, in words', () => {
    const text = [
      ...analysisLines(TOLD_REPORT, 'en', STRINGS.en),
      ...analysisLines(UNTOLD_REPORT, 'en', STRINGS.en),
    ].join('\n');
    expect(text).toContain('The file names an image editor (Adobe Photoshop 25.0).');
    expect(text).toContain('Glare hides 12% of the image');
    expect(text).toContain('The embedded thumbnail shows a different picture');
    expect(text).toContain('The MRZ sex could not be read. (mrz_field_missing)');
    expect(text).toMatch(
      /registry: +cannot tell — Registry data was not available .*\(no_registry\)/,
    );
    expect(text).toContain('identity card, issued by Utopia (UTO)');
  });

  it('Spanish: the same findings, and no English sentence of the catalogue left', () => {
    const text = [
      ...analysisLines(TOLD_REPORT, 'es', STRINGS.es),
      ...analysisLines(UNTOLD_REPORT, 'es', STRINGS.es),
    ].join('\n');
    expect(text).toContain('El archivo nombra un editor de imágenes (Adobe Photoshop 25.0).');
    expect(text).toMatch(/Los reflejos ocultan el 12\s?% de la imagen/);
    expect(text).toContain('cédula de identidad, emitido por Utopia (UTO)');
    expect(text).toMatch(/registro: +no se puede saber — No había datos del registro/);
    for (const part of english) {
      const whole = new RegExp(`${part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\p{L})`, 'u');
      expect(text, part).not.toMatch(whole);
    }
  });
});

describe('the zone block of check --analyze on a phone capture', () => {
  it('says where the document was found and the turn it was read at; the JSON keeps both', () => {
    const base = report();
    const lines = [
      'I<UTOD231458907<<<<<<<<<<<<<<<',
      '7408122F1204159UTO<<<<<<<<<<<6',
      'ERIKSSON<<ANNA<MARIA<<<<<<<<<<',
    ];
    const withZone = AnalysisReportSchema.parse({
      ...base,
      mrz: {
        status: 'read',
        slot: 'documentBack',
        format: 'TD1',
        lines,
        box: { left: 10, top: 20, width: 300, height: 60 },
        confidence: 90,
        fields: {},
        checkDigits: { documentNumber: true },
        checkDigitsValid: true,
        corrections: [{ line: 1, column: 3, from: 'X', to: '8', cause: 'glare' }],
        characters: lines.map((l) => ({
          confidence: Array.from(l, () => 100),
          runnerUp: '?'.repeat(l.length),
        })),
        document: {
          corners: [
            { x: 900.4, y: 600 },
            { x: 100, y: 580 },
            { x: 110, y: 50 },
            { x: 910, y: 70 },
          ],
          turn: 180,
          angle: 181.4,
          found: 'outline',
        },
      },
    });
    const text = analysisLines(withZone, 'en', STRINGS.en).join('\n');
    expect(text).toContain('found in the photo, turned 181.4°, read turned back by 180°');
    expect(text).toContain('(900, 600) (100, 580) (110, 50) (910, 70)');
    const json = JSON.parse(JSON.stringify(withZone)) as AnalysisReport;
    expect(json.mrz.status === 'read' && json.mrz.document?.turn).toBe(180);
    expect(json.mrz.status === 'read' && json.mrz.characters?.[0]?.confidence.length).toBe(30);
    expect(json.mrz.status === 'read' && json.mrz.corrections[0]?.cause).toBe('glare');
  });
});

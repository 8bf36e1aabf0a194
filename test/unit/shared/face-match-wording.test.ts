import { describe, expect, it } from 'vitest';
import { FACE_MATCH_CALIBRATION } from '../../../shared/face-match.ts';
import { DICTIONARIES, faceMatchAid } from '../../../shared/i18n/index.ts';

describe('what the reviewer reads about a face comparison', () => {
  it('calls the score an aid and names the model and the measured error rates, in English', () => {
    const text = faceMatchAid(DICTIONARIES.en);
    expect(text).toMatch(/^An aid, not a verdict/);
    expect(text).toContain(FACE_MATCH_CALIBRATION.model);
    expect(text).toContain(String(FACE_MATCH_CALIBRATION.measured.genuinePairs));
    expect(text).toContain(String(FACE_MATCH_CALIBRATION.measured.impostorPairs));
    // The rates with the counts behind them: 7 of 1121 impostor pairs, none of 55 genuine ones.
    expect(text).toContain('0.6% (7 of 1121)');
    expect(text).toContain('0% (0 of 55)');
  });

  it('says the same in Spanish, with Spanish number formatting', () => {
    const text = faceMatchAid(DICTIONARIES.es);
    expect(text).toMatch(/^Una ayuda, no un veredicto/);
    expect(text).toContain(FACE_MATCH_CALIBRATION.model);
    expect(text).toMatch(/0,6\s?% \(7 de 1121\)/);
    expect(text).toMatch(/0\s?% \(0 de 55\)/);
  });

  it('says in both languages that it does not detect presentation attacks', () => {
    expect(DICTIONARIES.en.faceMatch.notLiveness).toMatch(/mask.*screen.*printed photo/);
    expect(DICTIONARIES.es.faceMatch.notLiveness).toMatch(/máscara.*pantalla.*foto impresa/);
  });
});

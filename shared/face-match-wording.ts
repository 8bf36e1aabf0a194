import { FACE_MATCH_CALIBRATION, type FaceMatchBand, type FaceMatchReason } from './face-match.ts';

/**
 * What the UI and the CLI say about a face comparison, in English and Spanish. Honest by
 * construction: every reading is called an aid, names the model, gives the error rates measured
 * on synthetic pairs, and says what the score cannot detect. Typed records: a new band or reason
 * without words in both languages does not compile.
 */
export interface FaceMatchWording {
  heading: string;
  bands: Record<FaceMatchBand, string>;
  reasons: Record<FaceMatchReason, string>;
  /** Shown under the score. */
  score: (score: number) => string;
  /** Where and how it was computed, with the model and the measured rates. */
  aid: (model: string, rates: MeasuredRates) => string;
  /** What the score does not do. */
  notLiveness: string;
  /** Beside the two crops. */
  cropsCaption: string;
}

export interface MeasuredRates {
  falseAcceptRate: number;
  falseRejectRate: number;
  genuinePairs: number;
  impostorPairs: number;
}

const percent = (rate: number, locale: string): string =>
  new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(rate);

/** A rate with the count behind it ("0.6% (7 of 1121)"): a small sample shows as what it is. */
const rateOf = (rate: number, pairs: number, locale: 'en' | 'es'): string =>
  `${percent(rate, locale)} (${Math.round(rate * pairs)} ${locale === 'es' ? 'de' : 'of'} ${pairs})`;

export const FACE_MATCH_WORDING: Record<'en' | 'es', FaceMatchWording> = {
  en: {
    heading: 'Selfie and document portrait',
    bands: {
      same: 'Likely the same person',
      uncertain: 'Uncertain',
      different: 'Likely different people',
      'cannot-tell': 'Cannot tell',
    },
    reasons: {
      'selfie-unreadable': 'The selfie could not be decoded as a JPEG image.',
      'document-unreadable': "The document's front could not be decoded as a JPEG image.",
      'no-face-in-selfie': 'No face was found in the selfie.',
      'no-face-on-document': "No face was found on the document's front.",
      'several-faces-in-selfie':
        'The selfie shows more than one face, so it is unclear whose to compare.',
      'several-faces-on-document': "The document's front shows more than one face of similar size.",
      'selfie-face-too-small': 'The face in the selfie is too small to compare.',
      'portrait-too-small': 'The portrait on the document is too small to compare.',
      'comparison-failed': 'The face comparison could not be run on this computer.',
    },
    score: (score) => `Similarity ${score.toFixed(2)} (0 to 1)`,
    aid: (model, r) =>
      `An aid, not a verdict: computed on this computer by ${model}. On ${r.genuinePairs} same-person ` +
      `and ${r.impostorPairs} different-person synthetic pairs, it read different people as "likely the same" ` +
      `${rateOf(r.falseAcceptRate, r.impostorPairs, 'en')} of the time and the same person as "likely different" ` +
      `${rateOf(r.falseRejectRate, r.genuinePairs, 'en')} of the time. Real captures can do worse.`,
    notLiveness:
      'It does not detect presentation attacks: a mask, a photo of a screen or a printed photo can score as the same person.',
    cropsCaption: 'The two faces as compared: eyes levelled, at the same scale.',
  },
  es: {
    heading: 'Selfi y retrato del documento',
    bands: {
      same: 'Probablemente la misma persona',
      uncertain: 'Incierto',
      different: 'Probablemente personas distintas',
      'cannot-tell': 'No se puede saber',
    },
    reasons: {
      'selfie-unreadable': 'No se pudo decodificar la selfi como imagen JPEG.',
      'document-unreadable': 'No se pudo decodificar el anverso del documento como imagen JPEG.',
      'no-face-in-selfie': 'No se encontró ningún rostro en la selfi.',
      'no-face-on-document': 'No se encontró ningún rostro en el anverso del documento.',
      'several-faces-in-selfie': 'La selfi muestra más de un rostro: no está claro cuál comparar.',
      'several-faces-on-document':
        'El anverso del documento muestra más de un rostro de tamaño parecido.',
      'selfie-face-too-small': 'El rostro de la selfi es demasiado pequeño para compararlo.',
      'portrait-too-small': 'El retrato del documento es demasiado pequeño para compararlo.',
      'comparison-failed': 'No se pudo realizar la comparación de rostros en este equipo.',
    },
    score: (score) => `Similitud ${score.toFixed(2)} (de 0 a 1)`,
    aid: (model, r) =>
      `Una ayuda, no un veredicto: calculado en este equipo con ${model}. En ${r.genuinePairs} pares ` +
      `sintéticos de la misma persona y ${r.impostorPairs} de personas distintas, leyó a personas distintas ` +
      `como «probablemente la misma» el ${rateOf(r.falseAcceptRate, r.impostorPairs, 'es')} de las veces y a la misma persona ` +
      `como «probablemente distintas» el ${rateOf(r.falseRejectRate, r.genuinePairs, 'es')} de las veces. Con capturas reales ` +
      `puede acertar menos.`,
    notLiveness:
      'No detecta ataques de presentación: una máscara, la foto de una pantalla o una foto impresa pueden puntuar como la misma persona.',
    cropsCaption: 'Los dos rostros tal como se compararon: ojos nivelados, a la misma escala.',
  },
};

/** The "aid" sentence for the shipped calibration, in one language. */
export function faceMatchAid(language: 'en' | 'es'): string {
  return FACE_MATCH_WORDING[language].aid(
    FACE_MATCH_CALIBRATION.model,
    FACE_MATCH_CALIBRATION.measured,
  );
}

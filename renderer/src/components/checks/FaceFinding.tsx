import type { FaceComparison, FaceNotRunReason } from '../../../../shared/face-match.ts';
import { faceMatchAid } from '../../../../shared/i18n/index.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { FindingRegion } from './regions.ts';
import { ShowButton } from './ShowButton.tsx';

/**
 * The face comparison, when the analysis process made one: the score, its band in the shared
 * wording (the same words as the CLI), "cannot tell" with its reason, and the two faces it found,
 * each of which can be marked on its image, or both shown side by side in the viewer's portrait
 * compare. The face boxes are in the displayed picture's pixels, as every finding's box is. Kept
 * apart so its presentation is easy to adjust.
 */
export function FaceFinding({
  face,
  shown,
  onShow,
  onCompareFaces,
}: {
  face: FaceComparison;
  shown: string | null;
  onShow: (region: FindingRegion | null) => void;
  /** The portrait compare boxed on both faces found; absent unless both were cropped. */
  onCompareFaces?: (() => void) | undefined;
}) {
  const { t } = useI18n();
  const words = t.faceMatch;
  const regions: FindingRegion[] = [];
  if (face.selfieFace) {
    const { box } = face.selfieFace;
    regions.push({
      key: 'face:selfie',
      slot: 'face',
      box: { x: box.left, y: box.top, w: box.width, h: box.height },
      label: t.checks.face.selfieFace,
      action: t.checks.face.showSelfie,
    });
  }
  if (face.portraitFace) {
    const { box } = face.portraitFace;
    regions.push({
      key: 'face:portrait',
      slot: 'documentFront',
      box: { x: box.left, y: box.top, w: box.width, h: box.height },
      label: t.checks.face.portraitFace,
      action: t.checks.face.showPortrait,
    });
  }
  const tone = face.band === 'same' ? 'ok' : face.band === 'cannot-tell' ? undefined : 'warn';
  return (
    <section className="checks__group" aria-labelledby="checks-face" data-testid="checks-face">
      <h3 className="checks__title" id="checks-face">
        {words.heading}
      </h3>
      <p className="checks__line">
        <span className="pill" data-tone={tone}>
          {words.bands[face.band]}
        </span>
        {face.score !== null && <span className="small">{words.score(face.score)}</span>}
      </p>
      {face.band === 'cannot-tell' && face.reason && (
        <p className="small" data-testid="checks-face-reason">
          {words.reasons[face.reason]}
        </p>
      )}
      {(
        [
          [face.selfieFace, t.checks.face.selfieFace, 'selfie'],
          [face.portraitFace, t.checks.face.portraitFace, 'portrait'],
        ] as const
      ).map(([found, which, key]) =>
        found?.turn ? (
          <p className="small" key={key} data-testid={`checks-face-turn-${key}`}>
            {t.checks.face.foundTurned(which, found.turn)}
          </p>
        ) : null,
      )}
      {regions.map((region) => (
        <ShowButton key={region.key} region={region} shown={shown} onShow={onShow} />
      ))}
      {onCompareFaces && (
        <button
          type="button"
          className="button button--secondary checks__show"
          onClick={onCompareFaces}
          data-testid="compare-faces"
        >
          {t.checks.face.compare}
        </button>
      )}
      <p className="muted small">{faceMatchAid(t)}</p>
      <p className="muted small">{words.notLiveness}</p>
    </section>
  );
}

/**
 * The face comparison's place in the panel when it was not run by the user's choice (documents
 * only, in Settings): the heading, and why — not a failure, not a "cannot tell".
 */
export function FaceNotRunFinding({ reason }: { reason: FaceNotRunReason }) {
  const { t } = useI18n();
  return (
    <section className="checks__group" aria-labelledby="checks-face" data-testid="checks-face">
      <h3 className="checks__title" id="checks-face">
        {t.faceMatch.heading}
      </h3>
      <p className="checks__line" data-testid="checks-face-not-run" data-reason={reason}>
        <span className="pill">{t.checks.face.notRun[reason]}</span>
      </p>
    </section>
  );
}

import { useSyncExternalStore } from 'react';
import type { DocumentSlot } from '../../../shared/ipc.ts';
import {
  CompareIcon,
  ContrastIcon,
  InvertIcon,
  LoupeIcon,
  ResetIcon,
  RotateLeftIcon,
  RotateRightIcon,
  SingleIcon,
  SunIcon,
  ZoomInIcon,
  ZoomOutIcon,
} from '../components/icons.tsx';
import { useDebounced } from '../components/use-debounced.ts';
import type { ImageMemory } from '../image-memory.ts';
import { useI18n } from '../i18n/index.tsx';
import type { LoadedDocuments, ShownImage } from '../state/app-state.ts';
import {
  COMPARE_MODES,
  compareAvailable,
  imageOf,
  paneSlots,
  type CompareMode,
} from './compare.ts';
import { NEUTRAL_ADJUSTMENTS, type ViewController } from './view-controller.ts';
import { ViewerPane } from './ViewerPane.tsx';
import '../styles/viewer.css';

export const ZOOM_STEP = 1.25;

export function Viewer({
  docs,
  selected,
  compare,
  onCompare,
  controller,
  memory,
}: {
  docs: LoadedDocuments;
  selected: DocumentSlot;
  compare: CompareMode;
  onCompare: (mode: CompareMode) => void;
  controller: ViewController;
  memory: ImageMemory;
}) {
  const { t } = useI18n();
  const images = paneSlots(compare, selected)
    .map((slot) => imageOf(docs, slot))
    .filter((image): image is ShownImage => image !== null);

  return (
    <section className="viewer" aria-label={t.viewer.region}>
      <ViewerToolbar
        controller={controller}
        docs={docs}
        compare={compare}
        onCompare={onCompare}
        disabled={images.length === 0}
      />
      <div className={`stage${images.length > 1 ? ' stage--split' : ''}`}>
        {images.length === 0 ? (
          <p className="stage__empty">{t.viewer.empty}</p>
        ) : (
          images.map((image) => (
            <ViewerPane
              key={image.slot}
              image={image}
              memory={memory}
              controller={controller}
              compared={images.length > 1}
            />
          ))
        )}
      </div>
    </section>
  );
}

function ViewerToolbar({
  controller,
  docs,
  compare,
  onCompare,
  disabled,
}: {
  controller: ViewController;
  docs: LoadedDocuments;
  compare: CompareMode;
  onCompare: (mode: CompareMode) => void;
  disabled: boolean;
}) {
  const { t } = useI18n();
  const snap = useSyncExternalStore(controller.subscribe, controller.getSnapshot);
  const zoomSettled = useDebounced(snap.zoomPercent, 400);
  const rotationSettled = useDebounced(snap.rotation, 200);
  const { adjust } = snap;
  const adjusted =
    adjust.brightness !== NEUTRAL_ADJUSTMENTS.brightness ||
    adjust.contrast !== NEUTRAL_ADJUSTMENTS.contrast ||
    adjust.invert;
  const compareLabels: Record<CompareMode, string> = {
    off: t.viewer.compareOff,
    faceFront: t.viewer.compareFaceFront,
    frontBack: t.viewer.compareFrontBack,
  };

  return (
    <div className="toolbar" role="toolbar" aria-label={t.viewer.toolbar}>
      <div className="toolbar__group">
        <button
          type="button"
          className="tool"
          onClick={() => controller.zoomBy(1 / ZOOM_STEP)}
          aria-label={t.viewer.zoomOut}
          title={`${t.viewer.zoomOut} (−)`}
          disabled={disabled}
        >
          <ZoomOutIcon />
        </button>
        <output className="toolbar__zoom" aria-label={t.viewer.zoomAnnounce(snap.zoomPercent)}>
          {t.viewer.zoomValue(snap.zoomPercent)}
        </output>
        <button
          type="button"
          className="tool"
          onClick={() => controller.zoomBy(ZOOM_STEP)}
          aria-label={t.viewer.zoomIn}
          title={`${t.viewer.zoomIn} (+)`}
          disabled={disabled}
        >
          <ZoomInIcon />
        </button>
        <button
          type="button"
          className="tool tool--text"
          onClick={() => controller.fit()}
          aria-label={t.viewer.fitLong}
          title={`${t.viewer.fitLong} (0)`}
          aria-pressed={snap.atFit}
          disabled={disabled}
        >
          <span>{t.viewer.fit}</span>
        </button>
        <button
          type="button"
          className="tool tool--text"
          onClick={() => controller.zoomToActual()}
          aria-label={t.viewer.actualLong}
          title={`${t.viewer.actualLong} (1)`}
          aria-pressed={snap.zoomPercent === 100}
          disabled={disabled}
        >
          <span>{t.viewer.actual}</span>
        </button>
      </div>
      <div className="toolbar__group">
        <button
          type="button"
          className="tool"
          onClick={() => controller.rotate(-1)}
          aria-label={t.viewer.rotateLeft}
          title={`${t.viewer.rotateLeft} (Shift+R) — ${t.viewer.rotationNote}`}
          disabled={disabled}
        >
          <RotateLeftIcon />
        </button>
        <button
          type="button"
          className="tool"
          onClick={() => controller.rotate(1)}
          aria-label={t.viewer.rotateRight}
          title={`${t.viewer.rotateRight} (R) — ${t.viewer.rotationNote}`}
          disabled={disabled}
        >
          <RotateRightIcon />
        </button>
        <button
          type="button"
          className="tool"
          onClick={() => controller.setLoupe(!snap.loupe)}
          aria-pressed={snap.loupe}
          aria-label={t.viewer.loupe}
          title={`${t.viewer.loupe} (L)`}
          disabled={disabled}
        >
          <LoupeIcon />
        </button>
      </div>
      <div
        className="toolbar__group toolbar__group--adjust"
        role="group"
        aria-label={t.viewer.adjust}
      >
        <label className="slider" title={t.viewer.brightness}>
          <SunIcon />
          <span className="visually-hidden">{t.viewer.brightness}</span>
          <input
            type="range"
            min={25}
            max={300}
            step={5}
            value={adjust.brightness}
            aria-valuetext={t.viewer.percentValue(adjust.brightness)}
            onChange={(event) => controller.setAdjust({ brightness: Number(event.target.value) })}
            disabled={disabled}
          />
        </label>
        <label className="slider" title={t.viewer.contrast}>
          <ContrastIcon />
          <span className="visually-hidden">{t.viewer.contrast}</span>
          <input
            type="range"
            min={25}
            max={300}
            step={5}
            value={adjust.contrast}
            aria-valuetext={t.viewer.percentValue(adjust.contrast)}
            onChange={(event) => controller.setAdjust({ contrast: Number(event.target.value) })}
            disabled={disabled}
          />
        </label>
        <button
          type="button"
          className="tool"
          onClick={() => controller.setAdjust({ invert: !adjust.invert })}
          aria-pressed={adjust.invert}
          aria-label={t.viewer.invert}
          title={`${t.viewer.invert} (I)`}
          disabled={disabled}
        >
          <InvertIcon />
        </button>
        <button
          type="button"
          className="tool"
          onClick={() => controller.resetAdjust()}
          aria-label={t.viewer.resetAdjust}
          title={`${t.viewer.resetAdjust} (X)`}
          disabled={disabled || !adjusted}
        >
          <ResetIcon />
        </button>
      </div>
      <div
        className="toolbar__group toolbar__group--end segmented"
        role="group"
        aria-label={t.viewer.compare}
      >
        {COMPARE_MODES.map((mode) => {
          const available = compareAvailable(docs, mode);
          return (
            <button
              key={mode}
              type="button"
              aria-pressed={compare === mode}
              className="segmented__option"
              onClick={() => onCompare(mode)}
              disabled={!available}
              title={
                available
                  ? mode === 'off'
                    ? compareLabels[mode]
                    : t.viewer.compareLinked
                  : t.viewer.compareUnavailable
              }
            >
              {mode === 'off' ? <SingleIcon /> : <CompareIcon />}
              <span>{compareLabels[mode]}</span>
            </button>
          );
        })}
      </div>
      <div
        className="visually-hidden"
        aria-live="polite"
        aria-atomic="true"
        data-testid="viewer-announcer"
      >
        {disabled
          ? ''
          : `${t.viewer.zoomAnnounce(zoomSettled)}. ${t.viewer.rotationAnnounce(rotationSettled)}.`}
      </div>
      <div className="visually-hidden" aria-live="polite">
        {disabled ? '' : snap.loupe ? t.viewer.loupeAnnounceOn : t.viewer.loupeAnnounceOff}
      </div>
    </div>
  );
}

import { useSyncExternalStore, type ReactNode } from 'react';
import { useRunCommand } from '../commands.tsx';
import type { Command } from '../shortcuts.ts';
import type { DocumentSlot } from '../../../shared/ipc.ts';
import {
  CollapseIcon,
  CompareIcon,
  ContrastIcon,
  CropIcon,
  ExpandIcon,
  FrontBackIcon,
  InvertIcon,
  LoupeIcon,
  PanelIcon,
  PortraitIcon,
  ResetIcon,
  RotateLeftIcon,
  RotateRightIcon,
  SingleIcon,
  SunIcon,
  ZoomInIcon,
  ZoomOutIcon,
} from '../components/icons.tsx';
import { ToolButton } from '../components/ToolButton.tsx';
import { useDebounced } from '../components/use-debounced.ts';
import type { ImageMemory } from '../image-memory.ts';
import { useI18n } from '../i18n/index.tsx';
import { SLOTS, type LoadedDocuments, type ShownImage } from '../state/app-state.ts';
import {
  COMPARE_MODES,
  compareAvailable,
  imageOf,
  paneSlots,
  type CompareMode,
} from './compare.ts';
import type { Highlight } from './finding-region.ts';
import { formatDegrees } from '../i18n/format.ts';
import { levelTurn } from './level.ts';
import {
  isPortraitSlot,
  PORTRAIT_SLOTS,
  type PortraitBox,
  type PortraitRegions,
  type PortraitSlot,
} from './portrait.ts';
import {
  LOUPE_MAGNIFICATION,
  NEUTRAL_ADJUSTMENTS,
  type ViewController,
} from './view-controller.ts';
import { ViewerPane } from './ViewerPane.tsx';
import '../styles/viewer.css';

export const ZOOM_STEP = 1.25;

/** How the documents screen is laid out around the viewer. */
export interface ViewerLayout {
  panel: boolean;
  fullWindow: boolean;
  onPanel: () => void;
  onFullWindow: () => void;
}

/** The portrait compare's crop boxes, and whether they are being adjusted. */
export interface PortraitState {
  regions: PortraitRegions;
  /** The boxes are where the face comparison found the faces, as yet unmoved by the reviewer. */
  fromFaces: boolean;
  adjusting: boolean;
  onRegion: (slot: PortraitSlot, box: PortraitBox) => void;
  onAdjusting: (on: boolean) => void;
  onReset: () => void;
}

export function Viewer({
  docs,
  selected,
  compare,
  onCompare,
  controller,
  memory,
  layout,
  portrait,
  highlight,
}: {
  docs: LoadedDocuments;
  selected: DocumentSlot;
  compare: CompareMode;
  onCompare: (mode: CompareMode) => void;
  controller: ViewController;
  memory: ImageMemory;
  layout: ViewerLayout;
  portrait: PortraitState;
  /** The selected finding's place, marked on its image. */
  highlight?: Highlight | null | undefined;
}) {
  const { t } = useI18n();
  const images = paneSlots(compare, selected)
    .map((slot) => imageOf(docs, slot))
    .filter((image): image is ShownImage => image !== null);
  const none = SLOTS.every((slot) => imageOf(docs, slot) === null);
  const cropping = compare === 'portrait';

  return (
    <section
      className="viewer"
      aria-label={t.viewer.region}
      data-mode={compare}
      data-testid="viewer"
    >
      <ViewerToolbar
        controller={controller}
        docs={docs}
        compare={compare}
        onCompare={onCompare}
        disabled={images.length === 0}
        layout={layout}
        adjustingBox={cropping && portrait.adjusting}
      />
      <div className={`stage${images.length > 1 ? ' stage--split' : ''}`}>
        {cropping && images.length > 1 && (
          <PortraitTools controller={controller} portrait={portrait} />
        )}
        {images.length === 0 ? (
          <p className="stage__empty" data-testid="viewer-empty">
            {none ? t.viewer.noImages : t.viewer.empty}
          </p>
        ) : (
          images.map((image) => (
            <ViewerPane
              key={image.slot}
              image={image}
              memory={memory}
              controller={controller}
              compared={images.length > 1}
              region={
                cropping && isPortraitSlot(image.slot) ? portrait.regions[image.slot] : undefined
              }
              adjusting={cropping && portrait.adjusting}
              onRegion={
                cropping && isPortraitSlot(image.slot)
                  ? (box) => portrait.onRegion(image.slot as PortraitSlot, box)
                  : undefined
              }
              highlight={highlight?.slot === image.slot ? highlight : undefined}
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
  layout,
  adjustingBox,
}: {
  controller: ViewController;
  docs: LoadedDocuments;
  compare: CompareMode;
  onCompare: (mode: CompareMode) => void;
  disabled: boolean;
  layout: ViewerLayout;
  adjustingBox: boolean;
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
    portrait: t.viewer.comparePortrait,
    frontBack: t.viewer.compareFrontBack,
  };
  const compareHints: Record<CompareMode, string> = {
    off: t.viewer.compareOff,
    faceFront: t.viewer.compareLinked,
    portrait: t.viewer.comparePortraitHint,
    frontBack: t.viewer.compareLinked,
  };
  const panelLabel = layout.panel ? t.docs.panelHide : t.docs.panelShow;
  const fullLabel = layout.fullWindow ? t.viewer.leaveFullWindow : t.viewer.fullWindow;

  const run = useRunCommand();
  /** A button of the command table: the same handler and key as the shortcut. */
  const tool = (
    command: Command,
    label: string,
    icon: ReactNode,
    options: {
      pressed?: boolean;
      disabled?: boolean;
      text?: string;
      tooltip?: string;
      testId?: string;
    } = {},
  ) => (
    <ToolButton command={command} label={label} onClick={() => run(command)} {...options}>
      {icon}
    </ToolButton>
  );

  return (
    <div className="toolbar" role="toolbar" aria-label={t.viewer.toolbar}>
      <div className="toolbar__group">
        {!layout.fullWindow &&
          tool('panel', panelLabel, <PanelIcon />, {
            pressed: layout.panel,
            testId: 'panel-toggle',
          })}
        {tool('fullWindow', fullLabel, layout.fullWindow ? <CollapseIcon /> : <ExpandIcon />, {
          pressed: layout.fullWindow,
          testId: 'full-window-toggle',
        })}
      </div>
      <div className="toolbar__group">
        {tool('zoomOut', t.viewer.zoomOut, <ZoomOutIcon />, { disabled })}
        <output className="toolbar__zoom" aria-label={t.viewer.zoomAnnounce(snap.zoomPercent)}>
          {t.viewer.zoomValue(snap.zoomPercent)}
        </output>
        {tool('zoomIn', t.viewer.zoomIn, <ZoomInIcon />, { disabled })}
        {tool('fit', t.viewer.fitLong, null, { text: t.viewer.fit, pressed: snap.atFit, disabled })}
        {tool('actual', t.viewer.actualLong, null, {
          text: t.viewer.actual,
          pressed: snap.zoomPercent === 100,
          disabled,
        })}
      </div>
      <div className="toolbar__group">
        {tool('rotateLeft', t.viewer.rotateLeft, <RotateLeftIcon />, {
          tooltip: `${t.viewer.rotateLeft} — ${t.viewer.rotationNote}`,
          disabled: disabled || adjustingBox,
        })}
        {tool('rotateRight', t.viewer.rotateRight, <RotateRightIcon />, {
          tooltip: `${t.viewer.rotateRight} — ${t.viewer.rotationNote}`,
          disabled: disabled || adjustingBox,
        })}
        {tool(
          'loupe',
          t.viewer.loupeWithValue(LOUPE_MAGNIFICATION),
          <>
            <LoupeIcon />
            <span className="tool__value" aria-hidden="true">
              {t.viewer.loupeValue(LOUPE_MAGNIFICATION)}
            </span>
          </>,
          { pressed: snap.loupe, disabled },
        )}
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
          <output className="slider__value" aria-hidden="true" data-testid="brightness-value">
            {t.viewer.percentValue(adjust.brightness)}
          </output>
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
          <output className="slider__value" aria-hidden="true" data-testid="contrast-value">
            {t.viewer.percentValue(adjust.contrast)}
          </output>
        </label>
        {tool('invert', t.viewer.invert, <InvertIcon />, { pressed: adjust.invert, disabled })}
        {tool('resetAdjust', t.viewer.resetAdjust, <ResetIcon />, {
          disabled: disabled || !adjusted,
        })}
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
              aria-label={compareLabels[mode]}
              title={`${compareLabels[mode]} — ${available ? compareHints[mode] : t.viewer.compareUnavailable}`}
            >
              {mode === 'off' ? (
                <SingleIcon />
              ) : mode === 'portrait' ? (
                <PortraitIcon />
              ) : mode === 'frontBack' ? (
                <FrontBackIcon />
              ) : (
                <CompareIcon />
              )}
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

/**
 * Over the portrait compare: adjust the crop boxes, or put them back where they started (on the
 * faces the comparison found, else where faces usually are), and say where that was.
 */
function PortraitTools({
  controller,
  portrait,
}: {
  controller: ViewController;
  portrait: PortraitState;
}) {
  const { t, lang } = useI18n();
  const turns = PORTRAIT_SLOTS.map((slot) => ({
    slot,
    turn: levelTurn(portrait.regions[slot].angleDegrees),
  }));
  /** How far a pane's crop was turned, as read: "2.5° clockwise", or "not turned". */
  const told = (turn: number) =>
    Math.round(Math.abs(turn) * 10) === 0
      ? t.viewer.notTurned
      : `${formatDegrees(Math.abs(turn), lang)} ${turn > 0 ? t.viewer.turnedClockwise : t.viewer.turnedAnticlockwise}`;
  const levelled = turns.some(({ turn }) => Math.round(Math.abs(turn) * 10) !== 0);
  return (
    <div className="portrait-tools" role="group" aria-label={t.viewer.portraitBox}>
      <ToolButton
        label={t.viewer.portraitAdjust}
        tooltip={`${t.viewer.portraitAdjust} — ${t.viewer.portraitBoxHint}`}
        onClick={() => {
          controller.resetView();
          portrait.onAdjusting(!portrait.adjusting);
        }}
        pressed={portrait.adjusting}
        testId="portrait-adjust"
      >
        <CropIcon />
      </ToolButton>
      <ToolButton label={t.viewer.portraitReset} onClick={portrait.onReset}>
        <ResetIcon />
      </ToolButton>
      {portrait.fromFaces && (
        <p className="portrait-tools__note" data-testid="portrait-from-faces">
          {t.viewer.portraitFromFaces}
        </p>
      )}
      {levelled && (
        <p className="portrait-tools__note" data-testid="portrait-levelled">
          {`${t.viewer.portraitLevelled}: `}
          {turns.map(({ slot, turn }, i) => (
            <span key={slot} data-slot={slot} data-turn={turn}>
              {`${t.slots[slot]} ${told(turn)}${i === turns.length - 1 ? '.' : '; '}`}
            </span>
          ))}
        </p>
      )}
    </div>
  );
}

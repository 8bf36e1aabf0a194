import {
  useRef,
  useState,
  useSyncExternalStore,
  type KeyboardEvent,
  type PointerEvent as ReactPointerEvent,
} from 'react';
import type { ImageMemory } from '../image-memory.ts';
import { useI18n } from '../i18n/index.tsx';
import type { ShownImage } from '../state/app-state.ts';
import { HeldImage, type ImageStatus } from './HeldImage.tsx';
import type { ViewController } from './view-controller.ts';
import type { Highlight } from './finding-region.ts';
import { levelTurn } from './level.ts';
import type { TurnedBox } from './pane-paint.ts';
import { moveBox, resizeBox, type PortraitBox } from './portrait.ts';
import { useViewport } from './use-viewport.ts';
import { boxFromFractions, panToFraction, type Size } from './view-math.ts';

export { filterCss } from './pane-paint.ts';

/** Loupe radius in CSS pixels. */
const LOUPE_RADIUS = 110;
const PAN_STEP = 48;
/** A region box moves (or, with Shift, grows) by this fraction of the image per arrow key. */
const BOX_STEP = 0.01;

/**
 * One pane of the viewer: the image on a composited layer, moved by `style.transform` from the
 * shared ViewController, plus a loupe that magnifies under the pointer (painting and gestures:
 * `useViewport`). Arrow keys pan; the navigator and the portrait box take the pointer themselves.
 */
export function ViewerPane({
  image,
  memory,
  controller,
  compared,
  region,
  adjusting = false,
  onRegion,
  highlight,
}: {
  image: ShownImage;
  memory: ImageMemory;
  controller: ViewController;
  compared: boolean;
  /**
   * The part of the image this pane shows (fractions), for the portrait compare; turned by minus
   * its `angleDegrees` (eyes level) when it came from the face comparison.
   */
  region?: PortraitBox | undefined;
  /** Show the whole image with the region as a box to move and resize. */
  adjusting?: boolean;
  onRegion?: ((box: PortraitBox) => void) | undefined;
  /** A finding's place on this image (the MRZ zone, a face), marked while it is selected. */
  highlight?: Highlight | undefined;
}) {
  const { t } = useI18n();
  const [status, setStatus] = useState<ImageStatus>('loading');
  const loupe = useSyncExternalStore(controller.subscribe, () => controller.getSnapshot().loupe);
  const slotName = t.slots[image.slot];
  const { width, height } = image;
  const full: Size = { w: width, h: height };
  /** The eye line's angle in the upright picture; the crop is shown turned by minus it. */
  const angle = region?.angleDegrees ?? 0;
  const turned = (box: PortraitBox): TurnedBox => ({ ...boxFromFractions(full, box), angle });
  const crop = region && !adjusting ? turned(region) : null;
  const frameBox = region && adjusting ? turned(region) : null;
  const mark = highlight && !region ? highlight.box : null;
  const { bind, lastPaint } = useViewport(controller, {
    image: full,
    crop,
    frame: frameBox,
    mark,
  });
  const { viewport: viewportRef, image: imageRef, lens: lensRef, lensImage: lensImageRef } = bind;
  const { minimap: minimapRef, minimapImage: minimapImageRef } = bind;
  const { minimapFrame: minimapFrameRef, box: boxRef, mark: markRef } = bind;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const step = event.shiftKey ? PAN_STEP * 5 : PAN_STEP;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [step, 0],
      ArrowRight: [-step, 0],
      ArrowUp: [0, step],
      ArrowDown: [0, -step],
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    event.stopPropagation();
    controller.pan(move[0], move[1]);
  };

  const imageBox = { width, height, marginLeft: -width / 2, marginTop: -height / 2 };

  /** Navigator: a press or drag puts the point under the pointer in the pane's centre. */
  const onMinimapPointer = (event: ReactPointerEvent<HTMLDivElement>) => {
    if (event.type === 'pointermove' && event.buttons === 0) return;
    if (event.type === 'pointerdown') capture(event.currentTarget, event.pointerId);
    const rect = event.currentTarget.getBoundingClientRect();
    if (rect.width <= 0 || rect.height <= 0) return;
    const fraction = {
      x: (event.clientX - rect.left) / rect.width,
      y: (event.clientY - rect.top) / rect.height,
    };
    const view = controller.frame.view;
    controller.panTo(panToFraction(full, view, lastPaint().fit, fraction));
  };

  /** Region box: drag inside to move it, drag the corner to resize it (fractions of the image). */
  const boxDrag = useRef<{ id: number; resize: boolean; x: number; y: number } | null>(null);
  const onBoxDown = (event: ReactPointerEvent<HTMLDivElement>) => {
    if (!region || !onRegion) return;
    capture(event.currentTarget, event.pointerId);
    const resize = event.target instanceof Element && event.target.closest('.region-box__handle');
    boxDrag.current = {
      id: event.pointerId,
      resize: Boolean(resize),
      x: event.clientX,
      y: event.clientY,
    };
  };
  const onBoxMove = (event: ReactPointerEvent<HTMLDivElement>) => {
    const drag = boxDrag.current;
    if (!drag || drag.id !== event.pointerId || !region || !onRegion) return;
    const scale = lastPaint().scale;
    const dx = (event.clientX - drag.x) / scale / width;
    const dy = (event.clientY - drag.y) / scale / height;
    drag.x = event.clientX;
    drag.y = event.clientY;
    onRegion(drag.resize ? resizeBox(region, dx, dy) : moveBox(region, dx, dy));
  };
  const onBoxUp = () => {
    boxDrag.current = null;
  };
  const onBoxKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!region || !onRegion) return;
    const steps: Record<string, [number, number]> = {
      ArrowLeft: [-BOX_STEP, 0],
      ArrowRight: [BOX_STEP, 0],
      ArrowUp: [0, -BOX_STEP],
      ArrowDown: [0, BOX_STEP],
    };
    const step = steps[event.key];
    if (!step) return;
    event.preventDefault();
    event.stopPropagation();
    onRegion(
      event.shiftKey ? resizeBox(region, step[0], step[1]) : moveBox(region, step[0], step[1]),
    );
  };

  return (
    <div className={`pane${compared ? ' pane--compared' : ''}`}>
      {compared && <div className="pane__label">{slotName}</div>}
      <div
        ref={viewportRef}
        className="pane__viewport"
        role="application"
        aria-roledescription={t.viewer.region}
        aria-label={t.viewer.stageLabel(slotName)}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onContextMenu={(event) => event.preventDefault()}
        data-testid={`pane-${image.slot}`}
        data-level-turn={crop ? levelTurn(angle) : undefined}
      >
        <HeldImage
          memory={memory}
          slot={image.slot}
          alt={slotName}
          className="pane__image"
          imgRef={(el) => {
            imageRef(el);
            if (el) Object.assign(el.style, toStyle(imageBox));
          }}
          onStatus={setStatus}
        />
        {loupe && (
          <div ref={lensRef} className="loupe" hidden aria-hidden="true">
            <div
              className="loupe__lens"
              style={{
                width: LOUPE_RADIUS * 2,
                height: LOUPE_RADIUS * 2,
                marginLeft: -LOUPE_RADIUS,
                marginTop: -LOUPE_RADIUS,
              }}
            >
              <HeldImage
                memory={memory}
                slot={image.slot}
                alt=""
                className="loupe__image"
                imgRef={(el) => {
                  if (el) Object.assign(el.style, toStyle(imageBox));
                  lensImageRef(el);
                }}
              />
            </div>
          </div>
        )}
        <div
          ref={minimapRef}
          className="minimap"
          hidden
          role="img"
          aria-label={t.viewer.minimap}
          title={t.viewer.minimap}
          onPointerDown={onMinimapPointer}
          onPointerMove={onMinimapPointer}
          data-testid={`minimap-${image.slot}`}
        >
          <HeldImage
            memory={memory}
            slot={image.slot}
            alt=""
            className="minimap__image"
            imgRef={minimapImageRef}
          />
          <div ref={minimapFrameRef} className="minimap__frame" data-testid="minimap-frame" />
        </div>
        {frameBox && (
          <div
            ref={boxRef}
            className="region-box"
            role="group"
            tabIndex={0}
            aria-label={`${t.viewer.portraitBox}: ${slotName}`}
            title={t.viewer.portraitBoxHint}
            onPointerDown={onBoxDown}
            onPointerMove={onBoxMove}
            onPointerUp={onBoxUp}
            onPointerCancel={onBoxUp}
            onKeyDown={onBoxKey}
            data-testid={`region-${image.slot}`}
          >
            <span className="region-box__handle" aria-hidden="true" />
          </div>
        )}
        {mark && highlight && (
          <div
            ref={markRef}
            className="finding-mark"
            role="img"
            aria-label={t.checks.markLabel(highlight.label, slotName)}
            data-testid={`finding-mark-${image.slot}`}
          />
        )}
        {status === 'loading' && (
          <div className="pane__status" role="status">
            <span className="spinner" aria-hidden="true" />
            {t.card.preparing}
          </div>
        )}
      </div>
    </div>
  );
}

/** Keeps a drag's events on the element that started it (jsdom has no pointer capture). */
function capture(el: Element, pointerId: number): void {
  if ('setPointerCapture' in el) el.setPointerCapture(pointerId);
}

function toStyle(box: { width: number; height: number; marginLeft: number; marginTop: number }) {
  return {
    width: `${box.width}px`,
    height: `${box.height}px`,
    marginLeft: `${box.marginLeft}px`,
    marginTop: `${box.marginTop}px`,
  };
}

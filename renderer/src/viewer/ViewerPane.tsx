import {
  useEffect,
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
import {
  LOUPE_MAGNIFICATION,
  type Adjustments,
  type Frame,
  type Surface,
  type ViewController,
} from './view-controller.ts';
import type { Highlight } from './finding-region.ts';
import { levelTurn, turnedClip } from './level.ts';
import { moveBox, resizeBox, type PortraitBox } from './portrait.ts';
import {
  boxFromFractions,
  imageTransform,
  loupeTransform,
  overflows,
  panToFraction,
  regionClip,
  regionOffset,
  rotatedSize,
  visibleFraction,
  wheelFactor,
  type Box,
  type Point,
  type Size,
} from './view-math.ts';

/** Loupe radius in CSS pixels. */
const LOUPE_RADIUS = 110;
const PAN_STEP = 48;
/** The navigator's longer side, in CSS pixels. */
const MINIMAP_SIZE = 148;
/** A region box moves (or, with Shift, grows) by this fraction of the image per arrow key. */
const BOX_STEP = 0.01;

/** Elements inside a pane that take the pointer themselves (the viewport must not pan for them). */
const OWN_POINTER = '.minimap, .region-box';

export function filterCss(adjust: Adjustments): string {
  const parts: string[] = [];
  if (adjust.brightness !== 100) parts.push(`brightness(${adjust.brightness / 100})`);
  if (adjust.contrast !== 100) parts.push(`contrast(${adjust.contrast / 100})`);
  if (adjust.invert) parts.push('invert(1)');
  return parts.join(' ');
}

/**
 * One pane of the viewer: the image on a composited layer, moved by `style.transform` from the
 * shared ViewController, plus a loupe that magnifies under the pointer. Input (drag, wheel,
 * pinch, double-click, arrow keys) goes to the controller, which paints on the next frame.
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
  const viewportRef = useRef<HTMLDivElement | null>(null);
  const imgRef = useRef<HTMLImageElement | null>(null);
  const lensRef = useRef<HTMLDivElement | null>(null);
  const lensImgRef = useRef<HTMLImageElement | null>(null);
  const minimapRef = useRef<HTMLDivElement | null>(null);
  const minimapImgRef = useRef<HTMLImageElement | null>(null);
  const minimapFrameRef = useRef<HTMLDivElement | null>(null);
  const boxRef = useRef<HTMLDivElement | null>(null);
  const markRef = useRef<HTMLDivElement | null>(null);
  /** The scale and pane size of the last paint, for pointer input on the navigator and box. */
  const paintedRef = useRef<{ scale: number; fit: number; viewport: Size }>({
    scale: 1,
    fit: 1,
    viewport: { w: 0, h: 0 },
  });
  const [status, setStatus] = useState<ImageStatus>('loading');
  const loupe = useSyncExternalStore(controller.subscribe, () => controller.getSnapshot().loupe);
  const slotName = t.slots[image.slot];
  const { width, height } = image;
  const full: Size = { w: width, h: height };
  const crop = region && !adjusting ? boxFromFractions(full, region) : null;
  const frameBox = region && adjusting ? boxFromFractions(full, region) : null;
  /** The eye line's angle in the upright picture; the crop is shown turned by minus it. */
  const angle = region?.angleDegrees ?? 0;
  const cropKey = crop ? `${crop.x},${crop.y},${crop.w},${crop.h},${angle}` : '';
  const frameKey = frameBox
    ? `${frameBox.x},${frameBox.y},${frameBox.w},${frameBox.h},${angle}`
    : '';
  const mark = highlight && !region ? highlight.box : null;
  const markKey = mark ? `${mark.x},${mark.y},${mark.w},${mark.h}` : '';

  useEffect(() => {
    const viewport = viewportRef.current;
    if (!viewport) return;
    const whole: Size = { w: width, h: height };
    const cut = cropKey ? cropKey.split(',').map(Number) : null;
    const cropBox: Box | null = cut
      ? { x: cut[0] ?? 0, y: cut[1] ?? 0, w: cut[2] ?? 1, h: cut[3] ?? 1 }
      : null;
    const cropAngle = cut?.[4] ?? 0;
    const offset = cropBox ? regionOffset(whole, cropBox) : { x: 0, y: 0 };
    // A levelled crop is the turned square the analysis sampled, brought level by the turn.
    const clip = cropBox
      ? cropAngle === 0
        ? regionClip(whole, cropBox)
        : turnedClip(cropBox, cropAngle)
      : '';
    const turn = cropBox ? levelTurn(cropAngle) : 0;
    const marked = frameKey ? frameKey.split(',').map(Number) : null;
    const finding = markKey ? markKey.split(',').map(Number) : null;
    let size: Size = { w: 0, h: 0 };
    const measure = () => {
      const rect = viewport.getBoundingClientRect();
      size = { w: rect.width, h: rect.height };
      controller.invalidate();
    };
    const shown: Size = cropBox ? { w: cropBox.w, h: cropBox.h } : whole;
    const surface: Surface = {
      image: () => shown,
      viewport: () => size,
      paint(frame, fit) {
        const filter = filterCss(frame.adjust);
        const scale = fit * frame.view.k;
        paintedRef.current = { scale, fit, viewport: size };
        const img = imgRef.current;
        if (img) {
          img.style.transform = imageTransform(frame.view, fit, offset, turn);
          img.style.filter = filter;
          img.style.clipPath = clip;
        }
        paintMinimap(frame.view, fit);
        const box = boxRef.current;
        if (box && marked) {
          const [bx = 0, by = 0, bw = 0, bh = 0, bAngle = 0] = marked;
          box.style.left = `${size.w / 2 + frame.view.x + (bx - whole.w / 2) * scale}px`;
          box.style.top = `${size.h / 2 + frame.view.y + (by - whole.h / 2) * scale}px`;
          box.style.width = `${bw * scale}px`;
          box.style.height = `${bh * scale}px`;
          // Over the whole upright picture, the frame is the part the levelled crop shows.
          box.style.transform = bAngle === 0 ? '' : `rotate(${bAngle}deg)`;
        }
        const markEl = markRef.current;
        if (markEl && finding) {
          // Drawn on the upright image; while the view is turned the mark is hidden.
          const [fx = 0, fy = 0, fw = 0, fh = 0] = finding;
          markEl.hidden = frame.view.rotation !== 0;
          markEl.style.left = `${size.w / 2 + frame.view.x + (fx - whole.w / 2) * scale}px`;
          markEl.style.top = `${size.h / 2 + frame.view.y + (fy - whole.h / 2) * scale}px`;
          markEl.style.width = `${fw * scale}px`;
          markEl.style.height = `${fh * scale}px`;
        }
        const lens = lensRef.current;
        const lensImg = lensImgRef.current;
        if (!lens) return;
        const pointer = frame.pointer;
        if (!frame.loupe || !pointer) {
          lens.hidden = true;
          return;
        }
        lens.hidden = false;
        lens.style.transform = `translate3d(${pointer.x}px, ${pointer.y}px, 0)`;
        if (lensImg) {
          lensImg.style.transform = loupeTransform(
            frame.view,
            fit,
            pointer,
            LOUPE_MAGNIFICATION,
            offset,
            turn,
          );
          lensImg.style.filter = filter;
          lensImg.style.clipPath = clip;
        }
      },
    };
    /** The navigator: shown while the image is larger than the pane, never for a crop. */
    const paintMinimap = (view: Frame['view'], fit: number) => {
      const map = minimapRef.current;
      const mapImg = minimapImgRef.current;
      const mapFrame = minimapFrameRef.current;
      if (!map || !mapImg || !mapFrame) return;
      const show = !cropBox && !marked && overflows(whole, size, view, fit);
      map.hidden = !show;
      if (!show) return;
      const turned = rotatedSize(whole, view.rotation);
      const m = MINIMAP_SIZE / Math.max(turned.w, turned.h);
      map.style.width = `${turned.w * m}px`;
      map.style.height = `${turned.h * m}px`;
      mapImg.style.width = `${whole.w * m}px`;
      mapImg.style.height = `${whole.h * m}px`;
      mapImg.style.marginLeft = `${(-whole.w * m) / 2}px`;
      mapImg.style.marginTop = `${(-whole.h * m) / 2}px`;
      mapImg.style.transform = `rotate(${view.rotation}deg)`;
      const seen = visibleFraction(whole, size, view, fit);
      mapFrame.style.left = `${seen.x * 100}%`;
      mapFrame.style.top = `${seen.y * 100}%`;
      mapFrame.style.width = `${seen.w * 100}%`;
      mapFrame.style.height = `${seen.h * 100}%`;
    };
    measure();
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(measure) : null;
    observer?.observe(viewport);
    const detach = controller.attach(surface);
    return () => {
      detach();
      observer?.disconnect();
    };
  }, [controller, width, height, cropKey, frameKey, markKey]);

  useEffect(() => {
    const viewport = viewportRef.current;
    if (!viewport) return;
    const pointers = new Map<number, Point>();
    let pinchDistance = 0;

    const relative = (clientX: number, clientY: number): Point => {
      const rect = viewport.getBoundingClientRect();
      return { x: clientX - rect.left - rect.width / 2, y: clientY - rect.top - rect.height / 2 };
    };
    const spread = () => {
      const [a, b] = [...pointers.values()];
      return a && b ? Math.hypot(a.x - b.x, a.y - b.y) : 0;
    };
    const middle = (): Point => {
      const [a, b] = [...pointers.values()];
      return a && b ? { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 } : { x: 0, y: 0 };
    };

    const onDown = (event: PointerEvent) => {
      if (event.pointerType === 'mouse' && event.button !== 0) return;
      if (event.target instanceof Element && event.target.closest(OWN_POINTER)) return;
      // jsdom has no pointer capture; browsers do.
      if ('setPointerCapture' in viewport) viewport.setPointerCapture(event.pointerId);
      pointers.set(event.pointerId, relative(event.clientX, event.clientY));
      if (pointers.size === 2) pinchDistance = spread();
      viewport.classList.add('is-dragging');
    };
    const onMove = (event: PointerEvent) => {
      const at = relative(event.clientX, event.clientY);
      controller.setPointer(at);
      const previous = pointers.get(event.pointerId);
      if (!previous) return;
      pointers.set(event.pointerId, at);
      if (pointers.size === 1) {
        controller.pan(at.x - previous.x, at.y - previous.y);
      } else if (pointers.size === 2 && pinchDistance > 0) {
        const distance = spread();
        controller.zoomBy(distance / pinchDistance, middle());
        pinchDistance = distance;
      }
    };
    const onUp = (event: PointerEvent) => {
      pointers.delete(event.pointerId);
      pinchDistance = pointers.size === 2 ? spread() : 0;
      if (pointers.size === 0) viewport.classList.remove('is-dragging');
    };
    const onLeave = () => {
      if (pointers.size === 0) controller.setPointer(null);
    };
    const onWheel = (event: WheelEvent) => {
      // Ctrl + wheel is also how trackpad pinch arrives: never let it zoom the window.
      event.preventDefault();
      controller.zoomBy(
        wheelFactor(event.deltaY, event.deltaMode, event.ctrlKey),
        relative(event.clientX, event.clientY),
      );
    };
    const onDoubleClick = (event: MouseEvent) => {
      if (event.target instanceof Element && event.target.closest(OWN_POINTER)) return;
      controller.zoomBy(event.shiftKey ? 0.5 : 2, relative(event.clientX, event.clientY));
    };

    viewport.addEventListener('pointerdown', onDown);
    viewport.addEventListener('pointermove', onMove);
    viewport.addEventListener('pointerup', onUp);
    viewport.addEventListener('pointercancel', onUp);
    viewport.addEventListener('pointerleave', onLeave);
    viewport.addEventListener('wheel', onWheel, { passive: false });
    viewport.addEventListener('dblclick', onDoubleClick);
    return () => {
      viewport.removeEventListener('pointerdown', onDown);
      viewport.removeEventListener('pointermove', onMove);
      viewport.removeEventListener('pointerup', onUp);
      viewport.removeEventListener('pointercancel', onUp);
      viewport.removeEventListener('pointerleave', onLeave);
      viewport.removeEventListener('wheel', onWheel);
      viewport.removeEventListener('dblclick', onDoubleClick);
    };
  }, [controller]);

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
    controller.panTo(panToFraction(full, view, paintedRef.current.fit, fraction));
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
    const scale = paintedRef.current.scale;
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
            imgRef.current = el;
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
                  lensImgRef.current = el;
                  if (el) Object.assign(el.style, toStyle(imageBox));
                  controller.invalidate();
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
            imgRef={(el) => {
              minimapImgRef.current = el;
              controller.invalidate();
            }}
          />
          <div ref={minimapFrameRef} className="minimap__frame" data-testid="minimap-frame" />
        </div>
        {frameBox && (
          <div
            ref={(el) => {
              boxRef.current = el;
              controller.invalidate();
            }}
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
            ref={(el) => {
              markRef.current = el;
              controller.invalidate();
            }}
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

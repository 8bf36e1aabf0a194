import { useEffect, useRef, useState, useSyncExternalStore, type KeyboardEvent } from 'react';
import type { ImageMemory } from '../image-memory.ts';
import { useI18n } from '../i18n/index.tsx';
import type { ShownImage } from '../state/app-state.ts';
import { HeldImage, type ImageStatus } from './HeldImage.tsx';
import {
  LOUPE_MAGNIFICATION,
  type Adjustments,
  type Surface,
  type ViewController,
} from './view-controller.ts';
import { imageTransform, loupeTransform, wheelFactor, type Point, type Size } from './view-math.ts';

/** Loupe radius in CSS pixels. */
const LOUPE_RADIUS = 110;
const PAN_STEP = 48;

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
}: {
  image: ShownImage;
  memory: ImageMemory;
  controller: ViewController;
  compared: boolean;
}) {
  const { t } = useI18n();
  const viewportRef = useRef<HTMLDivElement | null>(null);
  const imgRef = useRef<HTMLImageElement | null>(null);
  const lensRef = useRef<HTMLDivElement | null>(null);
  const lensImgRef = useRef<HTMLImageElement | null>(null);
  const [status, setStatus] = useState<ImageStatus>('loading');
  const loupe = useSyncExternalStore(controller.subscribe, () => controller.getSnapshot().loupe);
  const slotName = t.slots[image.slot];
  const { width, height } = image;

  useEffect(() => {
    const viewport = viewportRef.current;
    if (!viewport) return;
    let size: Size = { w: 0, h: 0 };
    const measure = () => {
      const rect = viewport.getBoundingClientRect();
      size = { w: rect.width, h: rect.height };
      controller.invalidate();
    };
    const surface: Surface = {
      image: () => ({ w: width, h: height }),
      viewport: () => size,
      paint(frame, fit) {
        const filter = filterCss(frame.adjust);
        const img = imgRef.current;
        if (img) {
          img.style.transform = imageTransform(frame.view, fit);
          img.style.filter = filter;
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
          lensImg.style.transform = loupeTransform(frame.view, fit, pointer, LOUPE_MAGNIFICATION);
          lensImg.style.filter = filter;
        }
      },
    };
    measure();
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(measure) : null;
    observer?.observe(viewport);
    const detach = controller.attach(surface);
    return () => {
      detach();
      observer?.disconnect();
    };
  }, [controller, width, height]);

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

function toStyle(box: { width: number; height: number; marginLeft: number; marginTop: number }) {
  return {
    width: `${box.width}px`,
    height: `${box.height}px`,
    marginLeft: `${box.marginLeft}px`,
    marginTop: `${box.marginTop}px`,
  };
}

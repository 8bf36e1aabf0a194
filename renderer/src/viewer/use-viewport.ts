import { useEffect, useMemo, useRef } from 'react';
import {
  filterCss,
  lensPaint,
  minimapLayout,
  placeBox,
  shownPart,
  type PaneGeometry,
  type Placement,
  type ShownPart,
  type TurnedBox,
} from './pane-paint.ts';
import {
  LOUPE_MAGNIFICATION,
  type Frame,
  type Surface,
  type ViewController,
} from './view-controller.ts';
import { imageTransform, wheelFactor, type Point, type Size } from './view-math.ts';

/** Elements inside a pane that take the pointer themselves (the viewport must not pan for them). */
const OWN_POINTER = '.minimap, .region-box';

/** The elements one pane paints, each set by its callback ref (null while not rendered). */
interface PaneElements {
  viewport: HTMLDivElement | null;
  image: HTMLImageElement | null;
  lens: HTMLDivElement | null;
  lensImage: HTMLImageElement | null;
  minimap: HTMLDivElement | null;
  minimapImage: HTMLImageElement | null;
  minimapFrame: HTMLDivElement | null;
  box: HTMLDivElement | null;
  mark: HTMLDivElement | null;
}

/**
 * The callback refs a pane hands its elements to; each also asks for a paint, so an element that
 * appears is painted on the next frame.
 */
export type PaneBindings = { [K in keyof PaneElements]: (el: PaneElements[K]) => void };

/** The scale, fit and pane size of the last paint, for pointer input on the navigator and box. */
export interface Painted {
  scale: number;
  fit: number;
  viewport: Size;
}

/**
 * One pane's viewport: attaches a surface to the shared ViewController that paints the pane's
 * elements once a frame (pure maths in pane-paint.ts), measures the pane as it resizes, and turns
 * drag, pinch, wheel and double-click into the controller's pan and zoom. The surface is attached
 * again whenever the geometry's values change (not its identity).
 */
export function useViewport(
  controller: ViewController,
  geometry: PaneGeometry,
): { bind: PaneBindings; lastPaint: () => Painted } {
  const slots = useMemo(() => new ElementSlots(controller), [controller]);
  const painted = useRef<Painted>({ scale: 1, fit: 1, viewport: { w: 0, h: 0 } });
  const stable = useStableGeometry(geometry);

  useEffect(() => {
    const els = slots.elements;
    const viewport = els.viewport;
    if (!viewport) return;
    let size: Size = { w: 0, h: 0 };
    const measure = () => {
      const rect = viewport.getBoundingClientRect();
      size = { w: rect.width, h: rect.height };
      controller.invalidate();
    };
    const shown = shownPart(stable.image, stable.crop);
    const surface: Surface = {
      image: () => shown.size,
      viewport: () => size,
      paint(frame, fit) {
        painted.current = { scale: fit * frame.view.k, fit, viewport: size };
        paintPane(els, stable, shown, frame, fit, size);
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
  }, [controller, slots, stable]);

  useEffect(() => {
    const viewport = slots.elements.viewport;
    if (!viewport) return;
    return listenForGestures(viewport, controller);
  }, [controller, slots]);

  return { bind: slots.bind, lastPaint: () => painted.current };
}

/** The pane's elements as its callback refs set them; each one set asks for a paint. */
class ElementSlots {
  readonly elements: PaneElements = {
    viewport: null,
    image: null,
    lens: null,
    lensImage: null,
    minimap: null,
    minimapImage: null,
    minimapFrame: null,
    box: null,
    mark: null,
  };
  readonly bind: PaneBindings;

  constructor(controller: ViewController) {
    const into =
      <K extends keyof PaneElements>(key: K) =>
      (el: PaneElements[K]) => {
        this.elements[key] = el;
        controller.invalidate();
      };
    this.bind = {
      viewport: into('viewport'),
      image: into('image'),
      lens: into('lens'),
      lensImage: into('lensImage'),
      minimap: into('minimap'),
      minimapImage: into('minimapImage'),
      minimapFrame: into('minimapFrame'),
      box: into('box'),
      mark: into('mark'),
    };
  }
}

/** Writes one frame onto the pane's elements. */
function paintPane(
  els: PaneElements,
  geometry: PaneGeometry,
  shown: ShownPart,
  frame: Frame,
  fit: number,
  size: Size,
): void {
  const { view } = frame;
  const filter = filterCss(frame.adjust);
  const scale = fit * view.k;
  const img = els.image;
  if (img) {
    img.style.transform = imageTransform(view, fit, shown.offset, shown.turn);
    img.style.filter = filter;
    img.style.clipPath = shown.clip;
  }
  paintMinimap(els, geometry, frame, fit, size);
  const box = els.box;
  if (box && geometry.frame) {
    place(box, placeBox(geometry.image, size, view, scale, geometry.frame));
    // Over the whole upright picture, the frame is the part the levelled crop shows.
    box.style.transform = geometry.frame.angle === 0 ? '' : `rotate(${geometry.frame.angle}deg)`;
  }
  const mark = els.mark;
  if (mark && geometry.mark) {
    // Drawn on the upright image; while the view is turned the mark is hidden.
    mark.hidden = view.rotation !== 0;
    place(mark, placeBox(geometry.image, size, view, scale, geometry.mark));
  }
  const lens = els.lens;
  if (!lens) return;
  const loupe = lensPaint(view, fit, frame.loupe, frame.pointer, LOUPE_MAGNIFICATION, shown);
  lens.hidden = loupe === null;
  if (!loupe) return;
  lens.style.transform = loupe.lens;
  const lensImg = els.lensImage;
  if (lensImg) {
    lensImg.style.transform = loupe.image;
    lensImg.style.filter = filter;
    lensImg.style.clipPath = shown.clip;
  }
}

function paintMinimap(
  els: PaneElements,
  geometry: PaneGeometry,
  frame: Frame,
  fit: number,
  size: Size,
): void {
  const map = els.minimap;
  const mapImg = els.minimapImage;
  const mapFrame = els.minimapFrame;
  if (!map || !mapImg || !mapFrame) return;
  const layout = minimapLayout(geometry, size, frame.view, fit);
  map.hidden = layout === null;
  if (!layout) return;
  map.style.width = `${layout.map.w}px`;
  map.style.height = `${layout.map.h}px`;
  mapImg.style.width = `${layout.image.w}px`;
  mapImg.style.height = `${layout.image.h}px`;
  mapImg.style.marginLeft = `${-layout.image.w / 2}px`;
  mapImg.style.marginTop = `${-layout.image.h / 2}px`;
  mapImg.style.transform = `rotate(${layout.rotation}deg)`;
  mapFrame.style.left = `${layout.frame.x * 100}%`;
  mapFrame.style.top = `${layout.frame.y * 100}%`;
  mapFrame.style.width = `${layout.frame.w * 100}%`;
  mapFrame.style.height = `${layout.frame.h * 100}%`;
}

function place(el: HTMLElement, at: Placement): void {
  el.style.left = `${at.left}px`;
  el.style.top = `${at.top}px`;
  el.style.width = `${at.width}px`;
  el.style.height = `${at.height}px`;
}

/** Drag to pan, pinch or wheel to zoom at the pointer, double-click to zoom in (Shift: out). */
function listenForGestures(viewport: HTMLDivElement, controller: ViewController): () => void {
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

  // One signal removes them all.
  const listening = new AbortController();
  const { signal } = listening;
  viewport.addEventListener('pointerdown', onDown, { signal });
  viewport.addEventListener('pointermove', onMove, { signal });
  viewport.addEventListener('pointerup', onUp, { signal });
  viewport.addEventListener('pointercancel', onUp, { signal });
  viewport.addEventListener('pointerleave', onLeave, { signal });
  viewport.addEventListener('wheel', onWheel, { passive: false, signal });
  viewport.addEventListener('dblclick', onDoubleClick, { signal });
  return () => listening.abort();
}

/** The geometry as a value: the same object for as long as its numbers stay the same. */
function useStableGeometry(geometry: PaneGeometry): PaneGeometry {
  const { w, h } = geometry.image;
  const crop = useStableBox(geometry.crop);
  const frame = useStableBox(geometry.frame);
  const mark = useStableBox(geometry.mark && { ...geometry.mark, angle: 0 });
  return useMemo(() => ({ image: { w, h }, crop, frame, mark }), [w, h, crop, frame, mark]);
}

function useStableBox(box: TurnedBox | null): TurnedBox | null {
  const has = box !== null;
  const { x = 0, y = 0, w = 0, h = 0, angle = 0 } = box ?? {};
  return useMemo(() => (has ? { x, y, w, h, angle } : null), [has, x, y, w, h, angle]);
}

import {
  FIT_VIEW,
  clampPan,
  fitScale,
  panBy,
  panLimit,
  rotateView,
  zoomAt,
  zoomPercent,
  zoomToScale,
  type Point,
  type Size,
  type ViewState,
} from './view-math.ts';

export interface Adjustments {
  /** Percent, 100 = unchanged. */
  brightness: number;
  contrast: number;
  invert: boolean;
}

export const NEUTRAL_ADJUSTMENTS: Adjustments = { brightness: 100, contrast: 100, invert: false };

export interface Frame {
  view: ViewState;
  adjust: Adjustments;
  loupe: boolean;
  /** Pointer position relative to the pane centre, shared by linked panes; null when outside. */
  pointer: Point | null;
}

/** One pane showing an image: it reports its geometry and paints each frame itself. */
export interface Surface {
  image(): Size;
  viewport(): Size;
  paint(frame: Frame, fit: number): void;
}

export interface ViewSnapshot {
  zoomPercent: number;
  rotation: number;
  adjust: Adjustments;
  loupe: boolean;
  atFit: boolean;
}

export const LOUPE_MAGNIFICATION = 3;

/**
 * Shared view state of the viewer's panes. Input handlers mutate it as often as events arrive;
 * painting happens once per animation frame, straight onto the image elements' `style.transform`
 * (a composited layer: no layout, no re-decode), and React hears about it at most once a frame
 * for the zoom readout. Linked compare is simply two surfaces on one controller.
 */
export class ViewController {
  #frame: Frame = { view: FIT_VIEW, adjust: NEUTRAL_ADJUSTMENTS, loupe: false, pointer: null };
  readonly #surfaces: Surface[] = [];
  readonly #listeners = new Set<() => void>();
  #snapshot: ViewSnapshot | null = null;
  #stale = true;
  #scheduled: number | null = null;
  readonly #raf: (cb: () => void) => number;
  readonly #caf: (id: number) => void;

  constructor(
    raf: (cb: () => void) => number = (cb) =>
      typeof requestAnimationFrame === 'function'
        ? requestAnimationFrame(cb)
        : window.setTimeout(cb, 16),
    caf: (id: number) => void = (id) =>
      typeof cancelAnimationFrame === 'function'
        ? cancelAnimationFrame(id)
        : window.clearTimeout(id),
  ) {
    this.#raf = raf;
    this.#caf = caf;
  }

  get frame(): Frame {
    return this.#frame;
  }

  /** Adds a pane; the first one attached is the primary (its scale is the one shown). */
  attach(surface: Surface): () => void {
    this.#surfaces.push(surface);
    this.#schedule();
    return () => {
      const index = this.#surfaces.indexOf(surface);
      if (index >= 0) this.#surfaces.splice(index, 1);
      this.#schedule();
    };
  }

  /** Re-paints after a pane's size or image changed. */
  invalidate(): void {
    this.#schedule();
  }

  fitOf(surface: Surface | undefined): number {
    if (!surface) return 1;
    return fitScale(surface.image(), surface.viewport(), this.#frame.view.rotation);
  }

  #primaryFit(): number {
    return this.fitOf(this.#surfaces[0]);
  }

  zoomBy(factor: number, at: Point = { x: 0, y: 0 }): void {
    this.#setView(zoomAt(this.#frame.view, factor, at, this.#primaryFit()));
  }

  zoomToActual(): void {
    this.#setView(zoomToScale(this.#frame.view, 1, this.#primaryFit()));
  }

  fit(): void {
    this.#setView({ ...FIT_VIEW, rotation: this.#frame.view.rotation });
  }

  rotate(direction: 1 | -1): void {
    this.#setView(rotateView(this.#frame.view, direction));
  }

  pan(dx: number, dy: number): void {
    this.#setView(panBy(this.#frame.view, dx, dy));
  }

  /** Moves to an absolute pan (from a navigator click), zoom and rotation unchanged. */
  panTo(at: Point): void {
    this.#setView({ ...this.#frame.view, x: at.x, y: at.y });
  }

  /** Back to fit, upright: for a newly chosen image. Adjustments stay. */
  resetView(): void {
    this.#setView(FIT_VIEW);
  }

  setAdjust(patch: Partial<Adjustments>): void {
    this.#update({ ...this.#frame, adjust: { ...this.#frame.adjust, ...patch } });
  }

  resetAdjust(): void {
    this.#update({ ...this.#frame, adjust: NEUTRAL_ADJUSTMENTS });
  }

  setLoupe(on: boolean): void {
    this.#update({ ...this.#frame, loupe: on });
  }

  setPointer(pointer: Point | null): void {
    if (!this.#frame.loupe && pointer !== null) return;
    this.#update({ ...this.#frame, pointer }, false);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  getSnapshot = (): ViewSnapshot => {
    const prev = this.#snapshot;
    if (prev && !this.#stale) return prev;
    this.#stale = false;
    const { view, adjust, loupe } = this.#frame;
    const next: ViewSnapshot = {
      zoomPercent: zoomPercent(view, this.#primaryFit()),
      rotation: view.rotation,
      adjust,
      loupe,
      atFit: view.k === 1 && view.x === 0 && view.y === 0,
    };
    if (prev && sameSnapshot(prev, next)) return prev;
    this.#snapshot = next;
    return next;
  };

  /** Cancels a pending paint (panes and listeners detach themselves when they unmount). */
  dispose(): void {
    if (this.#scheduled !== null) this.#caf(this.#scheduled);
    this.#scheduled = null;
  }

  #setView(view: ViewState): void {
    this.#update({ ...this.#frame, view: this.#clamped(view) });
  }

  #clamped(view: ViewState): ViewState {
    let limit: Point = { x: 0, y: 0 };
    for (const surface of this.#surfaces) {
      const l = panLimit(surface.image(), surface.viewport(), view, this.fitOf(surface));
      limit = { x: Math.max(limit.x, l.x), y: Math.max(limit.y, l.y) };
    }
    return this.#surfaces.length ? clampPan(view, limit) : view;
  }

  #update(frame: Frame, notify = true): void {
    this.#frame = frame;
    if (notify) this.#stale = true;
    this.#schedule();
  }

  #schedule(): void {
    if (this.#scheduled !== null) return;
    this.#scheduled = this.#raf(() => {
      this.#scheduled = null;
      this.#stale = true;
      const frame = this.#frame;
      // Fit depends on rotation: compute it with the rotation being painted.
      for (const surface of this.#surfaces) {
        surface.paint(frame, fitScale(surface.image(), surface.viewport(), frame.view.rotation));
      }
      for (const listener of [...this.#listeners]) listener();
    });
  }
}

function sameSnapshot(a: ViewSnapshot, b: ViewSnapshot): boolean {
  return (
    a.zoomPercent === b.zoomPercent &&
    a.rotation === b.rotation &&
    a.adjust === b.adjust &&
    a.loupe === b.loupe &&
    a.atFit === b.atFit
  );
}

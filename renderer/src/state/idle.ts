/**
 * Counts down to an automatic wipe while nothing happens. A warning comes `warnMs` before the
 * end (WCAG 2.2.1: warn, and let one simple action extend). Pointer movement counts as activity
 * until the warning shows; after that only a deliberate key press or click extends, so a nudged
 * mouse does not silently keep documents on an unattended screen.
 */
export interface IdleCallbacks {
  onWarn(deadline: number): void;
  onIdle(): void;
  onExtend(): void;
}

export type Activity = 'deliberate' | 'movement';

export class IdleMonitor {
  readonly #timeoutMs: number;
  readonly #warnMs: number;
  readonly #callbacks: IdleCallbacks;
  readonly #now: () => number;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #warning = false;
  #running = false;

  constructor(
    timeoutMs: number,
    warnMs: number,
    callbacks: IdleCallbacks,
    now: () => number = () => Date.now(),
  ) {
    this.#timeoutMs = Math.max(timeoutMs, 1000);
    this.#warnMs = Math.min(warnMs, this.#timeoutMs / 2);
    this.#callbacks = callbacks;
    this.#now = now;
  }

  start(): void {
    this.#running = true;
    this.#arm();
  }

  stop(): void {
    this.#running = false;
    this.#clear();
    this.#warning = false;
  }

  /** Returns true when the activity dismissed a showing warning (the caller swallows the key). */
  activity(kind: Activity): boolean {
    if (!this.#running) return false;
    if (this.#warning) {
      if (kind === 'movement') return false;
      this.#warning = false;
      this.#arm();
      this.#callbacks.onExtend();
      return true;
    }
    this.#arm();
    return false;
  }

  #arm(): void {
    this.#clear();
    this.#timer = setTimeout(() => {
      this.#warning = true;
      const deadline = this.#now() + this.#warnMs;
      this.#callbacks.onWarn(deadline);
      this.#timer = setTimeout(() => {
        this.#warning = false;
        this.#running = false;
        this.#timer = null;
        this.#callbacks.onIdle();
      }, this.#warnMs);
    }, this.#timeoutMs - this.#warnMs);
  }

  #clear(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }
}

import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * One owner for the pixels of a run. Every buffer that holds image data — the decoded rasters,
 * the colour pixels, the crops and rows the zone reader cuts, the face crops — is made through
 * {@link pixels}, which hands it to the scope of the run under way; the scope zeroes all of them
 * once, when the run ends (analyze.ts), whether it ended with a report, an error or a cancel.
 * A large transient (a decoder's working copy) may be zeroed at once with {@link discard}, so
 * that it does not stay alive until the run ends.
 *
 * The scope follows the run through its awaits (AsyncLocalStorage), so the stages' helpers need
 * no extra parameter. Outside a run (a unit test calling a helper) nothing holds the buffers and
 * they are left to the garbage collector. What the scope cannot reach — a decoder's internal
 * buffers, the WebAssembly heaps of the OCR engine and of the face models — is covered by the
 * process itself: the app starts a fresh analysis process for every load and ends it after.
 */

export type PixelBuffer =
  Uint8Array | Uint8ClampedArray | Int32Array | Uint32Array | Float32Array | Float64Array;

export class RasterScope {
  #held: PixelBuffer[] = [];

  hold<T extends PixelBuffer>(buffer: T): T {
    this.#held.push(buffer);
    return buffer;
  }

  /** Zeroes every buffer held so far and lets them go. */
  zero(): void {
    for (const buffer of this.#held.splice(0)) buffer.fill(0);
  }
}

const current = new AsyncLocalStorage<RasterScope>();

/** Runs `work` with `scope` as the owner of the pixels it makes, and zeroes them when it ends. */
export async function withRasterScope<R>(work: () => Promise<R>): Promise<R> {
  const scope = new RasterScope();
  try {
    return await current.run(scope, work);
  } finally {
    scope.zero();
  }
}

/** Gives `buffer` to the current run's scope (zeroed when the run ends) and returns it. */
export function pixels<T extends PixelBuffer>(buffer: T): T {
  current.getStore()?.hold(buffer);
  return buffer;
}

/** Zeroes a buffer now: a large transient the run no longer needs. */
export function discard(buffer: PixelBuffer | null | undefined): void {
  buffer?.fill(0);
}

import type { DocumentsResult } from '../../shared/ipc.ts';

/**
 * Main's only place for image bytes: the last `DocumentsResult`, kept from the moment the loader
 * returns until the renderer has its copy. Electron's IPC serialises an `ipcMain.handle` result
 * after the handler's promise settles, so the IPC layer should `hold()` the result, return it,
 * and call `wipe()` on the next turn (`setImmediate`) — or whenever a wipe is requested.
 *
 * `wipe()` zero-fills every byte array held (JS can zero these; copies inside Chromium or IPC
 * buffers are out of its reach) and forgets the result.
 */

export interface HoldingReceipt {
  imagesCleared: number;
  bytesZeroed: number;
}

export class DocumentHolding {
  #held: DocumentsResult | null = null;

  /** Keeps `result` (wiping whatever was held before) and returns it. */
  hold(result: DocumentsResult): DocumentsResult {
    if (this.#held !== null && this.#held !== result) this.wipe();
    this.#held = result;
    return result;
  }

  /** Whether any image bytes are held. */
  get holding(): boolean {
    return (
      this.#held !== null && Object.values(this.#held.documents).some((image) => image !== null)
    );
  }

  /** Zero-fills every held image and forgets the result. Safe to call any number of times. */
  wipe(): HoldingReceipt {
    const held = this.#held;
    this.#held = null;
    let imagesCleared = 0;
    let bytesZeroed = 0;
    if (held !== null) {
      for (const image of Object.values(held.documents)) {
        if (image === null) continue;
        image.bytes.fill(0);
        imagesCleared++;
        bytesZeroed += image.bytes.byteLength;
      }
    }
    return { imagesCleared, bytesZeroed };
  }
}

/**
 * Runs `deliver(result)` — which copies the bytes out (IPC send, CLI output) — and wipes afterwards,
 * whether delivery succeeded or not.
 */
export async function handOver<T>(
  holding: DocumentHolding,
  result: DocumentsResult,
  deliver: (result: DocumentsResult) => T | Promise<T>,
): Promise<{ value: T; receipt: HoldingReceipt }> {
  holding.hold(result);
  try {
    const value = await deliver(result);
    return { value, receipt: holding.wipe() };
  } catch (error) {
    holding.wipe();
    throw error;
  }
}

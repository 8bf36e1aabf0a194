import type { DocumentSlot } from '../../shared/ipc.ts';

/**
 * The one owner of every piece of image memory this page holds: the byte arrays received over
 * IPC, the Blobs made from them, and every object URL handed to an `<img>`. Nothing else in the
 * renderer keeps a reference to image data, so a wipe here is total — and testable.
 *
 * Bytes are copied into a Blob (the Blob constructor and `crypto.subtle.digest` both take their
 * own copy synchronously) and the received array is zero-filled at once. Object URLs are made per
 * `<img>` and revoked as soon as that element has decoded its picture, so between wipes a URL
 * lives only for the milliseconds a decode takes.
 */

export interface HeldImage {
  readonly slot: DocumentSlot;
  readonly byteLength: number;
  /** SHA-256 of the bytes as received, computed here (null where WebCrypto is unavailable). */
  readonly digest: Promise<string | null>;
}

export interface WipeTally {
  images: number;
  bytesZeroed: number;
  urlsRevoked: number;
}

interface Entry {
  blob: Blob;
  byteLength: number;
}

export class ImageMemory {
  readonly #entries = new Map<DocumentSlot, Entry>();
  readonly #arrays = new Set<Uint8Array>();
  readonly #urls = new Set<string>();
  readonly #url: Pick<typeof URL, 'createObjectURL' | 'revokeObjectURL'>;

  constructor(url: Pick<typeof URL, 'createObjectURL' | 'revokeObjectURL'> = URL) {
    this.#url = url;
  }

  /** Takes ownership of received bytes: keeps a Blob copy, zero-fills the array. */
  adopt(slot: DocumentSlot, bytes: Uint8Array, mime: string): HeldImage {
    this.#release(slot);
    this.#arrays.add(bytes);
    const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mime });
    const digest = digestHex(bytes);
    const byteLength = bytes.byteLength;
    bytes.fill(0);
    this.#entries.set(slot, { blob, byteLength });
    return { slot, byteLength, digest };
  }

  /** Zero-fills bytes that arrived too late to be shown (a load that a wipe overtook). */
  discard(bytes: Uint8Array): void {
    bytes.fill(0);
  }

  /** A fresh object URL for one `<img>`; null once the image has been wiped. */
  acquireUrl(slot: DocumentSlot): string | null {
    const entry = this.#entries.get(slot);
    if (!entry) return null;
    const url = this.#url.createObjectURL(entry.blob);
    this.#urls.add(url);
    return url;
  }

  /** Revokes one URL (idempotent): called when its `<img>` has decoded, or unmounts. */
  releaseUrl(url: string): void {
    if (!this.#urls.delete(url)) return;
    this.#url.revokeObjectURL(url);
  }

  get size(): number {
    return this.#entries.size;
  }

  /** Drops everything: revokes every URL, zero-fills every array, forgets every Blob. */
  wipe(): WipeTally {
    const tally: WipeTally = { images: this.#entries.size, bytesZeroed: 0, urlsRevoked: 0 };
    for (const url of this.#urls) {
      this.#url.revokeObjectURL(url);
      tally.urlsRevoked += 1;
    }
    this.#urls.clear();
    for (const array of this.#arrays) {
      array.fill(0);
      tally.bytesZeroed += array.byteLength;
    }
    this.#arrays.clear();
    this.#entries.clear();
    return tally;
  }

  #release(slot: DocumentSlot): void {
    this.#entries.delete(slot);
  }
}

async function digestHex(bytes: Uint8Array): Promise<string | null> {
  // Absent outside secure contexts; the check is then simply not made.
  const subtle: SubtleCrypto | undefined = (globalThis.crypto as Crypto | undefined)?.subtle;
  if (!subtle) return null;
  try {
    // digest() copies its input before returning the promise, so zero-filling right after is safe.
    const pending = subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
    const hash = new Uint8Array(await pending);
    return Array.from(hash, (b) => b.toString(16).padStart(2, '0')).join('');
  } catch {
    return null;
  }
}

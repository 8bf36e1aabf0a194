import { describe, expect, it } from 'vitest';
import { DocumentHolding, handOver } from '../../../../core/documents/holding.ts';
import type { DocumentImage, DocumentsResult } from '../../../../shared/ipc.ts';

function image(size: number, fill: number): DocumentImage {
  return {
    bytes: new Uint8Array(size).fill(fill),
    mime: 'image/jpeg',
    width: 1,
    height: 1,
    storedWidth: 1,
    storedHeight: 1,
    orientation: 1,
    trailingBytes: 0,
    progressive: false,
    byteLength: size,
    sha256: 'a'.repeat(64),
  };
}

function result(): DocumentsResult {
  return {
    verified: true,
    session: { id: 's', type: 'veriff', date: null, status: 'approved' },
    documents: { documentFront: image(10, 1), documentBack: null, face: image(7, 2) },
    refused: {},
  };
}

describe('DocumentHolding', () => {
  it('zero-fills every held image on wipe and reports what it cleared', () => {
    const holding = new DocumentHolding();
    const held = holding.hold(result());
    expect(holding.holding).toBe(true);
    expect(holding.wipe()).toEqual({ imagesCleared: 2, bytesZeroed: 17 });
    expect(held.documents.documentFront!.bytes.every((b) => b === 0)).toBe(true);
    expect(held.documents.face!.bytes.every((b) => b === 0)).toBe(true);
    expect(holding.holding).toBe(false);
  });

  it('is idempotent: a second wipe clears nothing more', () => {
    const holding = new DocumentHolding();
    holding.hold(result());
    holding.wipe();
    expect(holding.wipe()).toEqual({ imagesCleared: 0, bytesZeroed: 0 });
  });

  it('wipes the previous result when a new one is held', () => {
    const holding = new DocumentHolding();
    const first = holding.hold(result());
    holding.hold(result());
    expect(first.documents.face!.bytes.every((b) => b === 0)).toBe(true);
  });

  it('handOver wipes after delivery, and also when delivery fails', async () => {
    const holding = new DocumentHolding();
    let copy: Uint8Array | undefined;
    const { receipt } = await handOver(holding, result(), (r) => {
      copy = Uint8Array.from(r.documents.documentFront!.bytes);
    });
    expect(copy?.every((b) => b === 1)).toBe(true);
    expect(receipt).toEqual({ imagesCleared: 2, bytesZeroed: 17 });

    const failing = result();
    await expect(
      handOver(holding, failing, () => Promise.reject(new Error('renderer gone'))),
    ).rejects.toThrow('renderer gone');
    expect(failing.documents.documentFront!.bytes.every((b) => b === 0)).toBe(true);
  });
});

import { describe, expect, it, vi } from 'vitest';
import { ImageMemory } from '../../renderer/src/image-memory.ts';
import { jpegBytes } from './fake-bridge.ts';

function urlApi() {
  let n = 0;
  const revoked: string[] = [];
  return {
    revoked,
    createObjectURL: vi.fn((blob: Blob) => {
      expect(blob).toBeInstanceOf(Blob);
      n += 1;
      return `blob:test/${n}`;
    }),
    revokeObjectURL: vi.fn((url: string) => {
      revoked.push(url);
    }),
  };
}

describe('ImageMemory', () => {
  it('zero-fills received bytes as soon as it holds its own copy', async () => {
    const memory = new ImageMemory(urlApi());
    const bytes = jpegBytes(1);
    const held = memory.adopt('documentFront', bytes, 'image/jpeg');
    expect(bytes.every((b) => b === 0)).toBe(true);
    expect(held.byteLength).toBe(256);
    // The digest was taken from the original bytes, before the zero-fill.
    const expected = Array.from(
      new Uint8Array(await crypto.subtle.digest('SHA-256', jpegBytes(1))),
      (b) => b.toString(16).padStart(2, '0'),
    ).join('');
    expect(await held.digest).toBe(expected);
  });

  it('hands out one URL per use and revokes it once released', () => {
    const api = urlApi();
    const memory = new ImageMemory(api);
    memory.adopt('face', jpegBytes(2), 'image/jpeg');
    const a = memory.acquireUrl('face');
    const b = memory.acquireUrl('face');
    expect(a).not.toBe(b);
    expect(memory.acquireUrl('documentBack')).toBeNull();
    if (a === null) throw new Error('no url');
    memory.releaseUrl(a);
    memory.releaseUrl(a);
    expect(api.revoked).toEqual([a]);
    // Only b is still alive: the wipe revokes it, and a is not revoked twice.
    expect(memory.wipe().urlsRevoked).toBe(1);
    expect(api.revoked).toEqual([a, b]);
  });

  it('a wipe revokes every live URL, zero-fills every array and forgets every image', () => {
    const api = urlApi();
    const memory = new ImageMemory(api);
    const arrays = [jpegBytes(1), jpegBytes(2, 300), jpegBytes(3, 400)];
    memory.adopt('documentFront', arrays[0]!, 'image/jpeg');
    memory.adopt('documentBack', arrays[1]!, 'image/jpeg');
    memory.adopt('face', arrays[2]!, 'image/jpeg');
    const urls = [memory.acquireUrl('documentFront'), memory.acquireUrl('face')];
    arrays[0]![5] = 7; // anything written later is zeroed too
    const tally = memory.wipe();
    expect(tally).toEqual({ images: 3, bytesZeroed: 956, urlsRevoked: 2 });
    expect(api.revoked.sort()).toEqual(urls.sort());
    expect(arrays.every((a) => a.every((b) => b === 0))).toBe(true);
    expect(memory.size).toBe(0);
    expect(memory.acquireUrl('face')).toBeNull();
    expect(memory.wipe()).toEqual({ images: 0, bytesZeroed: 0, urlsRevoked: 0 });
  });
});

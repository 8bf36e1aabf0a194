import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadImage } from '../../../../core/documents/download.ts';

/**
 * Node's fetch records a PerformanceResourceTiming entry per request, named with the full URL,
 * and keeps it until somebody clears it. For an image that URL is the signed one, so a main
 * process that downloaded images would hold every signed URL for its lifetime (the memory audit
 * found exactly that). The download module turns the buffer off.
 */
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x02, 0xff, 0xd9]);
let server: Server;
let origin = '';

beforeAll(async () => {
  server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': JPEG.byteLength });
    res.end(JPEG);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

describe('signed URLs do not outlive a download in performance timing entries', () => {
  it('no resource-timing entry names the URL after the download', async () => {
    const url = `${origin}/bucket/front.jpg?X-Amz-Expires=300&X-Amz-Signature=${'ab'.repeat(32)}`;
    const bytes = await downloadImage(url, {
      guard: { allowLoopbackHttp: true, allowS3Hosts: false, allowedHosts: ['127.0.0.1'] },
    });
    expect(bytes.byteLength).toBe(JPEG.byteLength);
    // Entries are filed after the body completes; give the timeline a few turns.
    await new Promise((ok) => setTimeout(ok, 20));
    const names = performance.getEntriesByType('resource').map((e) => e.name);
    expect(names.filter((n) => n.includes('X-Amz-Signature'))).toEqual([]);
  });
});

/**
 * The demo's signed-URL image store (its "S3") and the specimen JPEGs it serves: signatures and
 * expiry are really verified, refusals carry S3's XML errors, and the bytes served are the
 * specimens the backend reports.
 */
import { createHash } from 'node:crypto';
import { request } from 'node:http';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoBackend, type DemoBackend } from '../../demo/backend.ts';
import { computeSignature } from '../../demo/sigv4.ts';

let backend: DemoBackend;

beforeAll(async () => {
  backend = await startDemoBackend({ issuerPort: 0, imagePort: 0 });
});
afterAll(async () => {
  await backend.close();
});

const KINDS = ['documentFront', 'documentBack', 'face'] as const;
const FILES = {
  documentFront: 'document-front.jpg',
  documentBack: 'document-back.jpg',
  face: 'face.jpg',
};
const key = (persona: string, file: string) => `/specimen-bucket/${persona}/${file}`;

function xmlField(xml: string, name: string): string | undefined {
  return new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1];
}

async function s3Error(url: string | URL, init?: RequestInit) {
  const res = await fetch(url, init);
  const xml = await res.text();
  return {
    status: res.status,
    contentType: res.headers.get('content-type'),
    code: xmlField(xml, 'Code'),
    message: xmlField(xml, 'Message'),
    xml,
  };
}

describe('SigV4 signing', () => {
  it('matches AWS’s published pre-signed URL example', () => {
    // "Authenticating Requests: Using Query Parameters (AWS Signature Version 4)", S3 docs.
    const signature = computeSignature({
      method: 'GET',
      host: 'examplebucket.s3.amazonaws.com',
      decodedPath: '/test.txt',
      query: [
        ['X-Amz-Algorithm', 'AWS4-HMAC-SHA256'],
        ['X-Amz-Credential', 'AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request'],
        ['X-Amz-Date', '20130524T000000Z'],
        ['X-Amz-Expires', '86400'],
        ['X-Amz-SignedHeaders', 'host'],
      ],
      amzDate: '20130524T000000Z',
      region: 'us-east-1',
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    });
    expect(signature).toBe('aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404');
  });

  it('puts the SigV4 query parameters on every URL', () => {
    const url = new URL(backend.control.signUrl(key('full', 'face.jpg')));
    expect(url.origin).toBe(backend.imageOrigin);
    expect(url.searchParams.get('X-Amz-Algorithm')).toBe('AWS4-HMAC-SHA256');
    expect(url.searchParams.get('X-Amz-Credential')).toMatch(
      /^[A-Z0-9]+\/\d{8}\/us-east-2\/s3\/aws4_request$/,
    );
    expect(url.searchParams.get('X-Amz-Date')).toMatch(/^\d{8}T\d{6}Z$/);
    expect(url.searchParams.get('X-Amz-Expires')).toBe('3600');
    expect(url.searchParams.get('X-Amz-SignedHeaders')).toBe('host');
    expect(url.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('serving specimens', () => {
  it('serves each specimen as the JPEG the backend reports, uncached', async () => {
    for (const kind of KINDS) {
      const res = await fetch(backend.control.signUrl(key('full', FILES[kind])));
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/jpeg');
      expect(res.headers.get('cache-control')).toBe('no-store');
      const bytes = Buffer.from(await res.arrayBuffer());
      const facts = backend.specimens[kind];
      expect(Number(res.headers.get('content-length'))).toBe(bytes.byteLength);
      expect(bytes.byteLength).toBe(facts.byteLength);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(facts.sha256);
      expect([...bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
      expect([...bytes.subarray(-2)]).toEqual([0xff, 0xd9]);
      const meta = await sharp(bytes).metadata();
      expect(meta.format).toBe('jpeg');
      expect({ width: meta.width, height: meta.height }).toEqual({
        width: facts.width,
        height: facts.height,
      });
      // Scan-like sizes, small enough for the e2e bridge.
      expect(bytes.byteLength).toBeGreaterThan(150_000);
      expect(bytes.byteLength).toBeLessThan(2_000_000);
    }
    expect(backend.specimens.documentFront).toMatchObject({ width: 1800, height: 1140 });
    expect(backend.specimens.face).toMatchObject({ width: 1200, height: 1600 });
  });

  it('answers HEAD with the headers and no body', async () => {
    const res = await fetch(backend.control.signUrl(key('full', 'face.jpg')), { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(Number(res.headers.get('content-length'))).toBe(backend.specimens.face.byteLength);
    expect((await res.arrayBuffer()).byteLength).toBe(0);
  });

  it('has no back for the passport persona and nothing for the unverified one', async () => {
    expect(
      (await fetch(backend.control.signUrl(key('passport', 'document-front.jpg')))).status,
    ).toBe(200);
    for (const k of [key('passport', 'document-back.jpg'), key('unverified', 'face.jpg')]) {
      const err = await s3Error(backend.control.signUrl(k));
      expect(err).toMatchObject({ status: 404, code: 'NoSuchKey' });
    }
  });
});

describe('refusals, with S3’s XML errors', () => {
  it('a forged signature: 403 SignatureDoesNotMatch', async () => {
    const url = new URL(backend.control.signUrl(key('full', 'face.jpg')));
    const sig = url.searchParams.get('X-Amz-Signature') ?? '';
    url.searchParams.set('X-Amz-Signature', `${sig.slice(0, -1)}${sig.endsWith('0') ? '1' : '0'}`);
    const err = await s3Error(url);
    expect(err).toMatchObject({
      status: 403,
      contentType: 'application/xml',
      code: 'SignatureDoesNotMatch',
    });
    expect(err.xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<Error>')).toBe(true);
  });

  it('a signature moved to another object, or a lifetime stretched: SignatureDoesNotMatch', async () => {
    const face = new URL(backend.control.signUrl(key('full', 'face.jpg')));
    const moved = new URL(face);
    moved.pathname = key('full', 'document-front.jpg');
    expect(await s3Error(moved)).toMatchObject({ status: 403, code: 'SignatureDoesNotMatch' });

    const stretched = new URL(face);
    stretched.searchParams.set('X-Amz-Expires', '604800');
    expect(await s3Error(stretched)).toMatchObject({ status: 403, code: 'SignatureDoesNotMatch' });
  });

  it('the host is part of what was signed', async () => {
    const url = new URL(backend.control.signUrl(key('full', 'face.jpg')));
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: url.port,
          path: `${url.pathname}${url.search}`,
          headers: { host: `localhost:${url.port}` },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(403);
  });

  it('an expired URL: 403 AccessDenied "Request has expired"', async () => {
    const url = backend.control.signUrl(key('full', 'face.jpg'), {
      expiresSeconds: 3600,
      dateOffsetSeconds: -7200,
    });
    const err = await s3Error(url);
    expect(err).toMatchObject({
      status: 403,
      code: 'AccessDenied',
      message: 'Request has expired',
    });
    expect(xmlField(err.xml, 'X-Amz-Expires')).toBe('3600');
    expect(xmlField(err.xml, 'Expires')).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  });

  it('no signature at all: 403 AccessDenied', async () => {
    const err = await s3Error(`${backend.imageOrigin}${key('full', 'face.jpg')}`);
    expect(err).toMatchObject({ status: 403, code: 'AccessDenied', message: 'Access Denied' });
  });

  it('only GET and HEAD', async () => {
    const err = await s3Error(backend.control.signUrl(key('full', 'face.jpg')), { method: 'PUT' });
    expect(err).toMatchObject({ status: 405, code: 'MethodNotAllowed' });
  });
});

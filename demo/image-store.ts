/**
 * The demo's "S3": a bucket of specimen JPEGs on its own loopback origin, reachable only through
 * pre-signed URLs it really verifies (SigV4 query-string auth). Errors are S3's XML bodies.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Persona } from './personas.ts';
import {
  presignUrl,
  verifyPresigned,
  type SigningCredentials,
  type VerifyFailure,
} from './sigv4.ts';
import type { Specimen, SpecimenKind } from './specimens.ts';

export const BUCKET = 'specimen-bucket';

const FILE_NAMES: Record<SpecimenKind, string> = {
  documentFront: 'document-front.jpg',
  documentBack: 'document-back.jpg',
  face: 'face.jpg',
};

/** `/specimen-bucket/<persona>/document-front.jpg` and friends. */
export function objectKey(persona: Persona, kind: SpecimenKind): string {
  return `/${BUCKET}/${persona}/${FILE_NAMES[kind]}`;
}

function xmlEscape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function s3Error(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  extra: Record<string, string> = {},
  head = false,
): void {
  const requestId = randomBytes(8).toString('hex').toUpperCase();
  const extras = Object.entries(extra)
    .map(([k, v]) => `<${k}>${xmlEscape(v)}</${k}>`)
    .join('');
  const body =
    `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${xmlEscape(message)}</Message>` +
    `${extras}<RequestId>${requestId}</RequestId><HostId>${randomBytes(24).toString('base64')}</HostId></Error>`;
  res.writeHead(status, {
    'Content-Type': 'application/xml',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    'x-amz-request-id': requestId,
  });
  res.end(head ? undefined : body);
}

function failureExtras(failure: VerifyFailure, now: Date): Record<string, string> {
  if (failure.code === 'AccessDenied' && failure.message === 'Request has expired') {
    return {
      'X-Amz-Expires': String(failure.expires),
      Expires: failure.expiredAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      ServerTime: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    };
  }
  return {};
}

export interface ImageStore {
  /** Object key → bytes, filled once the specimens exist. */
  readonly objects: Map<string, Specimen>;
  /** Sign a URL for an object key on this store's origin. */
  sign(key: string, opts?: { expiresSeconds?: number; date?: Date }): string;
  handle(req: IncomingMessage, res: ServerResponse): void;
  setOrigin(origin: string): void;
}

export function createImageStore(opts: { now?: () => Date } = {}): ImageStore {
  const now = opts.now ?? (() => new Date());
  // A fresh secret per process: nobody outside this backend can produce a valid signature.
  const credentials: SigningCredentials = {
    accessKeyId: `AKIADEMO${randomBytes(6).toString('hex').toUpperCase()}`,
    secretAccessKey: randomBytes(30).toString('base64'),
    region: 'us-east-2',
  };
  const objects = new Map<string, Specimen>();
  let origin = '';

  return {
    objects,
    setOrigin(value) {
      origin = value;
    },
    sign(key, signOpts = {}) {
      if (!origin) throw new Error('image store is not listening yet');
      return presignUrl({
        origin,
        decodedPath: key,
        credentials,
        date: signOpts.date ?? now(),
        expiresSeconds: signOpts.expiresSeconds ?? 3600,
      });
    },
    handle(req, res) {
      const head = req.method === 'HEAD';
      if (req.method !== 'GET' && !head) {
        res.setHeader('Allow', 'GET, HEAD');
        s3Error(
          res,
          405,
          'MethodNotAllowed',
          'The specified method is not allowed against this resource.',
          {
            Method: req.method ?? '',
            ResourceType: 'OBJECT',
          },
        );
        return;
      }
      let url: URL;
      let decodedPath: string;
      try {
        url = new URL(req.url ?? '/', 'http://store.invalid');
        decodedPath = decodeURIComponent(url.pathname);
      } catch {
        s3Error(res, 400, 'InvalidURI', "Couldn't parse the specified URI.", {}, head);
        return;
      }
      const at = now();
      const verdict = verifyPresigned({
        method: req.method ?? 'GET',
        host: req.headers.host ?? '',
        decodedPath,
        searchParams: url.searchParams,
        credentials,
        now: at,
      });
      if (!verdict.ok) {
        s3Error(
          res,
          verdict.status,
          verdict.code,
          verdict.message,
          failureExtras(verdict, at),
          head,
        );
        return;
      }
      const object = objects.get(decodedPath);
      if (!object) {
        s3Error(
          res,
          404,
          'NoSuchKey',
          'The specified key does not exist.',
          { Key: decodedPath.replace(`/${BUCKET}/`, '') },
          head,
        );
        return;
      }
      res.writeHead(200, {
        'Content-Type': 'image/jpeg',
        'Content-Length': object.byteLength,
        'Cache-Control': 'no-store',
        ETag: `"${object.sha256.slice(0, 32)}"`,
        'Accept-Ranges': 'bytes',
        'Last-Modified': 'Mon, 15 Jan 2024 10:30:00 GMT',
        'x-amz-request-id': randomBytes(8).toString('hex').toUpperCase(),
        'x-amz-server-side-encryption': 'AES256',
      });
      res.end(head ? undefined : object.bytes);
    },
  };
}

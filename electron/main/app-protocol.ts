import { readFile } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';
import { appAssetPath, appResponseHeaders, contentTypeFor } from '../../core/security.ts';

/**
 * The `app://bundle/` handler: serves the built renderer's files, each with the CSP and the other
 * hardening headers, and answers 404 to anything else — other hosts, traversal, unknown file
 * types, methods other than GET, files that are not there.
 */
export function appProtocolHandler(rendererRoot: string): (request: Request) => Promise<Response> {
  const root = normalize(rendererRoot);
  const notFound = () =>
    new Response('Not found', { status: 404, headers: appResponseHeaders('text/plain') });
  return async (request) => {
    const relative = appAssetPath(request.url);
    if (relative === null || request.method !== 'GET') return notFound();
    const full = normalize(join(root, relative));
    if (!full.startsWith(root + sep)) return notFound();
    try {
      const body = await readFile(full);
      return new Response(body, {
        headers: appResponseHeaders(contentTypeFor(relative) ?? 'text/plain'),
      });
    } catch {
      return notFound();
    }
  };
}

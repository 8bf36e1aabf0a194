import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startDemoBackend, type DemoBackend, type Persona } from '../../demo/backend.ts';
import { AuthService } from '../../core/auth/auth-service.ts';
import { loadDocuments, type LoadDocumentsDeps } from '../../core/documents/loader.ts';
import { DocumentHolding } from '../../core/documents/holding.ts';
import { SCOPES } from '../../shared/environments.ts';
import { DOCUMENT_SLOTS, DocumentsResultSchema, type Progress } from '../../shared/ipc.ts';
import { getPortraitPassport, getReviewSpecimens } from '../../demo/specimens.ts';
import { fakeBrowser } from './auth-helpers.ts';

/**
 * Every persona of the demo backend end to end: a real sign-in (oidc-provider), the real API with
 * real JWT checks, and real SigV4-signed URLs on a second loopback origin, through loadDocuments.
 */

let backend: DemoBackend;
const services: AuthService[] = [];

beforeAll(async () => {
  backend = await startDemoBackend({ quiet: true });
});
afterAll(async () => {
  for (const auth of services) await auth.signOut();
  await backend.close();
});
beforeEach(() => backend.control.resetCounters());

async function signIn(persona: Persona, scopes: string[] = [SCOPES.openid, SCOPES.idVerification]) {
  const auth = new AuthService({ openExternal: fakeBrowser(persona).openExternal });
  services.push(auth);
  await auth.signIn({
    environment: 'demo',
    issuer: backend.issuer,
    clientId: backend.clients.public.clientId,
    allowInsecureLoopback: true,
    scopes,
    timeoutMs: 20_000,
  });
  return auth;
}

function deps(auth: AuthService, over: Partial<LoadDocumentsDeps> = {}): LoadDocumentsDeps {
  return {
    apiBase: backend.apiBase,
    getAccessToken: () => auth.getAccessToken(),
    refreshAccessToken: () => auth.refreshAccessToken(),
    grantedScopes: auth.grantedScopes(),
    allowedImageHosts: [new URL(backend.imageOrigin).hostname],
    allowLoopbackHttp: true,
    ...over,
  };
}

describe('loadDocuments against the demo backend', () => {
  it('full: three images whose hashes and sizes equal the specimens', async () => {
    const auth = await signIn('full');
    const progress: Progress[] = [];
    const result = await loadDocuments(deps(auth, { onProgress: (p) => progress.push(p) }));
    expect(DocumentsResultSchema.safeParse(result).success).toBe(true);
    expect(result.verified).toBe(true);
    expect(result.session.status).toBe('approved');
    for (const slot of DOCUMENT_SLOTS) {
      const { sha256, byteLength, width, height } = backend.specimens[slot];
      expect(result.documents[slot]).toMatchObject({
        sha256,
        byteLength,
        width,
        height,
        mime: 'image/jpeg',
      });
      expect(progress.filter((p) => p.slot === slot).at(-1)).toMatchObject({
        done: true,
        receivedBytes: byteLength,
      });
    }
    expect(result.refused).toEqual({});
    expect(backend.control.apiCalls('full')).toBe(1);

    const holding = new DocumentHolding();
    holding.hold(result);
    const total = DOCUMENT_SLOTS.reduce((n, slot) => n + backend.specimens[slot].byteLength, 0);
    expect(holding.wipe()).toEqual({ imagesCleared: 3, bytesZeroed: total });
    for (const slot of DOCUMENT_SLOTS)
      expect(result.documents[slot]!.bytes.every((b) => b === 0)).toBe(true);
  });

  it('full with the details scope: registry data arrives alongside', async () => {
    const auth = await signIn('full', [SCOPES.openid, SCOPES.idVerification, SCOPES.details]);
    const result = await loadDocuments(deps(auth));
    expect(result.registry).toEqual(expect.objectContaining({ givenName: expect.any(String) }));
  });

  it('passport: front and face, documentBack null', async () => {
    const auth = await signIn('passport');
    const result = await loadDocuments(deps(auth));
    expect(result.verified).toBe(true);
    expect(result.documents.documentBack).toBeNull();
    expect(result.documents.documentFront?.sha256).toBe(backend.specimens.passportPage.sha256);
    expect(result.documents.face?.sha256).toBe(backend.specimens.face.sha256);
  });

  it.each(['portrait', 'expired', 'renamed', 'checkdigit', 'edited', 'blurred'] as const)(
    '%s: its own documents (rendered on demand), not the shared ones',
    async (persona) => {
      const auth = await signIn(persona);
      const result = await loadDocuments(deps(auth));
      expect(result.verified).toBe(true);
      if (persona === 'portrait') {
        const own = await getPortraitPassport();
        expect(result.documents.documentFront?.sha256).toBe(own.sha256);
        expect(result.documents.documentBack).toBeNull();
        return;
      }
      const own = await getReviewSpecimens(persona);
      expect(result.documents.documentFront?.sha256).toBe(own.documentFront.sha256);
      expect(result.documents.documentBack?.sha256).toBe(own.documentBack.sha256);
      expect(own.documentBack.sha256).not.toBe(backend.specimens.documentBack.sha256);
      expect(result.documents.face?.sha256).toBe(backend.specimens.face.sha256);
    },
  );

  it('unverified: verified false, all null, not an error', async () => {
    const auth = await signIn('unverified');
    const result = await loadDocuments(deps(auth));
    expect(result).toMatchObject({
      verified: false,
      session: { id: null, type: null, date: null, status: null },
      documents: { documentFront: null, documentBack: null, face: null },
    });
  });

  it('noscope: missing_scope', async () => {
    const auth = await signIn('noscope');
    await expect(loadDocuments(deps(auth))).rejects.toMatchObject({ code: 'missing_scope' });
  });

  it('broken: server_error', async () => {
    const auth = await signIn('broken');
    await expect(loadDocuments(deps(auth))).rejects.toMatchObject({ code: 'server_error' });
  });

  it('shortlived: recovers from expired URLs with exactly one re-fetch', async () => {
    const auth = await signIn('shortlived');
    const result = await loadDocuments(deps(auth));
    expect(backend.control.apiCalls('shortlived')).toBe(2);
    for (const slot of DOCUMENT_SLOTS) {
      expect(result.documents[slot]?.sha256).toBe(backend.specimens[slot].sha256);
    }
  });

  it('shortlived, expired twice: fails clearly with url_expired after one re-fetch', async () => {
    const auth = await signIn('shortlived');
    backend.control.setShortlivedStaleResponses(2);
    await expect(loadDocuments(deps(auth))).rejects.toMatchObject({ code: 'url_expired' });
    expect(backend.control.apiCalls('shortlived')).toBe(2);
  });

  it('refuses the demo API outside demo mode, without a request to it or to the store', async () => {
    const auth = await signIn('full');
    const before = backend.control.apiCalls('full');
    await expect(loadDocuments(deps(auth, { allowLoopbackHttp: false }))).rejects.toMatchObject({
      code: 'insecure_url',
    });
    expect(backend.control.apiCalls('full')).toBe(before);
  });
});

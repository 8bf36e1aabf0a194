import { IdlensError } from '../shared/errors.ts';
import type { DocumentsResult } from '../shared/ipc.ts';
import { DocumentHolding } from './documents/holding.ts';
import { loadDocuments, type LoadDocumentsDeps } from './documents/loader.ts';
import type { AuthPort, DocumentsPort, DocumentsRequest } from './services.ts';

/**
 * The documents module as main uses it: a load with the signed-in user's token, whose result main
 * holds only until the reply has been serialised, then zero-fills.
 */
export function createDocumentsService(options: {
  auth: Pick<AuthPort, 'getAccessToken' | 'refreshAccessToken' | 'grantedScopes'>;
  /** Runs `fn` once the IPC reply carrying the result has been serialised. */
  afterReply?: (fn: () => void) => void;
  loaderOverrides?: Partial<LoadDocumentsDeps>;
}): DocumentsPort {
  const holding = new DocumentHolding();
  const afterReply = options.afterReply ?? ((fn: () => void) => setImmediate(fn));
  return {
    async load(request: DocumentsRequest): Promise<DocumentsResult> {
      holding.wipe();
      // A load outlived by its session sends no token (a later session's would go to old endpoints).
      const current = (): boolean => request.isSessionCurrent?.() ?? true;
      const result = await loadDocuments({
        apiBase: request.apiBase,
        getAccessToken: () => {
          if (!current()) throw new IdlensError('auth_required', 'Sign in to load documents.');
          return options.auth.getAccessToken();
        },
        refreshAccessToken: async () => current() && (await options.auth.refreshAccessToken()),
        grantedScopes: options.auth.grantedScopes(),
        ...(request.allowedImageHosts ? { allowedImageHosts: request.allowedImageHosts } : {}),
        allowLoopbackHttp: request.allowLoopbackHttp,
        onProgress: (progress) => {
          request.onProgress(progress);
        },
        ...options.loaderOverrides,
      });
      holding.hold(result);
      afterReply(() => holding.wipe());
      return result;
    },
    wipe: () => holding.wipe(),
  };
}

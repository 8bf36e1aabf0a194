import type { SignInConfig } from '../auth/auth-service.ts';
import type { SessionEndpoints } from './endpoints.ts';

/**
 * The one mapping from where a session connects (its endpoints, as judged by the shared endpoint
 * rules) and what it asks for to the sign-in module's config: the app builds it from the settings,
 * the CLI from its flags. Loopback http goes with the endpoints' demo mode, never on its own.
 */
export interface SignInRequest {
  scopes: readonly string[];
  redirectPort: number;
  redirectPath: string;
  timeoutMs: number;
}

export function signInConfigFor(
  endpoints: Pick<SessionEndpoints, 'environment' | 'issuer' | 'clientId' | 'allowLoopbackHttp'>,
  clientSecret: string | undefined,
  request: SignInRequest,
): SignInConfig {
  return {
    environment: endpoints.environment,
    issuer: endpoints.issuer,
    clientId: endpoints.clientId,
    ...(clientSecret ? { clientSecret } : {}),
    scopes: request.scopes,
    redirectPort: request.redirectPort,
    redirectPath: request.redirectPath,
    timeoutMs: request.timeoutMs,
    allowInsecureLoopback: endpoints.allowLoopbackHttp,
  };
}

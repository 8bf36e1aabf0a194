import type { Environment } from '../../shared/environments.ts';
import type { Settings } from '../../shared/settings.ts';
import { checkConnection, imageHostsFor } from '../../shared/endpoint-rules.ts';
import { endpointError } from '../auth/oauth.ts';
import { resolveEndpoints } from '../settings.ts';

/**
 * Where one session talks, fixed when its sign-in starts: every API call, refresh, download and
 * revocation of that session goes to these, whatever the settings say later. Plain `http` is
 * allowed only on a loopback host in demo mode, for the issuer and the API base alike.
 */
export interface SessionEndpoints {
  environment: Environment;
  issuer: string;
  issuerOrigin: string;
  apiBase: string;
  clientId: string;
  /** Image hosts besides Amazon S3; undefined = S3 only. */
  imageHosts: string[] | undefined;
  /** Demo mode: loopback `http` for the API and the image store. */
  allowLoopbackHttp: boolean;
  /** The issuer and API base are a built-in preset's (not ones read from settings). */
  preset: boolean;
}

/** The issuer origin and client id a client secret belongs to. */
export interface SecretBinding {
  issuerOrigin: string;
  clientId: string;
}

/**
 * The endpoints the settings point at, checked by the rules a session must meet; throws
 * `config_invalid` or `insecure_url` (fixed text, never the URL) when they do not.
 */
export function sessionEndpointsFor(settings: Settings, demoMode: boolean): SessionEndpoints {
  const verdict = checkConnection(settings, demoMode);
  if (!verdict.ok) {
    throw endpointError(
      verdict.problem,
      verdict.field === 'apiBase' ? 'The API base' : 'The issuer address',
    );
  }
  return {
    environment: verdict.environment,
    issuer: resolveEndpoints(settings).issuer,
    issuerOrigin: verdict.issuer.origin,
    apiBase: verdict.apiBase.href,
    clientId: settings.clientId,
    // S3 and the listed hosts; the demo image store on loopback for the demo environment only.
    imageHosts: imageHostsFor(settings.imageHosts, verdict.environment, demoMode),
    allowLoopbackHttp: demoMode,
    preset: verdict.preset,
  };
}

/** The secret binding of the settings' issuer and client id, or null when they name none. */
export function secretBindingFor(settings: Settings): SecretBinding | null {
  try {
    const { issuer } = resolveEndpoints(settings);
    return { issuerOrigin: new URL(issuer).origin, clientId: settings.clientId };
  } catch {
    return null;
  }
}

export function sameBinding(a: SecretBinding | null, b: SecretBinding | null): boolean {
  return a !== null && b !== null && a.issuerOrigin === b.issuerOrigin && a.clientId === b.clientId;
}

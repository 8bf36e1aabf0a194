import { ENVIRONMENT_PRESETS, type Environment } from './environments.ts';

/**
 * The one home of the rules an issuer and an API base must meet, for the app's main process, the
 * CLI and the Settings dialog alike. Each rule answers with a code, never with text: each edge
 * (main's errors, the CLI's catalogue, the dialog's catalogue) says it in its own words and
 * language. No Node built-ins: the renderer runs these too.
 */

export const ENDPOINT_PROBLEMS = [
  /** Not a URL at all. */
  'not_a_url',
  /** Carries credentials, a query or a fragment. */
  'url_parts',
  /** Neither https nor http. */
  'not_https',
  /** Plain http on a host other than loopback. */
  'http_not_loopback',
  /** Plain http on loopback, which only the demo backend and tests may use. */
  'http_needs_demo',
  /** The API base is on another origin than the issuer (the access token would go there). */
  'api_base_off_issuer',
  /** The demo environment outside demo mode. */
  'demo_needs_demo_mode',
  /** A custom environment without an issuer. */
  'custom_needs_issuer',
] as const;
export type EndpointProblem = (typeof ENDPOINT_PROBLEMS)[number];

/** Which address a problem is about. */
export type EndpointField = 'issuer' | 'apiBase' | 'environment';

/** The error code each problem leaves main or the CLI with. */
export function endpointErrorCode(problem: EndpointProblem): 'config_invalid' | 'insecure_url' {
  return problem === 'not_https' || problem === 'http_not_loopback' || problem === 'http_needs_demo'
    ? 'insecure_url'
    : 'config_invalid';
}

/** Host names that are loopback by definition (RFC 8252 §7.3, §8.3). */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '::1']);

/**
 * The one loopback-host rule, for every place that lets plain `http:` through on loopback only
 * (issuer, API base, sign-in URL; the image store in demo mode): `localhost`, `127.0.0.1` or
 * `[::1]`, in any spelling the URL parser turns into them (`2130706433` is `127.0.0.1`). Takes a
 * URL's `hostname` (IPv6 in brackets) or a bare host.
 */
export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1'));
}

export type UrlVerdict = { ok: true; url: URL } | { ok: false; problem: EndpointProblem };

/**
 * A server address the app will talk to (issuer, API base): https, or http on a loopback host
 * when loopback http is allowed (demo mode, tests). No credentials, query or fragment.
 */
export function checkServerAddress(raw: string, allowLoopbackHttp: boolean): UrlVerdict {
  const url = URL.parse(raw);
  if (url === null) return { ok: false, problem: 'not_a_url' };
  if (url.username || url.password || url.search || url.hash) {
    return { ok: false, problem: 'url_parts' };
  }
  if (url.protocol === 'https:') return { ok: true, url };
  if (url.protocol !== 'http:') return { ok: false, problem: 'not_https' };
  if (!isLoopbackHost(url.hostname)) return { ok: false, problem: 'http_not_loopback' };
  if (!allowLoopbackHttp) return { ok: false, problem: 'http_needs_demo' };
  return { ok: true, url };
}

/** What a connection is asked to be: a preset, or a custom issuer with an optional API base. */
export interface ConnectionInput {
  environment: Environment;
  issuer?: string | undefined;
  apiBase?: string | undefined;
}

export type ConnectionVerdict =
  | { ok: true; environment: Environment; issuer: URL; apiBase: URL; preset: boolean }
  | { ok: false; problem: EndpointProblem; field: EndpointField };

/**
 * The issuer and API base a connection resolves to, checked by every rule a session must meet:
 * a preset's own addresses (the demo only in demo mode), or a custom issuer and an API base on
 * its origin (e-Próspera's is; one elsewhere would receive the access token of a person who signs
 * in as usual). A custom API base defaults to the issuer.
 */
export function checkConnection(input: ConnectionInput, demoMode: boolean): ConnectionVerdict {
  if (input.environment !== 'custom') {
    if (input.environment === 'demo' && !demoMode) {
      return { ok: false, problem: 'demo_needs_demo_mode', field: 'environment' };
    }
    const preset = ENVIRONMENT_PRESETS[input.environment];
    return finish(input.environment, preset.issuer, preset.apiBase, demoMode, true);
  }
  if (input.issuer === undefined || input.issuer === '') {
    return { ok: false, problem: 'custom_needs_issuer', field: 'issuer' };
  }
  return finish('custom', input.issuer, input.apiBase || input.issuer, demoMode, false);
}

function finish(
  environment: Environment,
  rawIssuer: string,
  rawApiBase: string,
  demoMode: boolean,
  preset: boolean,
): ConnectionVerdict {
  const issuer = checkServerAddress(rawIssuer, demoMode);
  if (!issuer.ok) return { ok: false, problem: issuer.problem, field: 'issuer' };
  const apiBase = checkServerAddress(rawApiBase, demoMode);
  if (!apiBase.ok) return { ok: false, problem: apiBase.problem, field: 'apiBase' };
  if (apiBase.url.origin !== issuer.url.origin) {
    return { ok: false, problem: 'api_base_off_issuer', field: 'apiBase' };
  }
  return { ok: true, environment, issuer: issuer.url, apiBase: apiBase.url, preset };
}

/** Where the demo backend keeps its "S3" store: loopback. */
export const DEMO_IMAGE_HOST = '127.0.0.1';

/**
 * The image hosts a session may download from besides Amazon S3: those the person listed, and
 * for the demo environment in demo mode (the CLI: `--insecure-loopback`) the demo store on
 * loopback. Any other set-up lists loopback itself if it wants it. Undefined = S3 only.
 */
export function imageHostsFor(
  listed: readonly string[] | undefined,
  environment: Environment,
  demoMode: boolean,
): string[] | undefined {
  return environment === 'demo' && demoMode
    ? [...(listed ?? []), DEMO_IMAGE_HOST]
    : listed && [...listed];
}

import { IdlensError } from '../../shared/errors.ts';
import type { ClientSecretStore } from '../client-secret.ts';
import type { ConfirmConnection, ConnectionSummary, IssParameter } from '../connection-confirm.ts';
import type { SignInHooks } from '../auth/auth-service.ts';
import type { SettingsService } from '../settings.ts';
import type { SessionEndpoints } from './endpoints.ts';

/**
 * Who may decide where a session connects: the person at the keyboard, through the host's own
 * confirmation (the app: a native dialog), never the page. This module holds what main knows
 * about that — which endpoints the person confirmed this run and what their discovery said about
 * RFC 9207 `iss` — and which client secret may go to which endpoints: `IDLENS_CLIENT_SECRET` only
 * to the issuer `IDLENS_CLIENT_SECRET_ISSUER` names or a preset's, with the client id of the
 * start; a stored one only to the issuer and client id it was stored for.
 */
export interface ConnectionGateDeps {
  settings: SettingsService;
  clientSecret?: string | undefined;
  clientSecretIssuer?: string | undefined;
  secretStore?: ClientSecretStore | undefined;
  confirmConnection?: ConfirmConnection | undefined;
  systemLanguage?: (() => string) | undefined;
}

export type SummaryRequest = Pick<ConnectionSummary, 'reason' | 'changes'> &
  Partial<Pick<ConnectionSummary, 'secretChange' | 'issParameter'>>;

export interface ConnectionGate {
  /** The client secret a sign-in to these endpoints may send, or undefined. */
  secretFor(endpoints: SessionEndpoints): Promise<string | undefined>;
  /** What the confirmation names for these endpoints. */
  summaryOf(endpoints: SessionEndpoints, request: SummaryRequest): Promise<ConnectionSummary>;
  /** Asks the person; resolves only on a yes, else throws `connection_declined`. */
  confirmOrDecline(summary: ConnectionSummary, what: string): Promise<void>;
  /** Notes endpoints the person confirmed, with what was known about `iss` then. */
  markConfirmed(endpoints: SessionEndpoints, issParameter: IssParameter): void;
  /**
   * For a sign-in to these endpoints: a custom issuer is signed in to only once the person
   * confirmed it this run, knowing what its discovery — the one this very flow uses — says about
   * `iss`; one confirmed before that was known is asked about again when it turns out to lack it.
   */
  signInHooks(endpoints: SessionEndpoints): SignInHooks;
  /** Runs one confirmation at a time: a second one waits for no dialog, it is refused. */
  exclusive<T>(fn: () => Promise<T>): Promise<T>;
}

export function createConnectionGate(deps: ConnectionGateDeps): ConnectionGate {
  /** The origin `IDLENS_CLIENT_SECRET_ISSUER` names; null when it names none that parses. */
  const environmentSecretIssuer =
    deps.clientSecretIssuer === undefined || deps.clientSecretIssuer === ''
      ? undefined
      : (URL.parse(deps.clientSecretIssuer)?.origin ?? null);

  /** The client id in effect at start, the one `IDLENS_CLIENT_SECRET` was given for. */
  const environmentSecretClientId = deps.settings.get().clientId;

  /** Whether `IDLENS_CLIENT_SECRET` belongs to these endpoints' issuer and client id. */
  const environmentSecretFits = (endpoints: SessionEndpoints): boolean => {
    if (!deps.clientSecret || endpoints.clientId !== environmentSecretClientId) return false;
    if (environmentSecretIssuer === undefined) return endpoints.preset;
    return environmentSecretIssuer === endpoints.issuerOrigin;
  };

  const secretFor = async (endpoints: SessionEndpoints): Promise<string | undefined> => {
    if (environmentSecretFits(endpoints)) return deps.clientSecret;
    const binding = { issuerOrigin: endpoints.issuerOrigin, clientId: endpoints.clientId };
    return deps.secretStore?.reveal(binding);
  };

  /**
   * The endpoints the person confirmed this run (or that are presets), with what the provider's
   * discovery said about `iss` when they did. Keyed by everything the dialog named.
   */
  const confirmed = new Map<string, IssParameter>();
  const confirmationKey = (endpoints: SessionEndpoints): string =>
    JSON.stringify([
      endpoints.issuer,
      endpoints.apiBase,
      endpoints.clientId,
      endpoints.imageHosts ?? [],
    ]);

  const language = (): 'en' | 'es' => {
    const chosen = deps.settings.get().language;
    if (chosen !== 'system') return chosen;
    return (deps.systemLanguage?.() ?? 'en').toLowerCase().startsWith('es') ? 'es' : 'en';
  };

  const summaryOf = async (
    endpoints: SessionEndpoints,
    extra: Pick<ConnectionSummary, 'reason' | 'changes'> &
      Partial<Pick<ConnectionSummary, 'secretChange' | 'issParameter'>>,
  ): Promise<ConnectionSummary> => {
    // Nothing is fetched from an address before the person agreed to it: whether the provider
    // sends `iss` is learnt from the sign-in's own discovery, which asks again if it does not.
    const issParameter = extra.issParameter ?? 'unknown';
    let secretSent: boolean;
    if (extra.secretChange === 'store') secretSent = true;
    else if (environmentSecretFits(endpoints)) secretSent = true;
    else if (extra.secretChange === 'clear') secretSent = false;
    else {
      const stored = await deps.secretStore?.reveal({
        issuerOrigin: endpoints.issuerOrigin,
        clientId: endpoints.clientId,
      });
      secretSent = stored !== undefined;
    }
    const hostOf = (href: string) => new URL(href).host;
    return {
      reason: extra.reason,
      environment: endpoints.environment,
      preset: endpoints.preset,
      issuerHost: hostOf(endpoints.issuer),
      apiHost: hostOf(endpoints.apiBase),
      imageHosts: [...(endpoints.imageHosts ?? [])],
      clientId: endpoints.clientId,
      secretSent,
      secretChange: extra.secretChange,
      issParameter,
      changes: extra.changes,
      language: language(),
    };
  };

  /** Asks the person; resolves only on a yes, else throws `connection_declined`. */
  const confirmOrDecline = async (summary: ConnectionSummary, what: string): Promise<void> => {
    let yes: boolean;
    try {
      yes = deps.confirmConnection ? await deps.confirmConnection(summary) : false;
    } catch {
      // A dialog that failed to show is no answer, and no answer is no.
      yes = false;
    }
    if (!yes) {
      throw new IdlensError('connection_declined', `${what} was not confirmed; nothing changed.`);
    }
  };

  let confirming = false;

  return {
    secretFor,
    summaryOf,
    confirmOrDecline,
    markConfirmed: (endpoints, issParameter) => {
      confirmed.set(confirmationKey(endpoints), issParameter);
    },
    signInHooks: (endpoints) => ({
      afterDiscovery: async ({ issParameter }) => {
        if (endpoints.preset) return;
        const before = confirmed.get(confirmationKey(endpoints));
        if (before !== undefined && (before === issParameter || issParameter === 'supported')) {
          return;
        }
        await confirmOrDecline(
          await summaryOf(endpoints, { reason: 'sign-in', changes: [], issParameter }),
          'The sign-in to this provider',
        );
        confirmed.set(confirmationKey(endpoints), issParameter);
      },
    }),
    async exclusive(fn) {
      if (confirming) {
        throw new IdlensError(
          'settings_locked',
          'Another connection change is waiting for confirmation; answer it first.',
        );
      }
      confirming = true;
      try {
        return await fn();
      } finally {
        confirming = false;
      }
    },
  };
}

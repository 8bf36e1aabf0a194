import { RegistrySchema, type Registry } from '../../shared/ipc.ts';
import { SCOPES } from '../../shared/environments.ts';
import { apiFailure, apiGetJson, type ApiDeps, type ApiFailure } from './http.ts';

/**
 * `GET /api/v1/me/natural-person` (eprospera-api.md §6b): the registry record, only worth calling
 * when `eprospera:person.details.read` was granted. The body may be JSON `null` (profile not
 * completed) — that is `{ kind: 'registry', registry: null }`, not an error.
 */

export const NATURAL_PERSON_PATH = '/api/v1/me/natural-person';

export type NaturalPersonOutcome = { kind: 'registry'; registry: Registry | null } | ApiFailure;

export function parseNaturalPersonBody(body: unknown): NaturalPersonOutcome {
  if (body === null) return { kind: 'registry', registry: null };
  const result = RegistrySchema.safeParse(body);
  return result.success
    ? { kind: 'registry', registry: result.data }
    : apiFailure('malformed_body');
}

export function detailsScopeGranted(grantedScopes: readonly string[]): boolean {
  return grantedScopes.includes(SCOPES.details);
}

export async function fetchNaturalPerson(deps: ApiDeps): Promise<NaturalPersonOutcome> {
  const answer = await apiGetJson(NATURAL_PERSON_PATH, deps);
  if (answer.kind === 'error') return answer;
  return parseNaturalPersonBody(answer.body);
}

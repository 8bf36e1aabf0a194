/** Where idlens signs in and which API it calls. `custom` takes both from settings or flags. */
export const ENVIRONMENTS = ['production', 'staging', 'demo', 'custom'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

export interface EnvironmentPreset {
  issuer: string;
  apiBase: string;
}

/** Fixed ports of the embedded demo backend (`npm run demo:server`). */
export const DEMO_PORTS = { issuer: 4480, images: 4481, fixedRedirect: 4482 } as const;

export const ENVIRONMENT_PRESETS: Record<Exclude<Environment, 'custom'>, EnvironmentPreset> = {
  production: { issuer: 'https://portal.eprospera.com', apiBase: 'https://portal.eprospera.com' },
  staging: {
    issuer: 'https://staging-portal.eprospera.com',
    apiBase: 'https://staging-portal.eprospera.com',
  },
  demo: {
    issuer: `http://127.0.0.1:${DEMO_PORTS.issuer}`,
    apiBase: `http://127.0.0.1:${DEMO_PORTS.issuer}`,
  },
};

/** Scope names of e-Próspera this app uses. */
export const SCOPES = {
  openid: 'openid',
  idVerification: 'eprospera:person.id_verification.read',
  details: 'eprospera:person.details.read',
  offline: 'offline_access',
} as const;

export const DEFAULT_SCOPES: readonly string[] = [SCOPES.openid, SCOPES.idVerification];

/** Client ids of the demo backend (no secret is needed for the public one). */
export const DEMO_CLIENTS = {
  public: 'idlens-demo-public',
  confidential: 'idlens-demo-confidential',
  fixedPort: 'idlens-demo-fixed-port',
} as const;

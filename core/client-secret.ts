import { z } from 'zod';
import { IdlensError } from '../shared/errors.ts';
import type { ClientSecretStatus } from '../shared/ipc.ts';
import type { SecretBinding } from './session/endpoints.ts';

/**
 * The confidential client's secret, when the user keeps it in idlens rather than in
 * `IDLENS_CLIENT_SECRET`: encrypted with the OS keychain (Electron's safeStorage, passed in as
 * `cipher`) and stored as ciphertext only. The issuer origin and client id it was stored for are
 * encrypted with it, and it is revealed only for a sign-in to that same pair: no settings change
 * can send it to another issuer. It is never returned to the renderer, which can only set it,
 * clear it, and learn whether one is stored.
 */
export interface SecretCipher {
  /** Whether the OS offers real encryption (not Linux's hard-coded `basic_text` fallback). */
  isStrongEncryptionAvailable(): Promise<boolean>;
  encryptString(plain: string): Promise<Uint8Array>;
  decryptString(cipher: Uint8Array): Promise<string>;
}

export interface SecretBacking {
  /** The stored ciphertext (base64), or undefined. */
  read(): unknown;
  write(ciphertext: string | undefined): void;
}

export interface ClientSecretStore {
  status(): Promise<ClientSecretStatus>;
  /** Stores a new secret for this issuer and client id (or clears it with null). */
  set(secret: string | null, binding: SecretBinding): Promise<ClientSecretStatus>;
  /**
   * The secret for a sign-in to this issuer and client id, or undefined: also when it was stored
   * for another pair. A ciphertext that no longer decrypts, or holds no binding, is dropped.
   */
  reveal(binding: SecretBinding): Promise<string | undefined>;
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** What is encrypted: the secret together with the pair it belongs to. */
const BoundSecretSchema = z.strictObject({
  issuerOrigin: z.string().min(1),
  clientId: z.string().min(1),
  secret: z.string().min(1),
});

function parseBound(plain: string): z.infer<typeof BoundSecretSchema> | undefined {
  try {
    const parsed = BoundSecretSchema.safeParse(JSON.parse(plain));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function createClientSecretStore(
  cipher: SecretCipher,
  backing: SecretBacking,
): ClientSecretStore {
  const stored = (): string | undefined => {
    const raw = backing.read();
    return typeof raw === 'string' && raw.length > 0 && BASE64.test(raw) ? raw : undefined;
  };
  const status = async (): Promise<ClientSecretStatus> => ({
    hasClientSecret: stored() !== undefined,
    encryptionAvailable: await cipher.isStrongEncryptionAvailable(),
  });
  return {
    status,
    async set(secret, binding) {
      if (secret === null) {
        backing.write(undefined);
        return status();
      }
      if (!(await cipher.isStrongEncryptionAvailable())) {
        throw new IdlensError(
          'config_invalid',
          'This system offers no keychain to encrypt the client secret; set IDLENS_CLIENT_SECRET instead.',
        );
      }
      const plain = JSON.stringify({
        issuerOrigin: binding.issuerOrigin,
        clientId: binding.clientId,
        secret,
      });
      backing.write(Buffer.from(await cipher.encryptString(plain)).toString('base64'));
      return status();
    },
    async reveal(binding) {
      const ciphertext = stored();
      if (ciphertext === undefined || !(await cipher.isStrongEncryptionAvailable()))
        return undefined;
      let bound: z.infer<typeof BoundSecretSchema> | undefined;
      try {
        bound = parseBound(await cipher.decryptString(Buffer.from(ciphertext, 'base64')));
      } catch {
        bound = undefined;
      }
      if (bound === undefined) {
        // Encrypted under another OS account or keychain, or stored without the pair it belongs
        // to: useless here, so forget it.
        backing.write(undefined);
        return undefined;
      }
      return bound.issuerOrigin === binding.issuerOrigin && bound.clientId === binding.clientId
        ? bound.secret
        : undefined;
    },
  };
}

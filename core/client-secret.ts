import { IdlensError } from '../shared/errors.ts';

/**
 * The confidential client's secret, when the user keeps it in idlens rather than in
 * `IDLENS_CLIENT_SECRET`: encrypted with the OS keychain (Electron's safeStorage, passed in as
 * `cipher`) and stored as ciphertext only. It is decrypted when a sign-in needs it and never
 * returned to the renderer, which can only set it, clear it, and learn whether one is stored.
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

export interface ClientSecretStatus {
  hasClientSecret: boolean;
  encryptionAvailable: boolean;
}

export interface ClientSecretStore {
  status(): Promise<ClientSecretStatus>;
  /** Stores a new secret (or clears it with null). */
  set(secret: string | null): Promise<ClientSecretStatus>;
  /** The secret for a sign-in, or undefined; a ciphertext that no longer decrypts is dropped. */
  reveal(): Promise<string | undefined>;
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

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
    async set(secret) {
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
      backing.write(Buffer.from(await cipher.encryptString(secret)).toString('base64'));
      return status();
    },
    async reveal() {
      const ciphertext = stored();
      if (ciphertext === undefined || !(await cipher.isStrongEncryptionAvailable()))
        return undefined;
      try {
        return await cipher.decryptString(Buffer.from(ciphertext, 'base64'));
      } catch {
        // Encrypted under another OS account or keychain: useless here, so forget it.
        backing.write(undefined);
        return undefined;
      }
    },
  };
}

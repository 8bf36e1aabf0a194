import { describe, expect, it } from 'vitest';
import { createClientSecretStore, type SecretCipher } from '../../../core/client-secret.ts';

/** A reversible stand-in for the OS keychain: what matters here is that only ciphertext is stored. */
function cipher(strong = true): SecretCipher & { key: number } {
  const c = {
    key: 7,
    isStrongEncryptionAvailable: () => Promise.resolve(strong),
    encryptString: (plain: string) =>
      Promise.resolve(Uint8Array.from(Buffer.from(plain, 'utf8'), (b) => b ^ c.key)),
    decryptString: (bytes: Uint8Array) => {
      const plain = Buffer.from(Uint8Array.from(bytes, (b) => b ^ c.key)).toString('utf8');
      return plain.startsWith('{"issuerOrigin"') || plain.startsWith('s3cr')
        ? Promise.resolve(plain)
        : Promise.reject(new Error('cannot decrypt'));
    },
  };
  return c;
}

const PAIR = { issuerOrigin: 'https://portal.eprospera.com', clientId: 'reviewer-app' };

function backing(initial?: unknown) {
  const b = {
    value: initial,
    read: () => b.value,
    write: (v: string | undefined) => void (b.value = v),
  };
  return b;
}

describe('stored client secret', () => {
  it('keeps only ciphertext on disk and gives the secret back for a sign-in', async () => {
    const file = backing();
    const store = createClientSecretStore(cipher(), file);
    expect(await store.set('s3cret-value', PAIR)).toEqual({
      hasClientSecret: true,
      encryptionAvailable: true,
    });
    expect(typeof file.value).toBe('string');
    expect(String(file.value)).not.toContain('s3cret');
    expect(await store.reveal(PAIR)).toBe('s3cret-value');
  });

  it('refuses to store a secret where the OS has no real keychain', async () => {
    const file = backing();
    const store = createClientSecretStore(cipher(false), file);
    await expect(store.set('s3cret-value', PAIR)).rejects.toMatchObject({ code: 'config_invalid' });
    expect(file.value).toBeUndefined();
    expect(await store.status()).toEqual({ hasClientSecret: false, encryptionAvailable: false });
  });

  it('clears the secret with null', async () => {
    const file = backing();
    const store = createClientSecretStore(cipher(), file);
    await store.set('s3cret-value', PAIR);
    expect((await store.set(null, PAIR)).hasClientSecret).toBe(false);
    expect(await store.reveal(PAIR)).toBeUndefined();
  });

  it('forgets a ciphertext that no longer decrypts (another keychain) instead of failing sign-in', async () => {
    const c = cipher();
    const file = backing();
    const store = createClientSecretStore(c, file);
    await store.set('s3cret-value', PAIR);
    c.key = 9;
    expect(await store.reveal(PAIR)).toBeUndefined();
    expect(file.value).toBeUndefined();
  });

  it('ignores a tampered store file', async () => {
    for (const value of [42, { secret: 'x' }, 'not base64 !', '']) {
      const status = await createClientSecretStore(cipher(), backing(value)).status();
      expect(status.hasClientSecret).toBe(false);
    }
  });

  it('reveals the secret only for the issuer origin and client id it was stored for', async () => {
    const file = backing();
    const store = createClientSecretStore(cipher(), file);
    await store.set('s3cret-value', PAIR);
    expect(await store.reveal({ ...PAIR, issuerOrigin: 'http://127.0.0.1:9999' })).toBeUndefined();
    expect(await store.reveal({ ...PAIR, clientId: 'another-app' })).toBeUndefined();
    // Asking for another pair does not lose it for its own.
    expect(await store.reveal(PAIR)).toBe('s3cret-value');
  });

  it('forgets a secret stored without the pair it belongs to', async () => {
    const c = cipher();
    const legacy = Buffer.from(await c.encryptString('s3cret-old')).toString('base64');
    const file = backing(legacy);
    const store = createClientSecretStore(c, file);
    expect(await store.reveal(PAIR)).toBeUndefined();
    expect(file.value).toBeUndefined();
  });
});

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
      return plain.startsWith('s3cr')
        ? Promise.resolve(plain)
        : Promise.reject(new Error('cannot decrypt'));
    },
  };
  return c;
}

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
    expect(await store.set('s3cret-value')).toEqual({
      hasClientSecret: true,
      encryptionAvailable: true,
    });
    expect(typeof file.value).toBe('string');
    expect(String(file.value)).not.toContain('s3cret');
    expect(await store.reveal()).toBe('s3cret-value');
  });

  it('refuses to store a secret where the OS has no real keychain', async () => {
    const file = backing();
    const store = createClientSecretStore(cipher(false), file);
    await expect(store.set('s3cret-value')).rejects.toMatchObject({ code: 'config_invalid' });
    expect(file.value).toBeUndefined();
    expect(await store.status()).toEqual({ hasClientSecret: false, encryptionAvailable: false });
  });

  it('clears the secret with null', async () => {
    const file = backing();
    const store = createClientSecretStore(cipher(), file);
    await store.set('s3cret-value');
    expect((await store.set(null)).hasClientSecret).toBe(false);
    expect(await store.reveal()).toBeUndefined();
  });

  it('forgets a ciphertext that no longer decrypts (another keychain) instead of failing sign-in', async () => {
    const c = cipher();
    const file = backing();
    const store = createClientSecretStore(c, file);
    await store.set('s3cret-value');
    c.key = 9;
    expect(await store.reveal()).toBeUndefined();
    expect(file.value).toBeUndefined();
  });

  it('ignores a tampered store file', async () => {
    for (const value of [42, { secret: 'x' }, 'not base64 !', '']) {
      const status = await createClientSecretStore(cipher(), backing(value)).status();
      expect(status.hasClientSecret).toBe(false);
    }
  });
});

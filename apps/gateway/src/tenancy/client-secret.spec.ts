import { decoyClientSecretHash, generateClientSecret, hashClientSecret, verifyClientSecret } from './client-secret';

describe('client secrets', () => {
  it('generates long random base64url secrets', () => {
    const a = generateClientSecret();
    const b = generateClientSecret();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
  });

  it('stores only a salted scrypt hash that verifies the secret', async () => {
    const secret = generateClientSecret();
    const hash = await hashClientSecret(secret);
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9_-]+\$[A-Za-z0-9_-]+$/);
    expect(hash).not.toContain(secret);
    await expect(verifyClientSecret(secret, hash)).resolves.toBe(true);
  });

  it('salts every hash', async () => {
    const secret = generateClientSecret();
    expect(await hashClientSecret(secret)).not.toBe(await hashClientSecret(secret));
  });

  it('refuses a wrong secret and malformed stored hashes', async () => {
    const hash = await hashClientSecret('right-secret');
    await expect(verifyClientSecret('wrong-secret', hash)).resolves.toBe(false);
    await expect(verifyClientSecret('right-secret', 'plain-text')).resolves.toBe(false);
    await expect(verifyClientSecret('right-secret', 'scrypt$x$8$1$abc$def')).resolves.toBe(false);
    await expect(verifyClientSecret('right-secret', 'scrypt$16384$8$1$abc$')).resolves.toBe(false);
  });

  it('has a decoy hash that no guessed secret matches', async () => {
    const decoy = await decoyClientSecretHash();
    expect(decoy).toBe(await decoyClientSecretHash());
    await expect(verifyClientSecret('', decoy)).resolves.toBe(false);
  });
});

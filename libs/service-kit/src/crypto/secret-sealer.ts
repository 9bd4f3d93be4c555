import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 'v1';

/**
 * Secrets the platform must read back (issuers' private keys, webhook signing secrets): AES-256-GCM
 * under a key derived with HKDF-SHA256 from SECRETS_ENCRYPTION_KEY and a `purpose`, so a key derived
 * for one use is useless for another. The caller's `context` (the row's identity) is the associated
 * data: a ciphertext copied onto another row does not decrypt, and a database dump alone reveals
 * nothing. Stored as `v1.<iv>.<tag>.<ciphertext>` (base64url parts); the version leaves room to
 * re-seal under a new master key.
 */
export class SecretSealer {
  private readonly key: Buffer;

  constructor(masterKey: string, purpose: string) {
    this.key = Buffer.from(hkdfSync('sha256', masterKey, 'badges-secrets', purpose, 32));
  }

  seal(plaintext: string, context: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, ...[iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString('base64url'))].join('.');
  }

  /** Throws when the master key, the purpose, the context or any byte differs (GCM authentication). */
  open(sealed: string, context: string): string {
    const [version, iv, tag, ciphertext] = sealed.split('.');
    if (version !== VERSION || !iv || !tag || ciphertext === undefined) throw new Error('unrecognised sealed secret');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
  }
}

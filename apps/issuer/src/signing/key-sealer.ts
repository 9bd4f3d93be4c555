import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';

import { ISSUER_CONFIG } from '../common/tokens';
import type { IssuerConfig } from '../config/issuer.config';

const VERSION = 'v1';
/** HKDF info: a key derived for this purpose is useless for any other (e.g. webhook secrets). */
const INFO = 'badges/issuer/signing-key/v1';

/**
 * Issuers' private keys at rest: AES-256-GCM under a key derived with HKDF-SHA256 from
 * SECRETS_ENCRYPTION_KEY. The associated data names the key row (institution, issuer, key id),
 * so a ciphertext copied onto another row does not decrypt, and a database dump alone signs
 * nothing. Stored as `v1.<iv>.<tag>.<ciphertext>` (base64url parts); the version leaves room to
 * re-seal under a new master key later.
 */
@Injectable()
export class KeySealer {
  private readonly key: Buffer;

  constructor(@Inject(ISSUER_CONFIG) config: Pick<IssuerConfig, 'secretsEncryptionKey'>) {
    this.key = Buffer.from(hkdfSync('sha256', config.secretsEncryptionKey, 'badges-secrets', INFO, 32));
  }

  seal(plaintext: string, context: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, ...[iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString('base64url'))].join('.');
  }

  /** Throws when the master key, the context or any byte differs (GCM authentication). */
  open(sealed: string, context: string): string {
    const [version, iv, tag, ciphertext] = sealed.split('.');
    if (version !== VERSION || !iv || !tag || ciphertext === undefined) throw new Error('unrecognised sealed private key');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
  }
}

/** The associated data of one key row. */
export function signingKeyContext(key: { institutionId: string; issuerId: string; id: string }): string {
  return `signing-key:${key.institutionId}:${key.issuerId}:${key.id}`;
}

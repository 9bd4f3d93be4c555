import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';

import { NOTIFICATION_CONFIG } from '../common/tokens';
import type { NotificationConfig } from '../config/notification.config';

const VERSION = 'v1';
const INFO = 'badges/notification/webhook-secret/v1';

/**
 * Secrets we must read back (webhook signing secrets): AES-256-GCM under a key derived with
 * HKDF-SHA256 from SECRETS_ENCRYPTION_KEY. The row's identity is the associated data, so a
 * ciphertext copied onto another row (or institution) does not decrypt.
 * Stored as `v1.<iv>.<tag>.<ciphertext>` (base64url parts).
 */
@Injectable()
export class SecretBox {
  private readonly key: Buffer;

  constructor(@Inject(NOTIFICATION_CONFIG) config: Pick<NotificationConfig, 'secretsEncryptionKey'>) {
    this.key = Buffer.from(hkdfSync('sha256', config.secretsEncryptionKey, 'badges-secrets', INFO, 32));
  }

  seal(plaintext: string, context: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(context));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, iv, cipher.getAuthTag(), ciphertext].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
  }

  open(sealed: string, context: string): string {
    const [version, iv, tag, ciphertext] = sealed.split('.');
    if (version !== VERSION || !iv || !tag || ciphertext === undefined) throw new Error('unrecognised sealed secret');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
  }
}

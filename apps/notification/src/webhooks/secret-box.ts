import { Inject, Injectable } from '@nestjs/common';

import { SecretSealer } from '@badges/service-kit';

import { NOTIFICATION_CONFIG } from '../common/tokens';
import type { NotificationConfig } from '../config/notification.config';

/** Webhook signing secrets at rest (service-kit SecretSealer, under its own HKDF purpose). */
@Injectable()
export class SecretBox extends SecretSealer {
  constructor(@Inject(NOTIFICATION_CONFIG) config: Pick<NotificationConfig, 'secretsEncryptionKey'>) {
    super(config.secretsEncryptionKey, 'badges/notification/webhook-secret/v1');
  }
}

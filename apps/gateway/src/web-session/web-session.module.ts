import { Module } from '@nestjs/common';

import { AuthModule } from '../auth/auth.module';
import type { GatewayConfig } from '../config/gateway.config';
import { GATEWAY_CONFIG } from '../gateway.tokens';
import { PassportSessionsClient } from './passport-sessions.client';
import { WebSessionController } from './web-session.controller';
import { WEB_SESSION_SECURE } from './web-session.tokens';

/** The web app's cookie sessions (routes here; the cookie-to-bearer hook is registered by createGatewayApp). */
@Module({
  imports: [AuthModule],
  controllers: [WebSessionController],
  providers: [
    PassportSessionsClient,
    { provide: WEB_SESSION_SECURE, useFactory: (config: GatewayConfig) => isSecure(config.PUBLIC_URL), inject: [GATEWAY_CONFIG] },
  ],
  exports: [WEB_SESSION_SECURE],
})
export class WebSessionModule {}

export function isSecure(publicUrl: string): boolean {
  return new URL(publicUrl).protocol === 'https:';
}

import { Module } from '@nestjs/common';

import type { GatewayConfig } from '../config/gateway.config';
import { GATEWAY_CONFIG } from '../gateway.tokens';
import { AccessTokenService } from './access-token.service';
import { ApiClientsRepository } from './api-clients.repository';
import { BearerAuth } from './bearer-auth';
import { BearerTokenGuard } from './bearer-token.guard';
import { ClientCredentialsService } from './client-credentials.service';
import { ClientStatusCache } from './client-status.cache';
import { ClientUsageRecorder } from './client-usage.recorder';
import { SigningKeyRepository } from './signing-key.repository';
import { StaffAccountsRepository } from './staff-accounts.repository';
import { StaffSignInService } from './staff-sign-in.service';
import { StaffStatusCache } from './staff-status.cache';
import { TokenRoute } from './token.route';

@Module({
  providers: [
    SigningKeyRepository,
    AccessTokenService,
    ApiClientsRepository,
    StaffAccountsRepository,
    { provide: ClientStatusCache, useFactory: (clients: ApiClientsRepository) => new ClientStatusCache((clientId) => clients.status(clientId)), inject: [ApiClientsRepository] },
    { provide: ClientUsageRecorder, useFactory: (clients: ApiClientsRepository) => new ClientUsageRecorder((clientId, at) => clients.recordUse(clientId, at)), inject: [ApiClientsRepository] },
    {
      provide: StaffStatusCache,
      useFactory: (accounts: StaffAccountsRepository, config: GatewayConfig) => new StaffStatusCache((sessionId) => accounts.sessionStatus(sessionId), config.ACCESS_TOKEN_TTL_SECONDS),
      inject: [StaffAccountsRepository, GATEWAY_CONFIG],
    },
    BearerAuth,
    ClientCredentialsService,
    StaffSignInService,
    BearerTokenGuard,
    TokenRoute,
  ],
  exports: [AccessTokenService, BearerAuth, BearerTokenGuard, ClientCredentialsService, ClientStatusCache, StaffAccountsRepository, StaffSignInService, StaffStatusCache, TokenRoute],
})
export class AuthModule {}

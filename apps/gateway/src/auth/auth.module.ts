import { Module } from '@nestjs/common';

import { AccessTokenService } from './access-token.service';
import { ApiClientsRepository } from './api-clients.repository';
import { BearerAuth } from './bearer-auth';
import { BearerTokenGuard } from './bearer-token.guard';
import { ClientCredentialsService } from './client-credentials.service';
import { ClientStatusCache } from './client-status.cache';
import { ClientUsageRecorder } from './client-usage.recorder';
import { SigningKeyRepository } from './signing-key.repository';
import { TokenRoute } from './token.route';

@Module({
  providers: [
    SigningKeyRepository,
    AccessTokenService,
    ApiClientsRepository,
    { provide: ClientStatusCache, useFactory: (clients: ApiClientsRepository) => new ClientStatusCache((clientId) => clients.isActive(clientId)), inject: [ApiClientsRepository] },
    { provide: ClientUsageRecorder, useFactory: (clients: ApiClientsRepository) => new ClientUsageRecorder((clientId, at) => clients.recordUse(clientId, at)), inject: [ApiClientsRepository] },
    BearerAuth,
    ClientCredentialsService,
    BearerTokenGuard,
    TokenRoute,
  ],
  exports: [AccessTokenService, BearerAuth, BearerTokenGuard, ClientCredentialsService, ClientStatusCache, TokenRoute],
})
export class AuthModule {}

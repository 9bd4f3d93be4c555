import { Module } from '@nestjs/common';

import { AccessTokenService } from './access-token.service';
import { ApiClientsRepository } from './api-clients.repository';
import { BearerTokenGuard } from './bearer-token.guard';
import { ClientCredentialsService } from './client-credentials.service';
import { SigningKeyRepository } from './signing-key.repository';
import { TokenController } from './token.controller';

@Module({
  controllers: [TokenController],
  providers: [SigningKeyRepository, AccessTokenService, ApiClientsRepository, ClientCredentialsService, BearerTokenGuard],
  exports: [AccessTokenService, BearerTokenGuard, ClientCredentialsService],
})
export class AuthModule {}

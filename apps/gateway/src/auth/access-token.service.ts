import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';

import { AccessTokenCodec, type TokenIdentity } from './access-token.codec';
import { SigningKeyRepository } from './signing-key.repository';
import type { GatewayConfig } from '../config/gateway.config';
import { GATEWAY_CONFIG } from '../gateway.tokens';

/** Issues and verifies access tokens; the key is loaded once at boot, so verifying never hits the DB. */
@Injectable()
export class AccessTokenService implements OnModuleInit {
  private codec?: AccessTokenCodec;

  constructor(
    private readonly signingKeys: SigningKeyRepository,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    const keys = await this.signingKeys.loadOrCreate();
    this.codec = new AccessTokenCodec(keys, { issuer: this.config.PUBLIC_URL, ttlSeconds: this.config.ACCESS_TOKEN_TTL_SECONDS });
  }

  get ttlSeconds(): number {
    return this.config.ACCESS_TOKEN_TTL_SECONDS;
  }

  sign(identity: TokenIdentity): Promise<string> {
    return this.ready().sign(identity);
  }

  verify(token: string): Promise<TokenIdentity | undefined> {
    return this.ready().verify(token);
  }

  private ready(): AccessTokenCodec {
    if (!this.codec) throw new Error('AccessTokenService used before the module was initialised');
    return this.codec;
  }
}

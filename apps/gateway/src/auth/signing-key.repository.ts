import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { exportJWK, generateKeyPair, importJWK, type JWK, type KeyLike } from 'jose';

import { isUniqueViolation } from '@badges/persistence';

import type { AccessTokenKeys } from './access-token.codec';
import { GatewayPrismaService } from '../prisma/gateway-prisma.service';

const ACCESS_TOKEN_KEY_ID = 'access-token';

/**
 * The access-token key pair lives in the gateway's schema, so every instance and every restart
 * signs and verifies with the same key. The first instance to start creates it; a concurrent
 * first start loses the primary-key race and reads the winner's key instead.
 */
@Injectable()
export class SigningKeyRepository {
  constructor(private readonly prisma: GatewayPrismaService) {}

  async loadOrCreate(): Promise<AccessTokenKeys> {
    const existing = await this.prisma.signingKey.findUnique({ where: { id: ACCESS_TOKEN_KEY_ID } });
    if (existing) return importKeys(existing.kid, existing.privateJwk as unknown as JWK, existing.publicJwk as unknown as JWK);

    const pair = await generateKeyPair('ES256', { extractable: true });
    const kid = randomUUID();
    const privateJwk = { ...(await exportJWK(pair.privateKey)), kid, alg: 'ES256' };
    const publicJwk = { ...(await exportJWK(pair.publicKey)), kid, alg: 'ES256' };
    try {
      await this.prisma.signingKey.create({ data: { id: ACCESS_TOKEN_KEY_ID, kid, privateJwk, publicJwk } });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return this.loadOrCreate();
    }
    return { kid, privateKey: pair.privateKey, publicKey: pair.publicKey };
  }
}

async function importKeys(kid: string, privateJwk: JWK, publicJwk: JWK): Promise<AccessTokenKeys> {
  const privateKey = (await importJWK(privateJwk, 'ES256')) as KeyLike;
  const publicKey = (await importJWK(publicJwk, 'ES256')) as KeyLike;
  return { kid, privateKey, publicKey };
}

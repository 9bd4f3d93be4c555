import { Inject, Injectable } from '@nestjs/common';

import { hashOpaqueToken, newOpaqueToken } from '@badges/service-kit';

import { PASSPORT_CONFIG } from '../common/tokens';
import { learnerScope, type LearnerScope } from '../common/learner-scope';
import type { PassportConfig } from '../config/passport.config';
import { PassportPrismaService, type PassportTx } from '../prisma/passport-prisma.service';

/** Learner bearer tokens start with this, so they are never mistaken for an institution's JWT. */
const TOKEN_PREFIX = 'lp_';

/**
 * Opaque learner tokens (docs/decisions/0014): random, stored as sha256, checked on every request
 * against the sessions table. Unlike a self-contained JWT they end the moment the account is
 * deleted, merged away or signed out.
 */
@Injectable()
export class SessionsService {
  constructor(private readonly prisma: PassportPrismaService, @Inject(PASSPORT_CONFIG) private readonly config: PassportConfig) {}

  async issue(learnerId: string): Promise<{ token: string; expiresIn: number }> {
    const { token, tokenHash } = newOpaqueToken(TOKEN_PREFIX);
    const expiresAt = new Date(Date.now() + this.config.sessionTtlSeconds * 1000);
    await this.prisma.session.create({ data: { tokenHash, learnerId, expiresAt } });
    return { token, expiresIn: this.config.sessionTtlSeconds };
  }

  async resolve(token: string): Promise<LearnerScope | undefined> {
    if (!token.startsWith(TOKEN_PREFIX) || token.length > 128) return undefined;
    const session = await this.prisma.session.findUnique({ where: { tokenHash: hashOpaqueToken(token) } });
    if (!session || session.expiresAt.getTime() <= Date.now()) return undefined;
    return learnerScope(session.learnerId);
  }

  async revoke(token: string): Promise<void> {
    await this.prisma.session.deleteMany({ where: { tokenHash: hashOpaqueToken(token) } });
  }

  async revokeAll(scope: LearnerScope, tx: PassportTx = this.prisma): Promise<void> {
    await tx.session.deleteMany({ where: { learnerId: scope.learnerId } });
  }
}

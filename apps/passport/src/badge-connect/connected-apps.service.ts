import { Injectable } from '@nestjs/common';

import type { ConnectedApp } from '@badges/api-contracts';
import { ApiError } from '@badges/service-kit';

import type { LearnerScope } from '../common/learner-scope';
import { PassportPrismaService } from '../prisma/passport-prisma.service';
import { connectedClient } from './connected-client';

/** The clients a learner approved (their Badge Connect grants), and taking that approval back. */
@Injectable()
export class ConnectedAppsService {
  constructor(private readonly prisma: PassportPrismaService) {}

  async list(learner: LearnerScope): Promise<ConnectedApp[]> {
    const grants = await this.prisma.bcGrant.findMany({ where: { learnerId: learner.learnerId }, include: { client: true }, orderBy: { createdAt: 'desc' } });
    return grants.map((grant) => ({ ...connectedClient(grant.client), scopes: grant.scope.split(' '), connectedAt: grant.createdAt.toISOString() }));
  }

  /** The consent, its unused codes and every token the client holds for this learner go together: the next call gets 401. */
  async revoke(learner: LearnerScope, clientId: string): Promise<void> {
    const where = { learnerId: learner.learnerId, clientId };
    await this.prisma.$transaction(async (tx) => {
      const { count } = await tx.bcGrant.deleteMany({ where });
      if (count === 0) throw ApiError.notFound('connected app');
      await tx.bcCode.deleteMany({ where });
      await tx.bcToken.deleteMany({ where });
    });
  }
}

import { Injectable } from '@nestjs/common';

import { prismaSqlSession } from '@badges/persistence';
import { ApiError, type TenantScope } from '@badges/service-kit';

import { BadgeClassesRepository } from '../badge-classes/badge-classes.repository';
import { IssuerEvents } from '../events/issuer-events';
import { IssuersRepository } from '../issuers/issuers.repository';
import { IssuerPrismaService } from '../prisma/issuer-prisma.service';
import { decodeCursor, isTrue, type AssertionListQueryWithCursor } from './assertions.dto';
import { AssertionsRepository, type AssertionCursor, type AssertionRecord } from './assertions.repository';
import { RecipientIdentity } from './recipient-identity';

/** Error code for revoking an assertion twice: Badgr answers 400 "Assertion is already revoked". */
export const ALREADY_REVOKED = 'already_revoked';

@Injectable()
export class AssertionsService {
  constructor(
    private readonly assertions: AssertionsRepository,
    private readonly badgeClasses: BadgeClassesRepository,
    private readonly issuers: IssuersRepository,
    private readonly recipients: RecipientIdentity,
    private readonly prisma: IssuerPrismaService,
    private readonly events: IssuerEvents,
  ) {}

  async get(scope: TenantScope, id: string): Promise<AssertionRecord> {
    const assertion = await this.assertions.findById(scope, id);
    if (!assertion) throw ApiError.notFound('assertion');
    return assertion;
  }

  async list(
    scope: TenantScope,
    parent: { badgeClassId: string } | { issuerId: string },
    query: AssertionListQueryWithCursor,
  ): Promise<{ rows: AssertionRecord[]; next?: AssertionCursor }> {
    if ('badgeClassId' in parent) {
      if (!(await this.badgeClasses.findById(scope, parent.badgeClassId))) throw ApiError.notFound('badge class');
    } else if (!(await this.issuers.findById(scope, parent.issuerId))) {
      throw ApiError.notFound('issuer');
    }
    let after: AssertionCursor | undefined;
    if (query.cursor !== undefined) {
      after = decodeCursor(query.cursor);
      if (!after) throw ApiError.validation('cursor: This cursor is not valid; use pagination.nextResults as given.', 'cursor');
    }
    const terms = query.recipient === undefined ? undefined : Array.isArray(query.recipient) ? query.recipient : [query.recipient];
    return this.assertions.list(
      scope,
      {
        ...parent,
        recipientLookups: terms?.flatMap((term) => this.recipients.lookupsFor(term)),
        includeRevoked: isTrue(query.include_revoked),
        includeExpired: isTrue(query.include_expired),
        now: new Date(),
      },
      { num: query.num, after },
    );
  }

  async revoke(scope: TenantScope, id: string, reason: string, correlationId: string): Promise<AssertionRecord> {
    const result = await this.prisma.$transaction(async (tx) => {
      const outcome = await this.assertions.revoke(scope, id, reason, new Date(), tx);
      if (outcome.outcome === 'revoked') await this.events.assertionRevoked(prismaSqlSession(tx), scope, correlationId, outcome.assertion);
      return outcome;
    });
    if (result.outcome === 'revoked') this.events.published();
    if (result.outcome === 'not_found') throw ApiError.notFound('assertion');
    if (result.outcome === 'already_revoked') throw new ApiError(400, ALREADY_REVOKED, 'Assertion is already revoked.');
    return result.assertion;
  }
}

import { Injectable } from '@nestjs/common';

import type { EventOrigin } from '@badges/events';
import { isEntityId, prismaSqlSession } from '@badges/persistence';
import { ApiError, type TenantScope } from '@badges/service-kit';

import { BadgeClassesRepository } from '../badge-classes/badge-classes.repository';
import { IssuerEvents } from '../events/issuer-events';
import { IssuersRepository } from '../issuers/issuers.repository';
import { IssuerPrismaService } from '../prisma/issuer-prisma.service';
import { decodeCursor, isTrue, type AssertionListQueryWithCursor } from './assertions.dto';
import { AssertionsRepository, type AssertionCursor, type AssertionRecord, type RevokeOutcome } from './assertions.repository';
import { RecipientIdentity } from './recipient-identity';

/** Error code for revoking an assertion twice: Badgr answers 400 "Assertion is already revoked". */
export const ALREADY_REVOKED = 'already_revoked';
export const ALREADY_REVOKED_MESSAGE = 'Assertion is already revoked.';

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

  async revoke(scope: TenantScope, id: string, reason: string, origin: EventOrigin): Promise<AssertionRecord> {
    const [result] = await this.revokeEach(scope, [{ id, reason }], origin);
    if (result.outcome === 'not_found') throw ApiError.notFound('assertion');
    if (result.outcome === 'already_revoked') throw new ApiError(400, ALREADY_REVOKED, ALREADY_REVOKED_MESSAGE);
    return result.assertion;
  }

  /**
   * Revokes each assertion in one transaction with its events, and says per item, in order, what
   * happened. Another institution's assertion is `not_found`, as an unknown one: the update is
   * scoped to the caller's institution, so it is never touched. An id repeated in one call is
   * revoked once, then `already_revoked`.
   */
  async revokeEach(scope: TenantScope, items: readonly { id: string; reason: string }[], origin: EventOrigin): Promise<RevokeOutcome[]> {
    const revokedAt = new Date();
    const outcomes = await this.prisma.$transaction(async (tx) => {
      const results: RevokeOutcome[] = [];
      for (const { id, reason } of items) {
        results.push(isEntityId(id) ? await this.assertions.revoke(scope, id, reason, revokedAt, tx) : { outcome: 'not_found' });
      }
      const revoked = results.flatMap((result) => (result.outcome === 'revoked' ? [result.assertion] : []));
      if (revoked.length > 0) await this.events.assertionsRevoked(prismaSqlSession(tx), scope, origin, revoked);
      return results;
    });
    if (outcomes.some((result) => result.outcome === 'revoked')) this.events.published();
    return outcomes;
  }
}

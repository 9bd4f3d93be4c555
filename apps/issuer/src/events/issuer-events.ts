import { Inject, Injectable } from '@nestjs/common';

import { createEvent, Topic, type AssertionUpdatableField, type BadgeEvent, type EventOrigin, type PayloadOf } from '@badges/events';
import { outboxInsertStatements, type OutboxRelay } from '@badges/messaging';
import type { SqlSession } from '@badges/persistence';
import { mapInSlices, type TenantScope } from '@badges/service-kit';

import { PublicUrls } from '../common/public-urls';
import { ISSUER_OUTBOX_RELAY } from '../common/tokens';

export interface IssuedAssertion {
  id: string;
  badgeClassId: string;
  issuerId: string;
  /** One of the OB recipient types; the award use case only stores those. */
  recipientType: string;
  recipientIdentity: string;
  recipientSalt: string | null;
  recipientHashed: boolean;
  /** The keyed lookup HMAC; published so the passport can match without plaintext. */
  recipientLookup?: string;
  issuedOn: Date;
  expires: Date | null;
  notify: boolean;
}

type AssertionIds = Pick<IssuedAssertion, 'id' | 'badgeClassId' | 'issuerId'>;

export interface RevokedAssertion extends AssertionIds {
  revocationReason: string | null;
  revokedAt: Date | null;
}

export interface UpdatedAssertion extends AssertionIds {
  updatedAt: Date;
}

/** An event of one institution about one aggregate (its key), naming what caused it: the request's correlation id and actor. */
function envelope(scope: TenantScope, origin: EventOrigin, aggregateId: string) {
  return { institutionId: scope.institutionId, correlationId: origin.correlationId, actor: origin.actor, aggregateId };
}

/**
 * The issuer's facts, written to the outbox inside the transaction of the state change (design.md
 * §4): either both commit or neither does. `published()` nudges the relay once the caller committed.
 */
@Injectable()
export class IssuerEvents {
  constructor(private readonly urls: PublicUrls, @Inject(ISSUER_OUTBOX_RELAY) private readonly relay: OutboxRelay) {}

  async assertionsIssued(
    sql: SqlSession,
    scope: TenantScope,
    origin: EventOrigin,
    names: { badgeClassName: string; issuerName: string },
    issued: { assertion: IssuedAssertion; plaintextIdentity: string }[],
  ): Promise<void> {
    // Each event is checked against its contract (zod): a bulk chunk's 500 run in slices, so the shared event loop keeps turning.
    const events = await mapInSlices(issued, ({ assertion, plaintextIdentity }) =>
      createEvent(Topic.AssertionIssued, {
        ...envelope(scope, origin, assertion.id),
        payload: {
          ...this.assertionNamed(assertion),
          badgeClassName: names.badgeClassName,
          issuerName: names.issuerName,
          recipient: {
            type: assertion.recipientType as 'email' | 'url' | 'telephone' | 'id',
            identity: assertion.recipientIdentity,
            ...(assertion.recipientSalt ? { salt: assertion.recipientSalt } : {}),
            hashed: assertion.recipientHashed,
            ...(assertion.recipientLookup ? { lookup: assertion.recipientLookup } : {}),
            // Personal data travels only when the recipient must be emailed.
            ...(assertion.notify ? { plaintextIdentity } : {}),
          },
          issuedOn: assertion.issuedOn.toISOString(),
          ...(assertion.expires ? { expires: assertion.expires.toISOString() } : {}),
          notify: assertion.notify,
          imageUrl: this.urls.assertionImage(assertion.id),
        },
      }),
    );
    await this.write(sql, events);
  }

  /** One event per revoked assertion, written together: a batch revoke is one outbox row, as a batch award is. */
  async assertionsRevoked(sql: SqlSession, scope: TenantScope, origin: EventOrigin, revoked: RevokedAssertion[]): Promise<void> {
    const events = revoked.map((assertion) =>
      createEvent(Topic.AssertionRevoked, {
        ...envelope(scope, origin, assertion.id),
        payload: {
          ...this.assertionNamed(assertion),
          revocationReason: assertion.revocationReason ?? '',
          revokedAt: (assertion.revokedAt ?? new Date()).toISOString(),
        },
      }),
    );
    await this.write(sql, events);
  }

  /** `changed`: the fields the edit set (PUT /v2/assertions/{id}). */
  async assertionUpdated(sql: SqlSession, scope: TenantScope, origin: EventOrigin, assertion: UpdatedAssertion, changed: AssertionUpdatableField[]): Promise<void> {
    await this.write(sql, [
      createEvent(Topic.AssertionUpdated, {
        ...envelope(scope, origin, assertion.id),
        payload: { ...this.assertionNamed(assertion), changed, updatedAt: assertion.updatedAt.toISOString() },
      }),
    ]);
  }

  async badgeClassUpdated(
    sql: SqlSession,
    scope: TenantScope,
    origin: EventOrigin,
    badgeClass: { id: string; issuerId: string; name: string; imageChanged: boolean },
  ): Promise<void> {
    await this.write(sql, [
      createEvent(Topic.BadgeClassUpdated, {
        ...envelope(scope, origin, badgeClass.id),
        payload: { badgeClassId: badgeClass.id, issuerId: badgeClass.issuerId, name: badgeClass.name, imageChanged: badgeClass.imageChanged },
      }),
    ]);
  }

  async issuerUpdated(sql: SqlSession, scope: TenantScope, origin: EventOrigin, issuerId: string, change: 'profile' | 'keys' | 'deleted'): Promise<void> {
    await this.write(sql, [createEvent(Topic.IssuerUpdated, { ...envelope(scope, origin, issuerId), payload: { issuerId, change } })]);
  }

  /**
   * After recording an endorsement.issued/.revoked: the endorsed document's `endorsement` list
   * changed. `origin` is that event's: its correlation id and actor carry on.
   */
  async endorsementListed(sql: SqlSession, scope: TenantScope, origin: EventOrigin, payload: PayloadOf<typeof Topic.EndorsementListed>): Promise<void> {
    await this.write(sql, [createEvent(Topic.EndorsementListed, { ...envelope(scope, origin, payload.target.entityId), payload })]);
  }

  /** Call after the transaction committed: the relay publishes now rather than at its next poll. */
  published(): void {
    this.relay.wake();
  }

  /** The fields by which every assertion event names its assertion. */
  private assertionNamed(assertion: AssertionIds): { assertionId: string; assertionUrl: string; badgeClassId: string; issuerId: string } {
    return { assertionId: assertion.id, assertionUrl: this.urls.assertion(assertion.id), badgeClassId: assertion.badgeClassId, issuerId: assertion.issuerId };
  }

  private async write(session: SqlSession, events: BadgeEvent[]): Promise<void> {
    for (const { sql, params } of outboxInsertStatements('issuer', events)) await session.query(sql, params);
  }
}

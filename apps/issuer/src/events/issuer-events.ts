import { Inject, Injectable } from '@nestjs/common';

import { createEvent, Topic, type AssertionUpdatableField, type BadgeEvent, type EventOrigin, type FieldChanges, type PayloadOf } from '@badges/events';
import { outboxInsertStatements, type OutboxRelay } from '@badges/messaging';
import type { SqlSession } from '@badges/persistence';
import { statusListPosition } from '@badges/openbadges';
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
  /** '2.0', '3.0' or 'both' (decision 0048): which image is the award's, and whether it has a credential. */
  openBadgesVersion: string;
  /** 'ldp' | 'jwt' when the award has an OB 3.0 credential. */
  credentialFormat: string | null;
}

type AssertionIds = Pick<IssuedAssertion, 'id' | 'badgeClassId' | 'issuerId'>;

/** An award a migration run wrote (decision 0044), with the names its event carries. */
export interface ImportedAward {
  assertion: Omit<IssuedAssertion, 'notify' | 'openBadgesVersion' | 'credentialFormat'> & { documentId: string | null };
  /** Set for a revoked one: the passport keeps the revocation with the award. */
  revocation: { reason: string; revokedAt: Date } | null;
  /** False when only the hash is known: the stored lookup then names nobody, and is not published. */
  lookupKnown: boolean;
  names: { badgeClassName: string; issuerName: string; badgeLanguage: string };
}

export interface RevokedAssertion extends AssertionIds {
  revocationReason: string | null;
  revokedAt: Date | null;
  /** Set when the award has an OB 3.0 credential: its place in the issuer's status lists. */
  statusListIndex: number | null;
}

export interface UpdatedAssertion extends AssertionIds {
  updatedAt: Date;
}

/** A badge class as its created and deleted events name it. */
export interface NamedBadgeClass {
  id: string;
  issuerId: string;
  name: string;
}

/** A bulk award job as its started and finished events describe it. */
export interface BulkAwardFacts {
  id: string;
  badgeClassId: string;
  sourceKind: string;
  status: string;
  total: number;
  done: number;
  failed: number;
}

/** How an issuer changed (issuer.updated): its Profile's fields, its keys, or its deletion. */
export type IssuerChange =
  | { change: 'profile'; changes: FieldChanges }
  | { change: 'keys'; keys: { active: string; retired?: string } }
  | { change: 'deleted' };

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
    names: { badgeClassName: string; issuerName: string; badgeLanguage?: string; badgeTranslations?: { language: string; name: string }[] },
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
          ...(names.badgeLanguage ? { badgeLanguage: names.badgeLanguage } : {}),
          ...(names.badgeTranslations?.length ? { badgeTranslations: names.badgeTranslations } : {}),
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
          imageUrl: this.urls.awardImage(assertion),
          ...(assertion.credentialFormat
            ? { credentialUrl: this.urls.credential(assertion.id), credentialFormat: assertion.credentialFormat as 'ldp' | 'jwt' }
            : {}),
        },
      }),
    );
    await this.write(sql, events);
  }

  /** Awards a migration run wrote or overwrote: no email, no webhook, only the passport (and caches) listen. */
  async assertionsImported(sql: SqlSession, scope: TenantScope, origin: EventOrigin, runId: string, imported: readonly ImportedAward[]): Promise<void> {
    const events = await mapInSlices(imported, ({ assertion, revocation, lookupKnown, names }) =>
      createEvent(Topic.AssertionImported, {
        ...envelope(scope, origin, assertion.id),
        payload: {
          ...this.assertionNamed(assertion),
          ...names,
          recipient: {
            type: assertion.recipientType as 'email' | 'url' | 'telephone' | 'id',
            identity: assertion.recipientIdentity,
            ...(assertion.recipientSalt ? { salt: assertion.recipientSalt } : {}),
            hashed: assertion.recipientHashed,
            ...(lookupKnown && assertion.recipientLookup ? { lookup: assertion.recipientLookup } : {}),
          },
          issuedOn: assertion.issuedOn.toISOString(),
          ...(assertion.expires ? { expires: assertion.expires.toISOString() } : {}),
          imageUrl: this.urls.assertionImage(assertion.id),
          ...(revocation ? { revocation: { reason: revocation.reason, revokedAt: revocation.revokedAt.toISOString() } } : {}),
          runId,
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
          ...(assertion.statusListIndex === null ? {} : { statusListUrl: this.urls.statusList(assertion.issuerId, statusListPosition(assertion.statusListIndex).listNumber) }),
        },
      }),
    );
    await this.write(sql, events);
  }

  /** `changed`: the fields the edit set (PUT /v2/assertions/{id}); `changes`: their values before and after. */
  async assertionUpdated(
    sql: SqlSession,
    scope: TenantScope,
    origin: EventOrigin,
    assertion: UpdatedAssertion,
    changed: AssertionUpdatableField[],
    changes: FieldChanges,
  ): Promise<void> {
    await this.write(sql, [
      createEvent(Topic.AssertionUpdated, {
        ...envelope(scope, origin, assertion.id),
        payload: { ...this.assertionNamed(assertion), changed, updatedAt: assertion.updatedAt.toISOString(), changes },
      }),
    ]);
  }

  async badgeClassCreated(sql: SqlSession, scope: TenantScope, origin: EventOrigin, badgeClass: NamedBadgeClass): Promise<void> {
    await this.write(sql, [createEvent(Topic.BadgeClassCreated, { ...envelope(scope, origin, badgeClass.id), payload: this.badgeClassNamed(badgeClass) })]);
  }

  async badgeClassUpdated(
    sql: SqlSession,
    scope: TenantScope,
    origin: EventOrigin,
    badgeClass: NamedBadgeClass & { imageChanged: boolean; changes: FieldChanges },
  ): Promise<void> {
    await this.write(sql, [
      createEvent(Topic.BadgeClassUpdated, {
        ...envelope(scope, origin, badgeClass.id),
        payload: { ...this.badgeClassNamed(badgeClass), imageChanged: badgeClass.imageChanged, changes: badgeClass.changes },
      }),
    ]);
  }

  async badgeClassDeleted(sql: SqlSession, scope: TenantScope, origin: EventOrigin, badgeClass: NamedBadgeClass): Promise<void> {
    await this.write(sql, [createEvent(Topic.BadgeClassDeleted, { ...envelope(scope, origin, badgeClass.id), payload: this.badgeClassNamed(badgeClass) })]);
  }

  async issuerCreated(sql: SqlSession, scope: TenantScope, origin: EventOrigin, issuer: { id: string; name: string }): Promise<void> {
    await this.write(sql, [createEvent(Topic.IssuerCreated, { ...envelope(scope, origin, issuer.id), payload: { issuerId: issuer.id, name: issuer.name } })]);
  }

  async issuerUpdated(sql: SqlSession, scope: TenantScope, origin: EventOrigin, issuerId: string, change: IssuerChange): Promise<void> {
    await this.write(sql, [createEvent(Topic.IssuerUpdated, { ...envelope(scope, origin, issuerId), payload: { issuerId, ...change } })]);
  }

  /** In the transaction that stored the job; its `origin` is the request's, which the job keeps. */
  async bulkAwardStarted(sql: SqlSession, scope: TenantScope, origin: EventOrigin, job: BulkAwardFacts): Promise<void> {
    await this.write(sql, [
      createEvent(Topic.BulkAwardStarted, {
        ...envelope(scope, origin, job.id),
        payload: { jobId: job.id, badgeClassId: job.badgeClassId, sourceKind: job.sourceKind as 'csv' | 'json', total: job.total },
      }),
    ]);
  }

  /** In the transaction that marked the job finished (a job finishes once). */
  async bulkAwardFinished(sql: SqlSession, scope: TenantScope, origin: EventOrigin, job: BulkAwardFacts): Promise<void> {
    await this.write(sql, [
      createEvent(Topic.BulkAwardFinished, {
        ...envelope(scope, origin, job.id),
        payload: { jobId: job.id, badgeClassId: job.badgeClassId, status: job.status as 'completed' | 'failed', total: job.total, done: job.done, failed: job.failed },
      }),
    ]);
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

  /**
   * The fields by which every assertion event names its assertion; `assertionUrl` is its OB 2.0 id
   * (a migrated one's as published elsewhere, decision 0044), which caches of it are keyed by.
   */
  private assertionNamed(assertion: AssertionIds & { documentId?: string | null }): { assertionId: string; assertionUrl: string; badgeClassId: string; issuerId: string } {
    const assertionUrl = this.urls.assertionDocument({ id: assertion.id, documentId: assertion.documentId ?? null });
    return { assertionId: assertion.id, assertionUrl, badgeClassId: assertion.badgeClassId, issuerId: assertion.issuerId };
  }

  private badgeClassNamed(badgeClass: NamedBadgeClass): { badgeClassId: string; issuerId: string; name: string } {
    return { badgeClassId: badgeClass.id, issuerId: badgeClass.issuerId, name: badgeClass.name };
  }

  private async write(session: SqlSession, events: BadgeEvent[]): Promise<void> {
    for (const { sql, params } of outboxInsertStatements('issuer', events)) await session.query(sql, params);
  }
}

import { Inject, Injectable } from '@nestjs/common';

import type { EndorserLanguage } from '@badges/api-contracts';
import { createEvent, Topic, type BadgeEvent, type EventOrigin } from '@badges/events';
import { outboxInsertStatements, type OutboxRelay } from '@badges/messaging';

import { ENDORSEMENT_OUTBOX_RELAY } from '../common/tokens';
import { PublicUrls } from '../common/public-urls';
import type { Endorsement, EndorsementRequest, EndorserProfile } from '../generated/prisma/client';
import type { EndorsementTx } from '../prisma/endorsement-prisma.service';

type TargetType = 'Issuer' | 'BadgeClass' | 'Assertion';

/**
 * The endorsement facts, written to the outbox in the transaction of the state change (design.md
 * §4). The envelope's institutionId is the owner of the target (so the issuer scopes its update
 * by it); the endorser travels in the payload. The partition key is the request id for
 * `requested` and `declined`, and the endorsement id for `issued`/`revoked`, so those two stay in order. Each
 * names its `origin`: the request's correlation id and who acted (the decision's actor).
 */
@Injectable()
export class EndorsementEvents {
  constructor(private readonly urls: PublicUrls, @Inject(ENDORSEMENT_OUTBOX_RELAY) private readonly relay: OutboxRelay) {}

  async requested(tx: EndorsementTx, origin: EventOrigin, request: EndorsementRequest, endorser: EndorserProfile): Promise<void> {
    await this.write(tx, createEvent(Topic.EndorsementRequested, {
      ...aboutRequest(request, origin),
      payload: {
        ...requestFacts(request),
        targetUrl: request.targetUrl,
        targetName: request.targetName,
        ...(request.message ? { message: request.message } : {}),
        endorserEmail: endorser.email,
        endorserLanguage: languageOf(endorser),
      },
    }));
  }

  async issued(tx: EndorsementTx, origin: EventOrigin, endorsement: Endorsement, endorser: EndorserProfile, request: EndorsementRequest): Promise<void> {
    await this.write(tx, createEvent(Topic.EndorsementIssued, {
      institutionId: endorsement.institutionId,
      correlationId: origin.correlationId,
      actor: origin.actor,
      aggregateId: endorsement.id,
      payload: {
        endorsementId: endorsement.id,
        endorsementUrl: this.urls.endorsement(endorsement.id),
        requestId: endorsement.requestId,
        target: { type: endorsement.targetType as TargetType, entityId: endorsement.targetId },
        endorserInstitutionId: endorsement.endorserInstitutionId,
        endorserName: endorser.name,
        endorserProfileUrl: this.urls.endorser(endorser.id),
        ...(endorsement.comment ? { comment: endorsement.comment } : {}),
        issuedOn: endorsement.issuedOn.toISOString(),
        targetName: request.targetName,
        ...requesterContact(request),
        ...(endorsement.signedJws ? { signedJws: endorsement.signedJws } : {}),
      },
    }));
  }

  /** The endorser said no. Keyed by the request, as `requested` is. */
  async declined(tx: EndorsementTx, origin: EventOrigin, request: EndorsementRequest, reason: string | null): Promise<void> {
    await this.write(tx, createEvent(Topic.EndorsementDeclined, {
      ...aboutRequest(request, origin),
      payload: {
        ...requestFacts(request),
        targetName: request.targetName,
        ...(reason ? { reason } : {}),
      },
    }));
  }

  async revoked(tx: EndorsementTx, origin: EventOrigin, endorsement: Endorsement, request: EndorsementRequest, endorser: EndorserProfile | null): Promise<void> {
    await this.write(tx, createEvent(Topic.EndorsementRevoked, {
      institutionId: endorsement.institutionId,
      correlationId: origin.correlationId,
      actor: origin.actor,
      aggregateId: endorsement.id,
      payload: {
        endorsementId: endorsement.id,
        target: { type: endorsement.targetType as TargetType, entityId: endorsement.targetId },
        revokedAt: (endorsement.revokedAt ?? new Date()).toISOString(),
        endorsementUrl: this.urls.endorsement(endorsement.id),
        endorserInstitutionId: endorsement.endorserInstitutionId,
        ...(endorsement.revokedByInstitutionId ? { revokedByInstitutionId: endorsement.revokedByInstitutionId } : {}),
        ...(endorsement.revocationReason ? { revocationReason: endorsement.revocationReason } : {}),
        targetName: request.targetName,
        ...(endorser ? { endorserName: endorser.name, endorserEmail: endorser.email, endorserLanguage: languageOf(endorser) } : {}),
        ...requesterContact(request),
      },
    }));
  }

  /** Call after the transaction committed: the relay publishes now rather than at its next poll. */
  published(): void {
    this.relay.wake();
  }

  private async write(tx: EndorsementTx, event: BadgeEvent): Promise<void> {
    for (const { sql, params } of outboxInsertStatements('endorsement', [event])) await tx.$executeRawUnsafe(sql, ...params);
  }
}

/** The envelope of an event about a request (requested, declined): the requester's, keyed by the request. */
function aboutRequest(request: EndorsementRequest, origin: EventOrigin) {
  return { institutionId: request.institutionId, correlationId: origin.correlationId, actor: origin.actor, aggregateId: request.id };
}

/** Where and in which language notification writes to the requester; requests from before decision 0047 have no language (English). */
function requesterContact(request: EndorsementRequest) {
  if (!request.requesterEmail) return {};
  return { requesterEmail: request.requesterEmail, ...(request.requesterLanguage ? { requesterLanguage: request.requesterLanguage as EndorserLanguage } : {}) };
}

/** CHECK endorser_profiles_language_check keeps it to ENDORSER_LANGUAGES. */
const languageOf = (endorser: EndorserProfile) => endorser.language as EndorserLanguage;

/** What every event about a request says of it. */
function requestFacts(request: EndorsementRequest) {
  return { requestId: request.id, target: { type: request.targetType as TargetType, entityId: request.targetId }, endorserInstitutionId: request.endorserInstitutionId };
}

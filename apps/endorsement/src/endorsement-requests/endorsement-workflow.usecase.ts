import { Injectable } from '@nestjs/common';

import type { EndorsementRequestCreateBody, EndorsementTargetType, EndorserLanguage } from '@badges/api-contracts';
import type { EventOrigin } from '@badges/events';
import { newEntityId } from '@badges/persistence';
import { ApiError, ErrorCode, requireInstitutionAdmin, requireIssuerAction, type IssuerAction, type IssuerAccess, type TenantScope } from '@badges/service-kit';

import { EndorsersRepository } from '../endorsers/endorsers.repository';
import { EndorsementsRepository } from '../endorsements/endorsements.repository';
import { EndorsementEvents } from '../events/endorsement-events';
import type { Endorsement, EndorsementRequest } from '../generated/prisma/client';
import { IssuerTargetsClient } from '../issuer-targets/issuer-targets.client';
import { EndorsementPrismaService, type EndorsementTx } from '../prisma/endorsement-prisma.service';
import { EndorsementSigner } from '../signing/endorsement-signer';
import { EndorserKeysService } from '../signing/endorser-keys.service';
import { EndorsementRequestsRepository } from './endorsement-requests.repository';

/**
 * What a person needs on the target's issuer to ask for its endorsement: the role that may change
 * the target (the issuer itself: owner; a badge class: editor; an assertion: staff).
 */
const REQUEST_NEEDS: Record<EndorsementTargetType, IssuerAction> = { Issuer: 'manage-issuer', BadgeClass: 'edit-badge-classes', Assertion: 'award' };

/** An endorsement is given in the endorsing institution's name (its Profile), which no issuer role covers. */
const ENDORSER_DECIDES = 'answer or withdraw endorsements in the institution’s name';

/**
 * The workflow (issue #7): the owner of a target requests, the endorser approves (with a
 * comment) or declines, and either party may later withdraw, which revokes the endorsement. An
 * endorser with signed verification signs the Endorsement with its own key when it approves.
 * Every step is one transaction with its event in the outbox.
 */
@Injectable()
export class EndorsementWorkflow {
  constructor(
    private readonly prisma: EndorsementPrismaService,
    private readonly requests: EndorsementRequestsRepository,
    private readonly endorsements: EndorsementsRepository,
    private readonly endorsers: EndorsersRepository,
    private readonly targets: IssuerTargetsClient,
    private readonly events: EndorsementEvents,
    private readonly keys: EndorserKeysService,
    private readonly signer: EndorsementSigner,
  ) {}

  /** `requesterLanguage`: what the emails to the requester's contact about this request are written in. */
  async request(
    scope: TenantScope,
    body: EndorsementRequestCreateBody & { requesterLanguage: EndorserLanguage },
    origin: EventOrigin,
    access: IssuerAccess = { kind: 'unrestricted' },
  ): Promise<EndorsementRequest> {
    if (body.endorser === scope.institutionId) {
      throw new ApiError(400, ErrorCode.SelfEndorsement, 'An institution cannot endorse its own issuers, badge classes or assertions.', 'endorser');
    }
    // Only institutions that publish an endorser Profile can be asked: the answer is the same
    // 404 whether the institution does not exist or has no profile, so ids cannot be probed.
    const endorser = await this.endorsers.findByInstitution(body.endorser);
    if (!endorser) throw new ApiError(404, ErrorCode.NotFound, 'No endorser with this institution id.', 'endorser');
    const target = await this.targets.resolve(scope, body.target.type, body.target.entityId, origin.correlationId);
    // An unknown issuer ('') matches no role: only an admin may then ask.
    requireIssuerAction(access, target.issuerId ?? '', REQUEST_NEEDS[target.type]);
    const created = await this.prisma.$transaction(async (tx) => {
      const request = await this.requests.create(
        scope,
        {
          id: newEntityId(),
          endorserInstitutionId: body.endorser,
          targetType: target.type,
          targetId: target.entityId,
          targetUrl: target.url,
          targetName: target.name,
          targetIssuerId: target.issuerId ?? null,
          requesterEmail: target.issuerEmail ?? null,
          requesterLanguage: body.requesterLanguage,
          message: body.message || null,
        },
        tx,
      );
      await this.events.requested(tx, origin, request, endorser);
      return request;
    });
    this.events.published();
    return created;
  }

  async approve(scope: TenantScope, requestId: string, comment: string | null, origin: EventOrigin, access: IssuerAccess = { kind: 'unrestricted' }): Promise<Endorsement> {
    const endorsement = await this.prisma.$transaction(async (tx) => {
      const request = await this.decidable(scope, requestId, tx, access);
      const profile = await this.endorsers.findOwn(scope, tx);
      if (!profile) {
        throw new ApiError(409, ErrorCode.EndorserProfileRequired, 'Publish your endorser profile first (PUT /v2/endorsers/self): an Endorsement names it as its issuer.');
      }
      if (!(await this.requests.decide(scope, request.id, 'approved', tx))) throw notPending();
      const facts = { id: newEntityId(), endorserProfileId: profile.id, targetUrl: request.targetUrl, comment: comment || null, issuedOn: new Date() };
      // A signing endorser signs in this transaction; the JWS is stored and never re-made.
      const signature = profile.verification === 'signed' ? await this.signer.sign(facts, await this.keys.activeKey(scope, profile.id, tx)) : undefined;
      const created = await this.endorsements.create(
        {
          ...facts,
          requestId: request.id,
          institutionId: request.institutionId,
          endorserInstitutionId: request.endorserInstitutionId,
          targetType: request.targetType,
          targetId: request.targetId,
          ...signature,
        },
        tx,
      );
      await this.events.issued(tx, origin, created, profile, request);
      return created;
    });
    this.events.published();
    return endorsement;
  }

  /** The reason is not stored on the request; its event carries it (the audit trail keeps it). */
  async decline(scope: TenantScope, requestId: string, reason: string | null, origin: EventOrigin, access: IssuerAccess = { kind: 'unrestricted' }): Promise<EndorsementRequest> {
    const declined = await this.prisma.$transaction(async (tx) => {
      const request = await this.decidable(scope, requestId, tx, access);
      if (!(await this.requests.decide(scope, request.id, 'declined', tx))) throw notPending();
      await this.events.declined(tx, origin, request, reason);
      return { ...request, status: 'declined', decidedAt: new Date() };
    });
    this.events.published();
    return declined;
  }

  /**
   * Either party withdraws: the endorsement is revoked (410 at its URL) and its request closed. On
   * the endorser's side a person must be an admin, as to approve it; on the requester's side, hold
   * the role on the target's issuer that asking for it needed.
   */
  async withdraw(scope: TenantScope, endorsementId: string, reason: string | null, origin: EventOrigin, access: IssuerAccess = { kind: 'unrestricted' }): Promise<Endorsement> {
    const revoked = await this.prisma.$transaction(async (tx) => {
      const endorsement = await this.endorsements.find(scope, endorsementId, tx);
      if (!endorsement) throw ApiError.notFound('endorsement');
      if (endorsement.endorserInstitutionId === scope.institutionId) requireInstitutionAdmin(access, ENDORSER_DECIDES);
      else await this.requireRequesterRole(scope, endorsement, tx, access);
      if (!(await this.endorsements.revoke(endorsement.id, scope, reason || null, tx))) {
        throw new ApiError(400, ErrorCode.AlreadyRevoked, 'This endorsement was already withdrawn.');
      }
      await this.requests.markWithdrawn(endorsement.requestId, tx);
      const updated = await this.endorsements.find(scope, endorsement.id, tx);
      const request = await this.requests.find(scope, endorsement.requestId, tx);
      const endorser = await tx.endorserProfile.findUnique({ where: { id: endorsement.endorserProfileId } });
      if (!updated || !request) throw ApiError.notFound('endorsement');
      await this.events.revoked(tx, origin, updated, request, endorser);
      return updated;
    });
    this.events.published();
    return revoked;
  }

  /** An unknown issuer ('') matches no role: only an admin may then withdraw. */
  private async requireRequesterRole(scope: TenantScope, endorsement: Endorsement, tx: EndorsementTx, access: IssuerAccess): Promise<void> {
    const request = await this.requests.find(scope, endorsement.requestId, tx);
    requireIssuerAction(access, request?.targetIssuerId ?? '', REQUEST_NEEDS[endorsement.targetType as EndorsementTargetType]);
  }

  /**
   * The request, if the caller may answer it: a stranger gets 404, the requester a 404 `forbidden`,
   * a person of the endorser who is not its admin a 403 `forbidden`.
   */
  private async decidable(scope: TenantScope, requestId: string, tx: EndorsementTx, access: IssuerAccess): Promise<EndorsementRequest> {
    const request = await this.requests.find(scope, requestId, tx);
    if (!request) throw ApiError.notFound('endorsement request');
    if (request.endorserInstitutionId !== scope.institutionId) {
      throw new ApiError(404, ErrorCode.Forbidden, 'Only the endorser can answer this request.');
    }
    requireInstitutionAdmin(access, ENDORSER_DECIDES);
    if (request.status !== 'pending') throw notPending(request.status);
    return request;
  }
}

function notPending(status?: string): ApiError {
  return new ApiError(409, ErrorCode.Conflict, `This request was already answered${status ? ` (${status})` : ''}.`);
}

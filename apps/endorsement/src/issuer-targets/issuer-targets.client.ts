import { Inject, Injectable } from '@nestjs/common';

import type { EndorsementTargetType } from '@badges/api-contracts';
import { ApiError, ErrorCode, InternalHeader, type ServiceClient, type TenantScope } from '@badges/service-kit';

import { ENDORSEMENT_CONFIG, ISSUER_CLIENT } from '../common/tokens';
import type { EndorsementConfig } from '../config/endorsement.config';

/** What the endorsement needs to know about the endorsed entity. */
export interface ResolvedTarget {
  type: EndorsementTargetType;
  entityId: string;
  /** Its public OB 2.0 id: the Endorsement's `claim.id`. */
  url: string;
  name: string;
  /** The contact email of the issuer that owns it (published in its Profile anyway). */
  issuerEmail?: string;
  /** The entity id of the issuer that owns it (itself, for an Issuer): whose roles decide who may ask. */
  issuerId?: string;
}

/** The fields we read of the issuer's v2 answer (Issuer, BadgeClass or Assertion). */
interface IssuerEntity {
  openBadgeId?: string;
  name?: string;
  email?: string;
  /** The owning issuer's entity id (badge classes and assertions). */
  issuer?: string;
  revoked?: boolean;
  badgeclassOpenBadgeId?: string;
}

const V2_PATH: Record<EndorsementTargetType, string> = { Issuer: 'issuers', BadgeClass: 'badgeclasses', Assertion: 'assertions' };

/**
 * Asks the issuer service, as the requesting institution, for the entity to endorse. The issuer
 * owns those rows (we never read its tables); its tenancy check is ours: another institution's
 * entity answers 404, and so does our request. Over the internal ServiceClient (in process or
 * private HTTP), so this is not a user-supplied URL and needs no safeFetch.
 */
@Injectable()
export class IssuerTargetsClient {
  constructor(
    @Inject(ISSUER_CLIENT) private readonly issuer: ServiceClient,
    @Inject(ENDORSEMENT_CONFIG) private readonly config: EndorsementConfig,
  ) {}

  async resolve(scope: TenantScope, type: EndorsementTargetType, entityId: string, correlationId: string): Promise<ResolvedTarget> {
    const entity = await this.get(scope, type, entityId, correlationId);
    if (!entity) throw new ApiError(404, ErrorCode.NotFound, `The ${type} to endorse was not found.`, 'target.entityId');
    if (!entity.openBadgeId) throw new ApiError(503, ErrorCode.ServiceUnavailable, 'The issuer service sent an unexpected answer.');
    if (entity.revoked) throw new ApiError(400, ErrorCode.TargetRevoked, 'A revoked assertion cannot be endorsed.', 'target.entityId');
    // Badge classes and assertions name their issuer; its email is where we tell the requester.
    const issuer = type === 'Issuer' ? entity : entity.issuer ? await this.get(scope, 'Issuer', entity.issuer, correlationId) : null;
    const issuerId = type === 'Issuer' ? entityId : entity.issuer;
    return {
      type,
      entityId,
      url: entity.openBadgeId,
      name: entity.name ?? entity.badgeclassOpenBadgeId ?? entity.openBadgeId,
      issuerEmail: issuer?.email,
      ...(issuerId ? { issuerId } : {}),
    };
  }

  /** The v2 entity as the requester sees it, or null when the issuer says 404. */
  private async get(scope: TenantScope, type: EndorsementTargetType, entityId: string, correlationId: string): Promise<IssuerEntity | null> {
    const headers: Record<string, string> = {
      accept: 'application/json',
      [InternalHeader.InstitutionId]: scope.institutionId,
      [InternalHeader.CorrelationId]: correlationId,
    };
    if (this.config.internalToken) headers[InternalHeader.InternalToken] = this.config.internalToken;
    const response = await this.issuer
      .request({ method: 'GET', url: `/v2/${V2_PATH[type]}/${encodeURIComponent(entityId)}`, headers })
      .catch(() => {
        // Unreachable issuer: the caller may retry; nothing was stored.
        throw new ApiError(503, ErrorCode.ServiceUnavailable, 'The issuer service is not reachable; try again shortly.');
      });
    if (response.status === 404) return null;
    if (response.status !== 200) {
      throw new ApiError(503, ErrorCode.ServiceUnavailable, `The issuer service answered ${response.status}; try again shortly.`);
    }
    return ((JSON.parse(response.body.toString('utf8')) as { result?: IssuerEntity[] }).result?.[0]) ?? null;
  }
}

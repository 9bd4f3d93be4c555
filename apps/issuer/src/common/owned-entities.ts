import { Injectable } from '@nestjs/common';

import { ApiError, type TenantScope } from '@badges/service-kit';

import { AssertionsRepository } from '../assertions/assertions.repository';
import { BadgeClassesRepository } from '../badge-classes/badge-classes.repository';
import { IssuersRepository } from '../issuers/issuers.repository';

/**
 * Controllers check that the addressed entity belongs to the caller's institution BEFORE they
 * validate the body: another institution's id must always read as 404, never as a 400 that
 * would confirm the id exists.
 */
@Injectable()
export class OwnedEntities {
  constructor(
    private readonly issuers: IssuersRepository,
    private readonly badgeClasses: BadgeClassesRepository,
    private readonly assertions: AssertionsRepository,
  ) {}

  /**
   * Each resolves to the entity's issuer, so that the caller can then check the person's role on
   * it (requireIssuerAction): 404 comes before 403, as another institution's id must never read as
   * "exists, but not for you".
   */
  async requireIssuer(scope: TenantScope, id: string): Promise<string> {
    if (!(await this.issuers.findById(scope, id))) throw ApiError.notFound('issuer');
    return id;
  }

  async requireBadgeClass(scope: TenantScope, id: string): Promise<string> {
    const badgeClass = await this.badgeClasses.findById(scope, id);
    if (!badgeClass) throw ApiError.notFound('badge class');
    return badgeClass.issuerId;
  }

  async requireAssertion(scope: TenantScope, id: string): Promise<string> {
    const assertion = await this.assertions.findById(scope, id);
    if (!assertion) throw ApiError.notFound('assertion');
    return assertion.issuerId;
  }

  /** The issuers of those of `ids` that exist in the institution (the others each answer for themselves). */
  async issuersOfAssertions(scope: TenantScope, ids: readonly string[]): Promise<string[]> {
    const found = await Promise.all(ids.map((id) => this.assertions.findById(scope, id)));
    return [...new Set(found.flatMap((assertion) => (assertion ? [assertion.issuerId] : [])))];
  }
}

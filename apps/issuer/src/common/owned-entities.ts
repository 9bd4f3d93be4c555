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

  async requireIssuer(scope: TenantScope, id: string): Promise<void> {
    if (!(await this.issuers.findById(scope, id))) throw ApiError.notFound('issuer');
  }

  async requireBadgeClass(scope: TenantScope, id: string): Promise<void> {
    if (!(await this.badgeClasses.findById(scope, id))) throw ApiError.notFound('badge class');
  }

  async requireAssertion(scope: TenantScope, id: string): Promise<void> {
    if (!(await this.assertions.findById(scope, id))) throw ApiError.notFound('assertion');
  }
}

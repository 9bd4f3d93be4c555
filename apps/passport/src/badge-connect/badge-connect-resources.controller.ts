import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';

import { BadgeConnectPushBodySchema, type BadgeConnectResults } from '@badges/api-contracts';
import { InternalTokenGuard, parseWith } from '@badges/service-kit';

import { AccountsService } from '../accounts/accounts.service';
import { BackpackRepository } from '../backpack/backpack.repository';
import type { LearnerScope } from '../common/learner-scope';
import { AwardCopiesService } from '../export/award-copies.service';
import { ImportsService } from '../imports/imports.service';
import { BadgeConnectAuthGuard, BadgeConnectLearner, RequiresScope } from './badge-connect-auth.guard';
import { BadgeConnectScope } from './scopes';

/** Badge Connect's status block (its own envelope, not Badgr's). */
const ok = (statusCode = 200): BadgeConnectResults['status'] => ({ error: null, statusCode, statusText: statusCode === 201 ? 'Created' : 'OK' });

/** The resource endpoints, under Badgr's `/bcv1` and the spec's `/bcv1/ims/ob/v2p1` paths alike. */
@Controller('bcv1')
@UseGuards(InternalTokenGuard, BadgeConnectAuthGuard)
export class BadgeConnectResourcesController {
  constructor(
    private readonly backpack: BackpackRepository,
    private readonly copies: AwardCopiesService,
    private readonly imports: ImportsService,
    private readonly accounts: AccountsService,
  ) {}

  /** The learner's accepted badges as OB 2.0 assertions. */
  @Get(['assertions', 'ims/ob/v2p1/assertions'])
  @RequiresScope(BadgeConnectScope.AssertionRead)
  async assertions(@BadgeConnectLearner() learner: LearnerScope): Promise<BadgeConnectResults> {
    const views = await this.backpack.list(learner, { status: 'accepted' });
    const results = await Promise.all(views.map(async (view) => (await this.copies.filesOf(view.award)).json ?? { id: view.award.assertionUrl }));
    return { status: ok(), results };
  }

  /** A badge pushed in by another backpack or an issuer: verified and imported like any import. */
  @Post(['assertions', 'ims/ob/v2p1/assertions'])
  @HttpCode(201)
  @RequiresScope(BadgeConnectScope.AssertionCreate)
  async push(@BadgeConnectLearner() learner: LearnerScope, @Body() body: unknown): Promise<BadgeConnectResults> {
    const { id, assertion } = parseWith(BadgeConnectPushBodySchema, body);
    const view = await this.imports.import(learner, id ? { url: id } : { json: assertion ?? '' });
    return { status: ok(201), results: [{ id: view.award.assertionUrl }] };
  }

  @Get(['profile', 'ims/ob/v2p1/profile'])
  @RequiresScope(BadgeConnectScope.ProfileRead)
  async profile(@BadgeConnectLearner() learner: LearnerScope): Promise<BadgeConnectResults> {
    const { learner: row, identifiers } = await this.accounts.profile(learner);
    const email = identifiers.find((i) => i.type === 'email' && i.verifiedAt && i.value === row.username)?.value ?? identifiers.find((i) => i.type === 'email' && i.verifiedAt)?.value;
    return { status: ok(), results: [{ '@context': 'https://w3id.org/openbadges/v2', type: 'Profile', name: row.name, ...(email ? { email } : {}) }] };
  }
}

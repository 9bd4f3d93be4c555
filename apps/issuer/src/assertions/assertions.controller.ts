import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Req, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';

import {
  AssertionCreateBodySchema,
  AssertionUpdateBodySchema,
  BatchIssueBodySchema,
  BatchRevokeBodySchema,
  RevokeBodySchema,
  successEnvelope,
  type AssertionV2,
  type BatchRevokeResultV2,
  type V2SuccessEnvelope,
} from '@badges/api-contracts';
import type { EventOrigin } from '@badges/events';
import { cacheTag, InstitutionId, InternalTokenGuard, markPublicCacheStale, nextPagePath, parseWith, RequestOrigin, requireIssuerAction, StaffIssuerAccess, tenantScope, type IssuerAccess } from '@badges/service-kit';

import { EntityIdPipe } from '../common/entity-id.pipe';
import { OwnedEntities } from '../common/owned-entities';
import { PublicUrls } from '../common/public-urls';
import { toAssertionV2, toBatchRevokeResultV2 } from './assertions.mapper';
import { AssertionListQueryWithCursorSchema } from './assertions.dto';
import type { AssertionCursor, AssertionRecord } from './assertions.repository';
import { AssertionsService } from './assertions.service';
import { AwardUseCase } from './award.usecase';

@Controller('v2')
@UseGuards(InternalTokenGuard)
export class AssertionsController {
  constructor(
    private readonly award: AwardUseCase,
    private readonly assertions: AssertionsService,
    private readonly owned: OwnedEntities,
    private readonly urls: PublicUrls,
  ) {}

  @Post('badgeclasses/:entityId/assertions')
  @HttpCode(201)
  async create(
    @InstitutionId() institutionId: string,
    @Param('entityId', EntityIdPipe) badgeClassId: string,
    @Body() body: unknown,
    @RequestOrigin() origin: EventOrigin,
    @StaffIssuerAccess() access: IssuerAccess,
  ): Promise<V2SuccessEnvelope<AssertionV2>> {
    requireIssuerAction(access, await this.owned.requireBadgeClass(tenantScope(institutionId), badgeClassId), 'award');
    const item = parseWith(AssertionCreateBodySchema, body);
    const [awarded] = await this.award.award(tenantScope(institutionId), badgeClassId, [item], { fieldPrefix: () => '', origin });
    return successEnvelope(toAssertionV2(awarded.assertion, this.urls, awarded.plaintextIdentity));
  }

  /** Badgr's synchronous batch: up to 100, one transaction, all or nothing. */
  @Post('badgeclasses/:entityId/issue')
  @HttpCode(201)
  async issueBatch(
    @InstitutionId() institutionId: string,
    @Param('entityId', EntityIdPipe) badgeClassId: string,
    @Body() body: unknown,
    @RequestOrigin() origin: EventOrigin,
    @StaffIssuerAccess() access: IssuerAccess,
  ): Promise<V2SuccessEnvelope<AssertionV2>> {
    requireIssuerAction(access, await this.owned.requireBadgeClass(tenantScope(institutionId), badgeClassId), 'award');
    const batch = parseWith(BatchIssueBodySchema, body);
    const awarded = await this.award.award(tenantScope(institutionId), badgeClassId, batch.assertions, {
      fieldPrefix: (index) => `assertions.${index}.`,
      notifyAll: batch.create_notification,
      origin,
    });
    return successEnvelope(awarded.map((a) => toAssertionV2(a.assertion, this.urls, a.plaintextIdentity)));
  }

  @Get('badgeclasses/:entityId/assertions')
  async listForBadgeClass(
    @InstitutionId() institutionId: string,
    @Param('entityId', EntityIdPipe) badgeClassId: string,
    @Query() query: unknown,
    @Req() request: FastifyRequest,
  ): Promise<V2SuccessEnvelope<AssertionV2>> {
    const parsed = parseWith(AssertionListQueryWithCursorSchema, query);
    const page = await this.assertions.list(tenantScope(institutionId), { badgeClassId }, parsed);
    return this.page(page, request);
  }

  /** The console's export: the list's filters, every page, as one CSV file. */
  @Get('badgeclasses/:entityId/assertions.csv')
  async exportForBadgeClass(
    @InstitutionId() institutionId: string,
    @Param('entityId', EntityIdPipe) badgeClassId: string,
    @Query() query: unknown,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const parsed = parseWith(AssertionListQueryWithCursorSchema, query);
    let body = '';
    for await (const chunk of this.assertions.awardsCsv(tenantScope(institutionId), badgeClassId, parsed, (row) => (row.openBadgesVersion === '3.0' ? this.urls.credential(row.id) : this.urls.assertion(row.id)))) body += chunk;
    await reply
      .status(200)
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="awards-${badgeClassId}.csv"`)
      .send(body);
  }

  @Get('issuers/:entityId/assertions')
  async listForIssuer(
    @InstitutionId() institutionId: string,
    @Param('entityId', EntityIdPipe) issuerId: string,
    @Query() query: unknown,
    @Req() request: FastifyRequest,
  ): Promise<V2SuccessEnvelope<AssertionV2>> {
    const parsed = parseWith(AssertionListQueryWithCursorSchema, query);
    const page = await this.assertions.list(tenantScope(institutionId), { issuerId }, parsed);
    return this.page(page, request);
  }

  @Get('assertions/:entityId')
  async get(@InstitutionId() institutionId: string, @Param('entityId', EntityIdPipe) id: string): Promise<V2SuccessEnvelope<AssertionV2>> {
    return successEnvelope(toAssertionV2(await this.assertions.get(tenantScope(institutionId), id), this.urls));
  }

  /**
   * Badgr's update: 200 with the assertion, its evidence, narrative or expiry changed (a signed
   * one signed again); 400 `already_revoked` for a revoked one. Ownership is checked before the
   * body, so another institution's id is a 404 whatever the body.
   */
  @Put('assertions/:entityId')
  async update(
    @InstitutionId() institutionId: string,
    @Param('entityId', EntityIdPipe) id: string,
    @Body() body: unknown,
    @RequestOrigin() origin: EventOrigin,
    @Res({ passthrough: true }) reply: FastifyReply,
    @StaffIssuerAccess() access: IssuerAccess,
  ): Promise<V2SuccessEnvelope<AssertionV2>> {
    requireIssuerAction(access, await this.owned.requireAssertion(tenantScope(institutionId), id), 'award');
    const updated = await this.assertions.update(tenantScope(institutionId), id, parseWith(AssertionUpdateBodySchema, body), origin);
    // Its public document and baked image (both tagged with the assertion) are stale.
    markPublicCacheStale(reply, [cacheTag.assertion(id)]);
    return successEnvelope(toAssertionV2(updated, this.urls));
  }

  /** Revoke (Badgr: 200 with the revoked assertion; 400 `already_revoked` the second time). */
  @Delete('assertions/:entityId')
  @HttpCode(200)
  async revoke(
    @InstitutionId() institutionId: string,
    @Param('entityId', EntityIdPipe) id: string,
    @Body() body: unknown,
    @RequestOrigin() origin: EventOrigin,
    @Res({ passthrough: true }) reply: FastifyReply,
    @StaffIssuerAccess() access: IssuerAccess,
  ): Promise<V2SuccessEnvelope<AssertionV2>> {
    requireIssuerAction(access, await this.owned.requireAssertion(tenantScope(institutionId), id), 'award');
    const { revocation_reason } = parseWith(RevokeBodySchema, body);
    const revoked = await this.assertions.revoke(tenantScope(institutionId), id, revocation_reason, origin);
    markPublicCacheStale(reply, revocationCacheTags([revoked]));
    return successEnvelope(toAssertionV2(revoked, this.urls));
  }

  /**
   * Badgr `BatchAssertionsRevoke`: 200 with one result per item, in order. An assertion the
   * caller may not revoke (unknown, another institution's) or one already revoked is reported
   * `revoked: false` with a reason; the others are revoked as DELETE revokes one. A static path,
   * so Fastify matches it before `assertions/:entityId` would.
   */
  @Post('assertions/revoke')
  @HttpCode(200)
  async revokeBatch(
    @InstitutionId() institutionId: string,
    @Body() body: unknown,
    @RequestOrigin() origin: EventOrigin,
    @Res({ passthrough: true }) reply: FastifyReply,
    @StaffIssuerAccess() access: IssuerAccess,
  ): Promise<V2SuccessEnvelope<BatchRevokeResultV2>> {
    const items = parseWith(BatchRevokeBodySchema, body);
    const scope = tenantScope(institutionId);
    // All or nothing for a person: one assertion of an issuer they may not award on refuses the batch.
    if (access.kind === 'staff') {
      for (const issuerId of await this.owned.issuersOfAssertions(scope, items.map((item) => item.entityId))) requireIssuerAction(access, issuerId, 'award');
    }
    const results = await this.assertions.revokeEach(scope, items.map((item) => ({ id: item.entityId, reason: item.revocationReason })), origin);
    const revoked = results.flatMap((result) => (result.outcome === 'revoked' ? [result.assertion] : []));
    if (revoked.length > 0) markPublicCacheStale(reply, revocationCacheTags(revoked));
    return successEnvelope(items.map((item, index) => toBatchRevokeResultV2(item, results[index])), 'revoked badges');
  }

  /** Badgr-style cursor pagination: `pagination.nextResults` is the full URL of the next page. */
  private page(page: { rows: AssertionRecord[]; next?: AssertionCursor }, request: FastifyRequest): V2SuccessEnvelope<AssertionV2> {
    const envelope = successEnvelope(page.rows.map((row) => toAssertionV2(row, this.urls)));
    if (!page.next) return { ...envelope, pagination: { nextResults: null, previousResults: null } };
    const next = nextPagePath(request.url, { at: page.next.createdAt, id: page.next.id });
    return { ...envelope, pagination: { nextResults: this.urls.api(next), previousResults: null } };
  }
}

/** What a revocation makes stale: each assertion's public document and its issuer's RevocationList. */
function revocationCacheTags(revoked: readonly { id: string; issuerId: string }[]): string[] {
  return [...new Set(revoked.flatMap((assertion) => [cacheTag.assertion(assertion.id), cacheTag.revocations(assertion.issuerId)]))];
}

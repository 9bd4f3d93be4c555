import { Controller, Get, Headers, Param, Query, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

import { buildRevocationList } from '@badges/openbadges';
import { ApiError, cacheTag, InternalTokenGuard, jsonLdContentType, markPublicCacheable, prefersJose, type PublicCacheMark } from '@badges/service-kit';

import { EntityIdPipe } from '../common/entity-id.pipe';
import { PublicUrls } from '../common/public-urls';
import { publishedEndorsementDocument, revokedEndorsementDocument } from '../endorsements/endorsements.mapper';
import { EndorsementsRepository } from '../endorsements/endorsements.repository';
import { endorserProfileDocument } from '../endorsers/endorsers.mapper';
import { EndorsersRepository } from '../endorsers/endorsers.repository';
import { endorserKeyDocument } from '../signing/endorser-keys.mapper';
import { EndorserKeysRepository } from '../signing/endorser-keys.repository';

/** As the issuer's public documents: short, so a withdrawal shows up soon. */
const PUBLIC_CACHE_CONTROL = 'public, max-age=60';

/**
 * For the gateway's cache. An Endorsement changes only when issued or withdrawn, which are events;
 * endorser Profiles, keys and RevocationLists have no event of their own, so the gateway keeps
 * them briefly (a withdrawn signed endorsement reaches its RevocationList within a second).
 */
const ENDORSER_DOCUMENT: PublicCacheMark = { tags: [], maxAgeSeconds: 5 };
const ENDORSER_REVOCATIONS: PublicCacheMark = { tags: [], maxAgeSeconds: 1 };

/**
 * The hosted OB 2.0 documents of this service (JSON-LD; no tenant header, they are public, still
 * only via the gateway). A withdrawn Endorsement answers 410 Gone with the spec's revoked
 * Endorsement body, as a revoked assertion does; a withdrawn signed one is also listed in its
 * endorser's RevocationList (docs/decisions/0013).
 */
@Controller('public')
@UseGuards(InternalTokenGuard)
export class PublicDocumentsController {
  constructor(
    private readonly endorsements: EndorsementsRepository,
    private readonly endorsers: EndorsersRepository,
    private readonly keys: EndorserKeysRepository,
    private readonly urls: PublicUrls,
  ) {}

  /**
   * The JSON by default (so `endorsement` links in other documents keep working); a signed
   * endorsement's compact JWS for `?format=jws` or `Accept: application/jose`, as signed
   * assertions are served. Asking a hosted endorsement for a JWS is 404 (there is none).
   */
  @Get('endorsements/:id')
  async endorsement(
    @Param('id', EntityIdPipe) id: string,
    @Query('format') format: unknown,
    @Headers('accept') accept: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const row = await this.endorsements.findPublic(id);
    if (!row) throw ApiError.notFound('endorsement');
    const mark = { tags: [cacheTag.endorsement(row.id)] };
    if (row.revokedAt) return send(reply, 410, revokedEndorsementDocument(row, this.urls), mark, accept);
    if (format === 'jws' || prefersJose(accept)) {
      if (!row.signedJws) throw ApiError.notFound('signed endorsement');
      void markPublicCacheable(reply, mark).status(200).header('cache-control', PUBLIC_CACHE_CONTROL).header('vary', 'Accept').header('content-type', 'application/jose').send(row.signedJws);
      return;
    }
    send(reply, 200, publishedEndorsementDocument(row, this.urls), mark, accept);
  }

  @Get('endorsers/:id')
  async endorser(@Param('id', EntityIdPipe) id: string, @Headers('accept') accept: string | undefined, @Res() reply: FastifyReply): Promise<void> {
    const row = await this.endorsers.findPublic(id);
    if (!row) throw ApiError.notFound('endorser');
    send(reply, 200, endorserProfileDocument(row, await this.keys.listPublic(row.id), this.urls), ENDORSER_DOCUMENT, accept);
  }

  /** A CryptographicKey of the endorser; retired keys stay published (what they signed must verify). */
  @Get('endorsers/:id/keys/:keyId')
  async key(
    @Param('id', EntityIdPipe) id: string,
    @Param('keyId', EntityIdPipe) keyId: string,
    @Headers('accept') accept: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const key = await this.keys.findPublic(id, keyId);
    if (!key) throw ApiError.notFound('key');
    send(reply, 200, endorserKeyDocument(key, this.urls), ENDORSER_DOCUMENT, accept);
  }

  /** The endorser's withdrawn signed endorsements; answers for every endorser (empty list). */
  @Get('endorsers/:id/revocations')
  async revocations(@Param('id', EntityIdPipe) id: string, @Headers('accept') accept: string | undefined, @Res() reply: FastifyReply): Promise<void> {
    const row = await this.endorsers.findPublic(id);
    if (!row) throw ApiError.notFound('endorser');
    const revoked = await this.endorsements.revokedSigned(row.id);
    send(reply, 200, buildRevocationList({
      id: this.urls.endorserRevocations(row.id),
      issuer: this.urls.endorser(row.id),
      revokedAssertions: revoked.map((endorsement) => ({ id: this.urls.endorsement(endorsement.id), revocationReason: endorsement.revocationReason ?? undefined })),
    }), ENDORSER_REVOCATIONS, accept);
  }
}

/** The Content-Type follows Accept (`application/json` for a client that asks for plain JSON only). */
function send(reply: FastifyReply, status: number, json: object, mark: PublicCacheMark, accept: string | undefined): void {
  void markPublicCacheable(reply, mark)
    .status(status)
    .header('cache-control', PUBLIC_CACHE_CONTROL)
    .header('vary', 'Accept')
    .header('content-type', jsonLdContentType(accept))
    .send(JSON.stringify(json));
}

import { Controller, Get, Param, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

import { ApiError, InternalTokenGuard } from '@badges/service-kit';

import { EntityIdPipe } from '../common/entity-id.pipe';
import { PublicUrls } from '../common/public-urls';
import { endorsementDocument, revokedEndorsementDocument } from '../endorsements/endorsements.mapper';
import { EndorsementsRepository } from '../endorsements/endorsements.repository';
import { endorserProfileDocument } from '../endorsers/endorsers.mapper';
import { EndorsersRepository } from '../endorsers/endorsers.repository';

/** As the issuer's public documents: short, so a withdrawal shows up soon. */
const PUBLIC_CACHE_CONTROL = 'public, max-age=60';

/**
 * The hosted OB 2.0 documents of this service (JSON-LD; no tenant header, they are public, still
 * only via the gateway). A withdrawn Endorsement answers 410 Gone with the spec's revoked
 * Endorsement body, as a revoked assertion does (docs/decisions/0013).
 */
@Controller('public')
@UseGuards(InternalTokenGuard)
export class PublicDocumentsController {
  constructor(private readonly endorsements: EndorsementsRepository, private readonly endorsers: EndorsersRepository, private readonly urls: PublicUrls) {}

  @Get('endorsements/:id')
  async endorsement(@Param('id', EntityIdPipe) id: string, @Res() reply: FastifyReply): Promise<void> {
    const row = await this.endorsements.findPublic(id);
    if (!row) throw ApiError.notFound('endorsement');
    if (row.revokedAt) return send(reply, 410, revokedEndorsementDocument(row, this.urls));
    send(reply, 200, endorsementDocument(row, this.urls));
  }

  @Get('endorsers/:id')
  async endorser(@Param('id', EntityIdPipe) id: string, @Res() reply: FastifyReply): Promise<void> {
    const row = await this.endorsers.findPublic(id);
    if (!row) throw ApiError.notFound('endorser');
    send(reply, 200, endorserProfileDocument(row, this.urls));
  }
}

function send(reply: FastifyReply, status: number, json: object): void {
  void reply
    .status(status)
    .header('cache-control', PUBLIC_CACHE_CONTROL)
    .header('content-type', 'application/ld+json; charset=utf-8')
    .send(JSON.stringify(json));
}

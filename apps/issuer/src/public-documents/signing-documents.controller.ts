import { Controller, Get, Headers, Param, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

import { cacheTag, InternalTokenGuard, jsonLdContentType, markPublicCacheable } from '@badges/service-kit';

import { EntityIdPipe } from '../common/entity-id.pipe';
import { PUBLIC_CACHE_CONTROL } from './public-documents.controller';
import { SigningDocumentsService } from './signing-documents.service';

/** Public, like the hosted documents; JSON-LD only (no person opens a key in a browser). */
@Controller('public/issuers/:id')
@UseGuards(InternalTokenGuard)
export class SigningDocumentsController {
  constructor(private readonly documents: SigningDocumentsService) {}

  @Get('keys/:keyId')
  async key(
    @Param('id', EntityIdPipe) issuerId: string,
    @Param('keyId', EntityIdPipe) keyId: string,
    @Headers('accept') accept: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    // A key never changes under its id; it goes only with its issuer.
    sendJsonLd(reply, await this.documents.cryptographicKey(issuerId, keyId), [cacheTag.issuer(issuerId)], accept);
  }

  @Get('revocations')
  async revocations(@Param('id', EntityIdPipe) issuerId: string, @Headers('accept') accept: string | undefined, @Res() reply: FastifyReply): Promise<void> {
    sendJsonLd(reply, await this.documents.revocationList(issuerId), [cacheTag.issuer(issuerId), cacheTag.revocations(issuerId)], accept);
  }
}

/** The Content-Type follows Accept (`application/json` for a client that asks for plain JSON only). */
function sendJsonLd(reply: FastifyReply, json: object, tags: string[], accept: string | undefined): void {
  void markPublicCacheable(reply, { tags })
    .status(200)
    .header('cache-control', PUBLIC_CACHE_CONTROL)
    .header('vary', 'Accept')
    .header('content-type', jsonLdContentType(accept))
    .send(JSON.stringify(json));
}

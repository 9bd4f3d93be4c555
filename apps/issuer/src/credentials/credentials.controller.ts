import { Controller, Get, Headers, Param, Query, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

import { acceptedLanguages, ApiError, InternalTokenGuard, markPublicCacheable, negotiate } from '@badges/service-kit';

import { EntityIdPipe } from '../common/entity-id.pipe';
import { langParameter, PUBLIC_CACHE_CONTROL } from '../public-documents/public-documents.controller';
import { renderHtml } from '../public-documents/render-html';
import { linkAlternate } from './award-forms';
import { CredentialDocumentsService, type IssuerDocument } from './credential-documents.service';

/** Lists an issuer can have: 131,072 indexes each, so this bound is far beyond any real counter. */
const LIST_NUMBER = /^(0|[1-9]\d{0,8})$/;

/**
 * OB 3.0 public documents (decision 0048), public like the OB 2.0 ones and cached by the gateway
 * with the same tags. A credential answers its stored form (JSON with a Data Integrity proof as
 * `application/vc+ld+json`, or the compact VC-JWT as `application/vc+jwt`), or the award's page to
 * a browser.
 */
@Controller('public')
@UseGuards(InternalTokenGuard)
export class CredentialsController {
  constructor(private readonly documents: CredentialDocumentsService) {}

  @Get('credentials/:id')
  async credential(
    @Param('id', EntityIdPipe) id: string,
    @Query('lang') lang: unknown,
    @Headers('accept') accept: string | undefined,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const requested = langParameter(lang);
    const document = await this.documents.credential(id, [...(requested ? [requested.toLowerCase()] : []), ...acceptedLanguages(acceptLanguage)]);
    void markPublicCacheable(reply, { tags: document.tags }).status(200).header('cache-control', PUBLIC_CACHE_CONTROL).header('vary', 'Accept, Accept-Language');
    if (document.ob2Url) linkAlternate(reply, document.ob2Url, 'application/ld+json');
    if (negotiate(accept) === 'html') {
      void reply.header('content-type', 'text/html; charset=utf-8').header('content-language', document.view.lang).send(renderHtml(document.view));
      return;
    }
    void reply.header('content-type', contentType(document.credential.mediaType)).send(document.body);
  }

  /** did:web resolves `did:web:host:…:public:issuers:{id}` to this URL. */
  @Get('issuers/:id/did.json')
  async didDocument(@Param('id', EntityIdPipe) issuerId: string, @Res() reply: FastifyReply): Promise<void> {
    sendJson(reply, await this.documents.didDocument(issuerId), 'application/did+ld+json');
  }

  @Get('issuers/:id/jwks.json')
  async jwks(@Param('id', EntityIdPipe) issuerId: string, @Res() reply: FastifyReply): Promise<void> {
    sendJson(reply, await this.documents.jwks(issuerId), 'application/jwk-set+json');
  }

  @Get('issuers/:id/jwks/:keyId')
  async jwk(@Param('id', EntityIdPipe) issuerId: string, @Param('keyId', EntityIdPipe) keyId: string, @Res() reply: FastifyReply): Promise<void> {
    sendJson(reply, await this.documents.jwk(issuerId, keyId), 'application/jwk+json');
  }

  @Get('issuers/:id/status/:listNumber')
  async statusList(@Param('id', EntityIdPipe) issuerId: string, @Param('listNumber') listNumber: string, @Res() reply: FastifyReply): Promise<void> {
    if (!LIST_NUMBER.test(listNumber)) throw ApiError.notFound('status list');
    sendJson(reply, await this.documents.statusList(issuerId, Number(listNumber)), 'application/vc+ld+json');
  }
}

function sendJson(reply: FastifyReply, document: IssuerDocument, mediaType: string): void {
  if (document.cacheable) void markPublicCacheable(reply, { tags: document.tags }).header('cache-control', PUBLIC_CACHE_CONTROL);
  else void reply.header('cache-control', 'no-cache');
  void reply.status(200).header('content-type', contentType(mediaType)).send(document.body);
}

/** JSON is UTF-8, said explicitly as the OB 2.0 routes do (a compact JWT is ASCII, and has no charset). */
function contentType(mediaType: string): string {
  return mediaType.endsWith('json') ? `${mediaType}; charset=utf-8` : mediaType;
}

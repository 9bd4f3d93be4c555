import { Controller, Get, Headers, Param, Query, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

import { acceptedLanguages, ApiError, InternalTokenGuard, jsonLdContentType, markPublicCacheable, negotiate, prefersJose } from '@badges/service-kit';

import { EntityIdPipe } from '../common/entity-id.pipe';
import { linkAlternate, ob3OnlyError } from '../credentials/award-forms';
import { PublicDocumentsService, type PublicDocument } from './public-documents.service';
import { renderHtml } from './render-html';

/** Short: revocation must show up soon, and the gateway/CDN still absorbs verification bursts. */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=60';

/**
 * Hosted OB 2.0 documents; no tenant header (they are public), still only via the gateway.
 * JSON-LD by default, HTML for browsers (design.md §3).
 */
@Controller('public')
@UseGuards(InternalTokenGuard)
export class PublicDocumentsController {
  constructor(private readonly documents: PublicDocumentsService) {}

  @Get('issuers/:id')
  async issuer(
    @Param('id', EntityIdPipe) id: string,
    @Headers('accept') accept: string | undefined,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    // The page's labels follow the reader's languages; the JSON-LD is one document.
    const preferred = negotiate(accept) === 'html' ? acceptedLanguages(acceptLanguage) : [];
    send(reply, await this.documents.issuer(id, preferred), accept, true);
  }

  @Get('badges/:id')
  async badge(
    @Param('id', EntityIdPipe) id: string,
    @Query('lang') lang: unknown,
    @Headers('accept') accept: string | undefined,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    // `?lang=` names an edition (its own document); without it, only the HTML page follows the
    // browser's languages: the JSON-LD at the plain URL is always the badge's own edition.
    const preferred = negotiate(accept) === 'html' ? acceptedLanguages(acceptLanguage) : [];
    send(reply, await this.documents.badgeClass(id, langParameter(lang), preferred), accept, true);
  }

  /**
   * A signed assertion's canonical form is its compact JWS: `?format=jws` or
   * `Accept: application/jose` returns it as `application/jose`. Asking a hosted assertion for
   * a JWS is 404 (there is none); a revoked one answers 410 with the revoked stub as usual. An
   * award with an OB 3.0 form links its credential (`Link`); one made in 3.0 only has no 2.0
   * document: 404 `ob3_only`, naming the credential.
   */
  @Get('assertions/:id')
  async assertion(
    @Param('id', EntityIdPipe) id: string,
    @Query('format') format: unknown,
    @Query('lang') lang: unknown,
    @Headers('accept') accept: string | undefined,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    // The page shows the badge's texts in the reader's language (`?lang=` first); the JSON is unchanged.
    const requested = langParameter(lang);
    const document = await this.documents.assertion(id, [...(requested ? [requested.toLowerCase()] : []), ...acceptedLanguages(acceptLanguage)]);
    if (document.credential) {
      // A revoked award in 3.0 only still answers its revoked stub: it publishes nothing but the
      // revocation, and gives verifiers of the credential the issuer's reason (the status list has none).
      if (document.ob3Only && document.status !== 410) throw ob3OnlyError(reply, document.credential.url, document.credential.mediaType);
      linkAlternate(reply, document.credential.url, document.credential.mediaType);
    }
    if (document.status === 200 && (format === 'jws' || prefersJose(accept))) {
      if (!document.jws) throw ApiError.notFound('signed assertion');
      void markPublicCacheable(reply, { tags: document.tags })
        .status(200)
        .header('cache-control', PUBLIC_CACHE_CONTROL)
        .header('vary', 'Accept')
        .header('content-type', 'application/jose')
        .send(document.jws);
      return;
    }
    send(reply, document, accept, true);
  }
}

/** `?lang=` as given, trimmed; undefined when absent or blank. The credential page reads it the same way. */
export function langParameter(lang: unknown): string | undefined {
  return typeof lang === 'string' && lang.trim() !== '' ? lang.trim() : undefined;
}

/** `byLanguage`: the HTML differs by Accept-Language, so shared caches must key on it too. */
function send(reply: FastifyReply, document: PublicDocument, accept: string | undefined, byLanguage = false): void {
  void markPublicCacheable(reply, { tags: document.tags }).status(document.status).header('cache-control', PUBLIC_CACHE_CONTROL).header('vary', byLanguage ? 'Accept, Accept-Language' : 'Accept');
  if (negotiate(accept) === 'html') {
    // The no-script page policy and nosniff come from service-kit, by Content-Type.
    void reply.header('content-type', 'text/html; charset=utf-8').header('content-language', document.view.lang).send(renderHtml(document.view));
    return;
  }
  void reply.header('content-type', jsonLdContentType(accept)).send(JSON.stringify(document.json));
}

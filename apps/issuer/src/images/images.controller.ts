import { Controller, Get, Headers, Param, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

import { InternalTokenGuard, markPublicCacheable } from '@badges/service-kit';

import { EntityIdPipe } from '../common/entity-id.pipe';
import { ob3OnlyError } from '../credentials/award-forms';
import { PUBLIC_CACHE_CONTROL } from '../public-documents/public-documents.controller';
import { ImagesService, type ServedImage } from './images.service';

@Controller('public')
@UseGuards(InternalTokenGuard)
export class ImagesController {
  constructor(private readonly images: ImagesService) {}

  @Get('issuers/:id/image')
  async issuer(@Param('id', EntityIdPipe) id: string, @Headers('if-none-match') ifNoneMatch: string | undefined, @Res() reply: FastifyReply): Promise<void> {
    send(reply, await this.images.issuerImage(id), ifNoneMatch);
  }

  @Get('badges/:id/image')
  async badge(@Param('id', EntityIdPipe) id: string, @Headers('if-none-match') ifNoneMatch: string | undefined, @Res() reply: FastifyReply): Promise<void> {
    send(reply, await this.images.badgeImage(id), ifNoneMatch);
  }

  /** OB 3.0 (decision 0048): the badge image with the award's credential baked in. */
  @Get('credentials/:id/image')
  async credential(@Param('id', EntityIdPipe) id: string, @Headers('if-none-match') ifNoneMatch: string | undefined, @Res() reply: FastifyReply): Promise<void> {
    send(reply, await this.images.credentialImage(id), ifNoneMatch);
  }

  @Get('assertions/:id/image')
  async assertion(@Param('id', EntityIdPipe) id: string, @Headers('if-none-match') ifNoneMatch: string | undefined, @Res() reply: FastifyReply): Promise<void> {
    const image = await this.images.assertionImage(id);
    if ('ob3OnlyImage' in image) throw ob3OnlyError(reply, image.ob3OnlyImage, 'image/*');
    send(reply, image, ifNoneMatch);
  }
}

function send(reply: FastifyReply, image: ServedImage, ifNoneMatch: string | undefined): void {
  void markPublicCacheable(reply, { tags: image.tags })
    .header('cache-control', PUBLIC_CACHE_CONTROL)
    // Served from our origin, so service-kit gives every image nosniff and the sandboxing CSP.
    .header('etag', image.etag);
  if (ifNoneMatch === image.etag) {
    void reply.status(304).send();
    return;
  }
  void reply.status(200).header('content-type', image.contentType).send(image.bytes);
}

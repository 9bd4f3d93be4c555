import { Controller, Get, Inject, Query, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

import { IMAGE_CSP, InternalTokenGuard } from '@badges/service-kit';

import { VERIFICATION_CONFIG } from '../common/tokens';
import type { VerificationConfig } from '../config/verification.config';
import { verificationAddressPolicy } from '../fetching/address-allow-list';
import { fetchBadgeImage, type ImageFetchPolicy } from './fetch-badge-image';

/**
 * `GET /v2/verify/image?url=`: the image of a badge being verified, fetched by us, so the verify
 * page can show an image from an http:// issuer (which its CSP and mixed-content rules block) or
 * any other host, without the visitor's browser contacting that host (decision 0036).
 */
@Controller('v2/verify/image')
@UseGuards(InternalTokenGuard)
export class ImageProxyController {
  private readonly policy: ImageFetchPolicy;

  constructor(@Inject(VERIFICATION_CONFIG) config: VerificationConfig) {
    this.policy = {
      timeoutMs: config.fetchTimeoutMs,
      allowPrivateNetwork: config.allowPrivateNetwork,
      addressPolicy: verificationAddressPolicy(config.allowedPrivateAddresses, config.allowPrivateNetwork),
    };
  }

  @Get()
  async image(@Query('url') url: unknown, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const image = await fetchBadgeImage(url, this.policy);
    // Inert whatever it holds (an SVG's script never runs, even opened on its own), and kept briefly.
    return reply
      .header('content-security-policy', IMAGE_CSP)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'public, max-age=300')
      .type(image.contentType)
      .send(image.body);
  }
}

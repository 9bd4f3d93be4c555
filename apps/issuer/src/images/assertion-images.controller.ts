import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { z } from 'zod';

import { isEntityId } from '@badges/persistence';
import { InternalTokenGuard, parseWith } from '@badges/service-kit';

import { ImagesService } from './images.service';

/** As many as one email batch of the notification service (decision 0053). */
export const MAX_ASSERTION_IMAGES = 100;

const AssertionImagesBodySchema = z.object({
  assertionIds: z
    .array(z.string().refine(isEntityId, { error: 'Not an assertion id.' }))
    .min(1)
    .max(MAX_ASSERTION_IMAGES),
});

/**
 * Internal: the baked images of a batch of assertions in one request, for the notification
 * service's award emails. Each image travels as base64 in the JSON answer, with the status its own
 * public route would answer (404, 410) when it has none.
 */
@Controller('internal/assertion-images')
@UseGuards(InternalTokenGuard)
export class AssertionImagesController {
  constructor(private readonly images: ImagesService) {}

  @Post()
  @HttpCode(200)
  async batch(@Body() body: unknown): Promise<{ images: ({ assertionId: string; status: number; contentType?: string; base64?: string })[] }> {
    const { assertionIds } = parseWith(AssertionImagesBodySchema, body);
    const answers = await this.images.assertionImages(assertionIds);
    return {
      images: answers.map((answer) =>
        answer.status === 200 ? { assertionId: answer.assertionId, status: 200, contentType: answer.contentType, base64: answer.bytes.toString('base64') } : answer,
      ),
    };
  }
}

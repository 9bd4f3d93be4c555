import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { z } from 'zod';

import { CACHE_HITS_PATH, InternalTokenGuard, parseWith } from '@badges/service-kit';

import { SharesService } from './shares.service';

const SHARE_KEY = /^share:([A-Za-z0-9_][A-Za-z0-9_-]{0,63})$/;

/** What the gateway reports: how often it answered each share page from its cache since last time. */
const CacheHitsSchema = z.object({
  hits: z.record(z.string().regex(SHARE_KEY, { error: 'Expected share:<entityId>.' }), z.number().int().min(1).max(1_000_000_000)).refine((hits) => Object.keys(hits).length <= 10_000, {
    error: 'At most 10,000 entries per report.',
  }),
});

/**
 * Share views answered by the gateway's cache (docs/caching.md). Internal: the gateway forwards no
 * public route to `/internal`, so only it (with the internal token) reaches this.
 */
@Controller()
@UseGuards(InternalTokenGuard)
export class ShareViewsController {
  constructor(private readonly shares: SharesService) {}

  @Post(CACHE_HITS_PATH)
  @HttpCode(204)
  async record(@Body() body: unknown): Promise<void> {
    const { hits } = parseWith(CacheHitsSchema, body);
    await this.shares.countViews(Object.entries(hits).map(([key, count]) => ({ id: SHARE_KEY.exec(key)?.[1] as string, count })));
  }
}

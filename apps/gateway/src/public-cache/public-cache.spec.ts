import type { IncomingMessage } from 'node:http';

import { PublicCacheHeader, type ServiceResponse } from '@badges/service-kit';

import { CacheHitReporter } from './cache-hit-reporter';
import { PublicCache } from './public-cache';
import { PublicDocumentCache } from './public-document-cache';

const request = { method: 'GET', url: '/public/assertions/A', headers: {} } as IncomingMessage;
const answer = (maxAgeSeconds?: number): ServiceResponse => ({
  status: 200,
  headers: { 'content-type': 'application/ld+json', [PublicCacheHeader.Tags]: 'assertion:A', ...(maxAgeSeconds ? { [PublicCacheHeader.MaxAge]: String(maxAgeSeconds) } : {}) },
  body: Buffer.from('{"id":"A"}'),
});

describe('PublicCache while an entry is being fetched again', () => {
  let cache: PublicCache;
  beforeEach(() => {
    cache = new PublicCache(new PublicDocumentCache({ maxBytes: 1_000_000, maxAgeMs: 60_000 }), new CacheHitReporter({}, 'token'));
  });
  afterEach(() => cache.close());

  it('gives the entry past its max age to others meanwhile, and nothing once the fetch is done without keeping', async () => {
    const first = cache.miss(request);
    cache.keep(first!, 'issuer', answer(0.05), {});
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(cache.find(request)).toBeUndefined(); // expired, and nobody is fetching it
    const refresh = cache.miss(request);
    expect(refresh?.flight).toBeDefined();
    expect(cache.find(request)?.body.toString()).toBe('{"id":"A"}');
    cache.giveUp(refresh!);
    expect(cache.find(request)).toBeUndefined();
  });

  it('never gives an entry an event dropped, even while its successor is on its way', () => {
    const first = cache.miss(request);
    cache.keep(first!, 'issuer', answer(), {});
    expect(cache.find(request)).toBeDefined();
    cache.invalidate(['assertion:A']);
    const refresh = cache.miss(request);
    expect(refresh?.flight).toBeDefined();
    expect(cache.find(request)).toBeUndefined();
  });
});

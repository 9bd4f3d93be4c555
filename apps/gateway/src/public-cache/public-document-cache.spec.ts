import { PublicDocumentCache, type CachedResponse } from './public-document-cache';

const entry = (tags: string[], bytes = 100): CachedResponse => ({ status: 200, answerHeaders: { full: [], notModified: [] }, body: Buffer.alloc(bytes, 'x'), etag: '"e"', tags, service: 'issuer' });

describe('PublicDocumentCache', () => {
  it('drops exactly the entries made of an invalidated tag', () => {
    const cache = new PublicDocumentCache({ maxBytes: 1_000_000, maxAgeMs: 60_000 });
    cache.put('assertion-1', entry(['assertion:1', 'badgeclass:B', 'issuer:I']), cache.generation);
    cache.put('assertion-2', entry(['assertion:2', 'badgeclass:B', 'issuer:I']), cache.generation);
    cache.put('issuer-other', entry(['issuer:J']), cache.generation);

    expect(cache.invalidate(['assertion:1'])).toBe(1);
    expect(cache.get('assertion-1')).toBeUndefined();
    expect(cache.get('assertion-2')).toBeDefined();
    expect(cache.invalidate(['issuer:I'])).toBe(1);
    expect(cache.get('assertion-2')).toBeUndefined();
    expect(cache.get('issuer-other')).toBeDefined();
  });

  it('refuses an answer that started before an invalidation (it may be the old document)', () => {
    const cache = new PublicDocumentCache({ maxBytes: 1_000_000, maxAgeMs: 60_000 });
    const started = cache.generation;
    cache.invalidate(['assertion:1']);
    expect(cache.put('assertion-1', entry(['assertion:1']), started)).toBe(false);
    expect(cache.get('assertion-1')).toBeUndefined();
    expect(cache.put('assertion-1', entry(['assertion:1']), cache.generation)).toBe(true);
  });

  it('stays within its bytes, least recently used out first, and forgets the tags of what left', () => {
    const cache = new PublicDocumentCache({ maxBytes: 10 * (1000 + 1100), maxAgeMs: 60_000 });
    for (let i = 0; i < 30; i += 1) cache.put(`doc-${i}`, entry([`assertion:${i}`], 1000), cache.generation);
    expect(cache.bytes).toBeLessThanOrEqual(10 * 2100);
    expect(cache.get('doc-0')).toBeUndefined();
    expect(cache.get('doc-29')).toBeDefined();
    // An evicted entry's tag no longer points anywhere: invalidating it drops nothing.
    expect(cache.invalidate(['assertion:0'])).toBe(0);
  });

  it('will not let one document take more than an eighth of the bound', () => {
    const cache = new PublicDocumentCache({ maxBytes: 8_000, maxAgeMs: 60_000 });
    expect(cache.put('huge', entry(['assertion:1'], 2_000), cache.generation)).toBe(false);
  });

  it('keeps an entry no longer than its own max age, nor the cache-wide one', async () => {
    const cache = new PublicDocumentCache({ maxBytes: 1_000_000, maxAgeMs: 60_000 });
    cache.put('share', entry(['share:1']), cache.generation, 50);
    cache.put('long', entry(['issuer:1']), cache.generation, 10 * 60_000);
    expect(cache.get('share')).toBeDefined();
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(cache.get('share')).toBeUndefined();
    expect(cache.get('long')).toBeDefined();
  });
});

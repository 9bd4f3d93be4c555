import { randomUUID } from 'node:crypto';

import { RedisResponseCache } from './redis-response-cache';

/** The shared cache on the real Redis (REDIS_URL, default redis://127.0.0.1:6379). */
describe('RedisResponseCache', () => {
  let cache: RedisResponseCache;
  beforeAll(async () => (cache = await RedisResponseCache.connect(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379')));
  afterAll(() => cache.close());

  it('keeps a document for its TTL and then forgets it', async () => {
    const url = `http://example.org/${randomUUID()}`;
    await cache.set(url, { status: 200, contentType: 'application/ld+json', body: '{"a":1}' }, 1);
    expect(await cache.get(url)).toEqual({ status: 200, contentType: 'application/ld+json', body: '{"a":1}' });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await cache.get(url)).toBeUndefined();
  });

  it('deletes what a revocation names, for every instance sharing it', async () => {
    const url = `http://example.org/${randomUUID()}`;
    const other = await RedisResponseCache.connect(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    try {
      await cache.set(url, { status: 200, body: '{"a":1}' }, 60);
      await other.delete([url, `${url} application/jose`]);
      expect(await cache.get(url)).toBeUndefined();
    } finally {
      await other.close();
    }
  });

  it('does not store with a TTL of 0 (no-store)', async () => {
    const url = `http://example.org/${randomUUID()}`;
    await cache.set(url, { status: 200, body: '{}' }, 0);
    expect(await cache.get(url)).toBeUndefined();
    expect(await cache.ping()).toBe(true);
  });

  it('fails fast at start when Redis is unreachable', async () => {
    await expect(RedisResponseCache.connect('redis://127.0.0.1:1')).rejects.toBeDefined();
  });

  it('answers a miss, not an error, once the connection is gone', async () => {
    const lost = await RedisResponseCache.connect(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    await lost.close();
    await expect(lost.get('http://example.org/x')).resolves.toBeUndefined();
    await expect(lost.set('http://example.org/x', { status: 200, body: '{}' }, 10)).resolves.toBeUndefined();
    await expect(lost.ping()).resolves.toBe(false);
  });
});

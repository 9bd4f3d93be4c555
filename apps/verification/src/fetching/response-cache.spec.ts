import { MemoryResponseCache } from './response-cache';

describe('MemoryResponseCache', () => {
  it('stays within its byte budget, dropping the oldest first', async () => {
    const cache = new MemoryResponseCache(100, Date.now, 16 * 1024);
    const body = 'x'.repeat(900);
    for (let n = 0; n < 40; n++) await cache.set(`u${n}`, { status: 200, body }, 60);
    expect(await cache.get('u0')).toBeUndefined();
    expect(await cache.get('u39')).toEqual({ status: 200, body });
    expect(await cache.get('u30')).toBeDefined();
    // A document larger than a sixteenth of the budget is never kept.
    await cache.set('big', { status: 200, body: 'y'.repeat(2000) }, 60);
    expect(await cache.get('big')).toBeUndefined();
  });
});

import { ClientStatusCache } from './client-status.cache';

/** The database's answers, counted, on a clock the test moves. */
function setup(active: Record<string, boolean>) {
  const reads: string[] = [];
  let now = 1_000_000;
  let answers: Array<() => void> = [];
  let held = false;
  const load = (clientId: string) =>
    new Promise<boolean>((resolve) => {
      reads.push(clientId);
      const answer = () => resolve(active[clientId] ?? false);
      if (held) answers.push(answer);
      else answer();
    });
  const cache = new ClientStatusCache(load, 1_000, () => now);
  return {
    cache,
    reads,
    active,
    advance: (ms: number) => (now += ms),
    hold: () => (held = true),
    release: () => {
      held = false;
      answers.forEach((answer) => answer());
      answers = [];
    },
  };
}

describe('ClientStatusCache', () => {
  it('reads the database once, then answers from memory until the entry is a TTL old', async () => {
    const { cache, reads, active, advance } = setup({ c1: true });
    await expect(cache.isActive('c1')).resolves.toBe(true);
    advance(999);
    await expect(cache.isActive('c1')).resolves.toBe(true);
    expect(reads).toEqual(['c1']);

    active.c1 = false;
    advance(1);
    await expect(cache.isActive('c1')).resolves.toBe(false);
    expect(reads).toEqual(['c1', 'c1']);
  });

  it('remembers a revoked or unknown client for good: revocation is final', async () => {
    const { cache, reads, advance } = setup({ gone: false });
    await expect(cache.isActive('gone')).resolves.toBe(false);
    advance(60_000);
    await expect(cache.isActive('gone')).resolves.toBe(false);
    expect(reads).toEqual(['gone']);
  });

  it('refuses at once a client this process revoked, even with a warm entry', async () => {
    const { cache, reads } = setup({ c1: true });
    await cache.isActive('c1');
    cache.markRevoked('c1');
    await expect(cache.isActive('c1')).resolves.toBe(false);
    expect(reads).toEqual(['c1']);
  });

  it('shares one database read among the requests that miss together', async () => {
    const { cache, reads, hold, release } = setup({ c1: true });
    hold();
    const answers = Promise.all([cache.isActive('c1'), cache.isActive('c1'), cache.isActive('c1')]);
    release();
    await expect(answers).resolves.toEqual([true, true, true]);
    expect(reads).toEqual(['c1']);
  });

  it('keeps a revocation made while a read was under way', async () => {
    const { cache, hold, release } = setup({ c1: true });
    hold();
    const answer = cache.isActive('c1');
    cache.markRevoked('c1');
    release();
    await expect(answer).resolves.toBe(false);
    await expect(cache.isActive('c1')).resolves.toBe(false);
  });

  it('passes a failed read on and tries again next time', async () => {
    let fail = true;
    const cache = new ClientStatusCache(async () => {
      if (fail) throw new Error('database down');
      return true;
    });
    await expect(cache.isActive('c1')).rejects.toThrow('database down');
    fail = false;
    await expect(cache.isActive('c1')).resolves.toBe(true);
  });
});

import { ClientStatusCache, type ClientStatus } from './client-status.cache';

/** Whether the cache lets the client call at all (not revoked); its institution's status aside. */
const isActive = async (cache: ClientStatusCache, clientId: string) => (await cache.status(clientId)) !== undefined;

/** The database's answers, counted, on a clock the test moves. */
function setup(active: Record<string, boolean>) {
  const reads: string[] = [];
  let now = 1_000_000;
  let answers: Array<() => void> = [];
  let held = false;
  const suspended = new Set<string>();
  const load = (clientId: string) =>
    new Promise<ClientStatus | undefined>((resolve) => {
      reads.push(clientId);
      const answer = () => resolve(active[clientId] ? { institutionId: 'i1', institutionSuspended: suspended.has(clientId) } : undefined);
      if (held) answers.push(answer);
      else answer();
    });
  const cache = new ClientStatusCache(load, 1_000, () => now);
  return {
    cache,
    reads,
    active,
    suspended,
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
    await expect(isActive(cache, 'c1')).resolves.toBe(true);
    advance(999);
    await expect(isActive(cache, 'c1')).resolves.toBe(true);
    expect(reads).toEqual(['c1']);

    active.c1 = false;
    advance(1);
    await expect(isActive(cache, 'c1')).resolves.toBe(false);
    expect(reads).toEqual(['c1', 'c1']);
  });

  it('remembers a revoked or unknown client for good: revocation is final', async () => {
    const { cache, reads, advance } = setup({ gone: false });
    await expect(isActive(cache, 'gone')).resolves.toBe(false);
    advance(60_000);
    await expect(isActive(cache, 'gone')).resolves.toBe(false);
    expect(reads).toEqual(['gone']);
  });

  it('refuses at once a client this process revoked, even with a warm entry', async () => {
    const { cache, reads } = setup({ c1: true });
    await isActive(cache, 'c1');
    cache.markRevoked('c1');
    await expect(isActive(cache, 'c1')).resolves.toBe(false);
    expect(reads).toEqual(['c1']);
  });

  it('shares one database read among the requests that miss together', async () => {
    const { cache, reads, hold, release } = setup({ c1: true });
    hold();
    const answers = Promise.all([isActive(cache, 'c1'), isActive(cache, 'c1'), isActive(cache, 'c1')]);
    release();
    await expect(answers).resolves.toEqual([true, true, true]);
    expect(reads).toEqual(['c1']);
  });

  it('keeps a revocation made while a read was under way', async () => {
    const { cache, hold, release } = setup({ c1: true });
    hold();
    const answer = isActive(cache, 'c1');
    cache.markRevoked('c1');
    release();
    await expect(answer).resolves.toBe(false);
    await expect(isActive(cache, 'c1')).resolves.toBe(false);
  });

  it('passes a failed read on and tries again next time', async () => {
    let fail = true;
    const cache = new ClientStatusCache(async () => {
      if (fail) throw new Error('database down');
      return { institutionId: 'i1', institutionSuspended: false };
    });
    await expect(isActive(cache, 'c1')).rejects.toThrow('database down');
    fail = false;
    await expect(isActive(cache, 'c1')).resolves.toBe(true);
  });

  it('reads a suspension like any status change: within the TTL, or at once after recheckInstitution', async () => {
    const { cache, reads, suspended, advance } = setup({ c1: true });
    await expect(cache.status('c1')).resolves.toEqual({ institutionId: 'i1', institutionSuspended: false });
    suspended.add('c1');
    cache.recheckInstitution('other');
    await expect(cache.status('c1')).resolves.toMatchObject({ institutionSuspended: false });
    cache.recheckInstitution('i1');
    await expect(cache.status('c1')).resolves.toMatchObject({ institutionSuspended: true });
    // A suspension is not an end: reactivated, the client is served again.
    suspended.delete('c1');
    advance(1_000);
    await expect(cache.status('c1')).resolves.toMatchObject({ institutionSuspended: false });
    expect(reads).toEqual(['c1', 'c1', 'c1']);
  });
});

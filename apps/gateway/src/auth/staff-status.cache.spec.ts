import { StaffStatusCache, type StaffSessionStatus } from './staff-status.cache';

const ada: StaffSessionStatus = { staffId: 'ada', institutionId: 'college', roles: { admin: false, issuers: [{ issuerId: 'I1', role: 'editor' }] }, language: 'en', institutionSuspended: false };
const grace: StaffSessionStatus = { staffId: 'grace', institutionId: 'college', roles: { admin: true, issuers: [] }, language: 'en', institutionSuspended: false };

/** Sessions s1, s2 (Ada) and s3 (Grace), answered by a database the test edits, on a clock it moves. */
function setup() {
  const live: Record<string, StaffSessionStatus | undefined> = { s1: ada, s2: ada, s3: grace };
  const reads: string[] = [];
  let now = 1_000_000;
  const cache = new StaffStatusCache(
    async (sessionId) => {
      reads.push(sessionId);
      return live[sessionId];
    },
    60,
    1_000,
    () => now,
  );
  return { cache, live, reads, advance: (ms: number) => (now += ms) };
}

describe('StaffStatusCache', () => {
  it('answers a live session’s person and roles from memory for a second, then reads the roles again', async () => {
    const { cache, live, reads, advance } = setup();
    await expect(cache.get('s1')).resolves.toEqual(ada);
    live.s1 = { ...ada, roles: { admin: true, issuers: [] }, language: 'en', institutionSuspended: false };
    advance(999);
    await expect(cache.get('s1')).resolves.toEqual(ada);
    advance(1);
    await expect(cache.get('s1')).resolves.toMatchObject({ roles: { admin: true } });
    expect(reads).toEqual(['s1', 's1']);
  });

  it('remembers an ended session for as long as its access tokens can be valid, then forgets it', async () => {
    const { cache, live, reads, advance } = setup();
    live.s1 = undefined;
    await expect(cache.get('s1')).resolves.toBeUndefined();
    advance(60_000);
    await expect(cache.get('s1')).resolves.toBeUndefined();
    expect(reads).toEqual(['s1']);
    // An access token lives 60 s here, plus a minute of clock tolerance: past that nothing can present the session.
    advance(61_000);
    await expect(cache.get('s1')).resolves.toBeUndefined();
    expect(reads).toEqual(['s1', 's1']);
  });

  it('ends at once every warm session of a removed person, and only theirs', async () => {
    const { cache, reads } = setup();
    await Promise.all([cache.get('s1'), cache.get('s2'), cache.get('s3')]);
    cache.markPersonGone('ada');
    await expect(cache.get('s1')).resolves.toBeUndefined();
    await expect(cache.get('s2')).resolves.toBeUndefined();
    await expect(cache.get('s3')).resolves.toEqual(grace);
    expect(reads).toEqual(['s1', 's2', 's3']);
  });

  it('reads the institution’s suspension again at once after recheckInstitution, without ending any session', async () => {
    const { cache, live, reads } = setup();
    await Promise.all([cache.get('s1'), cache.get('s3')]);
    live.s1 = { ...ada, institutionSuspended: true };
    live.s3 = { ...grace, institutionSuspended: true };
    cache.recheckInstitution('elsewhere');
    await expect(cache.get('s1')).resolves.toEqual(ada);
    cache.recheckInstitution('college');
    await expect(cache.get('s1')).resolves.toMatchObject({ institutionSuspended: true });
    await expect(cache.get('s3')).resolves.toMatchObject({ institutionSuspended: true });
    // Reactivated: the same sessions are served again (a suspension is not an end).
    live.s1 = ada;
    cache.recheckInstitution('college');
    await expect(cache.get('s1')).resolves.toEqual(ada);
    expect(reads).toEqual(['s1', 's3', 's1', 's3', 's1']);
  });
});

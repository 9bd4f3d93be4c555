import type { MigrationAssertion, MigrationBadgeClass, MigrationIssuer, MigrationItemProblem } from '@badges/api-contracts';
import { BadgrInstitutionReader, BadgrReadError, BadgrSession, readBadgrBackpack, type BadgrReadOptions } from '@badges/badgr-migration';

import { BadgrStandin } from '../support/badgr-standin/badgr-standin';
import { STANDIN_PASSWORD } from '../support/badgr-standin/standin-dataset';

// The Badgr reader against the stand-in Badgr (small dataset): sign-in, paging, mapping, problems,
// incremental reads and backpacks, over real HTTP on loopback.
interface Read {
  issuers: MigrationIssuer[];
  badgeClasses: MigrationBadgeClass[];
  assertions: MigrationAssertion[];
  problems: MigrationItemProblem[];
  order: string[];
  reader: BadgrInstitutionReader;
}

let standin: BadgrStandin;

beforeEach(async () => {
  standin = await BadgrStandin.start({ size: 'small', publicOrigin: 'https://api.badgr.example' });
});
afterEach(() => standin.close());

function signIn(institution = 0): Promise<BadgrSession> {
  const account = standin.institutionAccount(institution);
  return BadgrSession.signIn({ baseUrl: standin.origin, allowPrivateNetwork: true }, { username: account.username, password: STANDIN_PASSWORD });
}

async function readAll(session: BadgrSession, options: BadgrReadOptions = {}): Promise<Read> {
  const reader = new BadgrInstitutionReader(session, { pageSize: 50, ...options });
  const read: Read = { issuers: [], badgeClasses: [], assertions: [], problems: [], order: [], reader };
  for await (const batch of reader.batches()) {
    read.order.push(batch.kind);
    read.problems.push(...batch.problems);
    if (batch.kind === 'issuers') read.issuers.push(...batch.records);
    if (batch.kind === 'badgeClasses') read.badgeClasses.push(...batch.records);
    if (batch.kind === 'assertions') read.assertions.push(...batch.records);
  }
  return read;
}

function ofInstitution(institution: number) {
  const issuers = standin.dataset.issuers.filter((i) => i.institution === institution);
  const ids = new Set(issuers.map((i) => i.entityId));
  const badgeClasses = standin.dataset.badgeClasses.filter((b) => ids.has(b.issuerId));
  const assertions = standin.dataset.assertions.filter((a) => ids.has(a.issuerId));
  return { issuers, badgeClasses, assertions };
}

describe('BadgrInstitutionReader against the stand-in Badgr', () => {
  it('reads every issuer, badge class and assertion of the institution, revoked and expired included, keeping ids', async () => {
    const read = await readAll(await signIn(0));
    const source = ofInstitution(0);
    const broken = source.assertions.filter((a) => a.flaw !== null);

    expect(read.issuers.map((i) => i.sourceId).sort()).toEqual(source.issuers.map((i) => i.entityId).sort());
    expect(read.badgeClasses).toHaveLength(source.badgeClasses.length);
    expect(read.assertions).toHaveLength(source.assertions.length - broken.length);
    expect(read.assertions.filter((a) => a.revoked).length).toBe(source.assertions.filter((a) => a.revoked && a.flaw === null).length);
    expect(read.assertions.some((a) => a.expires !== null && a.expires < new Date().toISOString())).toBe(true);
    expect(read.reader.summary()).toMatchObject({ issuers: source.issuers.length, badgeClasses: source.badgeClasses.length, assertions: read.assertions.length });
    // Issuers first, then badge classes, then assertions: the writer can store them in that order.
    expect(read.order.indexOf('assertions')).toBeGreaterThan(read.order.lastIndexOf('badgeClasses'));
    expect(read.order.lastIndexOf('issuers')).toBeLessThan(read.order.indexOf('badgeClasses'));

    const sample = source.assertions.find((a) => a.hashed && a.flaw === null && a.revoked) as (typeof source.assertions)[number];
    expect(read.assertions.find((a) => a.sourceId === sample.entityId)).toMatchObject({
      documentId: `https://api.badgr.example/public/assertions/${sample.entityId}`,
      recipient: { hashed: true, salt: sample.salt, plaintextIdentity: sample.recipientIdentifier, identity: expect.stringMatching(/^sha256\$[0-9a-f]{64}$/) },
      revoked: true,
      revocationReason: sample.revocationReason,
    });
    expect(new Set(read.assertions.map((a) => a.recipient.type))).toEqual(new Set(['email', 'url', 'id']));
  });

  it('reports each broken item as its own problem and carries the rest', async () => {
    const read = await readAll(await signIn(0));
    const source = ofInstitution(0);
    const expected = source.assertions.filter((a) => a.flaw !== null).map((a) => ({ sourceId: a.entityId, code: a.flaw }));
    const errors = read.problems.filter((p) => p.severity === 'error');
    expect(errors.map((p) => ({ sourceId: p.sourceId, code: p.code })).sort((a, b) => (a.sourceId ?? '').localeCompare(b.sourceId ?? ''))).toEqual(
      expected.sort((a, b) => a.sourceId.localeCompare(b.sourceId)),
    );
    expect(expected.length).toBeGreaterThan(0);

    const unreadable = source.badgeClasses.filter((b) => b.flaw === 'image_unreadable').map((b) => b.entityId);
    expect(read.problems.filter((p) => p.code === 'image_unreadable').map((p) => p.sourceId)).toEqual(unreadable);
    for (const id of unreadable) expect(read.badgeClasses.find((b) => b.sourceId === id)?.image).toBeNull();
    expect(read.problems.some((p) => p.code === 'extensions_dropped')).toBe(true);
  });

  it('fetches issuer and badge class images into data, PNG and SVG', async () => {
    const read = await readAll(await signIn(0));
    const types = new Set(read.badgeClasses.map((b) => b.image?.contentType));
    expect(types).toEqual(new Set(['image/png', 'image/svg+xml', undefined]));
    const withImage = read.badgeClasses.find((b) => b.image?.contentType === 'image/png') as MigrationBadgeClass;
    expect(Buffer.from(withImage.image?.base64 ?? '', 'base64').subarray(1, 4).toString()).toBe('PNG');
    expect(read.issuers.filter((i) => i.image !== null).length).toBeGreaterThan(0);
  });

  it('sees only its own institution: the other account reads the other issuers', async () => {
    const read = await readAll(await signIn(1));
    expect(read.issuers.map((i) => i.sourceId).sort()).toEqual(ofInstitution(1).issuers.map((i) => i.entityId).sort());
    expect(read.issuers[0].staff).toEqual(expect.arrayContaining([{ email: 'badges@institution2.example', role: 'owner' }, { email: 'editor@institution2.example', role: expect.any(String) }]));
  });

  it('reads incrementally with since: only what changed after the previous run, new and newly revoked', async () => {
    const session = await signIn(0);
    const first = await readAll(session);
    const since = first.reader.summary().nextSince as string;
    expect(since).toEqual(expect.stringMatching(/^\d{4}-\d{2}-\d{2}T.*Z$/));

    const nothing = await readAll(session, { since });
    expect([nothing.issuers.length, nothing.badgeClasses.length, nothing.assertions.length]).toEqual([0, 0, 0]);

    const added = standin.addAssertions(12).filter((a) => ofInstitution(0).issuers.some((i) => i.entityId === a.issuerId));
    const toRevoke = first.assertions.find((a) => !a.revoked) as MigrationAssertion;
    standin.revoke(toRevoke.sourceId, 'Issued by mistake');
    const second = await readAll(session, { since });
    expect(second.assertions.map((a) => a.sourceId).sort()).toEqual([...added.map((a) => a.entityId), toRevoke.sourceId].sort());
    expect(second.assertions.find((a) => a.sourceId === toRevoke.sourceId)).toMatchObject({ revoked: true, revocationReason: 'Issued by mistake' });
    expect(second.problems).toEqual([]);
    expect(standin.requests.some((r) => r.startsWith('GET /v2/assertions/changed?') && r.includes('since='))).toBe(true);
  });

  it('refreshes an access token Badgr stopped accepting, and signs in again when the refresh token is refused too', async () => {
    const session = await signIn(0);
    standin.tokens.expireAccessTokens();
    const refreshed = await readAll(session);
    expect(standin.tokens.grants).toEqual(['password', 'refresh_token']);
    standin.tokens.expireAccessTokens();
    standin.tokens.revokeRefreshTokens();
    const again = await readAll(session);
    expect(standin.tokens.grants).toEqual(['password', 'refresh_token', 'refresh_token', 'password']);
    expect(again.assertions).toHaveLength(refreshed.assertions.length);
  });

  it('refuses a wrong password with sign_in_failed, and a since without a zone at once', async () => {
    const account = standin.institutionAccount(0);
    await expect(BadgrSession.signIn({ baseUrl: standin.origin, allowPrivateNetwork: true }, { username: account.username, password: 'wrong' })).rejects.toMatchObject({
      name: 'BadgrReadError',
      code: 'sign_in_failed',
    });
    expect(() => new BadgrInstitutionReader({} as BadgrSession, { since: '2021-01-01T00:00:00' })).toThrow(RangeError);
  });

  it('stops with unreachable when Badgr is gone, after its retries', async () => {
    const session = await signIn(0);
    await standin.close();
    const reading = readAll(session);
    await expect(reading).rejects.toBeInstanceOf(BadgrReadError);
    await expect(reading).rejects.toMatchObject({ code: 'unreachable' });
  });
});

describe('readBadgrBackpack', () => {
  it("reads a learner's backpack with their own credentials: acceptance as our status, collections", async () => {
    const learner = standin.learnerAccounts()[0];
    // Badgr lists a revoked badge only when asked (include_revoked): the reader asks.
    const revoked = standin.dataset.assertions.find((a) => a.recipientIdentifier === learner.username && a.acceptance === 'Accepted' && a.flaw === null);
    standin.revoke(revoked?.entityId ?? '', 'Awarded in error');
    const session = await BadgrSession.signIn({ baseUrl: standin.origin, allowPrivateNetwork: true }, { username: learner.username, password: STANDIN_PASSWORD });
    const { backpack, problems } = await readBadgrBackpack(session);
    const theirs = standin.dataset.assertions.filter((a) => a.recipientType === 'email' && a.recipientIdentifier === learner.username && a.acceptance !== 'Rejected');

    expect(backpack.learner).toEqual({ sourceId: learner.entityId, firstName: learner.firstName, lastName: learner.lastName, verifiedEmails: [learner.username] });
    expect(backpack.items.map((i) => i.sourceId).sort()).toEqual(theirs.filter((a) => a.flaw === null).map((a) => a.entityId).sort());
    expect(new Set(backpack.items.map((i) => i.status))).toEqual(new Set(['accepted', 'pending']));
    expect(backpack.items.find((i) => i.sourceId === revoked?.entityId)).toMatchObject({ revoked: true, status: 'accepted' });
    expect(backpack.collections.map((c) => [c.name, c.published])).toEqual([
      ['My best work', true],
      ['Everything', false],
    ]);
    // Badgr never lists a declined badge, so a collection holding one comes without it.
    const declined = new Set(standin.dataset.assertions.filter((a) => a.recipientIdentifier === learner.username && a.acceptance === 'Rejected').map((a) => a.entityId));
    const heldDeclined = standin.dataset.collections.filter((c) => c.ownerId === learner.entityId).flatMap((c) => c.assertionIds.filter((id) => declined.has(id)));
    expect(heldDeclined.length).toBeGreaterThan(0);
    expect(problems.filter((p) => p.code === 'collection_item_missing').map((p) => p.message.split(/[ ,]/)[2]).sort()).toEqual(heldDeclined.sort());
    expect(problems.every((p) => p.severity === 'warning' || p.code === 'invalid_date')).toBe(true);
  });
});

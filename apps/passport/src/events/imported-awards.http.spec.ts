/**
 * Awards a migration run brought over (badges.assertion.imported.v1, decision 0044) reach their
 * earners' passports like issued ones, whether the learner signed up before or after; a revoked one
 * shows as revoked; one whose plaintext was unknown is collected by nobody; redelivery changes nothing.
 */
import { createHmac } from 'node:crypto';

import { createEvent, Topic } from '@badges/events';
import { hashIdentity } from '@badges/openbadges';
import { databaseTargets, openDatabase, type Database, type ScratchDatabase } from '@badges/persistence';

import { startPassport, TEST_LOOKUP_SECRET, type PassportHarness } from '../testing/passport-test-app';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const OLD_ORIGIN = 'https://api.badgr.example';

function imported(assertionId: string, email: string, options: { revoked?: string; lookup?: boolean } = {}) {
  const salt = `salt-${assertionId}`;
  return createEvent(Topic.AssertionImported, {
    institutionId: 'inst-a',
    correlationId: 'migration-run1',
    aggregateId: assertionId,
    payload: {
      assertionId,
      assertionUrl: `${OLD_ORIGIN}/public/assertions/${assertionId}`,
      badgeClassId: 'badgeclass1',
      badgeClassName: 'Welding I',
      issuerId: 'issuer1',
      issuerName: 'Northern College',
      badgeLanguage: 'en',
      recipient: {
        type: 'email',
        identity: hashIdentity(email, salt),
        salt,
        hashed: true,
        ...(options.lookup === false ? {} : { lookup: createHmac('sha256', TEST_LOOKUP_SECRET).update(email).digest('hex') }),
      },
      issuedOn: '2020-06-01T00:00:00.000Z',
      imageUrl: `https://badges.example.org/public/assertions/${assertionId}/image`,
      ...(options.revoked ? { revocation: { reason: options.revoked, revokedAt: '2021-01-01T00:00:00.000Z' } } : {}),
      runId: 'run1',
    },
  });
}

describe.each(databaseTargets())('imported awards in the passport on $name', (target) => {
  let scratch: ScratchDatabase;
  let database: Database;
  let p: PassportHarness;

  beforeAll(async () => {
    scratch = await target.create();
    database = await openDatabase(scratch.config);
    p = await startPassport(database);
  }, 120_000);
  afterAll(async () => {
    await p?.close();
    await database?.close();
    await scratch?.dispose();
  });

  const publish = async (events: ReturnType<typeof imported>[]) => {
    await p.bus.publish([...events, ...events]); // twice: the consumer must be idempotent
    await p.bus.idle();
  };
  const badges = async (token: string): Promise<Json[]> => p.json(await p.call('GET', '/v2/backpack/assertions', token)).result;

  it('collects them for a learner who signs up afterwards, keeping the published id and the revocation', async () => {
    await publish([imported('importedLive1', 'ada@example.org'), imported('importedRevoked1', 'ada@example.org', { revoked: 'Issued in error' }), imported('importedHashOnly1', 'ada@example.org', { lookup: false })]);
    const { token } = await p.signUp('ada@example.org');
    await p.confirm('ada@example.org');
    const collected = await p.waitFor(async () => {
      const list = await badges(token);
      return list.length >= 2 ? list : undefined;
    }, 'the imported badges');
    const byId = new Map(collected.map((badge) => [badge.entityId, badge]));
    expect([...byId.keys()].sort()).toEqual(['importedLive1', 'importedRevoked1']);
    expect(byId.get('importedLive1')).toMatchObject({ openBadgeId: `${OLD_ORIGIN}/public/assertions/importedLive1`, status: 'pending', revoked: false, recipient: { hashed: true, salt: 'salt-importedLive1' } });
    expect(byId.get('importedRevoked1')).toMatchObject({ revoked: true, revocationReason: 'Issued in error' });
  });

  it('collects them at once for a learner who was already there', async () => {
    const { token } = await p.signUp('grace@example.org');
    await p.confirm('grace@example.org');
    await publish([imported('importedLater1', 'grace@example.org')]);
    expect((await badges(token)).map((badge) => badge.entityId)).toEqual(['importedLater1']);
  });
});

/**
 * Dashboards (issue #17): the passport tells the awarding institution when a learner accepts or
 * shares one of its badges: once per new acceptance, once per badge a new link shows, with ids
 * only (never the learner), and nothing for a decline or a repeated answer.
 */
import type { BadgeEvent } from '@badges/events';
import { databaseTargets, openDatabase, type Database, type ScratchDatabase } from '@badges/persistence';

import { startPassport, type PassportHarness } from '../testing/passport-test-app';

describe.each(databaseTargets())('the passport announces acceptances and shares on $name', (target) => {
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

  const answer = (token: string, assertionId: string, acceptance: string) => p.call('PUT', `/v2/backpack/assertions/${assertionId}`, token, { acceptance });
  const seen = (count: number) => p.waitFor(() => (p.engagements.length >= count ? [...p.engagements] : undefined), `${count} engagement event(s)`);
  const summary = (events: BadgeEvent[]) => events.map((event) => [event.type, event.institutionId, (event.payload as { assertionId: string }).assertionId]);

  it('announces a new acceptance and each badge a new share link shows, ids only', async () => {
    const { token } = await p.signUp('maya@learner.example', 'correct horse battery', 'Maya Learner');
    await p.confirm('maya@learner.example');
    const first = await p.award('maya@learner.example');
    const second = await p.award('maya@learner.example');
    const declined = await p.award('maya@learner.example');

    expect((await answer(token, declined, 'Rejected')).statusCode).toBe(200);
    expect((await answer(token, first, 'Accepted')).statusCode).toBe(200);
    expect((await answer(token, first, 'Accepted')).statusCode).toBe(200); // the same answer again says nothing
    expect((await answer(token, second, 'Accepted')).statusCode).toBe(200);
    const accepted = await seen(2);
    expect(summary(accepted)).toEqual([
      ['badges.passport.assertion-accepted.v1', 'inst-a', first],
      ['badges.passport.assertion-accepted.v1', 'inst-a', second],
    ]);
    expect(accepted[0]!.payload).toEqual({ assertionId: first, badgeClassId: 'badgeclass1', issuerId: 'issuer1', acceptedAt: expect.any(String) });

    expect((await p.call('POST', '/v2/backpack/shares', token, { type: 'badge', entityId: first })).statusCode).toBe(201);
    const collection = p.json(await p.call('POST', '/v2/backpack/collections', token, { name: 'Both', assertions: [first, second] })).result[0].entityId;
    expect((await p.call('POST', '/v2/backpack/shares', token, { type: 'collection', entityId: collection })).statusCode).toBe(201);
    const shared = (await seen(5)).slice(2);
    expect(summary(shared).map(([type, , id]) => [type, id]).sort()).toEqual(
      [
        ['badges.passport.assertion-shared.v1', first],
        ['badges.passport.assertion-shared.v1', first],
        ['badges.passport.assertion-shared.v1', second],
      ].sort(),
    );
    // Privacy: nothing of the learner travels, in any field.
    expect(JSON.stringify(p.engagements)).not.toMatch(/maya|Maya|learner\.example/);
  });

  it('says nothing for a refused share, a decline or an unknown badge', async () => {
    const before = p.engagements.length;
    const { token } = await p.signUp('noor@learner.example');
    await p.confirm('noor@learner.example');
    const pending = await p.award('noor@learner.example');
    expect((await p.call('POST', '/v2/backpack/shares', token, { type: 'badge', entityId: pending })).statusCode).toBe(400);
    expect((await answer(token, pending, 'Rejected')).statusCode).toBe(200);
    expect((await answer(token, 'unknownAssertion1', 'Accepted')).statusCode).toBe(404);
    await p.bus.idle();
    expect(p.engagements.length).toBe(before);
  });
});

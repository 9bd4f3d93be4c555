/**
 * Privacy as a matrix (issue #6): learner A, signed in, aims every learner endpoint at learner B's
 * badge, pending badge, collection, share, identifiers and export. Each answer must be a 404 (or
 * a list without B's rows), never B's data, and B's passport must be unchanged afterwards. Every
 * endpoint also answers 401 without a token.
 */
import type { LightMyRequestResponse } from 'fastify';

import { databaseTargets, openDatabase, type Database, type ScratchDatabase } from '@badges/persistence';

import { readZip } from './export/testing/read-zip';
import { startPassport, type PassportHarness } from './testing/passport-test-app';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

interface Ids {
  accepted: string;
  pending: string;
  collection: string;
  share: string;
  email: string;
  phone: string;
}

type Probe = { name: string; method: string; url: (b: Ids) => string; body?: (b: Ids) => unknown; expect: (response: LightMyRequestResponse, b: Ids) => void };

const notFound = (response: LightMyRequestResponse) => {
  expect([response.statusCode, (response.json() as Json).error?.code]).toEqual([404, 'not_found']);
};
const listWithout = (response: LightMyRequestResponse, b: Ids) => {
  expect(response.statusCode).toBe(200);
  for (const id of Object.values(b)) expect(response.body).not.toContain(id);
};

const PROBES: Probe[] = [
  { name: 'list badges', method: 'GET', url: () => '/v2/backpack/assertions', expect: listWithout },
  { name: 'list pending badges', method: 'GET', url: () => '/v2/backpack/assertions?status=pending', expect: listWithout },
  { name: "read B's badge", method: 'GET', url: (b) => `/v2/backpack/assertions/${b.accepted}`, expect: notFound },
  { name: "read B's pending badge", method: 'GET', url: (b) => `/v2/backpack/assertions/${b.pending}`, expect: notFound },
  { name: "accept B's pending badge", method: 'PUT', url: (b) => `/v2/backpack/assertions/${b.pending}`, body: () => ({ acceptance: 'Accepted' }), expect: notFound },
  { name: "remove B's badge", method: 'DELETE', url: (b) => `/v2/backpack/assertions/${b.accepted}`, expect: notFound },
  { name: 'list collections', method: 'GET', url: () => '/v2/backpack/collections', expect: listWithout },
  { name: "read B's collection", method: 'GET', url: (b) => `/v2/backpack/collections/${b.collection}`, expect: notFound },
  { name: "edit B's collection", method: 'PUT', url: (b) => `/v2/backpack/collections/${b.collection}`, body: () => ({ name: 'mine now' }), expect: notFound },
  { name: "delete B's collection", method: 'DELETE', url: (b) => `/v2/backpack/collections/${b.collection}`, expect: notFound },
  {
    name: "collect B's badge into a collection",
    method: 'POST',
    url: () => '/v2/backpack/collections',
    body: (b) => ({ name: 'x', assertions: [b.accepted] }),
    expect: (response) => expect([response.statusCode, (response.json() as Json).error?.field]).toEqual([400, 'assertions.0']),
  },
  { name: "share B's badge", method: 'POST', url: () => '/v2/backpack/shares', body: (b) => ({ type: 'badge', entityId: b.accepted }), expect: notFound },
  { name: "share B's collection", method: 'POST', url: () => '/v2/backpack/shares', body: (b) => ({ type: 'collection', entityId: b.collection }), expect: notFound },
  { name: 'list shares', method: 'GET', url: () => '/v2/backpack/shares', expect: listWithout },
  { name: "read B's share", method: 'GET', url: (b) => `/v2/backpack/shares/${b.share}`, expect: notFound },
  { name: "revoke B's share", method: 'DELETE', url: (b) => `/v2/backpack/shares/${b.share}`, expect: notFound },
  { name: 'read self', method: 'GET', url: () => '/v2/users/self', expect: listWithout },
  { name: 'list emails', method: 'GET', url: () => '/v2/users/self/emails', expect: listWithout },
  { name: 'list identifiers', method: 'GET', url: () => '/v2/users/self/identifiers', expect: listWithout },
  { name: "remove B's email", method: 'DELETE', url: (b) => `/v2/users/self/emails/${b.email}`, expect: notFound },
  { name: "verify B's identifier", method: 'POST', url: (b) => `/v2/users/self/identifiers/${b.phone}/verify`, expect: notFound },
  { name: "remove B's telephone", method: 'DELETE', url: (b) => `/v2/users/self/identifiers/${b.phone}`, expect: notFound },
  {
    name: 'export',
    method: 'GET',
    url: () => '/v2/backpack/export',
    expect: (response, b) => {
      expect(response.statusCode).toBe(200);
      const files = readZip(response.rawPayload);
      const everything = [...files.entries()].map(([name, data]) => `${name}\n${data.toString('utf8')}`).join('\n');
      for (const id of Object.values(b)) expect(everything).not.toContain(id);
      expect(everything).not.toContain('b-learner@example.org');
    },
  },
];

describe.each(databaseTargets())('privacy between learners on $name', (target) => {
  let scratch: ScratchDatabase;
  let database: Database;
  let p: PassportHarness;
  let tokenA: string;
  let tokenB: string;
  let b: Ids;
  let snapshotOfB: string;

  const passportOf = async (token: string) =>
    JSON.stringify(await Promise.all(['/v2/users/self', '/v2/backpack/assertions', '/v2/backpack/collections', '/v2/backpack/shares'].map(async (url) => (await p.call('GET', url, token)).json())));

  beforeAll(async () => {
    scratch = await target.create();
    database = await openDatabase(scratch.config);
    p = await startPassport(database);
    ({ token: tokenA } = await p.signUp('a-learner@example.org'));
    await p.confirm('a-learner@example.org');
    await p.award('a-learner@example.org', { badgeName: 'A only' });
    ({ token: tokenB } = await p.signUp('b-learner@example.org'));
    await p.confirm('b-learner@example.org');
    const accepted = await p.award('b-learner@example.org', { badgeName: 'B accepted' });
    const pending = await p.award('b-learner@example.org', { badgeName: 'B pending' });
    await p.call('PUT', `/v2/backpack/assertions/${accepted}`, tokenB, { acceptance: 'Accepted' });
    const collection = p.json(await p.call('POST', '/v2/backpack/collections', tokenB, { name: 'B collection', assertions: [accepted] })).result[0].entityId;
    const share = p.json(await p.call('POST', '/v2/backpack/shares', tokenB, { type: 'collection', entityId: collection })).result[0].entityId;
    const phone = p.json(await p.call('POST', '/v2/users/self/identifiers', tokenB, { type: 'telephone', value: '+14165550199' })).result[0].entityId;
    const email = p.json(await p.call('GET', '/v2/users/self/emails', tokenB)).result[0].entityId;
    b = { accepted, pending, collection, share, email, phone };
    snapshotOfB = await passportOf(tokenB);
  }, 120_000);

  afterAll(async () => {
    await p?.close();
    await database?.close();
    await scratch?.dispose();
  });

  it.each(PROBES.map((probe) => [probe.name, probe] as const))("A cannot reach B's data: %s", async (_name, probe) => {
    const response = await p.call(probe.method, probe.url(b), tokenA, probe.body?.(b));
    probe.expect(response, b);
  });

  it.each(PROBES.map((probe) => [probe.name, probe] as const))('without a token: 401 for %s', async (_name, probe) => {
    const response = await p.call(probe.method, probe.url(b), undefined, probe.body?.(b));
    expect([response.statusCode, (response.json() as Json).error?.code]).toEqual([401, 'unauthorized']);
  });

  it("leaves B's passport exactly as it was, and B's public share still works", async () => {
    expect(await passportOf(tokenB)).toBe(snapshotOfB);
    expect((await p.call('GET', `/public/passport/shares/${b.share}`)).statusCode).toBe(200);
    snapshotOfB = await passportOf(tokenB); // the view counter moved
  });

  it("refuses a merge of B's account without B's password", async () => {
    const response = await p.call('POST', '/v2/users/self/merge', tokenA, { username: 'b-learner@example.org', password: 'guessing' });
    expect([response.statusCode, (response.json() as Json).error?.code]).toEqual([401, 'invalid_credentials']);
    expect(await passportOf(tokenB)).toBe(snapshotOfB);
  });
});

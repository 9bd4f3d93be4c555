import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { BadgrStandin } from '../support/badgr-standin/badgr-standin';
import { STANDIN_PASSWORD } from '../support/badgr-standin/standin-dataset';

// The stand-in answers in Badgr's shapes: the same keys, in the same order, as the fixtures written
// from badgr-server's serializers; its lists filter and page as Badgr's views do.
const FIXTURES = join(__dirname, '../fixtures/badgr');
const fixture = (name: string) => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as { example: Record<string, unknown>; examples?: Record<string, Record<string, unknown>> };

let standin: BadgrStandin;
beforeAll(async () => {
  standin = await BadgrStandin.start({ size: 'small' });
});
afterAll(() => standin.close());

async function token(username: string): Promise<string> {
  const response = await fetch(`${standin.origin}/o/token`, { method: 'POST', body: new URLSearchParams({ username, password: STANDIN_PASSWORD }) });
  return ((await response.json()) as { access_token: string }).access_token;
}

async function get(path: string, username = standin.institutionAccount(0).username): Promise<{ status: number; body: Record<string, unknown> & { result: Array<Record<string, unknown>> }; headers: Headers }> {
  const response = await fetch(`${standin.origin}${path}`, { headers: { authorization: `Bearer ${await token(username)}` } });
  return { status: response.status, body: (await response.json()) as never, headers: response.headers };
}

/** Keys, nested keys of the first object of each list included, in order. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.length > 0 ? [shape(value[0])] : [];
  if (value && typeof value === 'object') return Object.entries(value).map(([key, inner]) => (key === 'extensions' ? key : [key, shape(inner)]));
  return typeof value === 'string' || value === null ? 'scalar' : typeof value;
}

describe('the stand-in Badgr follows the fixtures field for field', () => {
  it.each([
    ['issuer-v2.json', '/v2/issuers'],
    ['badge-class-v2.json', '/v2/badgeclasses'],
    ['user-v2.json', '/v2/users/self'],
  ])('%s ↔ %s', async (file, path) => {
    const { body } = await get(path);
    expect(Object.keys(body.result[0])).toEqual(Object.keys(fixture(file).example));
    if (file === 'issuer-v2.json') expect(shape(body.result[0]['staff'])).toEqual(shape(fixture(file).example['staff']));
  });

  it('assertion-v2.json ↔ /v2/assertions/changed, hashed and unhashed recipients included', async () => {
    const { body } = await get('/v2/assertions/changed?num=500');
    const hashed = body.result.find((a) => (a['recipient'] as { hashed: boolean }).hashed);
    const url = body.result.find((a) => (a['recipient'] as { type: string }).type === 'url');
    expect(Object.keys(hashed ?? {})).toEqual(Object.keys(fixture('assertion-v2.json').example));
    expect(Object.keys(hashed?.['recipient'] ?? {})).toEqual(Object.keys(fixture('assertion-v2.json').example['recipient'] as object));
    expect(Object.keys(url?.['recipient'] ?? {})).toEqual(Object.keys(fixture('assertion-v2.json').examples?.['urlIdentity']['recipient'] as object));
    expect(Object.keys(body)).toEqual(Object.keys(fixture('envelope-v2.json').example));
    expect(body['timestamp']).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{6})?\+00:00$/);
  });

  it('backpack shapes ↔ /v2/backpack/assertions and /v2/backpack/collections', async () => {
    const learner = standin.learnerAccounts()[0].username;
    const items = await get('/v2/backpack/assertions', learner);
    const collections = await get('/v2/backpack/collections', learner);
    expect(Object.keys(items.body.result[0])).toEqual(Object.keys(fixture('backpack-assertion-v2.json').example));
    expect(Object.keys(collections.body.result[0])).toEqual(Object.keys(fixture('backpack-collection-v2.json').example));
  });

  it('public documents ↔ /public/…, a revoked assertion reduced to its id and reason', async () => {
    const documents = fixture('public-documents.json').example as Record<string, Record<string, unknown>>;
    const revoked = standin.dataset.assertions.find((a) => a.revoked && a.flaw === null);
    const live = standin.dataset.assertions.find((a) => !a.revoked && a.evidence.length > 0 && a.narrative && a.expiresAt && a.hashed && a.flaw === null);
    const badgeClass = standin.dataset.badgeClasses.find((b) => b.criteriaUrl && b.alignments.length > 0);
    const read = async (path: string) => (await fetch(`${standin.origin}${path}`)).json() as Promise<Record<string, unknown>>;
    expect(Object.keys(await read(`/public/assertions/${live?.entityId}`))).toEqual(Object.keys(documents['assertion']));
    expect(await read(`/public/assertions/${revoked?.entityId}`)).toEqual({
      '@context': 'https://w3id.org/openbadges/v2',
      type: 'Assertion',
      id: `${standin.publicOrigin}/public/assertions/${revoked?.entityId}`,
      revoked: true,
      revocationReason: revoked?.revocationReason,
    });
    expect(Object.keys(await read(`/public/badges/${badgeClass?.entityId}`))).toEqual(Object.keys(documents['badgeClass']));
    expect((await fetch(`${standin.origin}/public/assertions/${revoked?.entityId}/image`, { redirect: 'manual' })).status).toBe(404);
    const image = await fetch(`${standin.origin}/public/badges/${badgeClass?.entityId}/image`, { redirect: 'manual' });
    expect([image.status, image.headers.get('location')]).toEqual([302, `${standin.origin}/media/${badgeClass?.imageFile}`]);
  });
});

describe("the stand-in Badgr's lists, as Badgr's views", () => {
  it('leaves revoked and expired assertions out of an issuer list unless include_revoked / include_expired asks', async () => {
    const issuer = standin.dataset.issuers[0];
    const all = standin.dataset.assertions.filter((a) => a.issuerId === issuer.entityId);
    const now = Date.now();
    const plain = await get(`/v2/issuers/${issuer.entityId}/assertions`);
    const everything = await get(`/v2/issuers/${issuer.entityId}/assertions?include_revoked=true&include_expired=1`);
    expect(plain.body.result).toHaveLength(all.filter((a) => !a.revoked && (a.expiresAt === null || a.expiresAt.getTime() >= now)).length);
    expect(everything.body.result).toHaveLength(all.length);
  });

  it('pages a list asked with num through the Link header, newest first, each item once', async () => {
    const badgeClass = standin.dataset.badgeClasses[0];
    const seen: string[] = [];
    let next: string | null = `/v2/badgeclasses/${badgeClass.entityId}/assertions?include_revoked=true&include_expired=true&num=7`;
    let pages = 0;
    while (next) {
      const page = await get(next.replace(standin.origin, ''));
      seen.push(...page.body.result.map((a) => String(a['createdAt'])));
      const link = page.headers.get('link');
      next = /<([^>]+)>; rel="next"/.exec(link ?? '')?.[1] ?? null;
      pages++;
    }
    const expected = standin.dataset.assertions.filter((a) => a.badgeClassId === badgeClass.entityId);
    expect(seen).toHaveLength(expected.length);
    expect(pages).toBe(Math.ceil(expected.length / 7));
    expect([...seen].sort().reverse()).toEqual(seen);
  });

  it('answers 401 in the v2 error envelope without a token, and 400 for a since without a zone', async () => {
    const response = await fetch(`${standin.origin}/v2/issuers`);
    expect([response.status, await response.json()]).toEqual([401, fixture('envelope-v2.json').examples?.['unauthorized']]);
    const bad = await get('/v2/assertions/changed?since=2021-01-01T00:00:00');
    expect([bad.status, bad.body]).toEqual([400, fixture('envelope-v2.json').examples?.['badSince']]);
  });

  it('refuses grant parameters in the query string and a wrong password, as Badgr does', async () => {
    const query = await fetch(`${standin.origin}/o/token?username=x`, { method: 'POST', body: '' });
    expect(query.status).toBe(400);
    const wrong = await fetch(`${standin.origin}/o/token`, { method: 'POST', body: new URLSearchParams({ username: standin.institutionAccount(0).username, password: 'nope' }) });
    expect([wrong.status, await wrong.json()]).toEqual([400, fixture('oauth-token.json').examples?.['invalidGrant']]);
  });
});

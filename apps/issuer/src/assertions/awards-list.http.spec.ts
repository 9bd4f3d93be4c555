/**
 * The console's awards of a badge class (issue #17), on PGlite and on PostgreSQL: the recipient's
 * name kept with the award, search by name (substring, any case) or by exact email (through the
 * keyed lookup: hashed identities cannot be read), the status filter, cursor paging, and the CSV
 * export with the same filters (free text formula-neutralised).
 */
import type { LightMyRequestResponse } from 'fastify';

import { AssertionV2Schema } from '@badges/api-contracts';
import { databaseTargets } from '@badges/persistence';

import { IssuerPrismaService } from '../prisma/issuer-prisma.service';
import { badgeClassBody, issuerBody } from '../testing/fixtures';
import { createTestApp, type TestApp } from '../testing/issuer-test-app';
import { parseCsv } from '../bulk-awards/csv/csv-parser';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe.each(databaseTargets())('awards of a badge class on $name', (target) => {
  let t: TestApp;
  let A: Record<string, string>;
  let B: Record<string, string>;
  let badgeClass: Json;
  const ids: Record<string, string> = {};

  const call = (method: string, url: string, headers: Record<string, string>, payload?: object): Promise<LightMyRequestResponse> =>
    t.app.inject({ method: method as 'GET', url, headers, ...(payload === undefined ? {} : { payload }) });
  const ok = async (response: Promise<LightMyRequestResponse>, status = 200): Promise<Json> => {
    const r = await response;
    if (r.statusCode !== status) throw new Error(`${r.statusCode} ${r.body}`);
    return r.json() as Json;
  };
  const list = async (query: string): Promise<Json[]> => (await ok(call('GET', `/v2/badgeclasses/${badgeClass.entityId}/assertions?${query}`, A))).result as Json[];
  const names = (rows: Json[]) => rows.map((row) => row.recipientName).sort();

  beforeAll(async () => {
    t = await createTestApp(target);
    A = await t.institution('inst-a');
    B = await t.institution('inst-b');
    const issuer = (await ok(call('POST', '/v2/issuers', A, issuerBody()), 201)).result[0];
    badgeClass = (await ok(call('POST', `/v2/issuers/${issuer.entityId}/badgeclasses`, A, badgeClassBody()), 201)).result[0];
    const award = async (key: string, email: string, recipientName?: string) => {
      const body = { recipient: { identity: email, type: 'email' }, ...(recipientName ? { recipientName } : {}) };
      ids[key] = (await ok(call('POST', `/v2/badgeclasses/${badgeClass.entityId}/assertions`, A, body), 201)).result[0].entityId;
    };
    await award('ann', 'Ann.Lee@Example.org', 'Ann Lee');
    await award('bob', 'bob@example.org', 'Bob Annand');
    await award('cat', 'cat@example.org', '=HYPERLINK("x")');
    await award('dan', 'dan@example.org');
    await ok(call('DELETE', `/v2/assertions/${ids.bob}`, A, { revocation_reason: 'Wrong person' }));
    // An award whose expiry has passed: set in the table, since the API refuses a past expiry.
    await t.app.get(IssuerPrismaService).assertion.update({ where: { id: ids.dan }, data: { expires: new Date(Date.now() - 60_000) } });
  });
  afterAll(async () => t.close());

  it('keeps the name staff gave, and answers it on the award (never in the public document)', async () => {
    const [ann] = await list('q=ann%20lee');
    expect(AssertionV2Schema.parse(ann)).toEqual(ann);
    expect(ann.recipientName).toBe('Ann Lee');
    const document = await call('GET', `/public/assertions/${ids.ann}`, {});
    expect(document.body).not.toContain('Ann Lee');
  });

  it('searches names by substring in any case, and emails exactly in any case', async () => {
    expect(names(await list('q=ANN&status=active'))).toEqual(['Ann Lee']);
    expect(names(await list('q=ann&include_revoked=true'))).toEqual(['Ann Lee', 'Bob Annand']);
    expect(names(await list(`q=${encodeURIComponent('ann.lee@EXAMPLE.org')}`))).toEqual(['Ann Lee']);
    // Part of a hashed email finds nothing: only its keyed lookup of the whole address is stored.
    expect(await list('q=example.org')).toEqual([]);
  });

  it('filters by status: active, revoked, expired', async () => {
    expect(names(await list('status=active'))).toEqual(['=HYPERLINK("x")', 'Ann Lee']);
    expect((await list('status=revoked')).map((row) => row.entityId)).toEqual([ids.bob]);
    expect((await list('status=expired')).map((row) => row.entityId)).toEqual([ids.dan]);
  });

  it('pages with a cursor through pagination.nextResults', async () => {
    const first = await ok(call('GET', `/v2/badgeclasses/${badgeClass.entityId}/assertions?num=2&include_revoked=true&include_expired=true`, A));
    expect(first.result).toHaveLength(2);
    const next = new URL(first.pagination.nextResults as string);
    const second = await ok(call('GET', `${next.pathname}${next.search}`, A));
    expect(second.result).toHaveLength(2);
    expect(new Set([...first.result, ...second.result].map((row: Json) => row.entityId)).size).toBe(4);
    expect(second.pagination.nextResults).toBeNull();
  });

  it('answers a bad status or an empty search with a 400 naming the field', async () => {
    const bad = await call('GET', `/v2/badgeclasses/${badgeClass.entityId}/assertions?status=lost`, A);
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('status');
    expect((await call('GET', `/v2/badgeclasses/${badgeClass.entityId}/assertions?q=%20`, A)).statusCode).toBe(400);
  });

  it('exports the filtered awards as CSV, free text formula-neutralised', async () => {
    const response = await call('GET', `/v2/badgeclasses/${badgeClass.entityId}/assertions.csv?include_revoked=true&include_expired=true`, A);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.headers['content-disposition']).toContain('attachment');
    const records = parseCsv(response.body).map((record) => record.cells);
    expect(records[0]).toEqual(['assertion_id', 'recipient_name', 'recipient_type', 'recipient', 'issued_on', 'expires', 'status', 'revocation_reason', 'assertion_url']);
    expect(records).toHaveLength(5);
    const byId = new Map(records.slice(1).map((cells) => [cells[0], cells]));
    expect(byId.get(ids.cat)?.[1]).toBe('\'=HYPERLINK("x")');
    expect(byId.get(ids.bob)?.slice(6, 8)).toEqual(['revoked', 'Wrong person']);
    expect(byId.get(ids.dan)?.[6]).toBe('expired');
    expect(byId.get(ids.ann)?.[3]).toMatch(/^sha256\$/);
    const revoked = parseCsv((await call('GET', `/v2/badgeclasses/${badgeClass.entityId}/assertions.csv?status=revoked`, A)).body);
    expect(revoked.map((record) => record.cells[0])).toEqual(['assertion_id', ids.bob]);
  });

  it("answers 404 for another institution's badge class, listed or exported", async () => {
    for (const url of [`/v2/badgeclasses/${badgeClass.entityId}/assertions?q=ann`, `/v2/badgeclasses/${badgeClass.entityId}/assertions.csv`]) {
      const response = await call('GET', url, B);
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('not_found');
    }
  });
});

/**
 * The read path at scale, on PostgreSQL only (PGlite's timings say nothing of a server's):
 * 100,000 awards of one class among 300,000. A filtered list walks the class's (createdAt, id)
 * index newest first and stops at a page. A substring search for a rare term must read every
 * row of the class (here the planner scans the table in parallel, the class being a third of it)
 * and is held to a time budget instead. A trigram index would avoid that read, but needs
 * pg_trgm, which PGlite does not load by default (decision 0038).
 */
const onPostgres = databaseTargets().filter((target) => target.name === 'postgres');
if (onPostgres.length > 0) {
  describe.each(onPostgres)('awards of a badge class with 100,000 rows on $name', (target) => {
    const ROWS = 100_000;
    let t: TestApp;
    let A: Record<string, string>;
    let badgeClassId: string;
    let otherClassId: string;

    beforeAll(async () => {
      t = await createTestApp(target);
      A = await t.institution('inst-big');
      const issuer = (await t.app.inject({ method: 'POST', url: '/v2/issuers', headers: A, payload: issuerBody() })).json().result[0];
      const newClass = async () => (await t.app.inject({ method: 'POST', url: `/v2/issuers/${issuer.entityId}/badgeclasses`, headers: A, payload: badgeClassBody() })).json().result[0].entityId as string;
      badgeClassId = await newClass();
      otherClassId = await newClass();
      const database = t.app.get(IssuerPrismaService).database;
      const insert = (classId: string, prefix: string, rows: number) =>
        database.query(
        `INSERT INTO "issuer"."assertions" ("id", "institutionId", "issuerId", "badgeClassId", "recipientType", "recipientIdentity", "recipientHashed",
           "recipientSalt", "recipientLookup", "recipientName", "issuedOn", "revoked", "createdAt", "updatedAt")
         SELECT $3 || n, 'inst-big', $1, $2, 'email', 'sha256$' || md5($3 || n), true, 's', md5($3 || n), 'Learner ' || n,
                now(), n % 10 = 0, now() - n * interval '1 second', now()
         FROM generate_series(1, $4::int) AS n`,
        [issuer.entityId, classId, prefix, rows],
      );
      await insert(badgeClassId, 'big', ROWS);
      await insert(otherClassId, 'other', 2 * ROWS);
      await database.query('ANALYZE "issuer"."assertions"');
    }, 120_000);
    afterAll(async () => t.close());

    it('plans filtered lists as a walk of the class index, and answers a rare search within a second', async () => {
      const database = t.app.get(IssuerPrismaService).database;
      const plan = async (condition: string): Promise<string> => {
        const rows = await database.query<{ 'QUERY PLAN': string }>(
          `EXPLAIN SELECT * FROM "issuer"."assertions"
           WHERE "institutionId" = 'inst-big' AND "badgeClassId" = $1 AND ${condition}
           ORDER BY "createdAt" DESC, "id" DESC LIMIT 101`,
          [badgeClassId],
        );
        return rows.map((row) => row['QUERY PLAN']).join('\n');
      };
      for (const condition of [`NOT "revoked"`, `"revoked"`]) {
        const text = await plan(condition);
        expect(text).toContain('assertions_institutionId_badgeClassId_createdAt_id_idx');
        expect(text).not.toMatch(/Seq Scan|Sort/);
      }
      const started = performance.now();
      const response = await t.app.inject({ method: 'GET', url: `/v2/badgeclasses/${badgeClassId}/assertions?q=learner%2099999&include_revoked=true`, headers: A });
      const elapsed = performance.now() - started;
      expect(response.json().result.map((row: Json) => row.recipientName)).toEqual(['Learner 99999']);
      expect(elapsed).toBeLessThan(1000);
      const page = await t.app.inject({ method: 'GET', url: `/v2/badgeclasses/${badgeClassId}/assertions?status=revoked&num=100`, headers: A });
      expect(page.json().result).toHaveLength(100);
    });
  });
}

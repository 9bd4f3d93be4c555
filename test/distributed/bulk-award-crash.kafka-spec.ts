import { Client } from 'pg';

import { outboxEventsQuery } from '@badges/messaging';

import { ApiClient } from '../support/api-client';
import { DistributedStack, eventually } from '../support/distributed-stack';
import { pngDataUri } from '../support/tiny-png';

const ROWS = 10_000;

/**
 * Issue #4 acceptance: a bulk award survives a crash. The issuer (API and bulk worker in one
 * process) is SIGKILLed while a 10,000-row job is between about 20% and 80% done, then started
 * again: the job finishes with exactly 10,000 assertions, one per recipient, one issued event
 * each, and the counts right.
 */
describe('a bulk award survives SIGKILL of its worker', () => {
  let stack: DistributedStack;
  let db: Client;

  beforeAll(async () => {
    stack = await DistributedStack.start();
    db = new Client({ connectionString: stack.databaseUrl });
    await db.connect();
  }, 180_000);

  afterAll(async () => {
    await db?.end();
    await stack?.dispose();
  }, 60_000);

  it('finishes a 10,000-row job with exactly 10,000 assertions after the issuer is killed halfway', async () => {
    const anonymous = new ApiClient(stack.gatewayUrl);
    const created = await anonymous.withToken(stack.adminToken).post('/admin/institutions', { name: 'Crash College' });
    const { clientId, clientSecret } = created.body.client;
    const token = await anonymous.post('/o/token', { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret });
    const api = anonymous.withToken(token.body.access_token);
    const issuer = await api.post('/v2/issuers', { name: 'Crash Faculty', email: 'badges@crash.example', url: 'https://crash.example' });
    const badgeClass = await api.post(`/v2/issuers/${issuer.body.result[0].entityId}/badgeclasses`, {
      name: 'Crash Badge', description: 'd', image: pngDataUri(), criteriaNarrative: 'c',
    });
    const badgeClassId = badgeClass.body.result[0].entityId as string;

    const csv = `email,name,narrative\r\n${Array.from({ length: ROWS }, (_, i) => `learner${i}@crash.example,Learner ${i},Row ${i}`).join('\r\n')}\r\n`;
    const started = Date.now();
    const posted = await api.post(`/v2/badgeclasses/${badgeClassId}/bulk-awards`, csv, { 'content-type': 'text/csv', 'idempotency-key': 'crash-upload' });
    expect(posted.status).toBe(202);
    const jobId = posted.body.result[0].jobId as string;
    expect(posted.body.result[0].total).toBe(ROWS);

    // Kill the issuer once the job is between 20% and 80% done.
    let doneAtKill = 0;
    await eventually(async () => {
      const job = await api.get(`/v2/bulk-awards/${jobId}`);
      doneAtKill = job.body.result[0].done as number;
      return doneAtKill >= ROWS * 0.2;
    }, 120_000, 'the job to pass 20%');
    const [issuerProcess] = stack.instances('issuer');
    await stack.stopService(issuerProcess, 'SIGKILL');
    const killedAt = Date.now();
    const { rows: atKill } = await db.query<{ done: number }>('SELECT "done" FROM "issuer"."bulk_award_jobs" WHERE "id" = $1', [jobId]);
    expect(atKill[0].done).toBeGreaterThanOrEqual(ROWS * 0.2);
    expect(atKill[0].done).toBeLessThanOrEqual(ROWS * 0.8);

    await stack.startService('issuer');
    // A re-post with the same key after the crash returns the same job and adds nothing.
    const reposted = await api.post(`/v2/badgeclasses/${badgeClassId}/bulk-awards`, csv, { 'content-type': 'text/csv', 'idempotency-key': 'crash-upload' });
    expect(reposted.status).toBe(200);
    expect(reposted.body.result[0].jobId).toBe(jobId);

    let final: Record<string, unknown> = {};
    await eventually(async () => {
      final = (await api.get(`/v2/bulk-awards/${jobId}`)).body.result[0];
      return final.status === 'completed';
    }, 180_000, 'the job to complete after the restart');
    const finished = Date.now();
    expect(final).toMatchObject({ total: ROWS, done: ROWS, failed: 0, pending: 0, status: 'completed' });

    const { rows: counts } = await db.query<{ assertions: string; recipients: string }>(
      'SELECT count(*) AS assertions, count(DISTINCT "recipientLookup") AS recipients FROM "issuer"."assertions" WHERE "badgeClassId" = $1',
      [badgeClassId],
    );
    expect(Number(counts[0].assertions)).toBe(ROWS);
    expect(Number(counts[0].recipients)).toBe(ROWS);
    const { rows: rowStates } = await db.query<{ status: string; n: string; linked: string }>(
      'SELECT "status", count(*) AS n, count(DISTINCT "assertionId") AS linked FROM "issuer"."bulk_award_rows" WHERE "jobId" = $1 GROUP BY "status"',
      [jobId],
    );
    expect(rowStates.map((r) => ({ status: r.status, n: Number(r.n), linked: Number(r.linked) }))).toEqual([{ status: 'awarded', n: ROWS, linked: ROWS }]);
    const { rows: events } = await db.query<{ n: string; keys: string }>(
      `SELECT count(*) AS n, count(DISTINCT e."envelope"->>'aggregateId') AS keys FROM (${outboxEventsQuery('issuer')}) e WHERE e."topic" LIKE '%assertion.issued%'`,
    );
    expect(Number(events[0].n)).toBe(ROWS);
    expect(Number(events[0].keys)).toBe(ROWS);

    // The API agrees: 10 pages of 1,000.
    let listed = 0;
    let next: string | null = `/v2/badgeclasses/${badgeClassId}/assertions?num=1000`;
    while (next) {
      const page: { body: { result: unknown[]; pagination?: { nextResults: string | null } } } = await api.get(next);
      listed += page.body.result.length;
      next = page.body.pagination?.nextResults ? new URL(page.body.pagination.nextResults).pathname + new URL(page.body.pagination.nextResults).search : null;
    }
    expect(listed).toBe(ROWS);

    console.log(
      `bulk-award crash: ${ROWS} rows; killed at done=${atKill[0].done} after ${killedAt - started} ms; completed ${finished - killedAt} ms after the kill; total ${finished - started} ms`,
    );
  }, 600_000);
});

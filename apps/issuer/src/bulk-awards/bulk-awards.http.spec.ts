/**
 * Bulk awards through the issuer's HTTP API, on PGlite and on PostgreSQL: file-level errors,
 * per-row errors with line numbers, duplicates, idempotent re-posts, JSON rows, the SSE stream,
 * the result CSV (free-text formula cells neutralised, ids never rewritten), tenant isolation, and overlapping runs of one job.
 */
import type { LightMyRequestResponse } from 'fastify';

import { BulkAwardJobDetailV2Schema, BulkAwardJobV2Schema, BulkAwardProgressSchema } from '@badges/api-contracts';
import { outboxEventsQuery } from '@badges/messaging';
import { databaseTargets } from '@badges/persistence';
import { tenantScope } from '@badges/service-kit';

import { IssuerPrismaService } from '../prisma/issuer-prisma.service';
import { badgeClassBody, issuerBody } from '../testing/fixtures';
import { createTestApp, type TestApp } from '../testing/issuer-test-app';
import { BULK_AWARD_QUEUE, bulkJobId, type BulkAwardQueue } from './bulk-award-queue';
import { BULK_CHUNK, bulkChunkSize, BulkAwardWorker, CHUNKS_PER_RUN } from './bulk-award.worker';
import { BulkAwardsRepository } from './bulk-awards.repository';
import { parseCsv } from './csv/csv-parser';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe.each(databaseTargets())('bulk awards on $name', (target) => {
  let t: TestApp;
  let A: Record<string, string>;
  let B: Record<string, string>;
  let badgeClass: Json;
  let signedClass: Json;

  const call = (method: string, url: string, headers: Record<string, string>, payload?: string | Buffer | object): Promise<LightMyRequestResponse> =>
    t.app.inject({ method: method as 'GET', url, headers, ...(payload === undefined ? {} : { payload }) });
  const created = async (response: Promise<LightMyRequestResponse>): Promise<Json> => {
    const r = await response;
    if (r.statusCode !== 201) throw new Error(`${r.statusCode} ${r.body}`);
    return (r.json() as Json).result[0];
  };
  const postCsv = (csv: string | Buffer, headers: Record<string, string> = {}, classId = badgeClass.entityId) =>
    call('POST', `/v2/badgeclasses/${classId}/bulk-awards`, { ...A, 'content-type': 'text/csv; charset=utf-8', ...headers }, csv);
  const accepted = async (response: Promise<LightMyRequestResponse>, status = 202): Promise<Json> => {
    const r = await response;
    if (r.statusCode !== status) throw new Error(`${r.statusCode} ${r.body}`);
    return (r.json() as Json).result[0];
  };
  const finished = async (jobId: string, query = ''): Promise<Json> => {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const job = (await call('GET', `/v2/bulk-awards/${jobId}${query}`, A)).json().result[0] as Json;
      if (job.status === 'completed' || job.status === 'failed') return job;
      if (Date.now() > deadline) throw new Error(`bulk award ${jobId} did not finish: ${JSON.stringify(job)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const assertionsOf = async (classId: string): Promise<Json[]> => (await call('GET', `/v2/badgeclasses/${classId}/assertions?num=1000`, A)).json().result as Json[];

  beforeAll(async () => {
    t = await createTestApp(target);
    A = await t.institution('inst-a');
    B = await t.institution('inst-b');
    const issuer = await created(call('POST', '/v2/issuers', A, issuerBody()));
    badgeClass = await created(call('POST', `/v2/issuers/${issuer.entityId}/badgeclasses`, A, badgeClassBody()));
    signedClass = await created(call('POST', `/v2/issuers/${issuer.entityId}/badgeclasses`, A, badgeClassBody({ name: 'Signed', verification: 'signed' })));
  });
  afterAll(async () => t.close());

  it('awards the good rows of a CSV, reports the bad ones by line, and neutralises formulas in the result CSV', async () => {
    const csv = [
      '\uFEFFEmail,Name,Narrative,Evidence_URL,Evidence_Narrative,Expires',
      'ann@example.org,Ann,"Did well, really",https://evidence.example.org/ann,"She said ""hi""",2099-01-01',
      'not-an-email,Bob,,,,',
      'cat@example.org,=cmd|\' /C calc\'!A0,,,,',
      'ANN@example.org,Ann again,,,,',
      'dan@example.org,Dan',
      '"eve@example.org","Eve",,,,2000-01-01',
      '=HYPERLINK("http://evil"),x,,,,',
      '',
    ].join('\r\n');
    const job = await accepted(postCsv(csv));
    expect(job).toMatchObject({ total: 7, sourceKind: 'csv' });
    expect(typeof job.jobId).toBe('string');
    // The API contract is the answer to the letter: parsing drops no field and changes no value.
    expect(BulkAwardJobV2Schema.parse(job)).toEqual(job);
    const done = await finished(job.jobId);
    expect(BulkAwardJobDetailV2Schema.parse(done)).toEqual(done);
    expect(done).toMatchObject({ status: 'completed', total: 7, done: 3, failed: 4, pending: 0 });
    expect(done.errors.map((e: Json) => [e.line, e.status])).toEqual([
      [3, 'failed'],
      [5, 'duplicate'],
      [6, 'failed'],
      [7, 'failed'],
      [8, 'failed'],
    ]);
    const messages = Object.fromEntries(done.errors.map((e: Json) => [e.line, e.message]));
    expect(messages[3]).toMatch(/^email\/identity: /);
    expect(messages[5]).toBe('Same recipient as line 2: awarded once.');
    expect(messages[6]).toBe('Expected 6 columns as in the header, found 2.');
    expect(messages[7]).toMatch(/expires/);

    const assertions = await assertionsOf(badgeClass.entityId);
    const ann = assertions.find((a) => a.narrative === 'Did well, really');
    expect(ann).toMatchObject({ evidence: [{ url: 'https://evidence.example.org/ann', narrative: 'She said "hi"' }], expires: '2099-01-01T00:00:00Z' });

    const result = await call('GET', `/v2/bulk-awards/${job.jobId}/result.csv`, A);
    expect(result.statusCode).toBe(200);
    expect(result.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(result.headers['content-disposition']).toContain('attachment');
    const records = parseCsv(result.body).map((r) => r.cells);
    expect(records[0]).toEqual(['line', 'recipient', 'name', 'status', 'assertion_id', 'assertion_url', 'error']);
    expect(records).toHaveLength(8);
    expect(records[1].slice(0, 4)).toEqual(['2', 'ann@example.org', 'Ann', 'awarded']);
    expect(records[1][5]).toBe(`https://badges.example.org/public/assertions/${records[1][4]}`);
    expect(records[3][2]).toBe("'=cmd|' /C calc'!A0");
    expect(records[7][1]).toBe('\'=HYPERLINK("http://evil")');
    // No cell of the result starts with a formula character.
    for (const cell of records.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);

    // An award made before ids stopped starting with '-' (1 in 64 did): its id comes out as stored.
    const oldId = '-Rju2fJ5vQ1aP0tq3Yx9wA';
    await t.app.get(IssuerPrismaService).bulkAwardRow.update({ where: { jobId_line: { jobId: job.jobId, line: 2 } }, data: { assertionId: oldId } });
    const again = parseCsv((await call('GET', `/v2/bulk-awards/${job.jobId}/result.csv`, A)).body).map((r) => r.cells);
    expect(again[1]).toEqual(['2', 'ann@example.org', 'Ann', 'awarded', oldId, `https://badges.example.org/public/assertions/${oldId}`, '']);
    expect(again[3][2]).toBe("'=cmd|' /C calc'!A0");
  });

  it('refuses a file without a header, a non-UTF-8 file, a malformed file and a wrong content type, storing nothing', async () => {
    const noHeader = await postCsv('ann@example.org,Ann\nbob@example.org,Bob\n');
    expect(noHeader.statusCode).toBe(400);
    expect(noHeader.json().error.code).toBe('csv_missing_header');
    const latin1 = await postCsv(Buffer.from('email,name\nzoe@example.org,Zo\xe9\n', 'latin1'));
    expect(latin1.statusCode).toBe(400);
    expect(latin1.json().error).toMatchObject({ code: 'csv_not_utf8', message: expect.stringContaining('UTF-8') });
    const unclosed = await postCsv('email,name\n"zoe@example.org,Zoe\n');
    expect(unclosed.statusCode).toBe(400);
    expect(unclosed.json().error.code).toBe('csv_malformed');
    const empty = await postCsv('email,name\n');
    expect(empty.json().error.code).toBe('csv_empty');
    const xml = await call('POST', `/v2/badgeclasses/${badgeClass.entityId}/bulk-awards`, { ...A, 'content-type': 'application/xml' }, '<rows/>');
    expect(xml.statusCode).toBe(415);
    const count = await t.app.get(IssuerPrismaService).bulkAwardJob.count({ where: { institutionId: 'inst-a', badgeClassId: badgeClass.entityId } });
    expect(count).toBe(1);
  });

  it('answers 413 payload_too_large for a CSV over 50 MB, and takes a CSV over the 2 MB default', async () => {
    const header = 'email,name\n';
    const big = Buffer.alloc(50 * 1024 * 1024 + 1, 'a');
    big.write(header);
    const tooBig = await postCsv(big);
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error.code).toBe('payload_too_large');
    // 3 MB of rows (all of them the same recipient: one award, the rest duplicates).
    const line = `big@example.org,${'x'.repeat(200)}\n`;
    const three = header + line.repeat(Math.ceil((3 * 1024 * 1024) / line.length));
    const job = await accepted(postCsv(three));
    expect(await finished(job.jobId)).toMatchObject({ status: 'completed', failed: 0, done: job.total });
    // Other routes keep the 2 MB limit for text/csv.
    const elsewhere = await call('POST', '/v2/issuers', { ...A, 'content-type': 'text/csv' }, three);
    expect(elsewhere.statusCode).toBe(413);
  });

  it('returns the same job for a re-post with the same Idempotency-Key and awards nothing twice', async () => {
    const csv = 'email\nidem1@example.org\nidem2@example.org\n';
    const first = await accepted(postCsv(csv, { 'idempotency-key': 'upload-42' }));
    expect(await finished(first.jobId)).toMatchObject({ done: 2, failed: 0 });
    const prisma = t.app.get(IssuerPrismaService);
    const before = await prisma.assertion.count({ where: { badgeClassId: badgeClass.entityId } });
    const again = await accepted(postCsv(csv, { 'idempotency-key': 'upload-42' }), 200);
    expect(again).toMatchObject({ jobId: first.jobId, status: 'completed', done: 2 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await prisma.assertion.count({ where: { badgeClassId: badgeClass.entityId } })).toBe(before);
    expect(await prisma.bulkAwardJob.count({ where: { institutionId: 'inst-a', idempotencyKey: 'upload-42' } })).toBe(1);
    const otherClass = await postCsv(csv, { 'idempotency-key': 'upload-42' }, signedClass.entityId);
    expect(otherClass.statusCode).toBe(409);
    expect(otherClass.json().error.code).toBe('idempotency_key_reused');
  });

  it('answers two posts with the same Idempotency-Key at once with one job', async () => {
    const csv = 'email\nrace1@example.org\nrace2@example.org\n';
    const [a, b] = await Promise.all([postCsv(csv, { 'idempotency-key': 'race-7' }), postCsv(csv, { 'idempotency-key': 'race-7' })]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 202]);
    expect(a.json().result[0].jobId).toBe(b.json().result[0].jobId);
    const prisma = t.app.get(IssuerPrismaService);
    expect(await prisma.bulkAwardJob.count({ where: { institutionId: 'inst-a', idempotencyKey: 'race-7' } })).toBe(1);
  });

  it('takes JSON rows, with per-row errors at index + 1, and signs awards of a signed badge class', async () => {
    const job = await accepted(
      call('POST', `/v2/badgeclasses/${signedClass.entityId}/bulk-awards`, A, {
        rows: [
          { recipient: { identity: 'json1@example.org' }, narrative: 'one', notify: true },
          { recipient: { identity: 'bad email' } },
          { recipient: { identity: 'https://people.example.org/3', type: 'url' }, evidence: [{ url: 'https://e.example.org/3' }] },
        ],
      }),
    );
    const done = await finished(job.jobId);
    expect(done).toMatchObject({ sourceKind: 'json', total: 3, done: 2, failed: 1 });
    expect(done.errors).toEqual([{ line: 2, status: 'failed', message: expect.stringMatching(/^recipient\.identity: /) }]);
    const assertions = await assertionsOf(signedClass.entityId);
    expect(assertions).toHaveLength(2);
    const rows = await t.app.get(IssuerPrismaService).assertion.findMany({ where: { badgeClassId: signedClass.entityId } });
    expect(rows.every((row) => row.signedJws && row.signingKeyId)).toBe(true);
    expect(rows.find((row) => row.recipientType === 'email')?.notify).toBe(true);
    const ids = new Set(rows.map((r) => r.id));
    const outbox = await t.app.get(IssuerPrismaService).database.query<{ envelope: { aggregateId: string } }>(outboxEventsQuery('issuer'));
    expect(outbox.filter((row) => ids.has(row.envelope.aggregateId))).toHaveLength(2);
  });

  it('streams progress and a final complete event (SSE)', async () => {
    const csv = `email\n${Array.from({ length: 1200 }, (_, i) => `sse${i}@example.org`).join('\n')}\n`;
    const job = await accepted(postCsv(csv));
    const response = await call('GET', `/v2/bulk-awards/${job.jobId}/events`, A);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/event-stream/);
    const events = response.body
      .split('\n\n')
      .filter((block) => block.startsWith('event: '))
      .map((block) => {
        const [eventLine, dataLine] = block.split('\n');
        return { event: eventLine.slice('event: '.length), data: JSON.parse(dataLine.slice('data: '.length)) as Json };
      });
    expect(events.length).toBeGreaterThanOrEqual(2);
    expect(events[0].event).toBe('progress');
    for (const { data } of events) expect(BulkAwardProgressSchema.parse(data)).toEqual(data);
    expect(events.at(-1)).toEqual({ event: 'complete', data: { total: 1200, done: 1200, failed: 0, status: 'completed' } });
    const progressDone = events.filter((e) => e.event === 'progress').map((e) => e.data.done as number);
    expect([...progressDone].sort((a, b) => a - b)).toEqual(progressDone);
    // The counts move by committed chunk, and a 1,200-row job has about twenty of them (issue #17).
    expect(bulkChunkSize(1200)).toBe(60);
    for (const done of progressDone) expect(done % 60).toBe(0);
  });

  it('sizes chunks so a small job moves in steps and a big one keeps the full chunk', () => {
    expect(bulkChunkSize(10)).toBe(50);
    expect(bulkChunkSize(1500)).toBe(75);
    expect(bulkChunkSize(100_000)).toBe(BULK_CHUNK);
  });

  it('pages row errors with errorsLimit / errorsAfter and shows them all with errors=all', async () => {
    const csv = `email\n${Array.from({ length: 150 }, (_, i) => `bad-${i}`).join('\n')}\nok-page@example.org\n`;
    const job = await accepted(postCsv(csv));
    expect((await finished(job.jobId)).errors).toHaveLength(100);
    expect((await finished(job.jobId, '?errors=all')).errors).toHaveLength(150);
    const page = await finished(job.jobId, '?errorsLimit=10&errorsAfter=20');
    expect(page.errors.map((e: Json) => e.line)).toEqual([21, 22, 23, 24, 25, 26, 27, 28, 29, 30]);
  });

  it('hands a long job on to a continuation job after CHUNKS_PER_RUN chunks, and still awards every row once', async () => {
    const count = BULK_CHUNK * CHUNKS_PER_RUN + 200;
    const csv = `email\n${Array.from({ length: count }, (_, i) => `long${i}@example.org`).join('\n')}\n`;
    const job = await accepted(postCsv(csv));
    expect(await finished(job.jobId)).toMatchObject({ status: 'completed', total: count, done: count, failed: 0 });
    const queue = t.app.get<BulkAwardQueue>(BULK_AWARD_QUEUE);
    // Line 1 is the header: the first run's last row is line chunk * CHUNKS_PER_RUN + 1.
    const continuation = await queue.getJob(`${bulkJobId(job.jobId)}-from-${bulkChunkSize(count) * CHUNKS_PER_RUN + 1}`);
    expect(continuation?.state).toBe('completed');
    const prisma = t.app.get(IssuerPrismaService);
    const rows = await prisma.bulkAwardRow.findMany({ where: { jobId: job.jobId }, select: { assertionId: true } });
    expect(new Set(rows.map((row) => row.assertionId)).size).toBe(count);
  });

  it("answers 404 for another institution's job and badge class", async () => {
    const job = await accepted(postCsv('email\niso@example.org\n'));
    await finished(job.jobId);
    for (const url of [`/v2/bulk-awards/${job.jobId}`, `/v2/bulk-awards/${job.jobId}/result.csv`, `/v2/bulk-awards/${job.jobId}/events`]) {
      const response = await call('GET', url, B);
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('not_found');
    }
    const post = await call('POST', `/v2/badgeclasses/${badgeClass.entityId}/bulk-awards`, { ...B, 'content-type': 'text/csv' }, 'email\nx@example.org\n');
    expect(post.statusCode).toBe(404);
  });

  it('awards each row once when two runs of the same job overlap (a resumed run and a recovered one)', async () => {
    const scope = tenantScope('inst-a');
    const repo = t.app.get(BulkAwardsRepository);
    const worker = t.app.get(BulkAwardWorker);
    const id = `overlap${target.name.replace(/\W/g, '')}`;
    const rows = Array.from({ length: 1100 }, (_, i) => ({
      line: i + 2,
      naturalKey: `k${i}`,
      input: { item: { recipient: { identity: `overlap${i}@example.org`, type: 'email' as const, hashed: true }, notify: false, allowDuplicateAwards: true } },
      status: 'pending' as const,
      error: null,
    }));
    // Stored as "running" with no queue job, as after a crash.
    await repo.create(scope, { id, badgeClassId: badgeClass.entityId, idempotencyKey: null, sourceKind: 'csv', correlationId: 'c-overlap', createdBy: null }, rows);
    await Promise.all([worker.run({ institutionId: 'inst-a', bulkAwardId: id }, { id: 'r1', attemptsMade: 0, maxAttempts: 3 }), worker.run({ institutionId: 'inst-a', bulkAwardId: id }, { id: 'r2', attemptsMade: 0, maxAttempts: 3 })]);
    const job = await repo.findById(scope, id);
    expect(job).toMatchObject({ status: 'completed', total: 1100, done: 1100, failed: 0 });
    const prisma = t.app.get(IssuerPrismaService);
    const awarded = await prisma.bulkAwardRow.findMany({ where: { jobId: id }, select: { assertionId: true, status: true } });
    expect(awarded.every((row) => row.status === 'awarded' && row.assertionId)).toBe(true);
    const ids = awarded.map((row) => row.assertionId as string);
    expect(new Set(ids).size).toBe(1100);
    expect(await prisma.assertion.count({ where: { id: { in: ids } } })).toBe(1100);
  });
});

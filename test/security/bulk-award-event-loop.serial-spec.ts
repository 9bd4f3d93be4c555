import { rmSync } from 'node:fs';

import { ApiClient } from '../support/api-client';
import { freePort } from '../support/free-port';
import { startPlatformProcess, type PlatformProcess } from '../support/platform-process';
import { pngDataUri } from '../support/tiny-png';
import { embeddedDataDir } from '../support/embedded-data-dir';

/**
 * Issue #14: on the embedded default every service shares one event loop, so a public GET waits
 * for whatever holds it. A bulk award (hashing, rows, outbox events, their delivery to the passport
 * and notification consumers, image bakes) must run in slices: no single stretch of it may hold
 * the loop longer than the budget. The platform runs as `npm start` runs it, on its embedded
 * PostgreSQL server, with test/support/event-loop-probe.js preloaded; the test prints the figures.
 * The budget leaves room for a loaded CI machine: about 60-90 ms was measured on a shared 2-core
 * box (before issue #14's slicing: 140-230 ms).
 */
const MAX_DELAY_MS = 100;
const ROWS = 3_000;
/** After the job completes, its events are still being delivered and its images baked. */
const TAIL_MS = 2_000;

describe('a bulk award does not hold the event loop (embedded default)', () => {
  let dataDir: string;
  let platform: PlatformProcess;
  let api: ApiClient;
  let badgeClassId: string;

  beforeAll(async () => {
    dataDir = embeddedDataDir('badges-bulk-loop-');
    const port = await freePort();
    platform = await startPlatformProcess(
      { EMBEDDED_DATABASE: 'postgres', DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: `http://127.0.0.1:${port}` },
      { eventLoopProbe: true, timeoutMs: 120_000 },
    );
    api = await new ApiClient(platform.url).forNewInstitution(platform.adminToken, 'Bulk Loop College');
    const issuer = await api.post('/v2/issuers', { name: 'Bulk Loop College', email: 'badges@bulk-loop.example', url: 'https://bulk-loop.example' });
    const badgeClass = await api.post(`/v2/issuers/${issuer.body.result[0].entityId}/badgeclasses`, {
      name: 'Loop',
      description: 'A badge.',
      image: pngDataUri(),
      criteriaNarrative: 'Passed.',
      verification: 'hosted',
    });
    badgeClassId = badgeClass.body.result[0].entityId;
    // Warm every path once (JIT, lazy modules, prepared plans), so a first-call cost is not charged to the award.
    await awardAndWait(['warm@bulk-loop.example']);
  }, 180_000);

  afterAll(async () => {
    await platform?.stop('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(`awards ${ROWS} hosted badges without holding the loop over ${MAX_DELAY_MS} ms`, async () => {
    // Best of two awards: one GC pause or one moment the machine gave the process no CPU must not
    // fail the test, while a stretch of work that holds the loop shows up in both.
    const runs: { job: Record<string, unknown>; maxDelayMs: number }[] = [];
    for (const attempt of [1, 2]) {
      const recipients = Array.from({ length: ROWS }, (_, i) => `learner${i}.run${attempt}@bulk-loop.example`);
      const { result: job, maxDelayMs } = await platform.measureEventLoop(async () => {
        const done = await awardAndWait(recipients);
        await new Promise((resolve) => setTimeout(resolve, TAIL_MS));
        return done;
      });
      runs.push({ job, maxDelayMs });
    }
    const best = Math.min(...runs.map((run) => run.maxDelayMs));
    console.log(
      `bulk award of ${ROWS} rows on the embedded PostgreSQL: longest event-loop delay ${runs.map((run) => `${run.maxDelayMs.toFixed(1)} ms`).join(' and ')} (best ${best.toFixed(1)} ms, budget ${MAX_DELAY_MS} ms)`,
    );

    for (const { job } of runs) expect(job).toMatchObject({ status: 'completed', done: ROWS, failed: 0 });
    expect(best).toBeLessThanOrEqual(MAX_DELAY_MS);
  }, 300_000);

  /** Uploads one CSV of `emails` and polls until the job has finished; its final state. */
  async function awardAndWait(emails: string[]): Promise<Record<string, unknown>> {
    const csv = ['email', ...emails].join('\n');
    const posted = await api.request('POST', `/v2/badgeclasses/${badgeClassId}/bulk-awards`, csv, { 'content-type': 'text/csv' });
    if (posted.status !== 202) throw new Error(`bulk award: ${posted.status} ${JSON.stringify(posted.body)}`);
    const jobId = posted.body.result[0].jobId as string;
    for (const deadline = Date.now() + 240_000; Date.now() < deadline; ) {
      const job = (await api.get(`/v2/bulk-awards/${jobId}`)).body.result[0];
      if (job.status === 'completed' || job.status === 'failed') return job;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`bulk award ${jobId} did not finish`);
  }
});

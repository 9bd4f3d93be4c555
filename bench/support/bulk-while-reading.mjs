// One bulk award of N hosted rows through the gateway while a public GET is read in a loop
// (issue #14: the embedded default must keep awarding fast AND keep answering readers meanwhile).
// The reader is a node:http loop with bounded concurrency in this process, not wrk: wrk runs for a
// fixed time, the bulk award for as long as it takes, and only the latencies of requests made
// while the award ran count.
import { Agent, request } from 'node:http';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

async function call(base, path, { token, body, headers = {}, method = body === undefined ? 'GET' : 'POST' } = {}) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { ...(typeof body === 'object' ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    ...(body === undefined ? {} : { body: typeof body === 'object' ? JSON.stringify(body) : body }),
  });
  const text = await response.text();
  if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 300)}`);
  return JSON.parse(text);
}

/** An institution, issuer and hosted badge class, plus one awarded assertion for the reader. */
async function seed(base, adminToken) {
  const institution = await call(base, '/admin/institutions', { token: adminToken, body: { name: 'Bulk While Reading' } });
  const { access_token: token } = await call(base, '/o/token', { body: { grant_type: 'client_credentials', client_id: institution.client.clientId, client_secret: institution.client.clientSecret } });
  const issuer = (await call(base, '/v2/issuers', { token, body: { name: 'Bench Faculty', email: 'b@bench.example', url: 'https://bench.example' } })).result[0];
  const badgeClass = (await call(base, `/v2/issuers/${issuer.entityId}/badgeclasses`, { token, body: { name: 'Bench hosted', description: 'd', image: PNG, criteriaNarrative: 'c', verification: 'hosted' } })).result[0];
  const assertion = (await call(base, `/v2/badgeclasses/${badgeClass.entityId}/assertions`, { token, body: { recipient: { identity: 'reader@bench.example', type: 'email', hashed: true } } })).result[0];
  return { token, badgeClassId: badgeClass.entityId, readPath: `/public/assertions/${assertion.entityId}` };
}

/** Reads `path` with `concurrency` keep-alive connections until `stop()`; latencies in ms. */
function startReader(base, path, concurrency) {
  const url = new URL(path, base);
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies = [];
  let failures = 0;
  let running = true;
  const once = () =>
    new Promise((resolve) => {
      const started = performance.now();
      const req = request({ agent, hostname: url.hostname, port: url.port, path: url.pathname, headers: { accept: 'application/ld+json' } }, (res) => {
        res.resume();
        res.on('end', () => {
          if (res.statusCode === 200) latencies.push(performance.now() - started);
          else failures += 1;
          resolve();
        });
      });
      req.on('error', () => {
        failures += 1;
        resolve();
      });
      req.end();
    });
  const loops = Array.from({ length: concurrency }, async () => {
    while (running) await once();
  });
  const startedAt = performance.now();
  return {
    async stop() {
      running = false;
      await Promise.all(loops);
      agent.destroy();
      return { latencies, failures, seconds: (performance.now() - startedAt) / 1000 };
    },
  };
}

const percentile = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN);

/** p99 and rate of reads alone for `seconds`, the baseline a run under load is compared with. */
export async function readAlone({ base, path, seconds = 3, concurrency = 16 }) {
  const reader = startReader(base, path, concurrency);
  await sleep(seconds * 1000);
  const { latencies, seconds: took } = await reader.stop();
  latencies.sort((a, b) => a - b);
  return { readP99Ms: percentile(latencies, 99), readRequestsPerSecond: Math.round(latencies.length / took) };
}

/**
 * Awards `rows` hosted badges in one CSV upload on the platform at `base` and reads one public
 * assertion with `concurrency` connections until the job is completed. Returns
 * { rows, seconds, rowsPerSecond, readP99Ms, readRequestsPerSecond, readFailures, idle }, `idle`
 * being the same read measured for a few seconds before the award started. `aroundAward`, when
 * given, is called as the award starts and returns a function called once it has ended; what that
 * returns comes back as `around` (bench/embedded.mjs reads the runner's event-loop delay with it).
 */
export async function bulkWhileReading({ base, adminToken, rows = 10_000, concurrency = 16, timeoutMs = 30 * 60_000, aroundAward }) {
  const { token, badgeClassId, readPath } = await seed(base, adminToken);
  const idle = await readAlone({ base, path: readPath, concurrency });
  const csv = ['email,name', ...Array.from({ length: rows }, (_, i) => `l${i}@bench.example,Learner ${i}`)].join('\n');
  const afterAward = aroundAward ? await aroundAward() : undefined;
  const reader = startReader(base, readPath, concurrency);
  const started = performance.now();
  let read;
  let around;
  try {
    const job = (await call(base, `/v2/badgeclasses/${badgeClassId}/bulk-awards`, { token, body: csv, headers: { 'content-type': 'text/csv' } })).result[0];
    for (;;) {
      const state = (await call(base, `/v2/bulk-awards/${job.jobId}`, { token })).result[0];
      if (state.status === 'failed') throw new Error(`bulk award failed: ${JSON.stringify(state).slice(0, 500)}`);
      if (state.status === 'completed') {
        if (state.done !== rows) throw new Error(`completed with ${state.done} of ${rows} awarded: ${JSON.stringify(state.errors.slice(0, 3))}`);
        break;
      }
      if (performance.now() - started > timeoutMs) throw new Error(`timed out with ${state.done} of ${rows} done`);
      await sleep(250);
    }
  } finally {
    read = await reader.stop();
    around = await afterAward?.();
  }
  const seconds = (performance.now() - started) / 1000;
  read.latencies.sort((a, b) => a - b);
  return {
    rows,
    seconds,
    rowsPerSecond: Math.round(rows / seconds),
    readP99Ms: percentile(read.latencies, 99),
    readRequestsPerSecond: Math.round(read.latencies.length / read.seconds),
    readFailures: read.failures,
    idle,
    around,
  };
}

// Benchmark (issue #14): the whole public read path through the gateway, measured with wrk over
// loopback, on the embedded default (`npm start`'s runner) and, when DATABASE_URL, KAFKA_BROKERS
// and REDIS_URL are set, on the distributed stack; beside a bare Node `http` server answering the
// same bytes (the ceiling this machine allows), each bare row measured right after its embedded row.
// One table: public reads (assertion, badge class and issuer JSON-LD; the assertion's HTML page;
// its baked image; a passport share page; a public endorsement), the same with If-None-Match (the
// ETag of a first plain GET), POST /v2/verify of the hosted assertion (warm), GET /health and
// GET /ready, the hot assertion and reads spread over 5,000 ids with 10,000 and 1,000,000
// assertions in the table (copies of the real one, inserted in batches), and the bulk award while
// reading when bench/support/bulk-while-reading.mjs is there.
// wrk runs one thread: on 2 cores a second one only takes CPU from the server it measures, and the
// scheduler's stalls then fill every row's tail (bare Node's too: p99 5 ms with one thread, up to
// 90 ms with two, same server, same run).
// Needs wrk (`apt-get install wrk`) and `npm run build` (npm run bench:read builds first).
// Usage: npm run bench:read [-- seconds=5 connections=64]; BENCH_READ_ROWS=10000,1000000 sets the
// table sizes. A full run at 5 s per row takes about 10 minutes with both platforms (2 cores; about
// half of it the 1,000,000-row inserts, 2.5 minutes each), plus the bulk award when its module is there.
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { growAssertions } from './support/assertion-copies.mjs';
import { startBareNode } from './support/bare-node.mjs';
import { startDistributedStack } from './support/distributed-stack.mjs';
import { embeddedEnv, startEmbeddedRunner } from './support/embedded-runner.mjs';
import { printReadTable } from './support/read-table.mjs';
import { seedReadBadge } from './support/read-seed.mjs';
import { wrk, wrkInstalled } from './support/wrk.mjs';

const settings = { seconds: Number(process.argv[2] ?? 5), connections: Number(process.argv[3] ?? 64) };
const SCALES = (process.env.BENCH_READ_ROWS ?? '10000,1000000').split(',').map(Number);
const SPREAD_IDS = 5_000;
const root = new URL('..', import.meta.url).pathname;
const { openDatabase, databaseConfigFromEnv } = createRequire(import.meta.url)(join(root, 'dist/libs/persistence/src/index.js'));
/** The benchmark is one client address hammering limited routes on purpose (docs/security.md). */
const UNLIMITED = { RATE_LIMIT_VERIFY_PER_IP: '100000000/1', RATE_LIMIT_SIGNUP_PER_IP: '100000/60', RATE_LIMIT_OAUTH_TOKEN_PER_IP: '100000/60' };
const LD = { accept: 'application/ld+json' };
const HTML = { accept: 'text/html' };

if (!wrkInstalled()) {
  console.error('wrk is not installed: apt-get install wrk');
  process.exit(1);
}

const freePort = () => new Promise((resolve) => { const s = createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); }); });
const rowsText = (n) => n.toLocaleString('en-US');
/** Where a long run is, on stderr so the table on stdout stays clean. */
const progress = (text) => process.stderr.write(`[bench:read ${new Date().toISOString().slice(11, 19)}] ${text}\n`);

/** [row name, path, headers] of every public read; a path is undefined when seeding could not make it. */
const publicReads = (ids) => [
  ['assertion JSON-LD', `/public/assertions/${ids.assertion}`, LD],
  ['badge class JSON-LD', `/public/badges/${ids.badgeClass}`, LD],
  ['issuer JSON-LD', `/public/issuers/${ids.issuer}`, LD],
  ['assertion HTML page', `/public/assertions/${ids.assertion}`, HTML],
  ['baked image', `/public/assertions/${ids.assertion}/image`, {}],
  ['share page', ids.share, HTML],
  ['public endorsement', ids.endorsement, LD],
];
const conditional = (name) => `${name}, If-None-Match`;
const scaleRows = (rows) => [
  `assertion JSON-LD, ${rowsText(rows)} rows, hot (1 id)`,
  `assertion JSON-LD, ${rowsText(rows)} rows, spread (${rowsText(SPREAD_IDS)} ids), first reads`,
  `assertion JSON-LD, ${rowsText(rows)} rows, spread (${rowsText(SPREAD_IDS)} ids), warm`,
];
const BULK_RATE = 'bulk award 10,000 rows (rows/s)';
const BULK_READ = 'public GET p99 during the bulk award';

/** The table's rows, in order, with the target each is judged by. */
const ROWS = [
  ...publicReads({}).map(([name]) => ({ name, target: 'read' })),
  ...publicReads({}).map(([name]) => ({ name: conditional(name), target: 'conditional', plainOf: name })),
  { name: 'POST /v2/verify (hosted, warm)', target: 'verify' },
  { name: 'GET /health', target: 'health' },
  { name: 'GET /ready', target: 'none' },
  // First reads render each document (the miss path: the database at that size); reported only.
  ...SCALES.flatMap((rows) => scaleRows(rows).map((name, index) => ({ name, target: index === 1 ? 'none' : 'scale' }))),
  { name: BULK_RATE, target: 'bulkRate', unit: ' rows/s' },
  { name: BULK_READ, target: 'bulkReadP99' },
];

/**
 * fetch, once more if the first try finds its pooled connection closed: between two fetches a
 * whole wrk row can pass, longer than the server keeps an idle keep-alive connection.
 */
const request = (url, init) => fetch(url, init).catch(() => fetch(url, init));

/** What the first plain GET answers: status, ETag, and the bytes the bare Node server will repeat. */
async function firstAnswer(url, headers) {
  const response = await request(url, { headers });
  return { status: response.status, etag: response.headers.get('etag'), contentType: response.headers.get('content-type') ?? 'application/octet-stream', body: Buffer.from(await response.arrayBuffer()) };
}

/**
 * Public reads, conditional GETs, verify, health and ready against the platform at `base`; with
 * `withBare`, the bare Node figure of each row right after it (back to back on a noisy machine).
 */
async function measureReads(base, ids, { withBare }) {
  const results = {};
  const bare = {};
  const reads = publicReads(ids).filter(([, path]) => path);
  for (const [name, path] of publicReads(ids)) if (!path) results[name] = results[conditional(name)] = { note: 'not set up' };
  const answers = {};
  for (const [name, path, headers] of reads) answers[name] = await firstAnswer(`${base}${path}`, headers);
  answers['GET /health'] = await firstAnswer(`${base}/health`, {});
  const bareNode = withBare ? await startBareNode(answers) : undefined;
  try {
    const alongside = (name, options = {}) => { if (bareNode) bare[name] = wrk(bareNode.url(name), settings, options); };
    for (const [name, path, headers] of reads) {
      const { status } = answers[name];
      results[name] = { ...wrk(`${base}${path}`, settings, { headers }), ...(status !== 200 ? { note: `answers ${status}` } : {}) };
      alongside(name);
    }
    for (const [name, path, headers] of reads) {
      const { etag } = answers[name];
      if (bareNode) bare[conditional(name)] = wrk(bareNode.url(name), settings, { headers: { 'if-none-match': bareNode.etag(name) } });
      if (!etag) {
        results[conditional(name)] = { note: 'no ETag' };
        continue;
      }
      const withEtag = { ...headers, 'if-none-match': etag };
      const { status } = await firstAnswer(`${base}${path}`, withEtag);
      results[conditional(name)] = { ...wrk(`${base}${path}`, settings, { headers: withEtag }), status, ...(status !== 304 ? { note: `answers ${status}, not 304` } : {}) };
    }
    const verify = { method: 'POST', body: JSON.stringify({ url: `${base}/public/assertions/${ids.assertion}` }), headers: { 'content-type': 'application/json' } };
    // Warm: the first verification fetches the documents; the rest are served from the cache.
    const verified = await request(`${base}/v2/verify`, verify);
    const valid = verified.ok ? (await verified.json()).report?.valid === true : false;
    results['POST /v2/verify (hosted, warm)'] = { ...wrk(`${base}/v2/verify`, settings, verify), valid, ...(valid ? {} : { note: `not valid (${verified.status})` }) };
    results['GET /health'] = wrk(`${base}/health`, settings);
    alongside('GET /health');
    const ready = await request(`${base}/ready`);
    await ready.arrayBuffer();
    results['GET /ready'] = ready.status === 404 ? { note: '404' } : { ...wrk(`${base}/ready`, settings), ...(ready.ok ? {} : { note: `answers ${ready.status}` }) };
  } finally {
    await bareNode?.stop();
  }
  return { results, bare };
}

/**
 * The hot assertion and reads spread over `sample` ids, with `rows` assertions in the table: first
 * while most of them are read for the first time since the restart (each a miss the issuer renders
 * from the database), then once every one has been read (what a province's steady traffic meets).
 */
async function measureAtScale(base, ids, rows, sample) {
  const [hot, spreadFirst, spreadWarm] = scaleRows(rows);
  const paths = sample.map((id) => `/public/assertions/${id}`);
  const check = await request(`${base}${paths[0]}`, { headers: LD });
  await check.arrayBuffer();
  const sampled = check.ok ? {} : { note: `a sampled id answers ${check.status}` };
  const results = { [hot]: wrk(`${base}/public/assertions/${ids.assertion}`, settings, { headers: LD }) };
  results[spreadFirst] = { ...wrk(base, settings, { headers: LD, paths }), ...sampled };
  await readEachOnce(base, paths);
  results[spreadWarm] = { ...wrk(base, settings, { headers: LD, paths }), ...sampled };
  return results;
}

/**
 * Reads every path once, 16 at a time, with exactly wrk's headers: the cache keys on Accept and
 * Accept-Language as sent, and fetch() would add `Accept-Language: *` of its own.
 */
async function readEachOnce(base, paths) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
  const read = (path) => new Promise((resolve, reject) => {
    http.get(`${base}${path}`, { agent, headers: LD }, (response) => response.resume().on('end', resolve)).on('error', reject);
  });
  let next = 0;
  const reader = async () => {
    while (next < paths.length) await read(paths[next++]);
  };
  try {
    await Promise.all(Array.from({ length: 16 }, reader));
  } finally {
    agent.destroy();
  }
}

// ---- slot: "the embedded default keeps up" (issue #14) ---------------------------------------
// Another module measures a bulk award while the public path is read; until it exists the two rows
// say so and the rest of the bench runs as usual.
const BULK_MODULE = join(root, 'bench/support/bulk-while-reading.mjs');
async function measureBulkSlot(base, adminToken, ids) {
  if (!existsSync(BULK_MODULE)) return { [BULK_RATE]: { note: 'bulk-while-reading.mjs not there' }, [BULK_READ]: { note: 'bulk-while-reading.mjs not there' } };
  const bulk = await import(pathToFileURL(BULK_MODULE).href);
  // wrk ran synchronously and blocked this event loop: let fetch's pool see the connections the
  // server closed meanwhile, so the module's first calls don't pick a dead one.
  await new Promise((resolve) => setTimeout(resolve, 100));
  const readUrl = `${base}/public/assertions/${ids.assertion}`;
  // The agreed entry point; the module's first draft named it bulkWhileReading({ base, adminToken, rows }).
  const r = bulk.measureBulkWhileReading
    ? await bulk.measureBulkWhileReading({ baseUrl: base, adminToken, badgeClassId: ids.badgeClass, rows: 10_000, readUrl })
    : await bulk.bulkWhileReading({ base, adminToken, rows: 10_000 });
  return {
    [BULK_RATE]: { perSecond: r.rowsPerSecond, note: `${rowsText(r.rows)} rows in ${r.seconds.toFixed(1)} s` },
    [BULK_READ]: { p99Ms: r.readP99Ms, non2xx: r.readFailures ?? 0, note: `${rowsText(Math.round(r.readRequestsPerSecond))} reads/s` },
  };
}

/**
 * Everything measured on one platform. `withDatabase(work)` runs `work(db)` on the platform's
 * database (the embedded runner is stopped meanwhile: its database lives in its process).
 */
async function measurePlatform(label, { base, adminToken, dataDir, withDatabase }, { withBare }) {
  progress(`${label}: seeding a badge, a share page and an endorsement`);
  const { ids, notes } = await seedReadBadge(base, adminToken(), dataDir);
  const warm = () => wrk(`${base}/public/assertions/${ids.assertion}`, { ...settings, seconds: 2 }, { headers: LD });
  warm();
  progress(`${label}: public reads, conditional GETs, verify, health, ready${withBare ? ' (and bare Node beside each)' : ''}`);
  const { results, bare } = await measureReads(base, ids, { withBare });
  // A later phase that fails (a full disk, an award that times out) costs its rows, not the table.
  const phase = async (name, work) => {
    try {
      await work();
    } catch (error) {
      notes.push(`${name} failed: ${error.message}`);
    }
  };
  await phase('growing the table', async () => {
    let copies = 0;
    for (const total of SCALES) {
      progress(`${label}: growing the assertions table to ${rowsText(total)} rows`);
      const { grown, sample } = await withDatabase(async (db) => {
        const grown = await growAssertions(db, { templateId: ids.assertion, total, copies });
        // Ids across the whole table, not only the copies: a real reader asks for any badge.
        const sample = (await db.query(`SELECT id FROM "issuer"."assertions" ORDER BY random() LIMIT ${SPREAD_IDS}`)).map((row) => row.id);
        return { grown, sample };
      });
      copies = grown.copies;
      notes.push(`${label}: ${rowsText(grown.inserted)} assertion rows inserted in ${grown.seconds.toFixed(1)} s (${rowsText(Math.round(grown.inserted / Math.max(grown.seconds, 0.001)))} rows/s), table now ${rowsText(grown.rows)} rows`);
      progress(`${label}: hot and spread reads at ${rowsText(total)} rows`);
      warm();
      Object.assign(results, await measureAtScale(base, ids, total, sample));
    }
  });
  // Last: the award's tail (PNGs still baking after the job completes) would slow every row after it.
  progress(`${label}: bulk award while reading (table at ${rowsText(SCALES.at(-1) ?? 0)} rows)`);
  await phase('bulk award while reading', async () => Object.assign(results, await measureBulkSlot(base, adminToken(), ids)));
  return { results, bare, notes: notes.map((note) => (note.startsWith(label) ? note : `${label}: ${note}`)) };
}

async function embedded() {
  const dataDir = mkdtempSync(join(tmpdir(), 'badges-bench-read-'));
  // As root the embedded PostgreSQL runs as the `postgres` user, which must reach the folder.
  chmodSync(dataDir, 0o755);
  const env = embeddedEnv({ dataDir, port: await freePort(), extraEnv: UNLIMITED });
  let runner = await startEmbeddedRunner(env);
  try {
    return await measurePlatform('embedded', {
      base: runner.base,
      adminToken: () => runner.adminToken,
      dataDir,
      async withDatabase(work) {
        await runner.stop();
        runner = undefined;
        // The same env-driven open call the runner makes, so this follows whichever embedded
        // database `npm start` uses.
        const db = await openDatabase(databaseConfigFromEnv(env));
        try {
          return await work(db);
        } finally {
          await db.close();
          runner = await startEmbeddedRunner(env);
        }
      },
    }, { withBare: true });
  } finally {
    await runner?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function distributed() {
  const stack = await startDistributedStack({ SMTP_URL: '', ...UNLIMITED });
  const db = await openDatabase(databaseConfigFromEnv({ DATABASE_URL: stack.databaseUrl }));
  try {
    return await measurePlatform('distributed', {
      base: stack.env.PUBLIC_URL,
      adminToken: () => stack.env.ADMIN_TOKEN,
      dataDir: stack.env.DATA_DIR,
      withDatabase: (work) => work(db),
    }, { withBare: false });
  } finally {
    await db.close();
    await stack.stop();
  }
}

const started = performance.now();
console.log(`machine: ${cpus().length} cores (${cpus()[0]?.model.trim()}), ${Math.round(totalmem() / 2 ** 30)} GiB RAM, node ${process.version}`);
console.log(`read benchmark: wrk, 1 thread, ${settings.connections} connections, ${settings.seconds} s per row, loopback; table sizes ${SCALES.map(rowsText).join(' and ')}`);
const haveStack = Boolean(process.env.DATABASE_URL && process.env.KAFKA_BROKERS && process.env.REDIS_URL);
const embeddedRun = await embedded();
const distributedRun = haveStack ? await distributed() : undefined;
printReadTable(ROWS, { embedded: embeddedRun.results, distributed: distributedRun?.results }, embeddedRun.bare);
for (const note of [...embeddedRun.notes, ...(distributedRun?.notes ?? [])]) console.log(`note: ${note}`);
console.log('note: bare Node answers the bytes the embedded platform answered, measured right after each embedded row');
if (!haveStack) console.log('note: distributed stack not run: set DATABASE_URL, KAFKA_BROKERS and REDIS_URL (npm run kafka:start)');
console.log(`whole run: ${Math.round((performance.now() - started) / 1000)} s`);

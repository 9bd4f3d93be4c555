// Benchmark (issue #14): the public read path through the gateway, measured with wrk over loopback,
// on the embedded default (`npm start`'s runner) and, when DATABASE_URL, KAFKA_BROKERS and
// REDIS_URL are set, on the distributed stack; beside a bare Node `http` server answering the same
// assertion bytes in the same run (the ceiling this machine allows).
// Rows: assertion, badge class and issuer JSON-LD; the assertion's HTML page; its baked image; a
// passport share page; a public endorsement; the same assertion with If-None-Match (when the
// platform sends an ETag); POST /v2/verify of the hosted assertion (warm); GET /health.
// Targets (issue #14): public reads >= 10,000 req/s and p99 <= 20 ms; verify >= 3,000/s, p99 <= 30 ms.
// Needs wrk (`apt-get install wrk`) and `npm run build` first (npm run bench:read builds).
// Usage: npm run bench:read [-- seconds=10 connections=64 rows=<substring>]
//   rows: only the rows whose name contains this text (e.g. verify); every row when omitted.
// Profiling: BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" is passed to the embedded runner.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';

import { startDistributedStack } from './support/distributed-stack.mjs';

const SECONDS = Number(process.argv[2] ?? 10);
const CONNECTIONS = Number(process.argv[3] ?? 64);
const ONLY_ROWS = process.argv[4];
const root = new URL('..', import.meta.url).pathname;
const RUNNER = join(root, 'dist/apps/runner/src/main.js');
/** The benchmark is one client address hammering limited routes on purpose (docs/security.md). */
const UNLIMITED = { RATE_LIMIT_VERIFY_PER_IP: '100000000/1', RATE_LIMIT_SIGNUP_PER_IP: '100000/60', RATE_LIMIT_OAUTH_TOKEN_PER_IP: '100000/60' };

if (spawnSync('wrk', ['--version']).error) {
  console.error('wrk is not installed: apt-get install wrk');
  process.exit(1);
}

/** An 8×8 RGBA PNG of one colour, so the bench needs no binary fixture. */
function tinyPng() {
  const chunk = (type, data) => {
    const head = Buffer.alloc(4);
    head.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([head, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(8, 0);
  ihdr.writeUInt32BE(8, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(32, 0x80)]);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.concat(Array(8).fill(row)))), chunk('IEND', Buffer.alloc(0))]);
}

const freePort = () => new Promise((resolve) => { const s = createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); }); });
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs wrk against one URL (optionally a POST body or extra headers) and reads its req/s and p99. */
function wrk(url, { method = 'GET', body, headers = {} } = {}) {
  const script = join(tmpdir(), `bench-read-${process.pid}.lua`);
  const lines = [`wrk.method = ${JSON.stringify(method)}`];
  if (body !== undefined) lines.push(`wrk.body = ${JSON.stringify(body)}`);
  for (const [name, value] of Object.entries(headers)) lines.push(`wrk.headers[${JSON.stringify(name)}] = ${JSON.stringify(value)}`);
  writeFileSync(script, lines.join('\n'));
  const run = spawnSync('wrk', ['-t2', `-c${CONNECTIONS}`, `-d${SECONDS}s`, '--latency', '-s', script, url], { encoding: 'utf8' });
  rmSync(script, { force: true });
  const perSecond = Number(/Requests\/sec:\s+([\d.]+)/.exec(run.stdout)?.[1] ?? NaN);
  const p99 = /\s99%\s+([\d.]+)(us|ms|s)/.exec(run.stdout);
  const p99Ms = p99 ? Number(p99[1]) * { us: 0.001, ms: 1, s: 1000 }[p99[2]] : NaN;
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(run.stdout)?.[1] ?? 0);
  return { perSecond: Math.round(perSecond), p99Ms, non2xx };
}

async function json(base, path, { method = 'GET', body, token, headers = {} } = {}) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { accept: 'application/json', ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : undefined;
}

/** A new institution's id and a client token for it. */
async function institution(base, adminToken, name) {
  const { id, client } = await json(base, '/admin/institutions', { method: 'POST', token: adminToken, body: { name } });
  const { access_token: token } = await json(base, '/o/token', { method: 'POST', body: { grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.clientSecret } });
  return { id, token };
}

/** The emailed confirmation token for `email`, once the notification has written it to DATA_DIR/outbox. */
async function confirmationToken(dataDir, email) {
  for (let attempt = 0; attempt < 100; attempt++) {
    let names = [];
    try {
      names = readdirSync(join(dataDir, 'outbox'));
    } catch {
      // not written yet
    }
    for (const name of names) {
      const mail = readFileSync(join(dataDir, 'outbox', name), 'latin1').replace(/=\r?\n/g, '').replace(/=3D/g, '=');
      const token = new RegExp(`^To: ${email}[\\s\\S]*confirm-email\\?token=([A-Za-z0-9_-]+)`, 'm').exec(mail)?.[1];
      if (token) return token;
    }
    await sleep(100);
  }
  throw new Error(`no confirmation email for ${email}`);
}

/** One badge with everything a reader can ask for: documents, page, image, share, endorsement. */
async function seed(base, adminToken, dataDir) {
  const { token: college } = await institution(base, adminToken, 'Read Bench College');
  const { token: council, id: councilId } = await institution(base, adminToken, 'Read Bench Council');
  const issuer = (await json(base, '/v2/issuers', { method: 'POST', token: college, body: { name: 'Read Bench College', email: 'badges@read.example', url: 'https://read.example' } })).result[0];
  const badgeClass = (await json(base, `/v2/issuers/${issuer.entityId}/badgeclasses`, { method: 'POST', token: college, body: { name: 'Welding', description: 'Safe welding.', image: `data:image/png;base64,${tinyPng().toString('base64')}`, criteriaNarrative: 'Passed the practical.' } })).result[0];
  const email = 'reader@read.example';
  const assertion = (await json(base, `/v2/badgeclasses/${badgeClass.entityId}/assertions`, { method: 'POST', token: college, body: { recipient: { identity: email, type: 'email', hashed: true } } })).result[0];
  const ids = { assertion: assertion.entityId, badgeClass: badgeClass.entityId, issuer: issuer.entityId };

  const notes = [];
  try {
    await json(base, '/v2/auth/signup', { method: 'POST', body: { email, password: 'a long bench password', name: 'Reader' } });
    await json(base, '/v2/auth/confirm-email', { method: 'POST', body: { token: await confirmationToken(dataDir, email) } });
    const { access_token: learner } = await json(base, '/v2/auth/token', { method: 'POST', body: { username: email, password: 'a long bench password' } });
    const [held] = (await json(base, '/v2/backpack/assertions', { token: learner })).result;
    await json(base, `/v2/backpack/assertions/${held.entityId}`, { method: 'PUT', token: learner, body: { acceptance: 'Accepted' } });
    ids.share = new URL((await json(base, '/v2/backpack/shares', { method: 'POST', token: learner, body: { type: 'badge', entityId: held.entityId } })).result[0].url).pathname;
  } catch (error) {
    notes.push(`share page not set up: ${error.message}`);
  }
  try {
    await json(base, '/v2/endorsers/self', { method: 'PUT', token: council, body: { name: 'Read Bench Council', url: 'https://council.example', email: 'endorse@council.example' } });
    await json(base, '/v2/endorsement-requests', { method: 'POST', token: college, body: { target: { type: 'BadgeClass', entityId: badgeClass.entityId }, endorser: councilId, message: 'Please endorse.' } });
    const [request] = (await json(base, '/v2/endorsement-requests?role=endorser', { token: council })).result;
    const endorsement = (await json(base, `/v2/endorsement-requests/${request.entityId}/approve`, { method: 'POST', token: council, body: { comment: 'Sound.' } })).result[0];
    ids.endorsement = new URL(endorsement.openBadgeId).pathname;
  } catch (error) {
    notes.push(`endorsement not set up: ${error.message}`);
  }
  return { ids, notes };
}

/** Every row of the table, measured against one running platform at `base`. */
async function measure(base, ids) {
  const ld = { accept: 'application/ld+json' };
  const assertionUrl = `${base}/public/assertions/${ids.assertion}`;
  const rows = {
    'assertion JSON-LD': [assertionUrl, { headers: ld }],
    'badge class JSON-LD': [`${base}/public/badges/${ids.badgeClass}`, { headers: ld }],
    'issuer JSON-LD': [`${base}/public/issuers/${ids.issuer}`, { headers: ld }],
    'assertion HTML page': [assertionUrl, { headers: { accept: 'text/html' } }],
    'baked image': [`${assertionUrl}/image`, {}],
    'share page': ids.share ? [`${base}${ids.share}`, { headers: { accept: 'text/html' } }] : undefined,
    'public endorsement': ids.endorsement ? [`${base}${ids.endorsement}`, { headers: ld }] : undefined,
    'POST /v2/verify (hosted, warm)': [`${base}/v2/verify`, { method: 'POST', body: JSON.stringify({ url: assertionUrl }), headers: { 'content-type': 'application/json' } }],
    'GET /health': [`${base}/health`, {}],
  };
  const etag = (await fetch(assertionUrl, { headers: ld })).headers.get('etag');
  rows['assertion, If-None-Match'] = etag ? [assertionUrl, { headers: { ...ld, 'if-none-match': etag } }] : undefined;
  await fetch(`${base}/v2/verify`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ url: assertionUrl }) });
  const results = {};
  for (const [name, target] of Object.entries(rows)) {
    if (ONLY_ROWS && !name.includes(ONLY_ROWS)) continue;
    results[name] = target ? wrk(...target) : undefined;
  }
  return results;
}

async function embedded() {
  const dataDir = mkdtempSync(join(tmpdir(), 'badges-bench-read-'));
  const port = await freePort();
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, RUNNER], {
    env: { ...process.env, DATABASE_URL: '', KAFKA_BROKERS: '', REDIS_URL: '', SMTP_URL: '', DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: `http://127.0.0.1:${port}`, LOG_LEVEL: 'error', NODE_ENV: 'production', ...UNLIMITED },
    stdio: 'ignore',
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    for (let attempt = 0; attempt < 600 && !(await fetch(`${base}/health`).then((r) => r.ok, () => false)); attempt++) await sleep(100);
    const { ids, notes } = await seed(base, readFileSync(join(dataDir, 'admin-token'), 'utf8').trim(), dataDir);
    const assertionBytes = Buffer.from(await (await fetch(`${base}/public/assertions/${ids.assertion}`, { headers: { accept: 'application/ld+json' } })).arrayBuffer());
    return { results: await measure(base, ids), notes, assertionBytes };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function distributed() {
  const stack = await startDistributedStack({ SMTP_URL: '', ...UNLIMITED });
  try {
    const base = stack.env.PUBLIC_URL;
    const { ids, notes } = await seed(base, stack.env.ADMIN_TOKEN, stack.env.DATA_DIR);
    return { results: await measure(base, ids), notes };
  } finally {
    await stack.stop();
  }
}

/**
 * The ceiling: a bare Node server, in a process of its own (wrk runs synchronously here), answering
 * the assertion's bytes and nothing else.
 */
async function bareNode(bytes) {
  const file = join(tmpdir(), `bench-read-bytes-${process.pid}`);
  writeFileSync(file, bytes);
  const port = await freePort();
  const serve = `const b=require('fs').readFileSync(${JSON.stringify(file)});require('http').createServer((q,r)=>r.writeHead(200,{'content-type':'application/ld+json','content-length':b.length}).end(b)).listen(${port},'127.0.0.1',()=>console.log('ready'))`;
  const child = spawn(process.execPath, ['-e', serve], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    await new Promise((resolve) => child.stdout.once('data', resolve));
    return wrk(`http://127.0.0.1:${port}/`);
  } finally {
    child.kill();
    rmSync(file, { force: true });
  }
}

const cell = (result) => (result ? `${result.perSecond} req/s, p99 ${result.p99Ms.toFixed(1)} ms${result.non2xx ? ` (${result.non2xx} non-2xx)` : ''}` : '—');

console.log(`machine: ${cpus().length} cores (${cpus()[0]?.model.trim()}), ${Math.round(totalmem() / 1e9)} GB, node ${process.version}`);
console.log(`read benchmark: wrk, 2 threads, ${CONNECTIONS} connections, ${SECONDS} s per row, loopback, one badge`);
const embeddedRun = await embedded();
const haveStack = Boolean(process.env.DATABASE_URL && process.env.KAFKA_BROKERS && process.env.REDIS_URL);
const distributedRun = haveStack ? await distributed() : undefined;
const bare = ONLY_ROWS ? undefined : await bareNode(embeddedRun.assertionBytes);

const table = Object.keys(embeddedRun.results).map((what) => ({ what, embedded: cell(embeddedRun.results[what]), distributed: distributedRun ? cell(distributedRun.results[what]) : 'not run' }));
if (bare) table.push({ what: 'bare Node http, same assertion bytes', embedded: cell(bare), distributed: '' });
console.table(table);
for (const note of [...embeddedRun.notes, ...(distributedRun?.notes ?? [])]) console.log(`note: ${note}`);
if (!haveStack) console.log('distributed stack not run: set DATABASE_URL, KAFKA_BROKERS and REDIS_URL (npm run kafka:start)');

// Benchmark (issue #5): verifications per second and p50/p99 latency of the verification service,
// measured in-process with Fastify inject (Nest + Fastify + the real fetcher and cache; no HTTP
// socket on the client side), against a badge served by a local HTTP server on 127.0.0.1, which
// the service may reach only because VERIFY_ALLOWED_PRIVATE_ADDRESSES names it. Three inputs:
//   hosted  {url} of a hosted assertion (assertion, badge class, issuer, image: 4 documents)
//   png     the same badge baked into a PNG, uploaded as multipart
//   jws     a signed assertion as compact JWS (adds the key and the RevocationList)
// The cache is warm (every document fetched once before timing; TTL 60 s). With REDIS_URL set the
// shared Redis cache is used instead of the in-process one.
// Target (design.md §7): hosted >= 2,000 verifications/s, p99 <= 20 ms.
// Usage: npm run bench:verify [-- verifications=5000 concurrency=8]   (builds first)
import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

const require = createRequire(import.meta.url);
const root = new URL('..', import.meta.url).pathname;
const dist = join(root, 'dist');
const { createVerificationApp } = require(join(dist, 'apps/verification/src/verification.app.js'));
const { loadVerificationConfig } = require(join(dist, 'apps/verification/src/config/verification.config.js'));
const { InProcessEventBus } = require(join(dist, 'libs/messaging/src/index.js'));
const { bakePng, hashIdentity } = require(join(dist, 'libs/openbadges/src/index.js'));
const { CompactSign, importPKCS8 } = require('jose');

const VERIFICATIONS = Number(process.argv[2] ?? 5000);
const CONCURRENCY = Number(process.argv[3] ?? 8);

// ---- a badge issuer on loopback -------------------------------------------------------------
const documents = new Map();
let served = 0;
const server = createServer((req, res) => {
  served += 1;
  const doc = documents.get(req.url);
  if (!doc) return res.writeHead(404).end();
  res.writeHead(200, { 'content-type': doc.type, 'cache-control': 'public, max-age=60' }).end(doc.body);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;
const json = (path, body) => documents.set(path, { type: 'application/ld+json', body: JSON.stringify(body) });
const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const ctx = 'https://w3id.org/openbadges/v2';
json('/issuer', { '@context': ctx, type: 'Issuer', id: `${origin}/issuer`, name: 'Bench College', url: origin, email: 'b@bench.example', publicKey: `${origin}/key`, revocationList: `${origin}/revocations` });
json('/key', { '@context': ctx, type: 'CryptographicKey', id: `${origin}/key`, owner: `${origin}/issuer`, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() });
json('/revocations', { '@context': ctx, type: 'RevocationList', id: `${origin}/revocations`, issuer: `${origin}/issuer`, revokedAssertions: [] });
json('/badge', { '@context': ctx, type: 'BadgeClass', id: `${origin}/badge`, name: 'Bench', description: 'd', image: `${origin}/image.png`, criteria: { narrative: 'c' }, issuer: `${origin}/issuer` });
const assertion = (path, verification) => ({
  '@context': ctx, type: 'Assertion', id: `${origin}${path}`, badge: `${origin}/badge`, issuedOn: '2026-01-15T10:00:00Z', verification,
  recipient: { type: 'email', hashed: true, salt: 's', identity: hashIdentity('learner@example.org', 's') },
});
json('/assertion', assertion('/assertion', { type: 'hosted' }));
const signed = assertion('/signed', { type: 'signed', creator: `${origin}/key` });
json('/signed', signed);
const png = tinyPng();
documents.set('/image.png', { type: 'image/png', body: png });
const jws = await new CompactSign(Buffer.from(JSON.stringify(signed))).setProtectedHeader({ alg: 'RS256' }).sign(await importPKCS8(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), 'RS256'));
const baked = bakePng(png, `${origin}/assertion`);
const boundary = 'benchboundary';
const multipart = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="image"; filename="b.png"\r\nContent-Type: image/png\r\n\r\n`), baked, Buffer.from(`\r\n--${boundary}--\r\n`)]);

// ---- the service ----------------------------------------------------------------------------
const env = { ...process.env, VERIFY_ALLOWED_PRIVATE_ADDRESSES: '127.0.0.1', VERIFY_CACHE_TTL_SECONDS: '60', LOG_LEVEL: 'error', NODE_ENV: 'production', LOG_FORMAT: 'json' };
delete env.KAFKA_BROKERS; // events go to an in-process bus with no consumer: the benchmark measures verification
const app = await createVerificationApp({ config: loadVerificationConfig(env), env, inProcessBus: new InProcessEventBus() }, { logger: false });
const fastify = app.getHttpAdapter().getInstance();
await fastify.ready();

const inputs = {
  hosted: { headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ url: `${origin}/assertion`, expected_recipient: 'learner@example.org' }) },
  png: { headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: multipart },
  jws: { headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ json: jws }) },
};

async function once(input) {
  const started = performance.now();
  const response = await fastify.inject({ method: 'POST', url: '/v2/verify', ...input });
  const ms = performance.now() - started;
  if (response.statusCode !== 200 || !response.json().report.valid) throw new Error(`not valid: ${response.body.slice(0, 500)}`);
  return ms;
}

async function measure(name, input) {
  for (let i = 0; i < 200; i += 1) await once(input); // warm: cache, JIT
  const servedBefore = served;
  const latencies = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < VERIFICATIONS) {
      next += 1;
      latencies.push(await once(input));
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))].toFixed(2);
  return { input: name, verifications: latencies.length, perSecond: Math.round(latencies.length / seconds), p50ms: pct(50), p99ms: pct(99), originFetches: served - servedBefore };
}

try {
  const results = [];
  const only = process.env.BENCH_INPUTS?.split(',');
  for (const [name, input] of Object.entries(inputs)) if (!only || only.includes(name)) results.push(await measure(name, input));
  console.log(`verify benchmark: in-process (Fastify inject), concurrency ${CONCURRENCY}, cache ${env.REDIS_URL ? 'redis' : 'in-process'}, ${cpus().length} cores`);
  console.table(results);
  const hosted = results[0];
  console.log(`hosted target >= 2000/s and p99 <= 20 ms: ${hosted.perSecond >= 2000 && Number(hosted.p99ms) <= 20 ? 'met' : 'NOT met'}`);
} finally {
  await app.close();
  server.close();
}

function tinyPng() {
  const chunk = (type, data) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(require('node:zlib').crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(4, 0);
  ihdr.writeUInt32BE(4, 4);
  ihdr[8] = 8;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.alloc(20))), chunk('IEND', Buffer.alloc(0))]);
}

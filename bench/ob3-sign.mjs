// Benchmark (issue #19): how many OB 3.0 credentials one core signs per second, the bulk-award hot path
// (build the OpenBadgeCredential, then sign it once with the issuer's key): Data Integrity
// (eddsa-rdfc-2022: JSON-LD canonicalisation + Ed25519) and VC-JWT (RS256 and ES256). One key per form,
// as a bulk award uses, so the key import is paid once (the signers cache it).
// Usage: node scripts/build.mjs --no-web && node bench/ob3-sign.mjs [credentials=500]
// Run it on an idle machine: the numbers are one core's, and other processes on it lower them.
import { generateKeyPairSync } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const root = new URL('..', import.meta.url).pathname;
const { buildOpenBadgeCredential, generateEd25519Key, hashIdentity, issuerDid, signAsVcJwt, signWithDataIntegrity } = require(
  join(root, 'dist/libs/openbadges/src/index.js'),
);

const CREDENTIALS = Number(process.argv[2] ?? 500);
const PUBLIC_URL = 'https://badges.example.edu';
const did = issuerDid(PUBLIC_URL, 'iss1');

function credential(n) {
  return buildOpenBadgeCredential({
    id: `${PUBLIC_URL}/public/credentials/a${n}`,
    issuer: { id: did, name: 'Bench College', url: `${PUBLIC_URL}/public/issuers/iss1`, email: 'badges@bench.example' },
    achievement: {
      id: `${PUBLIC_URL}/public/badges/bc1`,
      name: 'Bench badge',
      description: 'Awarded to benchmarks.',
      image: `${PUBLIC_URL}/public/badges/bc1/image`,
      criteria: { narrative: 'Run the benchmark.' },
      tags: ['bench'],
      language: 'en',
    },
    recipient: { type: 'email', identity: hashIdentity(`learner${n}@example.org`, 'salt'), hashed: true, salt: 'salt' },
    validFrom: '2026-01-15T10:00:00Z',
    status: { statusListCredential: `${PUBLIC_URL}/public/issuers/iss1/status/0`, statusListIndex: n % 131_072 },
  });
}

function pem(kind) {
  const encoding = { privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } };
  return kind === 'rsa' ? generateKeyPairSync('rsa', { modulusLength: 2048, ...encoding }) : generateKeyPairSync('ec', { namedCurve: 'P-256', ...encoding });
}

async function measure(label, sign) {
  await sign(credential(0)); // warm: module loading, key import, the contexts' first processing
  const started = process.hrtime.bigint();
  for (let n = 1; n <= CREDENTIALS; n += 1) await sign(credential(n));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(`${label.padEnd(28)} ${(CREDENTIALS / seconds).toFixed(0).padStart(6)} credentials/s  (${((seconds * 1000) / CREDENTIALS).toFixed(2)} ms each)`);
}

const ed25519 = await generateEd25519Key();
const signer = { verificationMethod: `${did}#k1`, privateKeyPem: ed25519.privateKeyPem, publicKeyPem: ed25519.publicKeyPem };
const rsa = pem('rsa');
const ec = pem('ec');
const kid = `${PUBLIC_URL}/public/issuers/iss1/jwks/k1`;

console.log(`${CREDENTIALS} credentials per form, one after another on one core`);
await measure('DataIntegrity eddsa-rdfc', (c) => signWithDataIntegrity(c, signer));
await measure('VC-JWT RS256', (c) => signAsVcJwt(c, { algorithm: 'RS256', kid, privateKeyPem: rsa.privateKey }));
await measure('VC-JWT ES256', (c) => signAsVcJwt(c, { algorithm: 'ES256', kid, privateKeyPem: ec.privateKey }));

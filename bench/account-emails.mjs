// Benchmark: how long a learner waits for their confirmation email while a graduation's awards
// are being taken in. On the distributed stack, learners sign up one after another (each waits
// for its own email before the next signs up): first with nothing else happening (the baseline,
// same run), then while AWARDS awards go in as batched requests and the notification service
// takes their events in and sends their emails. Prints, for each phase, the wait from the sign-up's
// answer to the confirmation email at the SMTP sink (p50, p95, max).
// Needs DATABASE_URL, KAFKA_BROKERS and REDIS_URL (npm run kafka:start); run
// `node scripts/build.mjs --no-web` first.
// Usage: node bench/account-emails.mjs [awards=20000]
import { cpus } from 'node:os';

import { startDistributedStack } from './support/distributed-stack.mjs';
import { startSmtpSink } from './support/province/sinks.mjs';

const AWARDS = Number(process.argv.slice(2).find((arg) => /^\d+$/.test(arg)) ?? 20_000);
const BASELINE_SIGNUPS = 10;
const BATCH = 100;
const PARALLEL_REQUESTS = 4;
const EMAIL_TIMEOUT_MS = 300_000;

const smtp = await startSmtpSink();
const unlimited = '1000000/60';
const stack = await startDistributedStack({
  SMTP_URL: smtp.url,
  // Every sign-up comes from the bench's one address.
  RATE_LIMIT_SIGNUP_PER_IP: unlimited,
  RATE_LIMIT_SIGNUP_PER_EMAIL: unlimited,
  RATE_LIMIT_OAUTH_TOKEN_PER_IP: unlimited,
  // The lowest cost the platform takes: the bench measures the wait for the email, not scrypt.
  PASSWORD_SCRYPT_LOG_N: '14',
});
const base = stack.env.PUBLIC_URL;
const post = async (path, token, body) => {
  const response = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
  if (response.status >= 300) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
  return response.json();
};
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

let signups = 0;
const run = Date.now().toString(36);
/** One learner signs up; resolves with how long their confirmation email took to reach the sink (ms). */
async function confirmationWait() {
  const email = `learner${++signups}-${run}@signup.example`;
  await post('/v2/auth/signup', undefined, { email, password: 'a long enough passphrase', name: `Learner ${signups}` });
  const answered = performance.now();
  while (!smtp.sink.confirmations.has(email)) {
    if (performance.now() - answered > EMAIL_TIMEOUT_MS) throw new Error(`no confirmation email for ${email} within ${EMAIL_TIMEOUT_MS / 1000} s`);
    await sleep(10);
  }
  return performance.now() - answered;
}

const summary = (waits) => {
  const sorted = [...waits].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return `${waits.length} sign-ups: p50 ${at(0.5).toFixed(0)} ms, p95 ${at(0.95).toFixed(0)} ms, max ${sorted.at(-1).toFixed(0)} ms`;
};

try {
  const institution = await post('/admin/institutions', stack.env.ADMIN_TOKEN, { name: 'Graduation' });
  const token = (await post('/o/token', undefined, { grant_type: 'client_credentials', client_id: institution.client.clientId, client_secret: institution.client.clientSecret })).access_token;
  const issuer = (await post('/v2/issuers', token, { name: 'Faculty', email: 'f@college.example', url: 'https://college.example' })).result[0];
  const png = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
  const badgeClass = (await post(`/v2/issuers/${issuer.entityId}/badgeclasses`, token, { name: 'Diploma', description: 'd', image: png, criteriaNarrative: 'c' })).result[0];

  const idle = [];
  for (let n = 0; n < BASELINE_SIGNUPS; n++) idle.push(await confirmationWait());

  // The graduation: every award emails its recipient.
  const batches = Array.from({ length: Math.ceil(AWARDS / BATCH) }, (_, b) => b);
  const award = async () => {
    for (let b = batches.shift(); b !== undefined; b = batches.shift()) {
      const assertions = Array.from({ length: Math.min(BATCH, AWARDS - b * BATCH) }, (_, i) => ({ recipient: { identity: `graduate${b * BATCH + i}@college.example` }, notify: true }));
      await post(`/v2/badgeclasses/${badgeClass.entityId}/issue`, token, { assertions });
    }
  };
  const started = performance.now();
  let awarding = true;
  const awarded = Promise.all(Array.from({ length: PARALLEL_REQUESTS }, award)).then(() => performance.now());
  const emailsOut = (async () => {
    while (smtp.sink.byAssertion.size < AWARDS) {
      if (performance.now() - started > 1_800_000) throw new Error(`timed out: ${smtp.sink.byAssertion.size} of ${AWARDS} award emails`);
      await sleep(100);
    }
    awarding = false;
    return performance.now();
  })();
  const busy = [];
  while (awarding) busy.push(await confirmationWait());
  const [awardedAt, lastEmailAt] = await Promise.all([awarded, emailsOut]);

  console.log(`machine: ${cpus().length} cores (${cpus()[0].model}), node ${process.version}; distributed stack (PostgreSQL, Kafka, Redis)`);
  console.log(`graduation: ${AWARDS} awards in ${((awardedAt - started) / 1000).toFixed(1)} s of requests; the last award email ${((lastEmailAt - started) / 1000).toFixed(1)} s after the first request`);
  console.log(`CONFIRMATION EMAIL WAIT, idle:                 ${summary(idle)}`);
  console.log(`CONFIRMATION EMAIL WAIT, during the graduation: ${summary(busy)}`);
} finally {
  await stack.stop();
  await smtp.stop();
}

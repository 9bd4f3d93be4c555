// The province's traffic for the run's duration, every loop bounded by the deadline and a fixed
// number of workers: steady single awards (gated so public reads stay at least `readsPerAward`
// per award) and their revocations; bulk awards at spaced times; learners signing up, confirming,
// accepting and sharing; public reads and verifications; Badge Connect pulls.
import { createHash, randomBytes } from 'node:crypto';

import { sleep, untilDeadline, waitFor } from './bounded.mjs';
import { pollBulkJobs } from './bulk-jobs.mjs';

/** A revoked badge answers 410 to its public reads: an answer, not an error. */
const LIVE_OR_REVOKED = [200, 304, 410];
const READ_KINDS = [
  // [kind, weight, path(id, ledger) | undefined when it cannot be made yet, options]
  ['read assertion JSON-LD', 45, (id) => `/public/assertions/${id}`, { headers: { accept: 'application/ld+json' }, expect: LIVE_OR_REVOKED }],
  ['read assertion page', 10, (id) => `/public/assertions/${id}`, { headers: { accept: 'text/html' }, expect: LIVE_OR_REVOKED }],
  ['read baked image', 10, (id) => `/public/assertions/${id}/image`, { raw: true, expect: LIVE_OR_REVOKED }],
  ['read share page', 5, (_, ledger) => ledger.shares[Math.floor(Math.random() * ledger.shares.length)], { headers: { accept: 'text/html' }, expect: LIVE_OR_REVOKED }],
];
const PASSWORD = 'a province bench password';
const BC_REDIRECT = 'https://wallet.example/callback';
const BC_SCOPE = 'https://purl.imsglobal.org/spec/ob/v2p1/scope/assertion.readonly';

const pick = (list) => list[Math.floor(Math.random() * list.length)];

/** Runs every kind of traffic until `deadline`; resolves when all workers stop. */
export async function runWorkload({ call, log, base, options, province, ledger, sink, deadline, startedAt }) {
  const reads = { done: 0 };
  let singles = 0;
  /** Awards through the single-award route, the steady stream's and the learners'. */
  let awarded = 0;
  const revocations = [];

  /** One award through the single-award route; its outcome goes in the ledger. */
  const award = async (kind, key, email, institution, extra = {}) => {
    const badgeClass = pick(institution.badgeClasses);
    const entry = ledger.add({ key, email, institution: institution.index, badgeClassId: badgeClass.id, ...extra });
    awarded++;
    const response = await call(kind, `/v2/badgeclasses/${badgeClass.id}/assertions`, {
      token: institution.staff,
      body: { recipient: { identity: email, type: 'email', hashed: true }, recipientName: key, notify: true },
    });
    // No retry: without an idempotency key a retry after a lost answer could award twice. An
    // answer that never came (a crash, a 5xx) leaves the award's existence open: the check then
    // allows none or one, never two.
    entry.outcome = response.ok ? 'acked' : response.status === 0 || response.status >= 500 ? 'ambiguous' : 'rejected';
    if (response.ok) {
      entry.assertionId = response.body.result[0].entityId;
      ledger.readableId(entry.assertionId);
    }
    return entry;
  };

  const revoke = async (entry) => {
    for (let attempt = 0; attempt < 5; attempt++) {
      const response = await call('revoke', `/v2/assertions/${entry.assertionId}`, { method: 'DELETE', token: province[entry.institution].staff, body: { revocation_reason: 'Awarded in error.' }, expect: [200, 400] });
      // A retry after an answer lost in a crash meets `already_revoked`: revoked either way.
      if (response.status === 200 || response.body?.error?.code === 'already_revoked') {
        entry.revoked = true;
        return;
      }
      await sleep(2_000);
    }
    entry.revokeOutcome = 'failed';
  };

  const singleAwards = async () => {
    const gap = 1000 / options.singlesPerSecond;
    while (performance.now() < deadline) {
      const due = revocations[0];
      if (due && due.at <= performance.now()) {
        revocations.shift();
        await revoke(due.entry);
        continue;
      }
      if (reads.done < options.readsPerAward * (awarded + 1)) {
        await sleep(20);
        continue;
      }
      const started = performance.now();
      const n = singles++;
      const entry = await award('award (single)', `single-${n}`, `single-${n}@learners.example`, pick(province), { source: 'single' });
      if (entry.outcome === 'acked' && n % options.revokeEvery === 0) revocations.push({ at: performance.now() + 5_000, entry });
      await sleep(Math.max(0, gap - (performance.now() - started)));
    }
  };

  const bulkAwards = async () => {
    const length = deadline - startedAt;
    for (const [job, rows] of options.bulkRows.entries()) {
      const at = startedAt + length * ((job + 0.15) / options.bulkRows.length);
      while (performance.now() < at) await sleep(200);
      const institution = province[(job * 7) % province.length];
      const badgeClass = institution.badgeClasses[0];
      const keys = Array.from({ length: rows }, (_, row) => `bulk${job}-${row}`);
      for (const key of keys) ledger.add({ key, email: `${key}@learners.example`, institution: institution.index, badgeClassId: badgeClass.id, source: 'bulk', outcome: 'bulk' });
      const csv = ['email,name,notify', ...keys.map((key) => `${key}@learners.example,${key},true`)].join('\n');
      const idempotencyKey = `province-bulk-${job}-${randomBytes(4).toString('hex')}`;
      const record = { job, rows, institution: institution.index, badgeClassId: badgeClass.id, keys };
      ledger.bulkJobs.push(record);
      // The same Idempotency-Key on every try: a retry after a lost answer returns the first job.
      for (let attempt = 0; attempt < 10 && !record.jobId; attempt++) {
        const response = await call('bulk award (upload)', `/v2/badgeclasses/${badgeClass.id}/bulk-awards`, { token: institution.staff, body: csv, headers: { 'content-type': 'text/csv', 'idempotency-key': idempotencyKey } });
        if (response.ok) record.jobId = response.body.result[0].jobId;
        else await sleep(3_000);
      }
      record.startedAt = performance.now();
    }
  };

  /** Each bulk job's status every 2 s until it finishes, so its duration is known within 2 s. */
  const bulkStatus = async () => {
    while (performance.now() < deadline) {
      await pollBulkJobs(call, ledger, province);
      await sleep(2_000);
    }
  };

  /** One learner's journey; two workers run them until the deadline or `options.learners`. */
  const learnerJourney = async (worker) => {
    const n = ledger.learners.length;
    const email = `learner${n}-${randomBytes(3).toString('hex')}@passport.example`;
    const learner = { n, email, awards: [] };
    ledger.learners.push(learner);
    const institution = province[(n * 3 + worker) % province.length];
    // Half are awarded before they sign up (collected on confirmation), half after.
    if (n % 2 === 0) learner.awards.push(await award('award (single)', `learner-${n}-a`, email, institution, { source: 'learner' }));
    const signUp = await call('learner sign-up', '/v2/auth/signup', { body: { email, password: PASSWORD, name: `Learner ${n}` } });
    if (!signUp.ok) return;
    // The link comes through the one email queue, behind any bulk award's emails: how long it
    // took is a figure of its own (an error when it took more than 2 minutes).
    const asked = performance.now();
    const arrived = await waitFor(() => sink.confirmations.has(email), 120_000, 250);
    log.record('learner confirmation email (wait)', performance.now() - asked, arrived, 'not within 120 s');
    if (!arrived) return;
    const confirmed = await call('learner confirm email', '/v2/auth/confirm-email', { body: { token: sink.confirmations.get(email) } });
    if (!confirmed.ok) return;
    learner.confirmed = true;
    const signIn = await call('learner sign-in', '/v2/auth/token', { body: { username: email, password: PASSWORD } });
    if (!signIn.ok) return;
    learner.token = signIn.body.access_token;
    if (n % 2 === 1) learner.awards.push(await award('award (single)', `learner-${n}-b`, email, institution, { source: 'learner' }));
    const held = learner.awards.find((entry) => entry.outcome === 'acked');
    if (!held) return;
    // The award reaches the passport through Kafka: wait for it (bounded), then accept and share.
    const found = await waitFor(async () => {
      const list = await call('learner backpack list', '/v2/backpack/assertions', { token: learner.token });
      return list.ok && list.body.result.some((badge) => badge.entityId === held.assertionId);
    }, 60_000, 1_000);
    if (!found) return;
    await call('learner accept', `/v2/backpack/assertions/${held.assertionId}`, { method: 'PUT', token: learner.token, body: { acceptance: 'Accepted' } });
    const share = await call('learner share', '/v2/backpack/shares', { token: learner.token, body: { type: 'badge', entityId: held.assertionId } });
    if (share.ok) ledger.shares.push(new URL(share.body.result[0].url).pathname);
    if (n % 2 === 0) await connectWallet(learner);
  };

  // One wallet app, registered once; every other learner connects it (Badge Connect 2.1, PKCE).
  let wallet;
  const connectWallet = async (learner) => {
    if (!wallet) {
      const registered = await call('badge connect register', '/o/badgeconnect/register', { body: { client_name: 'Province Wallet', client_uri: 'https://wallet.example', redirect_uris: [BC_REDIRECT], scope: BC_SCOPE } });
      if (!registered.ok) return;
      wallet = registered.body;
    }
    const verifier = randomBytes(32).toString('base64url');
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const approved = await call('badge connect authorize', '/o/badgeconnect/authorize', {
      token: learner.token,
      body: { response_type: 'code', client_id: wallet.client_id, redirect_uri: BC_REDIRECT, scope: BC_SCOPE, state: 's', code_challenge: challenge, code_challenge_method: 'S256', decision: 'approve' },
    });
    const code = approved.ok ? new URL(approved.body.location).searchParams.get('code') : null;
    if (!code) return;
    const basic = Buffer.from(`${wallet.client_id}:${wallet.client_secret}`).toString('base64');
    const token = await call('badge connect token', '/o/badgeconnect/token', {
      body: `grant_type=authorization_code&code=${code}&redirect_uri=${encodeURIComponent(BC_REDIRECT)}&code_verifier=${verifier}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${basic}` },
    });
    if (token.ok) learner.walletToken = token.body.access_token;
  };

  const badgeConnectPulls = async () => {
    while (performance.now() < deadline) {
      const connected = ledger.learners.filter((learner) => learner.walletToken);
      if (connected.length > 0) await call('badge connect pull', '/bcv1/assertions', { token: pick(connected).walletToken });
      await sleep(500);
    }
  };

  const weights = READ_KINDS.reduce((sum, [, weight]) => sum + weight, 0) + 30;
  const read = async () => {
    const id = ledger.randomReadable();
    if (!id) return sleep(100);
    let roll = Math.random() * weights;
    for (const [kind, weight, path, init] of READ_KINDS) {
      roll -= weight;
      if (roll >= 0) continue;
      const target = path(id, ledger);
      if (target) await call(kind, target, init);
      reads.done++;
      return undefined;
    }
    // The rest: badge class, issuer, verification.
    const entry = ledger.awards.get(`single-${Math.floor(Math.random() * singles)}`);
    const which = Math.random();
    if (which < 1 / 3 && entry) await call('read badge class JSON-LD', `/public/badges/${entry.badgeClassId}`, { headers: { accept: 'application/ld+json' } });
    else if (which < 2 / 3 && entry) await call('read issuer JSON-LD', `/public/issuers/${province[entry.institution].badgeClasses.find((c) => c.id === entry.badgeClassId).issuerId}`, { headers: { accept: 'application/ld+json' } });
    else await call('verify (hosted URL)', '/v2/verify', { body: { url: `${base}/public/assertions/${id}` } });
    reads.done++;
    return undefined;
  };

  await Promise.all([
    singleAwards(),
    bulkAwards(),
    bulkStatus(),
    untilDeadline(2, deadline, learnerJourney, () => ledger.learners.length >= options.learners),
    badgeConnectPulls(),
    untilDeadline(options.readers, deadline, read),
  ]);
  return { reads: reads.done, singles };
}

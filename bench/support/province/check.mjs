// The exactly-once check: once the pipelines have drained (bounded wait), every award the bench
// made is looked for in every place it must reach, and counted: one assertion row (by its key,
// the recipientName), one passport award (and, for a confirmed learner, one backpack entry), one
// email at the SMTP sink (to its recipient; at most one for an award revoked before its email
// went, which the notification service withholds) and one webhook per subscribed endpoint of its
// institution, for the award and again for its revocation. Lost and doubled counts per place.
import { sleep, waitFor } from './bounded.mjs';
import { pollBulkJobs } from './bulk-jobs.mjs';
import { WEBHOOK_EVENTS } from './seed.mjs';

const [ISSUED, REVOKED] = WEBHOOK_EVENTS;

async function platformState(db) {
  const assertions = (await db.query('SELECT id, "recipientName" AS key, "institutionId" AS institution, revoked FROM issuer.assertions')).rows;
  const passport = new Set((await db.query('SELECT "assertionId" AS id FROM passport.awards')).rows.map((row) => row.id));
  const revocations = new Set((await db.query('SELECT "assertionId" AS id FROM passport.award_revocations')).rows.map((row) => row.id));
  const backpack = new Map((await db.query('SELECT "assertionId" AS id, count(*)::int AS n FROM passport.backpack_badges GROUP BY 1')).rows.map((row) => [row.id, row.n]));
  return { assertions, passport, revocations, backpack };
}

/**
 * Waits (at most `drainMs`) for bulk jobs to finish and every award to reach every place; gives up
 * early when nothing new arrived anywhere for `stallMs` (a lost send never arrives: waiting the
 * whole bound for it only delays the report that says so).
 */
export async function drain({ call, db, ledger, province, sink, receiver, drainMs, stallMs }) {
  let last = '';
  let movedAt = performance.now();
  let stalled = false;
  const started = performance.now();
  const jobsDone = await waitFor(() => pollBulkJobs(call, ledger, province), drainMs, 2_000);
  const endpoints = province.flatMap((institution) => institution.endpoints.map((endpoint) => ({ endpoint, institution: institution.id })));
  const reached = await waitFor(async () => {
    const { assertions, passport } = await platformState(db);
    const progress = `${assertions.length} ${passport.size} ${sink.total} ${receiver.total}`;
    if (progress !== last) [last, movedAt] = [progress, performance.now()];
    else if (performance.now() - movedAt > stallMs) return (stalled = true);
    const emails = assertions.every((row) => row.revoked || sink.byAssertion.has(row.id));
    const hooks = endpoints.every(({ endpoint, institution }) => {
      const seen = receiver.byEndpoint.get(endpoint) ?? new Map();
      return assertions.filter((row) => row.institution === institution).every((row) => seen.has(`${ISSUED} ${row.id}`) && (!row.revoked || seen.has(`${REVOKED} ${row.id}`)));
    });
    return emails && hooks && assertions.every((row) => passport.has(row.id));
  }, Math.max(0, drainMs - (performance.now() - started)), 3_000);
  // A little longer, so a late duplicate has the chance to show.
  await sleep(5_000);
  return { jobsDone, reached: reached && !stalled, stalled, seconds: (performance.now() - started) / 1000 };
}

/** {rows: [{place, expected, found, lost, doubled}], failures: [text]} */
export async function checkExactlyOnce({ db, ledger, province, sink, receiver }) {
  const { assertions, passport, revocations, backpack } = await platformState(db);
  const byKey = new Map();
  for (const row of assertions) byKey.set(row.key, [...(byKey.get(row.key) ?? []), row]);
  const tally = () => ({ expected: 0, found: 0, lost: 0, doubled: 0 });
  const places = { assertion: tally(), 'assertion revoked': tally(), 'passport award': tally(), 'passport revocation': tally(), 'backpack entry (confirmed learners)': tally(), email: tally(), 'email, revoked award (at most one)': tally(), webhook: tally() };
  const failures = [];
  const count = (place, found, { must = true } = {}) => {
    const t = places[place];
    if (must) t.expected++;
    t.found += Math.min(found, 1);
    if (must && found === 0) t.lost++;
    if (found > 1) t.doubled++;
  };

  const awarded = [];
  for (const entry of ledger.awards.values()) {
    const rows = byKey.get(entry.key) ?? [];
    byKey.delete(entry.key);
    // An award whose answer never came may or may not exist; one that was refused must not.
    const must = entry.outcome === 'acked' || entry.outcome === 'bulk';
    if (entry.outcome === 'rejected' && rows.length > 0) failures.push(`${entry.key}: refused (4xx) yet made ${rows.length} assertion(s)`);
    count('assertion', rows.length, { must });
    if (entry.outcome === 'acked' && rows.length === 1 && rows[0].id !== entry.assertionId) failures.push(`${entry.key}: answered ${entry.assertionId}, stored ${rows[0].id}`);
    if (entry.revoked) count('assertion revoked', rows.filter((row) => row.revoked).length);
    if (rows.length > 0) awarded.push({ entry, row: rows[0] });
  }
  for (const [key, rows] of byKey) failures.push(`${rows.length} assertion(s) the bench never asked for: ${key}`);

  const confirmed = new Set(ledger.learners.filter((learner) => learner.confirmed).map((learner) => learner.email));
  const endpointsOf = new Map(province.map((institution) => [institution.id, institution.endpoints]));
  for (const { entry, row } of awarded) {
    count('passport award', passport.has(row.id) ? 1 : 0);
    if (row.revoked) count('passport revocation', revocations.has(row.id) ? 1 : 0);
    if (confirmed.has(entry.email)) count('backpack entry (confirmed learners)', backpack.get(row.id) ?? 0);
    const emails = sink.byAssertion.get(row.id) ?? [];
    // The notification service withholds the email of an award revoked before it was sent (a
    // revocation 5 s after the award, behind a bulk award's emails): at most one, then.
    if (row.revoked) count('email, revoked award (at most one)', emails.length, { must: false });
    else count('email', emails.length);
    if (emails.some((to) => to !== entry.email.toLowerCase())) failures.push(`${entry.key}: emailed to ${emails.join(', ')}`);
    for (const endpoint of endpointsOf.get(row.institution) ?? []) {
      const seen = receiver.byEndpoint.get(endpoint) ?? new Map();
      count('webhook', seen.get(`${ISSUED} ${row.id}`) ?? 0);
      if (row.revoked) count('webhook', seen.get(`${REVOKED} ${row.id}`) ?? 0);
    }
  }
  await explainLostEmails(db, awarded.filter(({ row }) => !row.revoked && !sink.byAssertion.has(row.id)), failures);
  const rows = Object.entries(places).map(([place, t]) => ({ place, ...t }));
  for (const { place, lost, doubled } of rows) {
    if (lost) failures.push(`${place}: ${lost} lost`);
    if (doubled) failures.push(`${place}: ${doubled} doubled`);
  }
  return { rows, failures };
}

/** What the notification service says of each award email that never reached the sink (at most 20). */
async function explainLostEmails(db, lost, failures) {
  if (lost.length === 0) return;
  const ids = lost.slice(0, 20).map(({ row }) => row.id);
  const { rows } = await db.query('SELECT "assertionId" AS id, status, attempts, "lastError" AS error FROM notification.email_deliveries WHERE "assertionId" = ANY($1)', [ids]);
  const byId = new Map(rows.map((row) => [row.id, row]));
  for (const id of ids) {
    const delivery = byId.get(id);
    failures.push(delivery ? `email for ${id}: delivery ${delivery.status} after ${delivery.attempts} attempt(s)${delivery.error ? `: ${delivery.error.slice(0, 200)}` : ''}` : `email for ${id}: no delivery row (never queued)`);
  }
}

/** Delivery rows by channel and status, as the notification service counts them. */
export async function deliveryStatuses(db) {
  const { rows } = await db.query(`SELECT 'email' AS channel, status, count(*)::int AS n FROM notification.email_deliveries GROUP BY 2
    UNION ALL SELECT 'webhook', status, count(*)::int FROM notification.webhook_deliveries GROUP BY 2 ORDER BY 1, 2`);
  return rows.map(({ channel, status, n }) => `${channel} ${status}: ${n}`).join(', ');
}

/**
 * Issue #18's learner side through the compiled platform (the runner as `npm start` runs it, on
 * PGlite and on PostgreSQL), against the stand-in Badgr over real HTTP on loopback: a learner
 * brings their Badgr backpack with their own Badgr sign-in (decision 0046). The items come with
 * their acceptance, the collections with their order; a second run changes nothing; a wrong
 * password, a plain-http Badgr elsewhere than this machine, and someone else's backpack are refused
 * or skipped, each with a reason.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ApiClient } from '../support/api-client';
import { BadgrStandin } from '../support/badgr-standin/badgr-standin';
import { learnerEmail, STANDIN_PASSWORD } from '../support/badgr-standin/standin-dataset';
import { eventually } from '../support/distributed-stack';
import { freePort } from '../support/free-port';
import { startPlatformProcess, type PlatformProcess } from '../support/platform-process';
import { mailText, SmtpSink } from '../support/smtp-sink';
import { embeddedStorageTargets } from '../support/storage-targets';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const PASSWORD = 'correct horse battery';

describe.each(embeddedStorageTargets())('a Badgr backpack brought into the passport, end to end on $name', (target) => {
  const smtp = new SmtpSink();
  let standin: BadgrStandin;
  let dataDir: string;
  let platform: PlatformProcess;
  let storage: { env: Record<string, string>; dispose(): Promise<void> };
  let anonymous: ApiClient;

  beforeAll(async () => {
    standin = await BadgrStandin.start({ size: 'small' });
    dataDir = mkdtempSync(join(tmpdir(), 'badges-badgr-import-e2e-'));
    storage = await target.env();
    const smtpUrl = await smtp.start();
    const port = await freePort();
    platform = await startPlatformProcess({
      ...storage.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      SMTP_URL: smtpUrl,
      PASSWORD_SCRYPT_LOG_N: '14',
      // The stand-in Badgr is plain http on loopback: allowed for tests only.
      BADGR_IMPORT_ALLOW_HTTP: 'true',
      ALLOW_PRIVATE_NETWORK_FETCH: 'true',
      VERIFY_ALLOWED_PRIVATE_ADDRESSES: '127.0.0.1',
    });
    anonymous = new ApiClient(platform.url);
  }, 180_000);

  afterAll(async () => {
    await platform?.stop();
    await storage?.dispose();
    await smtp.stop();
    await standin?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function learnerWith(email: string): Promise<ApiClient> {
    expect((await anonymous.post('/v2/auth/signup', { email, password: PASSWORD, name: 'Badgr Learner' })).status).toBe(201);
    let confirmUrl = '';
    await eventually(() => {
      const mail = smtp.messages.findLast((received) => received.to.includes(email) && /confirm-email\?token=/.test(mailText(received)));
      confirmUrl = mail ? (/https?:\/\/\S+confirm-email\?token=[A-Za-z0-9_-]+/.exec(mailText(mail))?.[0] ?? '') : '';
      return confirmUrl !== '';
    }, 20_000, `the confirmation email to ${email}`);
    expect((await anonymous.post('/v2/auth/confirm-email', { token: new URL(confirmUrl).searchParams.get('token') })).status).toBe(200);
    return anonymous.withToken((await anonymous.post('/v2/auth/token', { username: email, password: PASSWORD })).body.access_token);
  }

  /** Starts an import of `badgrUser`'s backpack and waits until the job has finished it. */
  async function importBackpack(learner: ApiClient, badgrUser: string): Promise<Json> {
    const started = await learner.post('/v2/backpack/badgr-imports', { badgrUrl: standin.origin, username: badgrUser, password: STANDIN_PASSWORD });
    expect(started.status).toBe(202);
    const id = started.body.result[0].entityId;
    let run: Json = {};
    await eventually(async () => {
      run = (await learner.get(`/v2/backpack/badgr-imports/${id}`)).body.result[0];
      return run.status === 'completed';
    }, 60_000, 'the import to complete');
    return run;
  }

  /** What the stand-in lists in `email`'s backpack (BackpackAssertionList's filter, everything asked for). */
  const backpackOf = (email: string) => standin.dataset.assertions.filter((a) => a.recipientType === 'email' && a.recipientIdentifier === email && a.acceptance !== 'Rejected' && a.flaw !== 'unexpected_shape' && a.flaw !== 'invalid_date');

  let first: Json;
  let learner: ApiClient;

  it('imports the backpack of a learner with that confirmed address: every item with its acceptance, and the collections in order', async () => {
    const email = learnerEmail(1);
    learner = await learnerWith(email);
    first = await importBackpack(learner, email);
    const expected = backpackOf(email);
    expect(first.items).toHaveLength(expected.length);
    expect(first.progress).toMatchObject({ total: expected.length, pending: 0 });

    const badges: Json[] = (await learner.get('/v2/backpack/assertions')).body.result;
    const byOpenBadgeId = new Map(badges.map((badge) => [badge.openBadgeId, badge]));
    for (const item of first.items as Json[]) {
      const source = expected.find((a) => a.entityId === item.sourceId)!;
      const why = `${item.sourceId}: ${item.outcome} ${item.reason ?? ''} ${item.message ?? ''}`;
      if (source.revoked) {
        expect({ why, outcome: item.outcome, reason: item.reason }).toEqual({ why, outcome: 'skipped', reason: 'revoked' });
      } else if (source.flaw !== null || (source.expiresAt !== null && source.expiresAt.getTime() < Date.now())) {
        // A badge whose class is missing, or one that has expired, does not verify: the verifier says why.
        expect({ why, outcome: item.outcome, reason: item.reason }).toEqual({ why, outcome: 'failed', reason: 'import_failed' });
      } else {
        // Accepted stays accepted, pending stays pending.
        const status = source.acceptance === 'Accepted' ? 'accepted' : 'pending';
        expect({ why, outcome: item.outcome, status: item.status }).toEqual({ why, outcome: 'imported', status });
        expect(byOpenBadgeId.get(item.openBadgeId)).toMatchObject({ entityId: item.assertion, status });
      }
    }
    expect(first.progress.imported).toBeGreaterThan(3);
    expect(badges).toHaveLength(first.progress.imported);

    // Badgr's collections: name, description and order, with the accepted badges they hold.
    const collections: Json[] = (await learner.get('/v2/backpack/collections')).body.result;
    const sourceCollections = standin.dataset.collections.filter((c) => c.ownerId === standin.learnerAccounts()[1].entityId);
    expect(collections.map((c) => c.name).sort()).toEqual(sourceCollections.map((c) => c.name).sort());
    for (const source of sourceCollections) {
      const made = collections.find((c) => c.name === source.name)!;
      expect(made.description).toBe(source.description ?? '');
      const acceptedInOrder = source.assertionIds
        .map((id) => (first.items as Json[]).find((item) => item.sourceId === id))
        .filter((item) => item?.status === 'accepted')
        .map((item) => item!.assertion);
      expect(made.assertions).toEqual(acceptedInOrder);
      // Badgr does not list a declined badge, so the reader carries its collections without it (a warning).
      const listed = source.assertionIds.filter((id) => (first.items as Json[]).some((item) => item.sourceId === id));
      expect(first.collections.find((c: Json) => c.sourceId === source.entityId)).toMatchObject({ outcome: 'created', collection: made.entityId, badges: acceptedInOrder.length, leftOut: listed.length - acceptedInOrder.length });
    }
    expect((first.problems as Json[]).map((p) => p.code)).toContain('collection_item_missing');
    // The password was used once, for Badgr's grant, and is kept nowhere.
    expect(JSON.stringify(first)).not.toContain(STANDIN_PASSWORD);
    expect(platform.output()).not.toContain(STANDIN_PASSWORD);
  }, 120_000);

  it('changes nothing when run again: every item already in the passport, no second collection', async () => {
    const badgesBefore = (await learner.get('/v2/backpack/assertions')).body.result;
    const collectionsBefore = (await learner.get('/v2/backpack/collections')).body.result;
    const second = await importBackpack(learner, learnerEmail(1));
    for (const item of second.items as Json[]) {
      const earlier = (first.items as Json[]).find((i) => i.sourceId === item.sourceId)!;
      if (earlier.outcome === 'imported') expect(item).toMatchObject({ outcome: 'already_in_passport', assertion: earlier.assertion, status: earlier.status });
      else expect(item).toMatchObject({ outcome: earlier.outcome, reason: earlier.reason });
    }
    expect(second.collections.map((c: Json) => c.outcome)).toEqual(first.collections.map(() => 'unchanged'));
    expect((await learner.get('/v2/backpack/assertions')).body.result).toEqual(badgesBefore);
    expect((await learner.get('/v2/backpack/collections')).body.result).toEqual(collectionsBefore);
    const listed = (await learner.get('/v2/backpack/badgr-imports')).body.result;
    expect(listed.map((run: Json) => run.entityId)).toEqual([second.entityId, first.entityId]);
  }, 120_000);

  it('refuses a wrong Badgr password with a clear 400, and stores nothing', async () => {
    const refused = await learner.post('/v2/backpack/badgr-imports', { badgrUrl: standin.origin, username: learnerEmail(1), password: 'not the password' });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 'badgr_sign_in_failed', field: 'password' });
    expect(refused.body.error.message).toMatch(/Badgr refused this username and password/);
    expect((await learner.get('/v2/backpack/badgr-imports')).body.result).toHaveLength(2);
  });

  it('refuses a Badgr that is not https (plain http is allowed only on this machine, and only with the flag)', async () => {
    for (const badgrUrl of ['http://badgr.example', 'http://10.0.0.5:8000', 'ftp://badgr.example']) {
      const refused = await learner.post('/v2/backpack/badgr-imports', { badgrUrl, username: learnerEmail(1), password: STANDIN_PASSWORD });
      expect({ badgrUrl, status: refused.status, code: refused.body.error?.code, field: refused.body.error?.field }).toEqual({ badgrUrl, status: 400, code: 'validation_failed', field: 'badgrUrl' });
    }
    const unreachable = await learner.post('/v2/backpack/badgr-imports', { badgrUrl: `http://127.0.0.1:${await freePort()}`, username: learnerEmail(1), password: STANDIN_PASSWORD });
    expect(unreachable.body.error).toMatchObject({ code: 'badgr_unreachable', field: 'badgrUrl' });
    expect(unreachable.status).toBe(400);
  });

  it("skips, with a reason, every badge of a backpack whose recipient is not this learner", async () => {
    const stranger = await learnerWith('someone.else@example.org');
    const run = await importBackpack(stranger, learnerEmail(2));
    expect(run.items.length).toBeGreaterThan(3);
    expect(run.progress.imported).toBe(0);
    for (const item of run.items as Json[]) {
      expect(['skipped', 'failed']).toContain(item.outcome);
      expect(item.message).toEqual(expect.any(String));
    }
    expect((run.items as Json[]).filter((item) => item.reason === 'recipient_mismatch').length).toBeGreaterThan(3);
    expect((await stranger.get('/v2/backpack/assertions')).body.result).toEqual([]);
    expect(run.collections.every((c: Json) => c.outcome === 'skipped' && c.collection === null)).toBe(true);
    expect((await stranger.get('/v2/backpack/collections')).body.result).toEqual([]);
  }, 120_000);
});

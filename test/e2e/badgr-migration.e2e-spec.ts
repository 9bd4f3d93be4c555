import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ApiClient } from '../support/api-client';
import { BadgrStandin } from '../support/badgr-standin/badgr-standin';
import { STANDIN_PASSWORD } from '../support/badgr-standin/standin-dataset';
import type { StandinAssertion } from '../support/badgr-standin/standin-model';
import { eventually } from '../support/distributed-stack';
import { freePort } from '../support/free-port';
import { startPlatformProcess, type PlatformProcess } from '../support/platform-process';
import { startRedirectingOrigin } from '../support/redirecting-origin';
import { mailText, SmtpSink } from '../support/smtp-sink';

/**
 * Issue #18's acceptance, through `npm run migrate:badgr` (the compiled CLI) against the compiled
 * platform (embedded, PGlite) and the stand-in Badgr (small dataset): every migrated assertion
 * answers at its old path with the same `id`, recipient hash and salt, and our verifier says valid,
 * or revoked with the reason (or expired, as Badgr's own document says) for each one; the broken
 * ones are reported, not imported; an earner's passport holds their awards after sign-up; a second
 * run changes nothing; `--since last` carries only what changed between. Both URL set-ups: the
 * domain taken over (the stand-in's public origin is the platform's), and a new domain with the
 * old origin answering 301 to it (decision 0044's redirect, as migration-urls.e2e-spec.ts does).
 */
const CLI = join(__dirname, '../../dist/apps/migrate-cli/src/main.js');
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('a Badgr migration through the CLI (embedded, PGlite)', () => {
  const smtp = new SmtpSink();
  let dataDir: string;
  let platform: PlatformProcess;
  let oldOrigin: Awaited<ReturnType<typeof startRedirectingOrigin>>;
  let oldUrl: string;
  let takenOver: BadgrStandin;
  let redirected: BadgrStandin;
  let anonymous: ApiClient;
  let operator: ApiClient;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'badges-badgr-e2e-'));
    const port = await freePort();
    oldOrigin = await startRedirectingOrigin(port);
    oldUrl = oldOrigin.url;
    platform = await startPlatformProcess({
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      SMTP_URL: await smtp.start(),
      PASSWORD_SCRYPT_LOG_N: '14',
      VERIFY_ALLOWED_PRIVATE_ADDRESSES: '127.0.0.1',
      RATE_LIMIT_VERIFY_PER_IP: '100000/60',
      RATE_LIMIT_VERIFY_READS_PER_IP: '100000/60',
      // The console's runs are read by the platform itself, from the stand-in on loopback.
      ALLOW_PRIVATE_NETWORK_FETCH: 'true',
    }, { timeoutMs: 120_000 });
    takenOver = await BadgrStandin.start({ size: 'small', publicOrigin: platform.url });
    redirected = await BadgrStandin.start({ size: 'small', publicOrigin: oldUrl });
    anonymous = new ApiClient(platform.url);
    operator = anonymous.withToken(platform.adminToken);
  }, 180_000);

  afterAll(async () => {
    await platform?.stop();
    await takenOver?.close();
    await redirected?.close();
    await oldOrigin?.close();
    await smtp.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
    const child = spawn(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH ?? '', ADMIN_TOKEN: platform.adminToken, BADGR_PASSWORD: STANDIN_PASSWORD, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (data) => (out += data));
    child.stderr.on('data', (data) => (err += data));
    return new Promise((resolve) => child.on('exit', (code) => resolve({ code: code ?? -1, out, err })));
  }
  const migrate = (standin: BadgrStandin, institution: number, institutionId: string, extra: string[] = []) =>
    cli(['--url', standin.origin, '--username', standin.institutionAccount(institution).username, '--password-env', 'BADGR_PASSWORD', '--institution', institutionId, '--platform', platform.url, '--allow-private-network', ...extra]);
  const newInstitution = async (name: string): Promise<string> => (await operator.post('/admin/institutions', { name })).body.id;
  const runs = async (institutionId: string): Promise<Json[]> => (await operator.get(`/admin/institutions/${institutionId}/migrations`)).body.runs;
  const ofInstitution = (standin: BadgrStandin, institution: number): StandinAssertion[] => {
    const issuers = new Set(standin.dataset.issuers.filter((issuer) => issuer.institution === institution).map((issuer) => issuer.entityId));
    return standin.dataset.assertions.filter((assertion) => issuers.has(assertion.issuerId));
  };

  /** What a run carries: every assertion but the broken ones and those of the badge class whose image is unreadable on purpose. */
  const carried = (standin: BadgrStandin, institution: number): StandinAssertion[] => {
    const imageless = new Set(standin.dataset.badgeClasses.filter((badgeClass) => badgeClass.flaw === 'image_unreadable').map((badgeClass) => badgeClass.entityId));
    return ofInstitution(standin, institution).filter((assertion) => assertion.flaw === null && !imageless.has(assertion.badgeClassId));
  };

  /** Each migrated assertion against Badgr's own public document, then our verifier, eight at a time. */
  async function checkEvery(standin: BadgrStandin, assertions: StandinAssertion[]): Promise<Record<string, number>> {
    const tally: Record<string, number> = {};
    const queue = [...assertions];
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let assertion = queue.shift(); assertion; assertion = queue.shift()) {
          const badgr = await new ApiClient(standin.origin).get(`/public/assertions/${assertion.entityId}`, { accept: 'application/ld+json' });
          const ours = await anonymous.get(`/public/assertions/${assertion.entityId}`, { accept: 'application/ld+json' });
          // A revoked one answers 410 here, with its id; Badgr answers its whole document, revoked: true.
          // Badgr writes the recipient type `openBadgeId` where OB 2.0 says `id` (decision 0043).
          const recipient = ours.body.recipient ?? { ...badgr.body.recipient, type: badgr.body.recipient?.type === 'openBadgeId' ? 'id' : badgr.body.recipient?.type };
          expect({ id: ours.body.id, recipient }).toEqual({ id: badgr.body.id, recipient: { ...badgr.body.recipient, type: badgr.body.recipient?.type === 'openBadgeId' ? 'id' : badgr.body.recipient?.type } });
          expect(ours.status).toBe(assertion.revoked ? 410 : 200);
          const report = (await anonymous.post('/v2/verify', { url: badgr.body.id })).body.report;
          const errors = report.messages.filter((message: Json) => message.level === 'ERROR').map((message: Json) => `${message.name ?? ''} ${message.message}`).join(' | ');
          const outcome = report.valid ? 'valid' : assertion.revoked && errors.includes(assertion.revocationReason ?? '') ? 'revoked' : assertion.expiresAt && assertion.expiresAt.getTime() < Date.now() && /expir/i.test(errors) ? 'expired' : `other: ${errors}`;
          tally[outcome] = (tally[outcome] ?? 0) + 1;
        }
      }),
    );
    return tally;
  }

  it('refuses bad arguments with exit code 2 and an unreachable Badgr with 1', async () => {
    expect((await cli(['--url', 'ftp://x', '--username', 'u', '--institution', 'i'])).code).toBe(2);
    expect((await cli(['--username', 'u', '--institution', 'i'])).err).toMatch(/missing --url/);
    expect((await cli(['--url', 'http://127.0.0.1:9', '--username', 'u', '--institution', 'i', '--password-env', 'BADGR_PASSWORD', '--since', 'yesterday'])).code).toBe(2);
    const unreachable = await cli(['--url', 'http://127.0.0.1:9', '--username', 'u', '--institution', 'i', '--password-env', 'BADGR_PASSWORD', '--allow-private-network', '--platform', platform.url]);
    expect({ code: unreachable.code, err: unreachable.err }).toEqual({ code: 1, err: expect.stringMatching(/could not run/) });
  }, 60_000);

  describe('the same domain taken over', () => {
    let institutionId: string;

    it('a dry run writes nothing and says what would be skipped', async () => {
      institutionId = await newInstitution('Taken-over College');
      const dry = await migrate(takenOver, 0, institutionId, ['--dry-run']);
      expect(dry.code).toBe(0);
      expect(dry.out).toMatch(/dry run: nothing was written/);
      expect(dry.out).toMatch(/problems \(\d+ reading Badgr, \d+ at the platform: what would be skipped\)/);
      expect((await anonymous.get(`/public/assertions/${carried(takenOver, 0)[0].entityId}`)).status).toBe(404);
      const [run] = await runs(institutionId);
      expect(run).toMatchObject({ status: 'finished', dryRun: true, counts: { assertion: { created: carried(takenOver, 0).length } } });
    }, 120_000);

    it('migrates every assertion keeping id, hash and salt; each verifies (valid, revoked with the reason, or expired); the broken ones are reported', async () => {
      const run = await migrate(takenOver, 0, institutionId);
      expect(run.code).toBe(0);
      expect(run.out).toMatch(/next incremental run: --since \S+/);
      const source = ofInstitution(takenOver, 0);
      const written = carried(takenOver, 0);
      const [latest] = await runs(institutionId);
      expect(latest).toMatchObject({ status: 'finished', dryRun: false, driver: 'importer', counts: { assertion: { created: written.length, unchanged: 0, updated: 0, skipped: source.length - written.length - source.filter((a) => a.flaw !== null).length } } });
      expect(latest.nextSince).not.toBeNull();
      expect(run.out).toMatch(new RegExp(`\\nassertions\\s+${written.length}\\s+0\\s+0\\s+${latest.counts.assertion.skipped}\\n`));
      // Every assertion left out is reported: the broken ones by the reader, those of the imageless badge class by the platform.
      const problems = (await operator.get(`/admin/institutions/${institutionId}/migrations/${latest.id}/problems?perPage=500`)).body.problems as Json[];
      for (const assertion of source.filter((a) => !written.includes(a))) {
        expect(problems.filter((problem) => problem.sourceId === assertion.entityId)).toEqual([
          assertion.flaw ? expect.objectContaining({ origin: 'source', severity: 'error', kind: 'assertion' }) : expect.objectContaining({ origin: 'platform', code: 'badge_class_missing' }),
        ]);
        expect((await anonymous.get(`/public/assertions/${assertion.entityId}`)).status).toBe(404);
      }

      const tally = await checkEvery(takenOver, written);
      expect(Object.keys(tally).filter((outcome) => outcome.startsWith('other'))).toEqual([]);
      expect(tally.valid).toBeGreaterThan(0);
      expect(tally.revoked ?? 0).toBe(written.filter((assertion) => assertion.revoked).length);
    }, 300_000);

    it("an earner in the dataset signs up, confirms, and finds their awards in their passport", async () => {
      const [learner] = takenOver.learnerAccounts();
      const theirs = carried(takenOver, 0).filter((assertion) => assertion.recipientType === 'email' && assertion.recipientIdentifier === learner.username);
      expect(theirs.length).toBeGreaterThan(0);
      const credentials = { email: learner.username, password: 'a long learner password', name: 'Migrated Learner' };
      expect((await anonymous.post('/v2/auth/signup', credentials)).status).toBe(201);
      let token = '';
      await eventually(() => {
        const mail = smtp.messages.findLast((received) => received.to.includes(learner.username) && /confirm-email\?token=/.test(mailText(received)));
        token = mail ? new URL(/https?:\/\/\S+confirm-email\?token=[A-Za-z0-9_-]+/.exec(mailText(mail))?.[0] ?? 'http://x/').searchParams.get('token') ?? '' : '';
        return token !== '';
      }, 20_000, 'the confirmation email');
      expect((await anonymous.post('/v2/auth/confirm-email', { token })).status).toBe(200);
      const signedIn = anonymous.withToken((await anonymous.post('/v2/auth/token', { username: learner.username, password: credentials.password })).body.access_token);
      const expected = theirs.map((assertion) => assertion.entityId).sort();
      let held: Json = {};
      await eventually(async () => {
        held = (await signedIn.get('/v2/backpack/assertions')).body;
        return JSON.stringify((held.result ?? []).map((award: Json) => award.entityId).sort()) === JSON.stringify(expected);
      }, 30_000, 'the passport to hold the awards').catch((error) => {
        throw new Error(`${error.message}: expected ${expected.join(', ')}; the passport answered ${JSON.stringify(held).slice(0, 2000)}`);
      });
    }, 60_000);

    it('a second run changes nothing', async () => {
      const again = await migrate(takenOver, 0, institutionId);
      expect(again.code).toBe(0);
      const [latest] = await runs(institutionId);
      const written = carried(takenOver, 0).length;
      expect(latest.counts.assertion).toMatchObject({ created: 0, unchanged: written, updated: 0 });
      expect(latest.counts.badgeClass.created + latest.counts.badgeClass.updated + latest.counts.issuer.created + latest.counts.issuer.updated).toBe(0);
    }, 120_000);

    it('--since last carries only the assertions added and revoked in between (a revocation replaces what was imported: --overwrite)', async () => {
      const added = takenOver.addAssertions(10);
      const addedHere = carried(takenOver, 0).filter((assertion) => added.includes(assertion));
      const target = carried(takenOver, 0).find((assertion) => !assertion.revoked && !added.includes(assertion)) as StandinAssertion;
      takenOver.revoke(target.entityId, 'Issued to the wrong learner');
      const incremental = await migrate(takenOver, 0, institutionId, ['--since', 'last', '--overwrite']);
      expect(incremental.code).toBe(0);
      expect(incremental.out).toMatch(/since the last finished run's read: \S+/);
      const [latest] = await runs(institutionId);
      // An added one of the imageless badge class is skipped again (badge_class_missing), as in the first run.
      const addedSkipped = ofInstitution(takenOver, 0).filter((assertion) => added.includes(assertion)).length - addedHere.length;
      expect(latest.counts.assertion).toEqual({ created: addedHere.length, unchanged: 0, updated: 1, skipped: addedSkipped });
      const tally = await checkEvery(takenOver, [...addedHere, target]);
      expect(tally).toEqual({ ...(addedHere.length > 0 ? { valid: addedHere.length } : {}), revoked: 1 });
    }, 120_000);
  });

  it("the console's way: the platform reads Badgr itself (a dry run here), the password refused with a 422 and no run", async () => {
    const institutionId = await newInstitution('Console-driven College');
    const form = { url: takenOver.origin, username: takenOver.institutionAccount(1).username, password: STANDIN_PASSWORD, dryRun: true };
    const refused = await operator.post(`/admin/institutions/${institutionId}/migrations/badgr`, { ...form, password: 'not it' });
    expect({ status: refused.status, error: refused.body.error }).toEqual({ status: 422, error: expect.objectContaining({ code: 'invalid_credentials', message: expect.stringMatching(/refused/) }) });
    expect(await runs(institutionId)).toEqual([]);

    const started = await operator.post(`/admin/institutions/${institutionId}/migrations/badgr`, form);
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ status: 'running', driver: 'platform', dryRun: true });
    expect(JSON.stringify(started.body)).not.toContain(STANDIN_PASSWORD);
    let run: Json = started.body;
    await eventually(async () => (run = (await operator.get(`/admin/institutions/${institutionId}/migrations/${started.body.id}`)).body).status !== 'running', 60_000, 'the run to finish');
    expect(run).toMatchObject({ status: 'finished', counts: { assertion: { created: carried(takenOver, 1).length } }, nextSince: expect.any(String) });
    const problems = (await operator.get(`/admin/institutions/${institutionId}/migrations/${run.id}/problems?perPage=5`)).body;
    expect(problems).toMatchObject({ page: 1, perPage: 5, total: expect.any(Number) });
    expect(problems.problems.some((problem: Json) => problem.origin === 'source')).toBe(true);
  }, 90_000);

  it('a new domain with the old origin redirected: each migrated assertion verifies through the old URL', async () => {
    const institutionId = await newInstitution('Redirected College');
    const run = await migrate(redirected, 1, institutionId);
    expect(run.code).toBe(0);
    const source = carried(redirected, 1);
    const [latest] = await runs(institutionId);
    expect(latest.counts.assertion).toMatchObject({ created: source.length, unchanged: 0, updated: 0 });
    const tally = await checkEvery(redirected, source);
    expect(Object.keys(tally).filter((outcome) => outcome.startsWith('other'))).toEqual([]);
    expect(tally.revoked ?? 0).toBe(source.filter((assertion) => assertion.revoked).length);
  }, 300_000);
});

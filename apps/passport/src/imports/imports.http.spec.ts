/**
 * Imports through the verifier: a conformance fixture (the reference validator's basic hosted
 * badge) as JSON, the same badge baked by hand into a PNG, and hostile inputs. The verifier here
 * is the real libs/openbadges pipeline with the web replaced by the fixture documents.
 */

import { bakeBadgeImage } from '@badges/openbadges';
import { databaseTargets, openDatabase, type Database, type ScratchDatabase } from '@badges/persistence';

import { readZip } from '../export/testing/read-zip';
import { BASIC_ASSERTION, HEART_PNG, LocalVerifier } from '../testing/local-verifier';
import { expectApiError as expectError, startPassport, type PassportHarness } from '../testing/passport-test-app';
import { ReverifyScheduler } from './reverify-scheduler';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe.each(databaseTargets())('imports on $name', (target) => {
  let scratch: ScratchDatabase;
  let database: Database;
  let p: PassportHarness;
  const verifier = new LocalVerifier();
  let nobody: string;
  let stranger: string;

  beforeAll(async () => {
    scratch = await target.create();
    database = await openDatabase(scratch.config);
    p = await startPassport(database, { verifier });
    ({ token: nobody } = await p.signUp('nobody@example.org'));
    await p.confirm('nobody@example.org');
    ({ token: stranger } = await p.signUp('stranger@example.org'));
    await p.confirm('stranger@example.org');
  }, 120_000);

  afterAll(async () => {
    await p?.close();
    await database?.close();
    await scratch?.dispose();
  });

  const baked = () => `data:image/png;base64,${bakeBadgeImage(HEART_PNG, { assertionJson: JSON.stringify(BASIC_ASSERTION) }).toString('base64')}`;

  it('imports a badge baked by hand, as accepted, with its file kept for the export', async () => {
    const response = await p.call('POST', '/v2/backpack/import', nobody, { image: baked() });
    expect(response.statusCode).toBe(201);
    const badge = p.json(response).result[0];
    expect(badge).toMatchObject({ openBadgeId: 'https://example.org/beths-robotics-badge.json', badgeclassName: 'Awesome Robotics Badge', issuerName: 'An Example Badge Issuer', status: 'accepted', revoked: false });
    expect(verifier.calls.at(-1)?.expected).toEqual([{ type: 'email', identity: 'nobody@example.org' }]);
    const files = readZip((await p.call('GET', '/v2/backpack/export', nobody)).rawPayload);
    expect(files.get(`badges/${badge.entityId}.png`)?.subarray(0, 8)).toEqual(HEART_PNG.subarray(0, 8));
    expect(JSON.parse(files.get(`badges/${badge.entityId}.json`)!.toString()).id).toBe('https://example.org/beths-robotics-badge.json');
  });

  it('refuses the same badge again (here as the conformance fixture JSON) with 409', async () => {
    expectError(await p.call('POST', '/v2/backpack/import', nobody, { assertion: BASIC_ASSERTION }), 409, 'conflict');
    expectError(await p.call('POST', '/v2/backpack/import', nobody, { assertion: JSON.stringify(BASIC_ASSERTION) }), 409, 'conflict');
  });

  it("refuses a badge issued to someone else, saying so", async () => {
    const response = await p.call('POST', '/v2/backpack/import', stranger, { assertion: BASIC_ASSERTION });
    expectError(response, 400, 'recipient_mismatch');
    expect(p.json(response).error.message).toMatch(/issued to someone else/);
    expect(p.json(await p.call('GET', '/v2/backpack/assertions', stranger)).result).toEqual([]);
  });

  it("answers hostile imports with the verifier's reasons or a field error, never a 5xx", async () => {
    const failed = await p.call('POST', '/v2/backpack/import', nobody, { assertion: { ...BASIC_ASSERTION, id: 'https://example.org/unknown.json', badge: 'https://example.org/missing-badge.json' } });
    expectError(failed, 400, 'import_failed');
    expect(p.json(failed).fieldErrors.import.length).toBeGreaterThan(0);
    expect(p.json(failed).error.message).toMatch(/^This badge could not be verified: /);
    const foreignContext = await p.call('POST', '/v2/backpack/import', nobody, { assertion: { ...BASIC_ASSERTION, '@context': 'https://evil.example/context.json' } });
    expectError(foreignContext, 400, 'import_failed');
    expectError(await p.call('POST', '/v2/backpack/import', nobody, { assertion: 'not json and not a jws' }), 400, 'import_failed');
    expectError(await p.call('POST', '/v2/backpack/import', nobody, { image: Buffer.from('GIF89a...').toString('base64') }), 400, 'validation_failed', 'image');
    expectError(await p.call('POST', '/v2/backpack/import', nobody, { image: HEART_PNG.toString('base64') }), 400, 'import_failed'); // a PNG with nothing baked in
    const hostileSvg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>').toString('base64');
    expectError(await p.call('POST', '/v2/backpack/import', nobody, { image: hostileSvg }), 400, 'invalid_image', 'image');
    expectError(await p.call('POST', '/v2/backpack/import', nobody, { url: 'file:///etc/passwd' }), 400, 'validation_failed', 'url');
    expectError(await p.call('POST', '/v2/backpack/import', nobody, { url: 'https://example.org/x', image: baked() }), 400, 'validation_failed', 'image');
    expectError(await p.call('POST', '/v2/backpack/import', nobody, {}), 400, 'validation_failed', 'url');
    expectError(await p.call('POST', '/v2/backpack/import', undefined, { assertion: BASIC_ASSERTION }), 401, 'unauthorized');
  });

  it('re-verifies imported badges on a schedule, by a queued job, and shows a revocation found', async () => {
    const scheduler = p.app.get(ReverifyScheduler);
    expect(await scheduler.sweep()).toBe(0); // verified at import: not due yet
    const calls = verifier.calls.length;
    verifier.revoke('https://example.org/beths-robotics-badge.json', 'Withdrawn by the issuer');
    const tomorrow = new Date(Date.now() + 25 * 3600 * 1000);
    expect(await scheduler.sweep(tomorrow)).toBe(1);
    expect(await scheduler.sweep(tomorrow)).toBe(1); // same period, same job id: queued once
    const badge = await p.waitFor(async () => {
      const [found] = p.json(await p.call('GET', '/v2/backpack/assertions', nobody)).result as Json[];
      return found?.revoked ? found : undefined;
    }, 'the revocation from the re-verification');
    expect(badge.revocationReason).toMatch(/Withdrawn by the issuer|revoked/i);
    expect(verifier.calls.slice(calls).map((c) => c.input)).toEqual([{ url: 'https://example.org/beths-robotics-badge.json' }]);
  });

  it('answers 503 when no verification service runs', async () => {
    const bare = await startPassport(database);
    try {
      const { token } = await bare.signUp('bare@example.org');
      await bare.confirm('bare@example.org');
      expectError(await bare.call('POST', '/v2/backpack/import', token, { assertion: BASIC_ASSERTION }), 503, 'service_unavailable');
    } finally {
      await bare.close();
    }
  }, 60_000);
});

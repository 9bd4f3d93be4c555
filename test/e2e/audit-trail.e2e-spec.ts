import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';

import { AuditEntryV2Schema, contractMismatches, type AuditEntryV2 } from '@badges/api-contracts';
import { Topic, type BadgeEvent } from '@badges/events';
import { sharedInProcessBus, type Subscription } from '@badges/messaging';
import { databaseConfigFromEnv, openDatabase } from '@badges/persistence';

import { csvRecords } from '../../apps/issuer/src/bulk-awards/csv/csv-parser';
import { startEmbedded, type EmbeddedPlatform } from '../../apps/runner/src/start-embedded';
import { ApiClient, type ApiResponse } from '../support/api-client';
import { eventually } from '../support/distributed-stack';
import { embeddedDataDir } from '../support/embedded-data-dir';
import { freePort } from '../support/free-port';
import { embeddedStorageTargets } from '../support/storage-targets';
import { pngDataUri } from '../support/tiny-png';

/** Each step's own x-request-id, so an entry's correlation id can be matched to the request that made it. */
const corr = (step: string) => ({ 'x-request-id': `audit-e2e-${step}` });
/** A caller's request id that a spreadsheet would read as a formula: the export must neutralise it. */
const FORMULA_LIKE_ID = '-audit-e2e-rotate-client';

/**
 * Issue #16's audit trail on the embedded platform (in this process, so the test can reach its
 * bus and its database): an institution's client changes things through the API, and
 * GET /v2/audit lists each change with its actor, target, correlation id and changes; filters,
 * pages and the CSV agree; another institution sees none of it; a redelivered event is recorded
 * once; the database refuses to change an entry. On PGlite, and on PostgreSQL when DATABASE_URL is set.
 */
describe.each(embeddedStorageTargets())('the audit trail on $name', (target) => {
  let dataDir: string;
  let storage: { env: Record<string, string>; dispose(): Promise<void> };
  let platform: EmbeddedPlatform;
  let admin: ApiClient;
  let college: { id: string; clientId: string; api: ApiClient };
  const ids = { issuer: '', badgeClass: '', assertion: '', client: '', secret: '' };
  /** The trail once every change below is in it, newest first. */
  let entries: AuditEntryV2[];
  /** Every assertion.issued the bus carried, for the redelivery below. */
  const issued: BadgeEvent[] = [];
  let observer: Subscription | undefined;
  /** What the platform was started with, to start it again on the same storage. */
  let platformEnv: NodeJS.ProcessEnv;

  const institution = async (name: string, headers: Record<string, string> = {}) => {
    const created = await admin.post('/admin/institutions', { name }, headers);
    expect(created.status).toBe(201);
    const { clientId, clientSecret } = created.body.client;
    const token = await new ApiClient(platform.url).post('/o/token', { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret });
    return { id: created.body.id as string, clientId: clientId as string, api: new ApiClient(platform.url, token.body.access_token) };
  };
  const trail = async (api: ApiClient, query = ''): Promise<AuditEntryV2[]> => {
    const response = await api.get(`/v2/audit${query}`);
    expect(response.status).toBe(200);
    return response.body.result;
  };
  const entry = (action: string) => entries.find((candidate) => candidate.action === action) as AuditEntryV2;
  const idsOf = (list: AuditEntryV2[]) => list.map((candidate) => candidate.entityId);
  /** The export's rows as records of its header's columns. */
  const csvRows = (text: string): Record<string, string>[] => {
    const [header, ...rows] = [...csvRecords(text)].map((record) => record.cells);
    return rows.map((cells) => Object.fromEntries(header.map((column, index) => [column, cells[index]])));
  };

  beforeAll(async () => {
    dataDir = embeddedDataDir('badges-audit-');
    storage = await target.env();
    const port = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'silent', DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: `http://127.0.0.1:${port}`, EMBEDDED_DATABASE: 'pglite' };
    for (const name of ['DATABASE_URL', 'KAFKA_BROKERS', 'REDIS_URL', 'SMTP_URL']) delete env[name];
    platformEnv = { ...env, ...storage.env };
    platform = await startEmbedded(platformEnv);
    observer = await sharedInProcessBus().subscribe({ group: `audit-e2e-observer-${target.name}`, topics: [Topic.AssertionIssued], handler: async (event) => void issued.push(event) });
    admin = new ApiClient(platform.url, platform.adminToken);
    college = await institution('Northern College', corr('institution'));
  }, 120_000);

  afterAll(async () => {
    await observer?.close();
    await platform?.close();
    await storage?.dispose();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('lists every change a client makes, newest first, with its actor, target and correlation id', async () => {
    const api = college.api;
    const issuer = await api.post('/v2/issuers', { name: 'Faculty of Engineering', email: 'badges@northern.example', url: 'https://northern.example' }, corr('issuer'));
    ids.issuer = issuer.body.result[0].entityId;
    const badgeClass = await api.post(
      `/v2/issuers/${ids.issuer}/badgeclasses`,
      { name: 'Robotics', description: 'Built a robot.', image: pngDataUri(), criteriaNarrative: 'Build a robot.' },
      corr('badge-class'),
    );
    ids.badgeClass = badgeClass.body.result[0].entityId;
    const award = await api.post(`/v2/badgeclasses/${ids.badgeClass}/assertions`, { recipient: { identity: 'ada@example.org' }, narrative: 'First run.' }, corr('award'));
    ids.assertion = award.body.result[0].entityId;
    expect(award.headers.get('x-correlation-id')).toBe('audit-e2e-award');
    expect((await api.request('PUT', `/v2/badgeclasses/${ids.badgeClass}`, { name: 'Robotics I', description: 'Built a robot.' }, corr('edit-class'))).status).toBe(200);
    expect((await api.request('PUT', `/v2/assertions/${ids.assertion}`, { narrative: 'Second run, faster.' }, corr('edit-award'))).status).toBe(200);
    expect((await api.request('DELETE', `/v2/assertions/${ids.assertion}`, { revocation_reason: 'Awarded in error' }, corr('revoke'))).status).toBe(200);
    // The issuer has no key yet: the first rotation makes one, the second rotates it.
    expect((await api.post(`/v2/issuers/${ids.issuer}/keys/rotate`, {}, corr('first-key'))).status).toBe(201);
    expect((await api.post(`/v2/issuers/${ids.issuer}/keys/rotate`, {}, corr('rotate-key'))).status).toBe(201);
    const created = await api.post('/v2/clients', { name: 'Registrar', scope: 'award' }, corr('client'));
    ids.client = created.body.result[0].clientId;
    expect(created.headers.get('x-correlation-id')).toBe('audit-e2e-client');
    const rotated = await api.post(`/v2/clients/${ids.client}/rotate`, undefined, { 'x-request-id': FORMULA_LIKE_ID });
    ids.secret = rotated.body.result[0].clientSecret;
    expect((await api.post(`/v2/clients/${ids.client}/revoke`, undefined, corr('revoke-client'))).status).toBe(200);

    // The services' changes reach the trail through their events, a moment after their answers.
    await eventually(async () => (await trail(api)).length === 12, 20_000, 'twelve audit entries');
    entries = await trail(api);
    for (const listed of entries) expect(contractMismatches(AuditEntryV2Schema, listed)).toEqual([]);
    const actor = `client:${college.clientId}`;
    const assertion = { type: 'Assertion', entityId: ids.assertion };
    expect(entries.map((listed) => [listed.action, listed.actor, listed.target, listed.correlationId])).toEqual([
      ['client.revoked', actor, { type: 'ApiClient', entityId: ids.client }, 'audit-e2e-revoke-client'],
      ['client.rotated', actor, { type: 'ApiClient', entityId: ids.client }, FORMULA_LIKE_ID],
      ['client.created', actor, { type: 'ApiClient', entityId: ids.client }, 'audit-e2e-client'],
      ['signing_key.rotated', actor, { type: 'Issuer', entityId: ids.issuer }, 'audit-e2e-rotate-key'],
      ['signing_key.created', actor, { type: 'Issuer', entityId: ids.issuer }, 'audit-e2e-first-key'],
      ['assertion.revoked', actor, assertion, 'audit-e2e-revoke'],
      ['assertion.updated', actor, assertion, 'audit-e2e-edit-award'],
      ['badge_class.updated', actor, { type: 'BadgeClass', entityId: ids.badgeClass }, 'audit-e2e-edit-class'],
      ['assertion.awarded', actor, assertion, 'audit-e2e-award'],
      ['badge_class.created', actor, { type: 'BadgeClass', entityId: ids.badgeClass }, 'audit-e2e-badge-class'],
      ['issuer.created', actor, { type: 'Issuer', entityId: ids.issuer }, 'audit-e2e-issuer'],
      // The operator made the institution and its first client: no actor.
      ['client.created', null, { type: 'ApiClient', entityId: college.clientId }, 'audit-e2e-institution'],
    ]);
    // Each names its actor as it is now: the operator's client got the default name; the operator has none.
    expect(entries.map((listed) => listed.actorName)).toEqual([...Array(11).fill('API client'), null]);
  });

  it('says what each change did, and never a secret', () => {
    expect(entry('issuer.created').changes).toEqual({ name: { after: 'Faculty of Engineering' } });
    expect(entry('badge_class.created').changes).toEqual({ name: { after: 'Robotics' }, issuer: { after: ids.issuer } });
    expect(entry('badge_class.updated').changes).toEqual({ name: { before: 'Robotics', after: 'Robotics I' } });
    expect(entry('assertion.awarded').changes).toEqual({
      badgeClass: { after: ids.badgeClass },
      issuer: { after: ids.issuer },
      issuedOn: { after: expect.any(String) },
      notify: { after: false },
    });
    expect(JSON.stringify(entry('assertion.awarded'))).not.toContain('ada@example.org');
    expect(entry('assertion.updated').changes).toEqual({ narrative: { before: 'First run.', after: 'Second run, faster.' } });
    expect(entry('assertion.revoked').changes).toEqual({ revoked: { before: false, after: true }, revocationReason: { after: 'Awarded in error' }, revokedAt: { after: expect.any(String) } });
    const firstKey = entry('signing_key.created').changes.activeKey;
    expect(firstKey).toEqual({ after: expect.any(String) });
    expect(entry('signing_key.rotated').changes.activeKey).toEqual({ before: firstKey.after, after: expect.any(String) });
    expect(entries.filter((listed) => listed.action === 'client.created').map((listed) => listed.changes)).toEqual([
      { name: { after: 'Registrar' }, scope: { after: 'award' } },
      { name: { after: 'API client' }, scope: { after: 'manage' } },
    ]);
    expect(entry('client.rotated').changes).toEqual({});
    expect(JSON.stringify(entries)).not.toContain(ids.secret);
    expect(entry('client.revoked').changes).toEqual({ revokedAt: { before: null, after: expect.any(String) } });
    // Events name their source; the gateway's own changes have none.
    expect(entry('assertion.awarded').eventId).toMatch(/^[0-9a-f-]{36}$/);
    expect(entry('client.revoked').eventId).toBeNull();
  });

  it('filters by action, target, actor and time, and pages with pagination.nextResults', async () => {
    const api = college.api;
    expect((await trail(api, '?action=assertion.awarded&action=assertion.revoked')).map((listed) => listed.action)).toEqual(['assertion.revoked', 'assertion.awarded']);
    expect((await trail(api, `?target=${ids.assertion}`)).map((listed) => listed.action)).toEqual(['assertion.revoked', 'assertion.updated', 'assertion.awarded']);
    expect(await trail(api, `?actor=client:${college.clientId}`)).toEqual(entries.slice(0, 11));
    expect(await trail(api, `?actor=client:${ids.client}`)).toEqual([]);
    const window = `?from=${entry('badge_class.updated').occurredAt}&to=${entry('signing_key.created').occurredAt}`;
    expect((await trail(api, window)).map((listed) => listed.action)).toEqual(['assertion.revoked', 'assertion.updated', 'badge_class.updated']);

    const pages: AuditEntryV2[][] = [];
    let next: string | null = `${platform.url}/v2/audit?num=5`;
    while (next) {
      const page: ApiResponse = await api.get(next);
      expect(page.status).toBe(200);
      pages.push(page.body.result);
      next = page.body.pagination.nextResults;
    }
    expect(pages.map((page) => page.length)).toEqual([5, 5, 2]);
    expect(pages.flat()).toEqual(entries);

    for (const bad of ['?cursor=forged', '?action=assertion.deleted', `?from=${entries[0].occurredAt}&to=${entries[11].occurredAt}`, '?actor=someone']) {
      const refused = await api.get(`/v2/audit${bad}`);
      expect([bad, refused.status, refused.body.error.code]).toEqual([bad, 400, 'validation_failed']);
    }
  });

  it('exports the same rows as CSV, formula-safe', async () => {
    const exported = await college.api.get('/v2/audit/export.csv');
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toMatch(/^text\/csv/);
    const rows = csvRows(exported.body);
    expect(rows.map((row) => row.entry_id)).toEqual(idsOf(entries));
    expect(rows.map((row) => [row.action, row.actor, row.actor_name, row.target_type, row.target_id])).toEqual(
      entries.map((listed) => [listed.action, listed.actor ?? '', listed.actorName ?? '', listed.target.type, listed.target.entityId]),
    );
    expect(rows.map((row) => JSON.parse(row.changes))).toEqual(entries.map((listed) => listed.changes));
    // The caller's own request id could start a formula: it is written as text.
    expect(rows.find((row) => row.action === 'client.rotated')?.correlation_id).toBe(`'${FORMULA_LIKE_ID}`);

    const filtered = csvRows((await college.api.get(`/v2/audit/export.csv?target=${ids.assertion}&action=assertion.revoked`)).body);
    expect(filtered.map((row) => row.entry_id)).toEqual([entry('assertion.revoked').entityId]);
  });

  it('shows another institution none of it, and needs the manage scope', async () => {
    const other = await institution('Southern College');
    const theirs = await trail(other.api);
    expect(theirs.map((listed) => [listed.action, listed.target.entityId])).toEqual([['client.created', other.clientId]]);
    expect(await trail(other.api, `?target=${ids.assertion}`)).toEqual([]);
    expect(csvRows((await other.api.get('/v2/audit/export.csv')).body).map((row) => row.entry_id)).toEqual(idsOf(theirs));

    const reader = await other.api.post('/v2/clients', { name: 'Reports', scope: 'read' });
    const token = await new ApiClient(platform.url).post('/o/token', { grant_type: 'client_credentials', client_id: reader.body.result[0].clientId, client_secret: reader.body.result[0].clientSecret });
    const readOnly = new ApiClient(platform.url, token.body.access_token);
    expect((await readOnly.get('/v2/audit')).status).toBe(403);
    expect((await readOnly.get('/v2/audit/export.csv')).status).toBe(403);
  });

  it('records a redelivered event once', async () => {
    const event = issued.find((candidate) => candidate.type === Topic.AssertionIssued && candidate.payload.assertionId === ids.assertion);
    expect(event).toBeDefined();
    await sharedInProcessBus().publish([event as BadgeEvent]);
    await sharedInProcessBus().idle();
    const awarded = await trail(college.api, `?target=${ids.assertion}&action=assertion.awarded`);
    expect(awarded.map((listed) => listed.eventId)).toEqual([event?.eventId]);
    // Skipped, not failed: the audit consumer dead-lettered nothing.
    expect(sharedInProcessBus().deadLetters().filter((letter) => letter.group === 'gateway-audit')).toEqual([]);
  });

  it('cannot be changed: no route writes to it, and the database refuses UPDATE, DELETE and TRUNCATE', async () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      expect((await college.api.request(method, '/v2/audit', {})).status).toBeGreaterThanOrEqual(404);
      expect((await college.api.request(method, `/v2/audit/${entries[0].entityId}`, {})).status).toBeGreaterThanOrEqual(404);
    }
    const table = '"gateway"."audit_entries"';
    await expect(platform.database.query(`UPDATE ${table} SET "action" = 'client.created' WHERE "id" = $1`, [entries[0].entityId])).rejects.toThrow(/append-only: UPDATE refused/);
    await expect(platform.database.query(`DELETE FROM ${table} WHERE "id" = $1`, [entries[0].entityId])).rejects.toThrow(/append-only: DELETE refused/);
    await expect(platform.database.query(`TRUNCATE ${table}`)).rejects.toThrow(/append-only: TRUNCATE refused/);
    expect(await trail(college.api)).toEqual(entries);
  });

  it('records bulk awards, deletions and endorsement decisions, each in the trail of the institution that acted', async () => {
    const api = college.api;
    const since = `?from=${new Date().toISOString()}`;
    const posted = await api.request('POST', `/v2/badgeclasses/${ids.badgeClass}/bulk-awards`, 'email\r\nbo@example.org\r\ncy@example.org\r\n', { ...corr('bulk'), 'content-type': 'text/csv' });
    expect(posted.status).toBe(202);
    const jobId = posted.body.result[0].jobId;
    const issuer = await api.post('/v2/issuers', { name: 'Faculty of Music', email: 'music@northern.example', url: 'https://northern.example/music' });
    const musicId = issuer.body.result[0].entityId;
    const spare = await api.post(`/v2/issuers/${musicId}/badgeclasses`, { name: 'Choir', description: 'Sang.', image: pngDataUri(), criteriaNarrative: 'Sing.' });
    expect((await api.request('DELETE', `/v2/badgeclasses/${spare.body.result[0].entityId}`, undefined, corr('delete-class'))).status).toBe(204);
    expect((await api.put(`/v2/issuers/${musicId}`, { name: 'School of Music', email: 'music@northern.example', url: 'https://northern.example/music' })).status).toBe(200);
    expect((await api.request('DELETE', `/v2/issuers/${musicId}`, undefined, corr('delete-issuer'))).status).toBe(204);

    const council = await institution('Engineering Council');
    expect((await council.api.put('/v2/endorsers/self', { name: 'Engineering Council', url: 'https://council.example', email: 'e@council.example' })).status).toBe(200);
    const ask = async () => (await api.post('/v2/endorsement-requests', { target: { type: 'BadgeClass', entityId: ids.badgeClass }, endorser: council.id }, corr('ask'))).body.result[0].entityId;
    const approvedRequest = await ask();
    const approved = await council.api.post(`/v2/endorsement-requests/${approvedRequest}/approve`, { comment: 'Solid.' }, corr('approve'));
    const declinedRequest = await ask();
    expect((await council.api.post(`/v2/endorsement-requests/${declinedRequest}/decline`, { reason: 'Not our field.' }, corr('decline'))).status).toBe(200);
    expect((await api.request('DELETE', `/v2/endorsements/${approved.body.result[0].entityId}`, { reason: 'Renamed the course.' }, corr('withdraw'))).status).toBe(200);

    const ours = ['bulk_award.started', 'bulk_award.finished', 'assertion.awarded', 'badge_class.deleted', 'issuer.updated', 'issuer.deleted', 'endorsement.requested', 'endorsement.withdrawn'];
    const counted = (list: AuditEntryV2[], action: string) => list.filter((listed) => listed.action === action).length;
    await eventually(async () => {
      const [mine, theirs] = [await trail(api, since), await trail(council.api, since)];
      return counted(mine, 'assertion.awarded') === 2 && counted(mine, 'bulk_award.finished') === 1 && counted(mine, 'endorsement.withdrawn') === 1 && counted(theirs, 'endorsement.declined') === 1;
    }, 30_000, 'the bulk award, deletions and endorsement entries');
    const mine = await trail(api, since);
    const theirs = await trail(council.api, since);
    expect(new Set(mine.map((listed) => listed.action))).toEqual(new Set(ours.concat('issuer.created', 'badge_class.created')));
    // The endorser decided: its trail holds the decisions, with its own client as the actor.
    expect(theirs.filter((listed) => listed.action.startsWith('endorsement.')).map((listed) => [listed.action, listed.actor, listed.correlationId])).toEqual([
      ['endorsement.declined', `client:${council.clientId}`, 'audit-e2e-decline'],
      ['endorsement.approved', `client:${council.clientId}`, 'audit-e2e-approve'],
    ]);
    expect(theirs.find((listed) => listed.action === 'endorsement.declined')?.changes).toMatchObject({ status: { before: 'pending', after: 'declined' }, reason: { after: 'Not our field.' } });

    const job = mine.filter((listed) => listed.target.entityId === jobId);
    expect(job.map((listed) => [listed.action, listed.correlationId])).toEqual([
      ['bulk_award.finished', 'audit-e2e-bulk'],
      ['bulk_award.started', 'audit-e2e-bulk'],
    ]);
    expect(job[0].changes).toEqual({ status: { after: 'completed' }, total: { after: 2 }, done: { after: 2 }, failed: { after: 0 } });
    expect(mine.filter((listed) => listed.action === 'assertion.awarded').map((listed) => listed.correlationId)).toEqual(['audit-e2e-bulk', 'audit-e2e-bulk']);
    expect(mine.find((listed) => listed.action === 'issuer.updated')?.changes).toEqual({ name: { before: 'Faculty of Music', after: 'School of Music' } });
    expect(mine.find((listed) => listed.action === 'issuer.deleted')).toMatchObject({ target: { type: 'Issuer', entityId: musicId }, correlationId: 'audit-e2e-delete-issuer' });
    expect(mine.find((listed) => listed.action === 'badge_class.deleted')?.changes).toEqual({ name: { before: 'Choir' }, issuer: { before: musicId } });
    expect(mine.find((listed) => listed.action === 'endorsement.withdrawn')).toMatchObject({ actor: `client:${college.clientId}`, changes: { reason: { after: 'Renamed the course.' } } });
  });
  it('records what a service publishes while the platform starts, before the gateway has subscribed', async () => {
    // An award committed but not yet published when the platform stopped (the crash between commit
    // and relay the outbox exists for): the issuer's relay sends it at once on the next start.
    const template = issued.find((candidate) => candidate.type === Topic.AssertionIssued && candidate.payload.assertionId === ids.assertion) as BadgeEvent;
    const pending = { ...template, eventId: randomUUID(), correlationId: 'audit-e2e-unpublished' };
    await platform.close();
    const database = await openDatabase(databaseConfigFromEnv(platformEnv));
    await database.query(`INSERT INTO "issuer"."OutboxBatch" ("topic", "eventCount", "envelopes") VALUES ($1, 1, $2)`, [pending.type, JSON.stringify([pending])]);
    await database.close();
    platform = await startEmbedded(platformEnv);
    await eventually(async () => (await trail(college.api, `?target=${ids.assertion}`)).some((listed) => listed.eventId === pending.eventId), 10_000, 'the entry of the event published during start-up');
  });
});

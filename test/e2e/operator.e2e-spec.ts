import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { AdminInstitutionListSchema } from '@badges/api-contracts';

import { ApiClient } from '../support/api-client';
import { freePort } from '../support/free-port';
import { startPlatformProcess, type PlatformProcess } from '../support/platform-process';
import { embeddedStorageTargets } from '../support/storage-targets';
import { pngDataUri } from '../support/tiny-png';

/**
 * Issue #16, the province operator, through the compiled platform as `npm start` runs it: the
 * counts come from the real issuer service (one internal request), a suspended institution cannot
 * get a token or award, and its badges stay readable and verifiable; reactivated, it works again.
 */
describe.each(embeddedStorageTargets())('the province operator end to end on $name', (target) => {
  let dataDir: string;
  let platform: PlatformProcess;
  let storage: { env: Record<string, string>; dispose(): Promise<void> };
  let anonymous: ApiClient;
  let operator: ApiClient;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'badges-operator-e2e-'));
    storage = await target.env();
    const port = await freePort();
    platform = await startPlatformProcess({ ...storage.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: `http://127.0.0.1:${port}` });
    anonymous = new ApiClient(platform.url);
    operator = anonymous.withToken(platform.adminToken);
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
    await storage?.dispose();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const clientGrant = (client: { clientId: string; clientSecret: string }) =>
    anonymous.request('POST', '/o/token', new URLSearchParams({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.clientSecret }).toString(), {
      'content-type': 'application/x-www-form-urlencoded',
    });

  async function listed(id: string) {
    const response = await operator.get('/admin/institutions');
    expect(response.status).toBe(200);
    return AdminInstitutionListSchema.parse(response.body).institutions.find((institution) => institution.id === id);
  }

  it('counts, renames, suspends (badges stay verifiable) and reactivates an institution', async () => {
    const created = await operator.post('/admin/institutions', { name: 'Northern College' });
    expect(created.status).toBe(201);
    const { id, client } = created.body;
    const api = anonymous.withToken((await clientGrant(client)).body.access_token);
    const issuer = await api.post('/v2/issuers', { name: 'Faculty of Engineering', email: 'badges@northern.example', url: 'https://northern.example' });
    const issuerId = issuer.body.result[0].entityId;
    const badgeClass = await api.post(`/v2/issuers/${issuerId}/badgeclasses`, { name: 'Robotics', description: 'Built a robot.', image: pngDataUri(), criteriaNarrative: 'Build a robot.' });
    const badgeClassId = badgeClass.body.result[0].entityId;
    const awards = [];
    for (const identity of ['one@example.org', 'two@example.org']) awards.push(await api.post(`/v2/badgeclasses/${badgeClassId}/assertions`, { recipient: { identity } }));
    expect(awards.map((award) => award.status)).toEqual([201, 201]);
    const [kept, revoked] = awards.map((award) => award.body.result[0].entityId as string);
    expect((await api.delete(`/v2/assertions/${revoked}`, { revocation_reason: 'Issued in error' })).status).toBe(200);
    const other = await operator.post('/admin/institutions', { name: 'Empty College' });

    // The issuer service's counts, each institution its own.
    expect(await listed(id)).toMatchObject({ name: 'Northern College', status: 'active', counts: { people: 0, apiClients: 1, issuers: 1, badgeClasses: 1, assertionsAwarded: 2, assertionsRevoked: 1 } });
    expect((await listed(other.body.id))?.counts).toEqual({ people: 0, apiClients: 1, issuers: 0, badgeClasses: 0, assertionsAwarded: 0, assertionsRevoked: 0 });

    const renamed = await operator.request('PATCH', `/admin/institutions/${id}`, { name: 'Northern University' });
    expect([renamed.status, renamed.body.name]).toEqual([200, 'Northern University']);
    expect((await api.get('/v2/institutions/self')).body.result[0].name).toBe('Northern University');

    const suspendedAt = Date.now();
    const suspended = await operator.post(`/admin/institutions/${id}/suspend`, { reason: 'Contract under review' });
    expect([suspended.status, suspended.body.status]).toEqual([200, 'suspended']);
    const award = await api.post(`/v2/badgeclasses/${badgeClassId}/assertions`, { recipient: { identity: 'three@example.org' } });
    expect([award.status, award.body.error.code]).toEqual([403, 'institution_suspended']);
    expect(Date.now() - suspendedAt).toBeLessThan(5000);
    const token = await clientGrant(client);
    expect([token.status, token.body.error]).toEqual([401, 'invalid_client']);
    expect(token.body.error_description).toContain('suspended');

    // Its public documents and images are served, and its badge still verifies.
    for (const path of [`/public/assertions/${kept}`, `/public/badges/${badgeClassId}`, `/public/issuers/${issuerId}`, `/public/assertions/${kept}/image`, `/public/badges/${badgeClassId}/image`]) {
      expect([path, (await anonymous.get(path)).status]).toEqual([path, 200]);
    }
    const verified = await anonymous.post('/v2/verify', { url: `${platform.url}/public/assertions/${kept}`, expected_recipient: 'one@example.org' });
    expect(verified.status).toBe(200);
    expect(verified.body.report).toMatchObject({ valid: true, errorCount: 0 });
    expect((await listed(id))?.counts.assertionsAwarded).toBe(2);

    expect((await operator.post(`/admin/institutions/${id}/reactivate`)).body.status).toBe('active');
    expect((await api.post(`/v2/badgeclasses/${badgeClassId}/assertions`, { recipient: { identity: 'three@example.org' } })).status).toBe(201);
    expect((await clientGrant(client)).status).toBe(200);
    expect((await listed(id))?.counts).toMatchObject({ assertionsAwarded: 3, assertionsRevoked: 1 });
  });
});

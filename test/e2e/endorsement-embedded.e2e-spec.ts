import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { validateNode } from '@badges/openbadges';

import { ApiClient } from '../support/api-client';
import { eventually } from '../support/distributed-stack';
import { freePort } from '../support/free-port';
import { startPlatformProcess, type PlatformProcess } from '../support/platform-process';
import { pngDataUri } from '../support/tiny-png';

/**
 * Endorsements on the embedded default (`npm start`: one process, PGlite, in-process bus): the
 * same walk as the distributed acceptance, shorter. The full one is
 * test/distributed/endorsement-flow.kafka-spec.ts.
 */
describe('endorsements on the embedded runner', () => {
  let dataDir: string;
  let platform: PlatformProcess;
  let anonymous: ApiClient;

  const institution = async (name: string) => {
    const created = await anonymous.withToken(platform.adminToken).post('/admin/institutions', { name });
    const { clientId, clientSecret } = created.body.client;
    const token = await anonymous.post('/o/token', { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret });
    return { id: created.body.id as string, api: anonymous.withToken(token.body.access_token) };
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'badges-e2e-endorse-'));
    const port = await freePort();
    platform = await startPlatformProcess({ DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: `http://127.0.0.1:${port}` });
    anonymous = new ApiClient(platform.url);
  }, 90_000);

  afterAll(async () => {
    await platform?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('request, approve, publish on the BadgeClass, withdraw', async () => {
    const health = await anonymous.get('/health');
    expect(health.body.services.endorsement).toBe('up');
    const college = await institution('Northern College');
    const council = await institution('Engineering Council');
    const issuer = await college.api.post('/v2/issuers', { name: 'Faculty of Engineering', email: 'badges@northern.example', url: 'https://northern.example' });
    const badgeClass = await college.api.post(`/v2/issuers/${issuer.body.result[0].entityId}/badgeclasses`, {
      name: 'Robotics Fundamentals', description: 'Built a robot.', image: pngDataUri(), criteriaNarrative: 'Build a robot.',
    });
    const badgeClassId = badgeClass.body.result[0].entityId;
    expect((await council.api.put('/v2/endorsers/self', { name: 'Engineering Council', url: 'https://council.example', email: 'e@council.example' })).status).toBe(200);

    const request = await college.api.post('/v2/endorsement-requests', { target: { type: 'BadgeClass', entityId: badgeClassId }, endorser: council.id });
    expect(request.status).toBe(201);
    const approved = await council.api.post(`/v2/endorsement-requests/${request.body.result[0].entityId}/approve`, { comment: 'Solid.' });
    expect(approved.status).toBe(201);
    const url = approved.body.result[0].openBadgeId;

    const badge = async () => (await anonymous.get(`/public/badges/${badgeClassId}`, { accept: 'application/ld+json' })).body;
    await eventually(async () => ((await badge()).endorsement ?? []).includes(url), 20_000, 'the endorsement on the BadgeClass');
    const document = await anonymous.get(url, { accept: 'application/ld+json' });
    expect(validateNode(document.body, 'Endorsement')).toEqual([]);
    expect(document.body.claim).toEqual({ id: badgeClass.body.result[0].openBadgeId, endorsementComment: 'Solid.' });

    expect((await council.api.delete(`/v2/endorsements/${approved.body.result[0].entityId}`)).status).toBe(200);
    await eventually(async () => (await badge()).endorsement === undefined, 20_000, 'the endorsement gone');
    expect((await anonymous.get(url, { accept: 'application/ld+json' })).status).toBe(410);
  }, 60_000);
});

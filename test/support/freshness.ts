import { ApiClient } from './api-client';
import { pngDataUri } from './tiny-png';

const LD = { accept: 'application/ld+json' };

export interface FreshnessReading {
  /** Per gateway: ms from the change's response to the first read that showed it (0: already before). */
  delaysMs: number[];
  /** Per gateway: reads answered from its cache (x-cache: HIT) before the change showed. */
  hitsBefore: number[];
}

/** The parts of a public document the checks below look at. */
interface WatchedDocument {
  name?: string;
  publicKey?: unknown[];
  endorsement?: unknown[];
}

interface Watch {
  path: string;
  shows: (response: { status: number; body: WatchedDocument | undefined }) => boolean;
}

/**
 * Reads `watch.path` in a tight loop on every gateway while `change` runs, and measures how long
 * after the change answered each gateway still served the old document (issue #14's freshness).
 */
async function readWhileChanging(gateways: ApiClient[], watch: Watch, change: () => Promise<void>, timeoutMs: number): Promise<FreshnessReading> {
  const hitsBefore = gateways.map(() => 0);
  const seenAt: (number | undefined)[] = gateways.map(() => undefined);
  let stop = false;
  const readers = gateways.map(async (gateway, index) => {
    while (!stop && seenAt[index] === undefined) {
      const response = await gateway.get(watch.path, LD);
      if (watch.shows(response)) seenAt[index] = Date.now();
      else if (response.headers.get('x-cache') === 'HIT') hitsBefore[index] += 1;
    }
  });
  // Let the readers get going on the old document first.
  await new Promise((resolve) => setTimeout(resolve, 200));
  await change();
  const changedAt = Date.now();
  const deadline = setTimeout(() => (stop = true), timeoutMs);
  await Promise.all(readers);
  clearTimeout(deadline);
  return { delaysMs: seenAt.map((at) => (at === undefined ? Number.POSITIVE_INFINITY : Math.max(0, at - changedAt))), hitsBefore };
}

/** Warms every gateway's cache with `path` (a read that comes back as a hit). */
async function warm(gateways: ApiClient[], path: string): Promise<void> {
  for (const gateway of gateways) {
    for (let attempt = 0; attempt < 20; attempt += 1) if ((await gateway.get(path, LD)).headers.get('x-cache') === 'HIT') break;
  }
}

export interface FreshnessResults {
  revocation: FreshnessReading;
  badgeClassEdit: FreshnessReading;
  keyRotation: FreshnessReading;
  endorsement: FreshnessReading;
}

/**
 * The four changes issue #14 names, each read on every gateway while it happens: a revocation, a
 * badge class edit, a key rotation (the issuer Profile lists the new key) and an endorsement (it
 * joins the badge class's `endorsement` list).
 */
export async function measureFreshness(gatewayUrls: string[], adminToken: string, timeoutMs = 10_000): Promise<FreshnessResults> {
  const gateways = gatewayUrls.map((url) => new ApiClient(url));
  const college = await gateways[0].forNewInstitution(adminToken, 'Freshness College');
  const issuer = (await college.post('/v2/issuers', { name: 'Faculty of Freshness', email: 'badges@fresh.example', url: 'https://fresh.example' })).body.result[0];
  const badgeClass = (
    await college.post(`/v2/issuers/${issuer.entityId}/badgeclasses`, { name: 'Fresh Badge', description: 'Kept fresh.', image: pngDataUri(), criteriaNarrative: 'Be fresh.' })
  ).body.result[0];
  const assertion = (await college.post(`/v2/badgeclasses/${badgeClass.entityId}/assertions`, { recipient: { identity: 'learner@fresh.example' } })).body.result[0];
  const paths = { assertion: new URL(assertion.openBadgeId).pathname, badgeClass: new URL(badgeClass.openBadgeId).pathname, issuer: new URL(issuer.openBadgeId).pathname };

  await warm(gateways, paths.assertion);
  const revocation = await readWhileChanging(gateways, { path: paths.assertion, shows: (r) => r.status === 410 }, async () => {
    const revoked = await college.delete(`/v2/assertions/${assertion.entityId}`, { revocation_reason: 'Awarded in error' });
    if (revoked.status !== 200) throw new Error(`revoke answered ${revoked.status}`);
  }, timeoutMs);

  await warm(gateways, paths.badgeClass);
  const badgeClassEdit = await readWhileChanging(gateways, { path: paths.badgeClass, shows: (r) => r.body?.name === 'Fresher Badge' }, async () => {
    const edited = await college.put(`/v2/badgeclasses/${badgeClass.entityId}`, { name: 'Fresher Badge', description: 'Kept fresh.', criteriaNarrative: 'Be fresh.' });
    if (edited.status !== 200) throw new Error(`badge class edit answered ${edited.status}: ${JSON.stringify(edited.body)}`);
  }, timeoutMs);

  await warm(gateways, paths.issuer);
  const keysBefore = ((await gateways[0].get(paths.issuer, LD)).body.publicKey ?? []).length;
  const keyRotation = await readWhileChanging(gateways, { path: paths.issuer, shows: (r) => (r.body?.publicKey ?? []).length === keysBefore + 1 }, async () => {
    const rotated = await college.post(`/v2/issuers/${issuer.entityId}/keys/rotate`, {});
    if (rotated.status !== 201) throw new Error(`key rotation answered ${rotated.status}: ${JSON.stringify(rotated.body)}`);
  }, timeoutMs);

  const council = await gateways[0].forNewInstitution(adminToken, 'Freshness Council');
  const councilId = (await council.get('/v2/institutions/self')).body.result[0].entityId;
  await council.put('/v2/endorsers/self', { name: 'Freshness Council', url: 'https://council.example', email: 'e@council.example' });
  await warm(gateways, paths.badgeClass);
  const endorsement = await readWhileChanging(gateways, { path: paths.badgeClass, shows: (r) => (r.body?.endorsement ?? []).length === 1 }, async () => {
    const request = await college.post('/v2/endorsement-requests', { target: { type: 'BadgeClass', entityId: badgeClass.entityId }, endorser: councilId });
    const approved = await council.post(`/v2/endorsement-requests/${request.body.result[0].entityId}/approve`, { comment: 'Fresh.' });
    if (approved.status !== 201) throw new Error(`endorsement approval answered ${approved.status}: ${JSON.stringify(approved.body)}`);
  }, timeoutMs);

  return { revocation, badgeClassEdit, keyRotation, endorsement };
}

/**
 * How long a change may take to show, given the bound of one event hop. An endorsement is two
 * hops: the endorsed document changes only once its owner (the issuer) has heard
 * endorsement.issued; the caches then hear the owner's endorsement.listed.
 */
export function freshnessBound(change: keyof FreshnessResults, perHopMs: number): number {
  return change === 'endorsement' ? 2 * perHopMs : perHopMs;
}

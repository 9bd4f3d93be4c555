import { createEvent, Topic } from '@badges/events';

import { BadgeServer, hostBadge } from '../testing/badge-server';
import { Ob3TestIssuer } from '../testing/ob3-issuer';
import { startVerificationTestApp, type VerificationTestApp } from '../testing/verification-test-app';

/**
 * A revocation reaches verification as an event, not when the cached document expires: the
 * service on a real HTTP badge server, with its default 60 s cache, and the event on its bus.
 */
describe('revocation events', () => {
  let service: VerificationTestApp;
  let badges: BadgeServer;

  beforeAll(async () => {
    badges = await BadgeServer.start('127.0.0.2');
    service = await startVerificationTestApp({ VERIFY_ALLOWED_PRIVATE_ADDRESSES: '127.0.0.2' });
  });
  afterAll(async () => {
    await service.close();
    await badges.close();
  });

  // First: the next test leaves the revoked stub in the cache.
  it('ignores a revocation of a document it never read', async () => {
    const { ids } = hostBadge(badges);
    await service.bus.publish([revoked(badges.url('/elsewhere'))]);
    await service.bus.idle();
    expect((await service.verify({ url: ids.assertion })).json.report.valid).toBe(true);
    expect(service.bus.deadLetters()).toEqual([]);
  });

  it('verifies a badge as revoked as soon as its revocation event arrives, though its document is cached', async () => {
    const { ids } = hostBadge(badges);
    expect((await service.verify({ url: ids.assertion })).json.report.valid).toBe(true);
    expect((await service.verify({ url: ids.assertion })).json.report.valid).toBe(true);

    badges.json('/assertion', { '@context': 'https://w3id.org/openbadges/v2', id: ids.assertion, revoked: true, revocationReason: 'Awarded in error' }, 410);
    // Without the event the cached document stands (this is what the event is for).
    expect((await service.verify({ url: ids.assertion })).json.report.valid).toBe(true);

    await service.bus.publish([revoked(ids.assertion)]);
    await service.bus.idle();
    const { json } = await service.verify({ url: ids.assertion });
    expect(json.report.valid).toBe(false);
    expect(json.report.messages.map((m) => m.code)).toContain('PROCESS_410_GONE');
  });
});

/** OB 3.0: the credential does not change when it is revoked, its issuer's status list does. */
describe('revocation events for an OB 3.0 award', () => {
  let service: VerificationTestApp;
  let server: BadgeServer;
  let issuer: Ob3TestIssuer;

  beforeAll(async () => {
    server = await BadgeServer.start('127.0.0.2');
    issuer = await Ob3TestIssuer.start(server);
    service = await startVerificationTestApp({ PUBLIC_URL: server.origin, VERIFY_ALLOWED_PRIVATE_ADDRESSES: '127.0.0.2' });
  });
  afterAll(async () => {
    await service.close();
    await server.close();
  });

  it('reads the status list afresh once the event names it, though the list is cached', async () => {
    const credential = await issuer.signed(issuer.credential('c1', 3));
    expect((await service.verify({ json: credential })).json.report.valid).toBe(true);

    await issuer.revoke(3);
    // Without the event the cached status list stands (this is what the event's statusListUrl is for).
    expect((await service.verify({ json: credential })).json.report.valid).toBe(true);

    await service.bus.publish([revoked(issuer.credentialUrl('c1'), issuer.statusList)]);
    await service.bus.idle();
    const { json } = await service.verify({ json: credential });
    expect(json.report.valid).toBe(false);
    expect(json.report.messages.map((m) => m.code)).toContain('BitstringStatusListProbe');
  });
});

function revoked(assertionUrl: string, statusListUrl?: string) {
  return createEvent(Topic.AssertionRevoked, {
    institutionId: 'inst1',
    correlationId: 'spec',
    aggregateId: 'a1',
    payload: { assertionId: 'a1', assertionUrl, badgeClassId: 'b1', issuerId: 'i1', revocationReason: 'Awarded in error', revokedAt: new Date().toISOString(), ...(statusListUrl ? { statusListUrl } : {}) },
  });
}

import { createEvent, Topic } from '@badges/events';

import { auditRecordOf } from './event-entries';

const envelope = { institutionId: 'inst-a', correlationId: 'corr-1', actor: { type: 'staff', id: 'registrar-7' } } as const;
const issuerId = 'IIIIIIIIIIIIIIIIIIIIII';

/** How each event becomes an entry; the e2e (test/e2e/audit-trail.e2e-spec.ts) walks the platform's own events. */
describe('auditRecordOf', () => {
  it('takes the institution, time, correlation id, actor and event id from the envelope', () => {
    const event = createEvent(Topic.IssuerCreated, { ...envelope, aggregateId: issuerId, payload: { issuerId, name: 'Faculty of Trades' } });
    expect(auditRecordOf(event)).toEqual({
      institutionId: 'inst-a',
      occurredAt: new Date(event.occurredAt),
      origin: { correlationId: 'corr-1', actor: envelope.actor },
      action: 'issuer.created',
      target: { type: 'Issuer', id: issuerId },
      changes: { name: { after: 'Faculty of Trades' } },
      sourceEventId: event.eventId,
    });
  });

  it('reads events published before they carried their changes', () => {
    const keys = createEvent(Topic.IssuerUpdated, { ...envelope, aggregateId: issuerId, payload: { issuerId, change: 'keys' } });
    expect(auditRecordOf(keys)).toMatchObject({ action: 'signing_key.rotated', changes: {} });
    const assertionId = 'AAAAAAAAAAAAAAAAAAAAAA';
    const edited = createEvent(Topic.AssertionUpdated, {
      ...envelope,
      aggregateId: assertionId,
      payload: { assertionId, assertionUrl: `https://badges.example/public/assertions/${assertionId}`, badgeClassId: 'BBBBBBBBBBBBBBBBBBBBBB', issuerId, changed: ['narrative', 'expires'], updatedAt: new Date().toISOString() },
    });
    expect(auditRecordOf(edited)).toMatchObject({ action: 'assertion.updated', changes: { narrative: {}, expires: {} } });
  });

  it('records an endorsement decision in the trail of the party that made it', () => {
    const target = { type: 'BadgeClass', entityId: 'BBBBBBBBBBBBBBBBBBBBBB' } as const;
    const requester = { ...envelope, institutionId: 'college' };
    const declined = createEvent(Topic.EndorsementDeclined, { ...requester, aggregateId: 'RRRRRRRRRRRRRRRRRRRRRR', payload: { requestId: 'RRRRRRRRRRRRRRRRRRRRRR', target, endorserInstitutionId: 'council' } });
    expect(auditRecordOf(declined)).toMatchObject({ institutionId: 'council', action: 'endorsement.declined' });
    const revoked = (revokedByInstitutionId?: string) =>
      createEvent(Topic.EndorsementRevoked, {
        ...requester,
        aggregateId: 'EEEEEEEEEEEEEEEEEEEEEE',
        payload: { endorsementId: 'EEEEEEEEEEEEEEEEEEEEEE', target, revokedAt: new Date().toISOString(), ...(revokedByInstitutionId && { revokedByInstitutionId }) },
      });
    expect(auditRecordOf(revoked('council')).institutionId).toBe('council');
    expect(auditRecordOf(revoked()).institutionId).toBe('college');
  });
});

import { createEvent, Topic } from '@badges/events';

import { endorsementEmailFor } from './endorsement-emails';

const target = { type: 'BadgeClass' as const, entityId: 'badge-1' };
const URL = 'https://badges.example.org/public/endorsements/end-1';

describe('endorsementEmailFor', () => {
  it('tells the endorser about a request, filed under the endorser', () => {
    const event = createEvent(Topic.EndorsementRequested, {
      institutionId: 'college', correlationId: 'c', aggregateId: 'req-1',
      payload: { requestId: 'req-1', target, endorserInstitutionId: 'council', targetName: 'Robotics', message: 'Please\nreview', endorserEmail: 'e@council.example' },
    });
    expect(endorsementEmailFor(event)).toMatchObject({ institutionId: 'council', to: 'e@council.example', subject: 'Endorsement requested: "Robotics"' });
    expect(endorsementEmailFor(event)?.text).toContain('Please\nreview');
  });

  it('tells the requester about an approval, with the comment and the URL', () => {
    const event = createEvent(Topic.EndorsementIssued, {
      institutionId: 'college', correlationId: 'c', aggregateId: 'end-1',
      payload: { endorsementId: 'end-1', endorsementUrl: URL, requestId: 'req-1', target, endorserInstitutionId: 'council', endorserName: 'Council', comment: 'Great.', targetName: 'Robotics', requesterEmail: 'f@college.example' },
    });
    const email = endorsementEmailFor(event);
    expect(email).toMatchObject({ institutionId: 'college', to: 'f@college.example', subject: 'Council endorsed "Robotics"' });
    expect(email?.text).toContain('Great.');
    expect(email?.text).toContain(URL);
  });

  it('tells the party that did not withdraw', () => {
    const revoked = (revokedByInstitutionId: string) =>
      createEvent(Topic.EndorsementRevoked, {
        institutionId: 'college', correlationId: 'c', aggregateId: 'end-1',
        payload: { endorsementId: 'end-1', target, revokedAt: '2026-01-01T00:00:00Z', endorserInstitutionId: 'council', revokedByInstitutionId, endorserEmail: 'e@council.example', requesterEmail: 'f@college.example' },
      });
    expect(endorsementEmailFor(revoked('council'))).toMatchObject({ institutionId: 'college', to: 'f@college.example' });
    expect(endorsementEmailFor(revoked('college'))).toMatchObject({ institutionId: 'council', to: 'e@council.example' });
  });

  it('sends nothing without an address, nor for other events', () => {
    const bare = createEvent(Topic.EndorsementRequested, { institutionId: 'college', correlationId: 'c', aggregateId: 'r', payload: { requestId: 'r', target, endorserInstitutionId: 'council' } });
    expect(endorsementEmailFor(bare)).toBeNull();
    const other = createEvent(Topic.BadgeClassUpdated, { institutionId: 'college', correlationId: 'c', aggregateId: 'b', payload: { badgeClassId: 'b', issuerId: 'i', name: 'n', imageChanged: false } });
    expect(endorsementEmailFor(other)).toBeNull();
  });
});

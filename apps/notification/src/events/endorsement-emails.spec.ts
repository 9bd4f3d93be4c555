import { createEvent, Topic } from '@badges/events';

import { writtenEmail } from '../emails/written-email';
import { endorsementEmailFor } from './endorsement-emails';

const target = { type: 'BadgeClass' as const, entityId: 'badge-1' };
const URL = 'https://badges.example.org/public/endorsements/end-1';

/** The email as the intake writes it: subject and text. */
function written(event: Parameters<typeof endorsementEmailFor>[0]) {
  const email = endorsementEmailFor(event);
  return email && { institutionId: email.institutionId, ...writtenEmail(email.words, email.to, 'delivery-1') };
}

const requested = (extra: { endorserLanguage?: 'en' | 'fr' } = {}) =>
  createEvent(Topic.EndorsementRequested, {
    institutionId: 'college', correlationId: 'c', aggregateId: 'req-1',
    payload: { requestId: 'req-1', target, endorserInstitutionId: 'council', targetName: 'Robotique', targetUrl: 'https://badges.example.org/public/badges/badge-1', message: 'Please\nreview', endorserEmail: 'e@council.example', ...extra },
  });
const issued = (extra: { requesterLanguage?: 'en' | 'fr' } = {}) =>
  createEvent(Topic.EndorsementIssued, {
    institutionId: 'college', correlationId: 'c', aggregateId: 'end-1',
    payload: { endorsementId: 'end-1', endorsementUrl: URL, requestId: 'req-1', target, endorserInstitutionId: 'council', endorserName: 'Council', comment: 'Great.', targetName: 'Robotics', requesterEmail: 'f@college.example', ...extra },
  });
const revoked = (revokedByInstitutionId: string, languages: { endorserLanguage?: 'en' | 'fr'; requesterLanguage?: 'en' | 'fr' } = {}) =>
  createEvent(Topic.EndorsementRevoked, {
    institutionId: 'college', correlationId: 'c', aggregateId: 'end-1',
    payload: {
      endorsementId: 'end-1', target: { type: 'Issuer', entityId: 'issuer-1' }, targetName: 'Faculté', revokedAt: '2026-01-01T00:00:00Z', endorsementUrl: URL, endorserInstitutionId: 'council', endorserName: 'Council',
      revokedByInstitutionId, revocationReason: 'Merged.', endorserEmail: 'e@council.example', requesterEmail: 'f@college.example', ...languages,
    },
  });

describe('endorsementEmailFor', () => {
  it('tells the endorser about a request, filed under the endorser, in English when the event names no language', () => {
    for (const event of [requested(), requested({ endorserLanguage: 'en' })]) {
      const email = written(event);
      expect(email).toMatchObject({ institutionId: 'council', to: 'e@council.example', subject: 'Endorsement requested: "Robotique"' });
      expect(email?.text).toBe(
        'You are asked to endorse the BadgeClass "Robotique".\n\nIt is published at https://badges.example.org/public/badges/badge-1\n\nTheir message:\nPlease\nreview\n\n' +
          'Review it with GET /v2/endorsement-requests/req-1, then approve or decline it.\n',
      );
    }
  });

  it('writes the request in French to an endorser whose Profile says French', () => {
    const email = written(requested({ endorserLanguage: 'fr' }));
    expect(email).toMatchObject({ institutionId: 'council', to: 'e@council.example', subject: 'Demande de recommandation : « Robotique »' });
    expect(email?.text).toBe(
      'On vous demande de recommander la classe de badge « Robotique ».\n\nSa page publique : https://badges.example.org/public/badges/badge-1\n\nLeur message :\nPlease\nreview\n\n' +
        'Examinez la demande avec GET /v2/endorsement-requests/req-1, puis approuvez-la ou refusez-la.\n',
    );
  });

  it('tells the requester about an approval, with the comment and the URL, in the requester’s language', () => {
    const english = written(issued());
    expect(english).toMatchObject({ institutionId: 'college', to: 'f@college.example', subject: 'Council endorsed "Robotics"' });
    expect(english?.text).toBe(`Council endorsed the BadgeClass "Robotics".\n\nGreat.\n\nThe endorsement: ${URL}\n`);
    const french = written(issued({ requesterLanguage: 'fr' }));
    expect(french).toMatchObject({ institutionId: 'college', to: 'f@college.example', subject: 'Council a recommandé « Robotics »' });
    expect(french?.text).toBe(`Council a recommandé la classe de badge « Robotics ».\n\nGreat.\n\nLa recommandation : ${URL}\n`);
  });

  it('tells the party that did not withdraw, in that party’s language (not the other’s)', () => {
    const languages = { endorserLanguage: 'en', requesterLanguage: 'fr' } as const;
    const toRequester = written(revoked('council', languages));
    expect(toRequester).toMatchObject({ institutionId: 'college', to: 'f@college.example', subject: 'Recommandation de « Faculté » retirée' });
    expect(toRequester?.text).toBe(
      `La recommandation donnée par Council à l’émetteur « Faculté » a été retirée par le recommandataire.\n\nMotif : Merged.\n\nElle apparaît désormais comme révoquée à l’adresse ${URL}\n`,
    );
    const toEndorser = written(revoked('college', languages));
    expect(toEndorser).toMatchObject({ institutionId: 'council', to: 'e@council.example', subject: 'Endorsement of "Faculté" withdrawn' });
    expect(toEndorser?.text).toBe(`The endorsement by Council of the Issuer "Faculté" was withdrawn by the requester.\n\nReason: Merged.\n\nIt now reads as revoked at ${URL}\n`);
    expect(written(revoked('college', { endorserLanguage: 'fr' }))?.text).toContain('a été retirée par le demandeur.');
    expect(written(revoked('council'))?.subject).toBe('Endorsement of "Faculté" withdrawn');
  });

  it('sends nothing without an address, nor for other events', () => {
    const bare = createEvent(Topic.EndorsementRequested, { institutionId: 'college', correlationId: 'c', aggregateId: 'r', payload: { requestId: 'r', target, endorserInstitutionId: 'council', endorserLanguage: 'fr' } });
    expect(endorsementEmailFor(bare)).toBeNull();
    const other = createEvent(Topic.BadgeClassUpdated, { institutionId: 'college', correlationId: 'c', aggregateId: 'b', payload: { badgeClassId: 'b', issuerId: 'i', name: 'n', imageChanged: false } });
    expect(endorsementEmailFor(other)).toBeNull();
  });
});

import type { ValidationMessage } from '@badges/openbadges/report-types';

import { badgeImageSource, type VerifyResult } from '../api/verify-api';
import { recipientCheck, summarise, verdictOf } from './verdict';

const ASSERTION = 'https://badges.example.org/public/assertions/a1';
const BADGE = 'https://badges.example.org/public/badges/b1';
const ISSUER = 'https://badges.example.org/public/issuers/i1';

function result(messages: ValidationMessage[], graph: Record<string, unknown>[] = [], steps: NonNullable<VerifyResult['report']['steps']> = []): VerifyResult {
  const errors = messages.filter((message) => message.level === 'ERROR').length;
  return { report: { valid: errors === 0, errorCount: errors, warningCount: messages.length - errors, messages, steps }, graph, input: { input_type: 'url' } };
}

const graph = [
  { id: ASSERTION, type: 'Assertion', badge: BADGE, issuedOn: '2024-05-01T00:00:00Z', expires: '2025-01-01T00:00:00Z' },
  { id: BADGE, type: 'BadgeClass', name: 'Lab Safety', issuer: ISSUER, image: `${BADGE}/image`, criteria: { narrative: 'Pass the test.' } },
  { id: ISSUER, type: ['Issuer'], name: 'Northern College', url: 'https://college.example' },
];

describe('verdictOf', () => {
  it('is valid when the report is, whatever the warnings', () => {
    expect(verdictOf(result([{ code: 'ENDORSEMENT_REVOKED', level: 'WARNING', message: 'withdrawn' }]))).toEqual({ verdict: 'valid' });
  });

  it('is revoked, with the verifier\'s sentence, for any of the revocation codes', () => {
    for (const code of ['PROCESS_410_GONE', 'ASSERTION_NOT_REVOKED', 'VERIFY_SIGNED_ASSERTION_NOT_REVOKED']) {
      const message = `This badge was revoked by Northern College: Awarded in error. (${code})`;
      expect(verdictOf(result([{ code: 'VALIDATE_PROPERTY', level: 'ERROR', message: 'other' }, { code, level: 'ERROR', message }]))).toEqual({ verdict: 'revoked', reason: message });
    }
  });

  it('is expired only when the timestamp check failed and the expiry has passed', () => {
    const timestamp: ValidationMessage = { code: 'ASSERTION_TIMESTAMP_CHECKS', level: 'ERROR', message: 'This badge expired on 1 January 2025.' };
    expect(verdictOf(result([timestamp], graph), new Date('2026-01-01T00:00:00Z'))).toEqual({ verdict: 'expired', reason: timestamp.message });
    // Issued in the future, not expired: not valid.
    expect(verdictOf(result([timestamp], graph), new Date('2024-06-01T00:00:00Z')).verdict).toBe('invalid');
  });

  it('reads OB 3.0 reports: a status list\'s revocation, with or without a reason, and a validUntil in the past', () => {
    for (const messageCode of ['VC_REVOKED_IN_LIST', 'REVOKED_LISTED'] as const) {
      const message = `This badge was revoked by Northern College. (${messageCode})`;
      expect(verdictOf(result([{ code: 'BitstringStatusListProbe', messageCode, level: 'ERROR', message }]))).toEqual({ verdict: 'revoked', reason: message });
    }
    const unreachable: ValidationMessage = { code: 'BitstringStatusListProbe', messageCode: 'VC_STATUS_LIST_UNDECODABLE', level: 'ERROR', message: 'The status list could not be read.' };
    expect(verdictOf(result([unreachable])).verdict).toBe('invalid');
    const expired: ValidationMessage = { code: 'ExpirationProbe', messageCode: 'EXPIRED', level: 'ERROR', message: 'This badge expired on 1 January 2025.' };
    expect(verdictOf(result([expired]))).toEqual({ verdict: 'expired', reason: expired.message });
  });

  it('summarises an OB 3.0 credential from the achievement and issuer inside it', () => {
    const credential = {
      id: 'https://badges.example.org/public/credentials/a1',
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: { id: 'did:web:badges.example.org:public:issuers:i1', type: ['Profile'], name: 'Northern College', url: 'https://college.example' },
      validFrom: '2024-05-01T00:00:00Z',
      credentialSubject: { type: ['AchievementSubject'], achievement: { id: BADGE, type: ['Achievement'], name: 'Lab Safety', description: 'Works safely.', image: { id: `${BADGE}/image`, type: 'Image' }, criteria: { narrative: 'Pass the test.' } } },
    };
    expect(summarise(result([], [credential]))).toEqual({
      name: 'Lab Safety',
      description: 'Works safely.',
      image: `${BADGE}/image`,
      criteriaUrl: undefined,
      criteriaNarrative: 'Pass the test.',
      issuerName: 'Northern College',
      issuerUrl: 'https://college.example',
      issuedOn: '2024-05-01T00:00:00Z',
      expires: undefined,
      assertionUrl: credential.id,
    });
  });

  it('is not valid otherwise, with the first error as the reason', () => {
    expect(verdictOf(result([{ code: 'VERIFY_JWS', level: 'ERROR', message: 'The signature does not match.' }]))).toEqual({ verdict: 'invalid', reason: 'The signature does not match.' });
  });
});

describe('summarise', () => {
  it('reads the badge, its issuer and dates from the graph, following the links', () => {
    expect(summarise(result([], graph))).toEqual({
      name: 'Lab Safety',
      description: undefined,
      image: `${BADGE}/image`,
      criteriaUrl: undefined,
      criteriaNarrative: 'Pass the test.',
      issuerName: 'Northern College',
      issuerUrl: 'https://college.example',
      issuedOn: '2024-05-01T00:00:00Z',
      expires: '2025-01-01T00:00:00Z',
      assertionUrl: ASSERTION,
    });
  });

  it('is empty when nothing could be loaded (a revoked or broken badge)', () => {
    expect(Object.values(summarise(result([]))).filter((value) => value !== undefined)).toEqual([]);
  });
});

describe('recipientCheck', () => {
  it('reports the RECIPIENT step only when an expected recipient was checked', () => {
    const step = (status: 'passed' | 'failed' | 'not_applicable') => [{ step: 'RECIPIENT' as const, title: 'Recipient', status, messages: 0 }];
    expect(recipientCheck(result([], [], step('passed')))).toBe('passed');
    expect(recipientCheck(result([], [], step('failed')))).toBe('failed');
    expect(recipientCheck(result([], [], step('not_applicable')))).toBeUndefined();
    expect(recipientCheck(result([]))).toBeUndefined();
  });
});

describe('summarise in the reader’s language', () => {
  it('takes the name, description and criteria of the edition the verifier found, the rest from the graph', () => {
    const french = result([], graph);
    french.report.badgeEdition = { id: `${BADGE}?lang=fr`, language: 'fr', name: 'Sécurité au labo', criteriaNarrative: 'Réussir le test.' };
    expect(summarise(french)).toMatchObject({ name: 'Sécurité au labo', criteriaNarrative: 'Réussir le test.', language: 'fr', issuerName: 'Northern College', issuedOn: '2024-05-01T00:00:00Z' });
    expect(summarise(result([], graph))).toMatchObject({ name: 'Lab Safety', criteriaNarrative: 'Pass the test.' });
    expect(summarise(result([], graph)).language).toBeUndefined();
  });
});

describe('badgeImageSource', () => {
  it('loads our own images and data URIs directly, any other host’s through the image proxy', () => {
    expect(badgeImageSource(`${BADGE}/image`, 'https://badges.example.org')).toBe(`${BADGE}/image`);
    expect(badgeImageSource('data:image/png;base64,AAAA', 'https://badges.example.org')).toBe('data:image/png;base64,AAAA');
    expect(badgeImageSource('http://college.example/b.png', 'https://badges.example.org')).toBe('/v2/verify/image?url=http%3A%2F%2Fcollege.example%2Fb.png');
  });
});

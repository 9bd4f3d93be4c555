import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { FetchDocument } from '../types';
import { verifyOpenBadge } from '../verify-open-badge';

// The conformance scenario "endorsement-linked-from-badgeclass": Assertion -> BadgeClass ->
// hosted Endorsement (claim: the BadgeClass) -> endorser Profile.
const DIR = join(__dirname, '../../../../../../shared/conformance/generated-scenarios/endorsement-linked-from-badgeclass');
const read = (file: string) => JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Record<string, unknown>;
const ASSERTION = 'https://example.org/beths-robotics-badge.json';
const BADGE = 'https://example.org/robotics-badge.json';
const ENDORSEMENT = 'https://endorser.example.com/endorsement-1.json';

function documents(overrides: Record<string, { status: number; body: unknown }> = {}): FetchDocument {
  const docs: Record<string, { status: number; body: unknown }> = {
    [ASSERTION]: { status: 200, body: read('assertion.json') },
    [BADGE]: { status: 200, body: read('badgeclass.json') },
    'https://example.org/organization.json': { status: 200, body: read('issuer.json') },
    [ENDORSEMENT]: { status: 200, body: read('endorsement.json') },
    'https://endorser.example.com/profile.json': { status: 200, body: read('endorser-profile.json') },
    ...overrides,
  };
  return async (url) => (docs[url] ? { status: docs[url].status, body: JSON.stringify(docs[url].body) } : { status: 404, body: '' });
}

const verify = (fetchDocument: FetchDocument) => verifyOpenBadge(ASSERTION, { fetchDocument, checkImages: false });

describe('endorsements found on a badge', () => {
  it('reports a valid endorsement with its endorser and comment', async () => {
    const { report } = await verify(documents());
    expect(report.valid).toBe(true);
    expect(report.endorsements).toEqual([
      { id: ENDORSEMENT, target: BADGE, status: 'valid', endorser: { id: 'https://endorser.example.com/profile.json', name: 'Test Endorser' }, comment: 'Pretty good', issuedOn: '2017-10-01T00:00:00Z', problems: [] },
    ]);
  });

  it('keeps the badge valid when the endorsement was withdrawn (410), and says so', async () => {
    const { report } = await verify(documents({ [ENDORSEMENT]: { status: 410, body: { id: ENDORSEMENT, revoked: true } } }));
    expect(report).toMatchObject({ valid: true, errorCount: 0 });
    expect(report.endorsements).toEqual([expect.objectContaining({ id: ENDORSEMENT, status: 'revoked' })]);
    expect(report.messages).toContainEqual(expect.objectContaining({ code: 'ENDORSEMENT_REVOKED', level: 'WARNING', node: BADGE }));
  });

  it('marks an endorsement whose body says revoked as revoked, not the badge', async () => {
    const { report } = await verify(documents({ [ENDORSEMENT]: { status: 200, body: { ...read('endorsement.json'), revoked: true, revocationReason: 'Withdrawn' } } }));
    expect(report.valid).toBe(true);
    expect(report.endorsements?.[0]).toMatchObject({ status: 'revoked', problems: [expect.stringContaining('withdrawn by its endorser: Withdrawn.')] });
  });

  it('does not count an endorsement that vouches for another document, or one hosted outside its endorser', async () => {
    const elsewhere = { ...read('endorsement.json'), claim: { id: 'https://example.org/other-badge.json', endorsementComment: 'Pretty good' } };
    const wrongClaim = await verify(documents({ [ENDORSEMENT]: { status: 200, body: elsewhere } }));
    expect(wrongClaim.report.valid).toBe(true);
    expect(wrongClaim.report.endorsements?.[0]).toMatchObject({ status: 'invalid', problems: [expect.stringContaining('vouches for https://example.org/other-badge.json')] });
    expect(wrongClaim.report.messages).toContainEqual(expect.objectContaining({ code: 'ENDORSEMENT_CLAIM_MISMATCH', level: 'WARNING' }));

    const strictProfile = { ...read('endorser-profile.json'), verification: { type: 'VerificationObject', allowedOrigins: ['endorsements.endorser.example.com'] } };
    const offPolicy = await verify(documents({ 'https://endorser.example.com/profile.json': { status: 200, body: strictProfile } }));
    expect(offPolicy.report.endorsements?.[0]).toMatchObject({ status: 'invalid', problems: [expect.stringContaining('not hosted where its endorser publishes')] });
  });

  it('reports an unreachable endorsement as not checked, without failing the badge', async () => {
    const { report } = await verify(documents({ [ENDORSEMENT]: { status: 503, body: {} } }));
    expect(report.valid).toBe(true);
    expect(report.endorsements).toEqual([expect.objectContaining({ status: 'unavailable', problems: [expect.stringContaining('could not be checked')] })]);
    expect(report.messages).toContainEqual(expect.objectContaining({ code: 'ENDORSEMENT_UNAVAILABLE', level: 'WARNING' }));
  });
});

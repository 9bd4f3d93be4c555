import type { MigrationAssertion, MigrationBadgeClass, MigrationIssuer } from '@badges/api-contracts';
import { hashIdentity } from '@badges/openbadges';

import { PNG_DATA_URI } from './fixtures';

/** Where the records were published before the migration (the "old origin" of decision 0044). */
export const OLD_ORIGIN = 'https://api.badgr.example';
const PNG = { contentType: 'image/png' as const, base64: PNG_DATA_URI.slice('data:image/png;base64,'.length) };

/** Migration records as the contract says them (libs/api-contracts migration-records.contract.ts), not as any reader makes them. */
export function migrationIssuer(sourceId: string, overrides: Partial<MigrationIssuer> = {}, origin = OLD_ORIGIN): MigrationIssuer {
  return {
    sourceId,
    documentId: `${origin}/public/issuers/${sourceId}`,
    name: 'Northern College',
    description: 'Badges of Northern College',
    email: 'badges@northern.example',
    url: 'https://northern.example',
    image: PNG,
    staff: [],
    createdAt: '2019-03-01T12:00:00Z',
    ...overrides,
  };
}

export function migrationBadgeClass(sourceId: string, issuerSourceId: string, overrides: Partial<MigrationBadgeClass> = {}, origin = OLD_ORIGIN): MigrationBadgeClass {
  return {
    sourceId,
    documentId: `${origin}/public/badges/${sourceId}`,
    issuerSourceId,
    name: 'Welding I',
    description: 'Safe welding in the shop.',
    image: PNG,
    criteriaUrl: null,
    criteriaNarrative: 'Pass the **practical**.',
    tags: ['trades'],
    alignments: [{ targetName: 'Red Seal', targetUrl: 'https://red-seal.example/welding', targetDescription: null, targetFramework: null, targetCode: 'W1' }],
    expires: null,
    createdAt: '2019-03-02T12:00:00Z',
    ...overrides,
  };
}

/** `email` hashed with `salt` as Badgr does (sha256 of identity + salt), the plaintext known unless `plaintext: false`. */
export function migrationAssertion(
  sourceId: string,
  parents: { badgeClass: string; issuer: string },
  recipient: { email: string; salt?: string; plaintext?: boolean } = { email: 'learner@example.org' },
  overrides: Partial<MigrationAssertion> = {},
  origin = OLD_ORIGIN,
): MigrationAssertion {
  const hashed = recipient.salt !== undefined;
  return {
    sourceId,
    documentId: `${origin}/public/assertions/${sourceId}`,
    badgeClassSourceId: parents.badgeClass,
    issuerSourceId: parents.issuer,
    recipient: {
      type: 'email',
      identity: hashed ? hashIdentity(recipient.email, recipient.salt) : recipient.email,
      hashed,
      salt: recipient.salt ?? null,
      plaintextIdentity: recipient.plaintext === false ? null : recipient.email,
    },
    issuedOn: '2020-06-01T00:00:00Z',
    expires: null,
    narrative: null,
    evidence: [{ url: 'https://evidence.example/1', narrative: 'Weld sample' }],
    revoked: false,
    revocationReason: null,
    createdAt: '2020-06-01T00:00:00Z',
    updatedAt: '2020-06-01T00:00:00Z',
    ...overrides,
  };
}

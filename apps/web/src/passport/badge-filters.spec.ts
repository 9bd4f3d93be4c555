import type { BackpackAssertionV2 } from '@badges/api-contracts/types';

import { filterFrom, issuersOf, matches } from './badge-filters';

const badge = (fields: Partial<BackpackAssertionV2>): BackpackAssertionV2 => ({ issuer: 'i1', issuerName: 'Northern College', status: 'accepted', revoked: false, ...fields }) as BackpackAssertionV2;

describe('gallery filters', () => {
  it('reads the filter from the address, falling back to all', () => {
    expect([filterFrom('pending'), filterFrom('revoked'), filterFrom(null), filterFrom('<script>')]).toEqual(['pending', 'revoked', 'all', 'all']);
  });

  it('sorts badges into pending, accepted and revoked; declined ones show nowhere', () => {
    const pending = badge({ status: 'pending' });
    const accepted = badge({});
    const revoked = badge({ revoked: true });
    const declined = badge({ status: 'declined' });
    const all = [pending, accepted, revoked, declined];
    expect(all.filter((b) => matches(b, 'all', null))).toEqual([pending, accepted, revoked]);
    expect(all.filter((b) => matches(b, 'pending', null))).toEqual([pending]);
    expect(all.filter((b) => matches(b, 'accepted', null))).toEqual([accepted]);
    expect(all.filter((b) => matches(b, 'revoked', null))).toEqual([revoked]);
  });

  it('filters by issuer, listing each issuer once by the name it entered', () => {
    const other = badge({ issuer: 'i2', issuerName: 'École des Métiers' });
    expect([badge({}), other].filter((b) => matches(b, 'all', 'i2'))).toEqual([other]);
    expect(issuersOf([badge({}), other, badge({})])).toEqual([
      { id: 'i2', name: 'École des Métiers' },
      { id: 'i1', name: 'Northern College' },
    ]);
  });
});

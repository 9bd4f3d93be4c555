import { SsoRoleMappingSchema } from '@badges/api-contracts';

import { mappedRoles, roleClaimValues } from './role-mapping';

const mappings = SsoRoleMappingSchema.array().parse([
  { claimValue: 'badge-admins', institutionRole: 'admin' },
  { claimValue: 'engineering-editors', issuerRoles: [{ issuerId: 'IssuerB', role: 'editor' }] },
  { claimValue: 'engineering-staff', issuerRoles: [{ issuerId: 'IssuerB', role: 'staff' }, { issuerId: 'IssuerA', role: 'staff' }] },
  { claimValue: 'deans', issuerRoles: [{ issuerId: 'IssuerA', role: 'owner' }] },
]);

describe('the role claim’s values', () => {
  it('reads a string or the strings of an array, nothing else', () => {
    expect(roleClaimValues({ groups: ['a', 'b'] }, 'groups')).toEqual(['a', 'b']);
    expect(roleClaimValues({ role: 'a' }, 'role')).toEqual(['a']);
    expect(roleClaimValues({ groups: ['a', 3, null, { b: 1 }] }, 'groups')).toEqual(['a']);
    expect(roleClaimValues({ groups: { a: true } }, 'groups')).toEqual([]);
    expect(roleClaimValues({}, 'groups')).toEqual([]);
    expect(roleClaimValues({ groups: ['a'] }, null)).toEqual([]);
  });
});

describe('mapped roles', () => {
  it('are undefined when no mapping applies (the person keeps what admins gave, or is not let in)', () => {
    expect(mappedRoles(mappings, [])).toBeUndefined();
    expect(mappedRoles(mappings, ['students', 'Badge-Admins'])).toBeUndefined();
    expect(mappedRoles([], ['badge-admins'])).toBeUndefined();
  });

  it('give one mapping’s roles', () => {
    expect(mappedRoles(mappings, ['engineering-editors'])).toEqual({ institutionRole: null, issuerRoles: [{ issuerId: 'IssuerB', role: 'editor' }] });
    expect(mappedRoles(mappings, ['badge-admins'])).toEqual({ institutionRole: 'admin', issuerRoles: [] });
  });

  it('join several: admin if any says so, and on each issuer the strongest role, issuers in order', () => {
    expect(mappedRoles(mappings, ['engineering-staff', 'engineering-editors', 'deans', 'badge-admins'])).toEqual({
      institutionRole: 'admin',
      issuerRoles: [
        { issuerId: 'IssuerA', role: 'owner' },
        { issuerId: 'IssuerB', role: 'editor' },
      ],
    });
    expect(mappedRoles(mappings, ['engineering-staff'])).toEqual({
      institutionRole: null,
      issuerRoles: [
        { issuerId: 'IssuerA', role: 'staff' },
        { issuerId: 'IssuerB', role: 'staff' },
      ],
    });
  });
});

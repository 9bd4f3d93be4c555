import { formatStaffRoles, hasAnyStaffRole, ISSUER_ACTIONS, parseStaffRoles, staffMayOnIssuer, type StaffRoles } from './staff-roles';

const ISSUER_A = 'AAAAAAAAAAAAAAAAAAAAAA';
const ISSUER_B = 'B_b-BBBBBBBBBBBBBBBBBB';

describe('the x-badges-staff-roles header', () => {
  it.each<[string, StaffRoles]>([
    ['admin', { admin: true, issuers: [] }],
    ['none', { admin: false, issuers: [] }],
    [`owner:${ISSUER_A}`, { admin: false, issuers: [{ issuerId: ISSUER_A, role: 'owner' }] }],
    [`editor:${ISSUER_A},staff:${ISSUER_B}`, { admin: false, issuers: [{ issuerId: ISSUER_A, role: 'editor' }, { issuerId: ISSUER_B, role: 'staff' }] }],
  ])('%s round-trips', (header, roles) => {
    expect(parseStaffRoles(header)).toEqual(roles);
    expect(formatStaffRoles(roles)).toBe(header);
  });

  it('writes an admin as `admin` alone: the role covers every issuer', () => {
    expect(formatStaffRoles({ admin: true, issuers: [{ issuerId: ISSUER_A, role: 'staff' }] })).toBe('admin');
  });

  it('tolerates spaces around items', () => {
    expect(parseStaffRoles(` owner:${ISSUER_A} , staff:${ISSUER_B} `)?.issuers).toHaveLength(2);
  });

  it.each([
    '',
    'root',
    `superuser:${ISSUER_A}`,
    `owner:`,
    `owner:${ISSUER_A},`,
    `owner:${ISSUER_A},staff:${ISSUER_A}`,
    'owner:../issuers',
    `owner:${'A'.repeat(65)}`,
    `none,owner:${ISSUER_A}`,
    ISSUER_A,
  ])('refuses the malformed value %j (a service must not guess)', (header) => {
    expect(parseStaffRoles(header)).toBeUndefined();
  });
});

describe('the rule table', () => {
  const on = (role: 'owner' | 'editor' | 'staff'): StaffRoles => ({ admin: false, issuers: [{ issuerId: ISSUER_A, role }] });

  it.each([
    ['owner', ['read', 'award', 'edit-badge-classes', 'manage-issuer']],
    ['editor', ['read', 'award', 'edit-badge-classes']],
    ['staff', ['read', 'award']],
  ] as const)('%s may %j on its issuer, nothing on another', (role, allowed) => {
    for (const action of ISSUER_ACTIONS) {
      expect([action, staffMayOnIssuer(on(role), ISSUER_A, action)]).toEqual([action, (allowed as readonly string[]).includes(action)]);
      expect(staffMayOnIssuer(on(role), ISSUER_B, action)).toBe(false);
    }
  });

  it('an admin may do everything on every issuer; nobody without a role may do anything', () => {
    for (const action of ISSUER_ACTIONS) {
      expect(staffMayOnIssuer({ admin: true, issuers: [] }, ISSUER_B, action)).toBe(true);
      expect(staffMayOnIssuer({ admin: false, issuers: [] }, ISSUER_A, action)).toBe(false);
    }
    expect(hasAnyStaffRole({ admin: false, issuers: [] })).toBe(false);
    expect(hasAnyStaffRole(on('staff'))).toBe(true);
    expect(hasAnyStaffRole({ admin: true, issuers: [] })).toBe(true);
  });
});

import { ApiError, type StaffRoles } from '@badges/service-kit';

import type { CallerIdentity } from './caller';
import { requireAccess, staffNeed } from './staff-access';

const person = (roles: StaffRoles, scope: 'read' | 'award' | 'manage' = 'manage'): CallerIdentity => ({ institutionId: 'college', staffId: 'ada', sessionId: 's1', scope, roles, language: 'en' });
const nobody = person({ admin: false, issuers: [] });
const editor = person({ admin: false, issuers: [{ issuerId: 'I1', role: 'editor' }] });
const admin = person({ admin: true, issuers: [] });
const client: CallerIdentity = { institutionId: 'college', clientId: 'c1', scope: 'manage' };

function verdict(caller: CallerIdentity, method: string, path: string): number {
  try {
    requireAccess(caller, method, path);
    return 200;
  } catch (error) {
    return error instanceof ApiError ? error.status : 500;
  }
}

describe('what the gateway asks of a person’s roles', () => {
  it.each([
    ['GET', '/v2/issuers', 'nothing'],
    ['GET', '/v2/staff/self', 'nothing'],
    ['POST', '/v2/issuers/I1/badgeclasses', 'any-role'],
    ['DELETE', '/v2/assertions/A1', 'any-role'],
    ['POST', '/v2/issuers', 'admin'],
    ['GET', '/v2/staff', 'admin'],
    ['PUT', '/v2/staff/S1', 'admin'],
    ['GET', '/v2/clients', 'admin'],
    ['GET', '/v2/webhooks', 'admin'],
    ['POST', '/v2/%77ebhooks', 'admin'],
    ['GET', '/v2/notifications/templates/assertion-issued', 'nothing'],
    ['PUT', '/v2/notifications/templates/assertion-issued', 'admin'],
    ['DELETE', '/v2/notifications/templates/assertion-issued', 'admin'],
    ['GET', '/v2/endorsers/self', 'nothing'],
    ['PUT', '/v2/endorsers/self', 'admin'],
    ['POST', '/v2/endorsers/self/keys/rotate', 'admin'],
    ['POST', '/v2/endorsement-requests', 'any-role'],
    ['POST', '/v2/notifications/emails/E1/resend', 'any-role'],
    ['GET', '/v2/institutions/self/sso', 'admin'],
    ['PUT', '/v2/institutions/self/sso', 'admin'],
  ])('%s %s needs %s', (method, path, need) => {
    expect(staffNeed(method, path)).toBe(need);
  });

  it.each([
    ['a person with no role', nobody, [200, 403, 403]],
    ['an editor', editor, [200, 200, 403]],
    ['an admin', admin, [200, 200, 200]],
    ['a manage client (its scope decides)', client, [200, 200, 200]],
  ] as const)('%s: read, write, admin-only', (_who, caller, expected) => {
    expect([verdict(caller, 'GET', '/v2/badgeclasses/B1'), verdict(caller, 'PUT', '/v2/badgeclasses/B1'), verdict(caller, 'POST', '/v2/staff')]).toEqual(expected);
  });

  it('applies the token’s scope to a person too: a read-only sign-in of an admin only reads', () => {
    const readOnlyAdmin = person({ admin: true, issuers: [] }, 'read');
    expect([verdict(readOnlyAdmin, 'GET', '/v2/issuers'), verdict(readOnlyAdmin, 'POST', '/v2/badgeclasses/B1/assertions'), verdict(readOnlyAdmin, 'GET', '/v2/staff/self')]).toEqual([200, 403, 200]);
  });
});

/**
 * A person's role on an issuer (issue #16), enforced by the issuer service from the gateway's
 * `x-badges-staff-roles`: every role × every issuer action, allowed or 403 `forbidden` naming the
 * role needed. `owner` may do everything on the issuer, `editor` its badge classes and awards,
 * `staff` awards only; `admin` everything; a role on another issuer counts for nothing here.
 * Without the header (an API client, the platform) nothing changes. Each case gets fresh entities,
 * so a refused action is checked to have changed nothing by the next step's success.
 */
import type { LightMyRequestResponse } from 'fastify';

import { databaseTargets } from '@badges/persistence';
import { InternalHeader } from '@badges/service-kit';

import { badgeClassBody, issuerBody } from './testing/fixtures';
import { createTestApp, type TestApp } from './testing/issuer-test-app';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
interface Fixture {
  issuer: string;
  badgeClass: string;
  emptyBadgeClass: string;
  assertion: string;
}
type Need = 'owner' | 'editor' | 'staff';

/** Each action, what it needs, and the request and status that mean "done". */
const ACTIONS: { name: string; need: Need; status: number; bare?: boolean; request: (f: Fixture) => { method: string; url: string; payload?: unknown; contentType?: string } }[] = [
  { name: 'edit the issuer', need: 'owner', status: 200, request: (f) => ({ method: 'PUT', url: `/v2/issuers/${f.issuer}`, payload: issuerBody({ name: 'Renamed' }) }) },
  { name: 'delete the issuer', need: 'owner', status: 204, bare: true, request: (f) => ({ method: 'DELETE', url: `/v2/issuers/${f.issuer}` }) },
  { name: 'rotate its keys', need: 'owner', status: 201, request: (f) => ({ method: 'POST', url: `/v2/issuers/${f.issuer}/keys/rotate`, payload: {} }) },
  { name: 'create a badge class', need: 'editor', status: 201, request: (f) => ({ method: 'POST', url: `/v2/issuers/${f.issuer}/badgeclasses`, payload: badgeClassBody() }) },
  { name: 'edit a badge class', need: 'editor', status: 200, request: (f) => ({ method: 'PUT', url: `/v2/badgeclasses/${f.badgeClass}`, payload: { name: 'Lab Safety II', description: 'Again.' } }) },
  { name: 'delete a badge class', need: 'editor', status: 204, request: (f) => ({ method: 'DELETE', url: `/v2/badgeclasses/${f.emptyBadgeClass}` }) },
  { name: 'award', need: 'staff', status: 201, request: (f) => ({ method: 'POST', url: `/v2/badgeclasses/${f.badgeClass}/assertions`, payload: { recipient: { identity: 'ann@example.org' } } }) },
  {
    name: 'batch award',
    need: 'staff',
    status: 201,
    request: (f) => ({ method: 'POST', url: `/v2/badgeclasses/${f.badgeClass}/issue`, payload: { assertions: [{ recipient: { identity: 'bob@example.org' } }] } }),
  },
  {
    name: 'bulk award',
    need: 'staff',
    status: 202,
    request: (f) => ({ method: 'POST', url: `/v2/badgeclasses/${f.badgeClass}/bulk-awards`, payload: 'email,name\r\ncy@example.org,Cy\r\n', contentType: 'text/csv' }),
  },
  { name: 'edit an assertion', need: 'staff', status: 200, request: (f) => ({ method: 'PUT', url: `/v2/assertions/${f.assertion}`, payload: { narrative: 'Well done.' } }) },
  { name: 'revoke', need: 'staff', status: 200, request: (f) => ({ method: 'DELETE', url: `/v2/assertions/${f.assertion}`, payload: { revocation_reason: 'Issued in error' } }) },
  {
    name: 'batch revoke',
    need: 'staff',
    status: 200,
    request: (f) => ({ method: 'POST', url: '/v2/assertions/revoke', payload: [{ entityId: f.assertion, revocationReason: 'Duplicate' }] }),
  },
  { name: 'read the issuer', need: 'staff', status: 200, request: (f) => ({ method: 'GET', url: `/v2/issuers/${f.issuer}` }) },
];

const RANK: Record<Need, number> = { staff: 1, editor: 2, owner: 3 };

/** Each role, its header (for the fixture's issuer), and whether it may do what needs `need`. */
const ROLES: { role: string; header: (issuer: string) => string | undefined; allows: (need: Need) => boolean }[] = [
  { role: 'no header (API client)', header: () => undefined, allows: () => true },
  { role: 'admin', header: () => 'admin', allows: () => true },
  { role: 'owner', header: (issuer) => `owner:${issuer}`, allows: () => true },
  { role: 'editor', header: (issuer) => `editor:${issuer}`, allows: (need) => RANK[need] <= RANK.editor },
  { role: 'staff', header: (issuer) => `staff:${issuer}`, allows: (need) => RANK[need] <= RANK.staff },
  { role: 'owner of another issuer', header: () => 'owner:anotherIssuer01', allows: () => false },
  { role: 'no role', header: () => 'none', allows: () => false },
];

const CASES = ROLES.flatMap((role) => ACTIONS.map((action) => ({ ...role, action, allowed: role.allows(action.need) })));

describe.each(databaseTargets())('issuer roles on $name', (target) => {
  let t: TestApp;
  let A: Record<string, string>;

  const call = (method: string, url: string, headers: Record<string, string>, payload?: unknown): Promise<LightMyRequestResponse> =>
    t.app.inject({ method: method as 'GET', url, headers, ...(payload === undefined ? {} : { payload: payload as string }) });
  const created = async (response: Promise<LightMyRequestResponse>): Promise<string> => {
    const r = await response;
    if (r.statusCode >= 300) throw new Error(`${r.statusCode} ${r.body}`);
    return ((r.json() as Json).result as Json[])[0].entityId as string;
  };
  /** An issuer with two badge classes, one awarded; `bare`, the issuer alone (an issuer with badge classes cannot be deleted). */
  const fixture = async (bare = false): Promise<Fixture> => {
    const issuer = await created(call('POST', '/v2/issuers', A, issuerBody()));
    if (bare) return { issuer, badgeClass: '', emptyBadgeClass: '', assertion: '' };
    const badgeClass = await created(call('POST', `/v2/issuers/${issuer}/badgeclasses`, A, badgeClassBody()));
    const emptyBadgeClass = await created(call('POST', `/v2/issuers/${issuer}/badgeclasses`, A, badgeClassBody({ name: 'Unused' })));
    const assertion = await created(call('POST', `/v2/badgeclasses/${badgeClass}/assertions`, A, { recipient: { identity: 'dee@example.org' } }));
    return { issuer, badgeClass, emptyBadgeClass, assertion };
  };

  beforeAll(async () => {
    t = await createTestApp(target);
    A = await t.institution('inst-roles');
  });
  afterAll(async () => t.close());

  it.each(CASES)('$role: $action.name → allowed: $allowed', async ({ header, action, allowed }) => {
    const f = await fixture(action.bare);
    const request = action.request(f);
    const roles = header(f.issuer);
    const headers = {
      ...A,
      ...(roles === undefined ? {} : { [InternalHeader.Actor]: 'staff:person-1', [InternalHeader.StaffRoles]: roles }),
      ...(request.contentType ? { 'content-type': request.contentType } : {}),
    };
    const response = await call(request.method, request.url, headers, request.payload);
    // Reads are not per-issuer: every person of the institution may read what they address.
    const expectAllowed = allowed || request.method === 'GET';
    if (expectAllowed) {
      expect({ status: response.statusCode, body: response.statusCode === action.status ? '' : response.body }).toEqual({ status: action.status, body: '' });
      return;
    }
    expect(response.statusCode).toBe(403);
    expect(response.json().error).toMatchObject({ code: 'forbidden', message: expect.stringContaining(`the ${action.need}`) });
    // Nothing changed: the same request without a person's roles still succeeds.
    expect((await call(request.method, request.url, { ...A, ...(request.contentType ? { 'content-type': request.contentType } : {}) }, request.payload)).statusCode).toBe(action.status);
  });

  it('lists only the issuers a person has a role on (an admin, all of them), as Badgr', async () => {
    const mine = (await fixture(true)).issuer;
    const theirs = (await fixture(true)).issuer;
    const listed = async (roles?: string) => {
      const r = await call('GET', '/v2/issuers', roles === undefined ? A : { ...A, [InternalHeader.StaffRoles]: roles });
      return ((r.json() as Json).result as Json[]).map((issuer) => issuer.entityId as string);
    };
    expect(await listed(`staff:${mine}`)).toEqual([mine]);
    expect(await listed('none')).toEqual([]);
    expect(await listed('admin')).toEqual(expect.arrayContaining([mine, theirs]));
    expect(await listed()).toEqual(expect.arrayContaining([mine, theirs]));
  });

  it.each(['owner', 'owner:', 'boss:abc', 'owner:a,owner:a', ''])('refuses the malformed roles %j with 403', async (roles) => {
    const f = await fixture();
    const response = await call('PUT', `/v2/assertions/${f.assertion}`, { ...A, [InternalHeader.StaffRoles]: roles }, { narrative: 'x' });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('forbidden');
  });

  it('answers 404, not 403, for another institution’s entity', async () => {
    const f = await fixture(true);
    const B = await t.institution('inst-roles-b');
    const response = await call('PUT', `/v2/issuers/${f.issuer}`, { ...B, [InternalHeader.StaffRoles]: 'staff:anotherIssuer01' }, issuerBody());
    expect(response.statusCode).toBe(404);
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ApiClient, type ApiResponse } from '../support/api-client';
import { freePort } from '../support/free-port';
import { startPlatformProcess, type PlatformProcess } from '../support/platform-process';
import { mailText, SmtpSink } from '../support/smtp-sink';
import { embeddedStorageTargets } from '../support/storage-targets';
import { pngDataUri } from '../support/tiny-png';

/**
 * Issue #16's tenancy matrix with roles: every caller an institution has (its admin, the owner,
 * editor and staff of issuer A, an editor of issuer B only, an admin of ANOTHER institution, API
 * clients of each scope, nobody) × every route an institution uses, through the gateway of the
 * compiled platform, on PGlite and on PostgreSQL when set. Each cell is allowed (the route's
 * success status) or refused: 401 without a token, 403 `forbidden` for a missing role or scope,
 * 404 where the resource is another institution's and must stay invisible. A row's expectation
 * comes from the rules, not from a list of answers: ROLE_RANK and the scopes' order decide it.
 */

const PASSWORD = 'correct horse battery';

type ClientScope = 'read' | 'award' | 'manage';
/** What a person needs: `any` (a live session; reads), a role on issuer A, or the institution admin role. */
type RoleNeed = 'any' | 'staff' | 'editor' | 'owner' | 'admin';
const ROLE_RANK: Record<RoleNeed, number> = { any: 0, staff: 1, editor: 2, owner: 3, admin: 4 };
const SCOPE_RANK: Record<ClientScope, number> = { read: 0, award: 1, manage: 2 };

type Caller =
  | { kind: 'person'; rank: number; onIssuerA: boolean }
  | { kind: 'client'; scope: ClientScope }
  | { kind: 'other-institution' }
  | { kind: 'anonymous' };

/** The rows: who calls, and what they are. */
const CALLERS = {
  'institution admin': { kind: 'person', rank: ROLE_RANK.admin, onIssuerA: true },
  'owner of issuer A': { kind: 'person', rank: ROLE_RANK.owner, onIssuerA: true },
  'editor of issuer A': { kind: 'person', rank: ROLE_RANK.editor, onIssuerA: true },
  'staff of issuer A': { kind: 'person', rank: ROLE_RANK.staff, onIssuerA: true },
  'editor of issuer B only': { kind: 'person', rank: ROLE_RANK.editor, onIssuerA: false },
  'admin of another institution': { kind: 'other-institution' },
  'client (read)': { kind: 'client', scope: 'read' },
  'client (award)': { kind: 'client', scope: 'award' },
  'client (manage)': { kind: 'client', scope: 'manage' },
  'no token': { kind: 'anonymous' },
} satisfies Record<string, Caller>;
type CallerName = keyof typeof CALLERS;
const CALLER_NAMES = Object.keys(CALLERS) as CallerName[];

/** What every cell may use: institution A's entities, the other institution's, and helpers that make fresh ones. */
interface World {
  institutionA: string;
  /** A third institution, which endorses: what A asks (the other institution's admin may not ask about A's badge class). */
  institutionC: string;
  issuerA: string;
  issuerB: string;
  badgeClassA: string;
  badgeClassX: string;
  /** One bare issuer per row, which the issuer-A people hold their role on too: what "delete the issuer" deletes. */
  doomedIssuer: Record<CallerName, string>;
  adminA: ApiClient;
  clientX: ApiClient;
  fresh: {
    badgeClass(): Promise<string>;
    assertion(notify?: boolean): Promise<string>;
    sentEmail(): Promise<string>;
    requestToA(): Promise<string>;
    endorsementByA(): Promise<string>;
    endorsementOfA(): Promise<string>;
    webhook(): Promise<string>;
    client(): Promise<string>;
    invitee(): Promise<string>;
  };
}

interface Action {
  name: string;
  /** What a person needs; a role on issuer B never counts for issuer A. */
  role: RoleNeed;
  /** What an API client's scope must allow. */
  scope: ClientScope;
  status: number;
  /** For the other institution's admin: `hidden` (404, it is A's), or `own` (the same route answers about their own institution). */
  other: 'hidden' | 'own';
  /** A fixture the cell consumes (made fresh for each cell, by A's admin client). */
  prepare?: (world: World, caller: CallerName) => Promise<string>;
  request: (world: World, fixture: string) => { method: string; path: string; body?: unknown; headers?: Record<string, string> };
}

const issuerBody = (name: string) => ({ name, email: 'badges@north.example', url: 'https://north.example', image: pngDataUri() });
const badgeClassBody = (name: string) => ({ name, description: 'Built a robot.', image: pngDataUri(), criteriaNarrative: 'Build one.' });
let sequence = 0;
const unique = (prefix: string) => `${prefix}-${++sequence}`;

const ACTIONS: Action[] = [
  { name: 'read the institution', role: 'any', scope: 'read', status: 200, other: 'own', request: () => ({ method: 'GET', path: '/v2/institutions/self' }) },
  { name: 'list issuers', role: 'any', scope: 'read', status: 200, other: 'own', request: () => ({ method: 'GET', path: '/v2/issuers' }) },
  { name: 'read an issuer', role: 'any', scope: 'read', status: 200, other: 'hidden', request: (w) => ({ method: 'GET', path: `/v2/issuers/${w.issuerA}` }) },
  { name: 'read an issuer’s staff', role: 'any', scope: 'read', status: 200, other: 'hidden', request: (w) => ({ method: 'GET', path: `/v2/issuers/${w.issuerA}/staff` }) },
  { name: 'create an issuer', role: 'admin', scope: 'manage', status: 201, other: 'own', request: () => ({ method: 'POST', path: '/v2/issuers', body: issuerBody(unique('Issuer')) }) },
  { name: 'edit an issuer', role: 'owner', scope: 'manage', status: 200, other: 'hidden', request: (w) => ({ method: 'PUT', path: `/v2/issuers/${w.issuerA}`, body: issuerBody('Faculty of Engineering') }) },
  {
    name: 'delete an issuer',
    role: 'owner',
    scope: 'manage',
    status: 204,
    other: 'hidden',
    prepare: async (w, caller) => w.doomedIssuer[caller],
    request: (_w, issuer) => ({ method: 'DELETE', path: `/v2/issuers/${issuer}` }),
  },
  { name: 'rotate an issuer’s keys', role: 'owner', scope: 'manage', status: 201, other: 'hidden', request: (w) => ({ method: 'POST', path: `/v2/issuers/${w.issuerA}/keys/rotate`, body: {} }) },
  {
    name: 'create a badge class',
    role: 'editor',
    scope: 'manage',
    status: 201,
    other: 'hidden',
    request: (w) => ({ method: 'POST', path: `/v2/issuers/${w.issuerA}/badgeclasses`, body: badgeClassBody(unique('Class')) }),
  },
  {
    name: 'edit a badge class',
    role: 'editor',
    scope: 'manage',
    status: 200,
    other: 'hidden',
    request: (w) => ({ method: 'PUT', path: `/v2/badgeclasses/${w.badgeClassA}`, body: { name: 'Robotics Fundamentals', description: 'Built a robot.' } }),
  },
  {
    name: 'delete a badge class',
    role: 'editor',
    scope: 'manage',
    status: 204,
    other: 'hidden',
    prepare: (w) => w.fresh.badgeClass(),
    request: (_w, badgeClass) => ({ method: 'DELETE', path: `/v2/badgeclasses/${badgeClass}` }),
  },
  {
    name: 'award',
    role: 'staff',
    scope: 'award',
    status: 201,
    other: 'hidden',
    request: (w) => ({ method: 'POST', path: `/v2/badgeclasses/${w.badgeClassA}/assertions`, body: { recipient: { identity: `${unique('ann')}@north.example` } } }),
  },
  {
    name: 'batch award',
    role: 'staff',
    scope: 'award',
    status: 201,
    other: 'hidden',
    request: (w) => ({ method: 'POST', path: `/v2/badgeclasses/${w.badgeClassA}/issue`, body: { assertions: [{ recipient: { identity: `${unique('bob')}@north.example` } }] } }),
  },
  {
    name: 'bulk award (CSV)',
    role: 'staff',
    scope: 'award',
    status: 202,
    other: 'hidden',
    request: (w) => ({
      method: 'POST',
      path: `/v2/badgeclasses/${w.badgeClassA}/bulk-awards`,
      body: `email,name\r\n${unique('cy')}@north.example,Cy\r\n`,
      headers: { 'content-type': 'text/csv' },
    }),
  },
  { name: 'list an issuer’s assertions', role: 'any', scope: 'read', status: 200, other: 'hidden', request: (w) => ({ method: 'GET', path: `/v2/issuers/${w.issuerA}/assertions` }) },
  { name: 'list a badge class’s assertions', role: 'any', scope: 'read', status: 200, other: 'hidden', request: (w) => ({ method: 'GET', path: `/v2/badgeclasses/${w.badgeClassA}/assertions` }) },
  {
    name: 'edit an assertion',
    role: 'staff',
    scope: 'award',
    status: 200,
    other: 'hidden',
    prepare: (w) => w.fresh.assertion(),
    request: (_w, assertion) => ({ method: 'PUT', path: `/v2/assertions/${assertion}`, body: { narrative: 'Well done.' } }),
  },
  {
    name: 'revoke an assertion',
    role: 'staff',
    scope: 'award',
    status: 200,
    other: 'hidden',
    prepare: (w) => w.fresh.assertion(),
    request: (_w, assertion) => ({ method: 'DELETE', path: `/v2/assertions/${assertion}`, body: { revocation_reason: 'Issued in error' } }),
  },
  {
    name: 'batch revoke',
    role: 'staff',
    scope: 'award',
    status: 200,
    // Badgr answers per assertion: the other institution's request succeeds with "not found" for the item (checked below).
    other: 'own',
    prepare: (w) => w.fresh.assertion(),
    request: (_w, assertion) => ({ method: 'POST', path: '/v2/assertions/revoke', body: [{ entityId: assertion, revocationReason: 'Duplicate' }] }),
  },
  {
    name: 'resend an award email',
    role: 'staff',
    scope: 'award',
    status: 202,
    other: 'hidden',
    prepare: (w) => w.fresh.sentEmail(),
    request: (_w, email) => ({ method: 'POST', path: `/v2/notifications/emails/${email}/resend` }),
  },
  { name: 'list award emails', role: 'any', scope: 'read', status: 200, other: 'own', request: () => ({ method: 'GET', path: '/v2/notifications/emails' }) },
  {
    name: 'ask for an endorsement',
    role: 'editor',
    scope: 'manage',
    status: 201,
    other: 'hidden',
    request: (w) => ({ method: 'POST', path: '/v2/endorsement-requests', body: { target: { type: 'BadgeClass', entityId: w.badgeClassA }, endorser: w.institutionC } }),
  },
  {
    name: 'approve an endorsement (endorser)',
    role: 'admin',
    scope: 'manage',
    status: 201,
    other: 'hidden',
    prepare: (w) => w.fresh.requestToA(),
    request: (_w, request) => ({ method: 'POST', path: `/v2/endorsement-requests/${request}/approve`, body: { comment: 'Solid.' } }),
  },
  {
    name: 'decline an endorsement (endorser)',
    role: 'admin',
    scope: 'manage',
    status: 200,
    other: 'hidden',
    prepare: (w) => w.fresh.requestToA(),
    request: (_w, request) => ({ method: 'POST', path: `/v2/endorsement-requests/${request}/decline`, body: { reason: 'Not yet.' } }),
  },
  {
    name: 'withdraw an endorsement (endorser)',
    role: 'admin',
    scope: 'manage',
    status: 200,
    other: 'hidden',
    prepare: (w) => w.fresh.endorsementByA(),
    request: (_w, endorsement) => ({ method: 'DELETE', path: `/v2/endorsements/${endorsement}`, body: { reason: 'Withdrawn.' } }),
  },
  {
    name: 'withdraw an endorsement (requester)',
    role: 'editor',
    scope: 'manage',
    status: 200,
    other: 'hidden',
    prepare: (w) => w.fresh.endorsementOfA(),
    request: (_w, endorsement) => ({ method: 'DELETE', path: `/v2/endorsements/${endorsement}`, body: { reason: 'Course retired.' } }),
  },
  {
    name: 'publish the endorser profile',
    role: 'admin',
    scope: 'manage',
    status: 200,
    other: 'own',
    request: () => ({ method: 'PUT', path: '/v2/endorsers/self', body: { name: 'North Endorsements', url: 'https://north.example', email: 'endorse@north.example' } }),
  },
  {
    name: 'register a webhook',
    role: 'admin',
    scope: 'manage',
    status: 201,
    other: 'own',
    request: () => ({ method: 'POST', path: '/v2/webhooks', body: { url: 'http://127.0.0.1:9/hook', events: ['badges.badgeclass.updated.v1'] } }),
  },
  { name: 'list webhooks', role: 'admin', scope: 'read', status: 200, other: 'own', request: () => ({ method: 'GET', path: '/v2/webhooks' }) },
  {
    name: 'delete a webhook',
    role: 'admin',
    scope: 'manage',
    status: 204,
    other: 'hidden',
    prepare: (w) => w.fresh.webhook(),
    request: (_w, webhook) => ({ method: 'DELETE', path: `/v2/webhooks/${webhook}` }),
  },
  { name: 'read the email template', role: 'any', scope: 'read', status: 200, other: 'own', request: () => ({ method: 'GET', path: '/v2/notifications/templates/assertion-issued' }) },
  {
    name: 'change the email template',
    role: 'admin',
    scope: 'manage',
    status: 200,
    other: 'own',
    request: () => ({ method: 'PUT', path: '/v2/notifications/templates/assertion-issued', body: { subject: 'Your {{badgeName}}', text: 'See {{assertionUrl}}' } }),
  },
  { name: 'reset the email template', role: 'admin', scope: 'manage', status: 204, other: 'own', request: () => ({ method: 'DELETE', path: '/v2/notifications/templates/assertion-issued' }) },
  { name: 'list API clients', role: 'admin', scope: 'manage', status: 200, other: 'own', request: () => ({ method: 'GET', path: '/v2/clients' }) },
  { name: 'create an API client', role: 'admin', scope: 'manage', status: 201, other: 'own', request: () => ({ method: 'POST', path: '/v2/clients', body: { name: unique('Registrar'), scope: 'read' } }) },
  {
    name: 'rotate an API client',
    role: 'admin',
    scope: 'manage',
    status: 200,
    other: 'hidden',
    prepare: (w) => w.fresh.client(),
    request: (_w, client) => ({ method: 'POST', path: `/v2/clients/${client}/rotate` }),
  },
  {
    name: 'revoke an API client',
    role: 'admin',
    scope: 'manage',
    status: 200,
    other: 'hidden',
    prepare: (w) => w.fresh.client(),
    request: (_w, client) => ({ method: 'POST', path: `/v2/clients/${client}/revoke` }),
  },
  { name: 'list people', role: 'admin', scope: 'manage', status: 200, other: 'own', request: () => ({ method: 'GET', path: '/v2/staff' }) },
  {
    name: 'invite a person',
    role: 'admin',
    scope: 'manage',
    status: 201,
    other: 'own',
    request: () => ({ method: 'POST', path: '/v2/staff', body: { email: `${unique('invitee')}@north.example`, name: 'New Person' } }),
  },
  {
    name: 'change a person’s roles',
    role: 'admin',
    scope: 'manage',
    status: 200,
    other: 'hidden',
    prepare: (w) => w.fresh.invitee(),
    request: (w, person) => ({ method: 'PUT', path: `/v2/staff/${person}`, body: { issuerRoles: [] } }),
  },
  {
    name: 'remove a person',
    role: 'admin',
    scope: 'manage',
    status: 200,
    other: 'hidden',
    prepare: (w) => w.fresh.invitee(),
    request: (_w, person) => ({ method: 'DELETE', path: `/v2/staff/${person}` }),
  },
  { name: 'read the audit trail', role: 'admin', scope: 'manage', status: 200, other: 'own', request: () => ({ method: 'GET', path: '/v2/audit' }) },
  { name: 'export the audit trail', role: 'admin', scope: 'manage', status: 200, other: 'own', request: () => ({ method: 'GET', path: '/v2/audit/export.csv' }) },
];

/** The answer a caller must get: the action's status when allowed, else the refusal. */
function expectedStatus(caller: Caller, action: Action): number {
  switch (caller.kind) {
    case 'anonymous':
      return 401;
    case 'other-institution':
      return action.other === 'hidden' ? 404 : action.status;
    case 'client':
      return SCOPE_RANK[caller.scope] >= SCOPE_RANK[action.scope] ? action.status : 403;
    case 'person': {
      // An institution admin holds every role; a role on another issuer only lets a person read.
      const rank = caller.onIssuerA || caller.rank === ROLE_RANK.admin ? caller.rank : ROLE_RANK.any;
      return rank >= ROLE_RANK[action.role] ? action.status : 403;
    }
  }
}

const CELLS = CALLER_NAMES.flatMap((caller) => ACTIONS.map((action) => ({ caller, action, expected: expectedStatus(CALLERS[caller], action) })));

describe.each(embeddedStorageTargets())('roles × actions through the gateway on $name', (target) => {
  const smtp = new SmtpSink();
  let dataDir: string;
  let platform: PlatformProcess;
  let storage: { env: Record<string, string>; dispose(): Promise<void> };
  let anonymous: ApiClient;
  let world: World;
  const callers = {} as Record<CallerName, ApiClient>;

  const ok = async (response: Promise<ApiResponse>, status: number): Promise<ApiResponse> => {
    const answer = await response;
    if (answer.status !== status) throw new Error(`expected ${status}, got ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer;
  };
  const idOf = async (response: Promise<ApiResponse>, status = 201): Promise<string> => {
    const result = (await ok(response, status)).body.result[0];
    return result.entityId ?? result.clientId ?? result.staffId;
  };

  async function tokenFor(form: Record<string, string>): Promise<ApiClient> {
    const response = await ok(anonymous.request('POST', '/o/token', new URLSearchParams(form).toString(), { 'content-type': 'application/x-www-form-urlencoded' }), 200);
    return anonymous.withToken(response.body.access_token);
  }

  async function clientWithScope(admin: ApiClient, scope: ClientScope): Promise<ApiClient> {
    const created = (await ok(admin.post('/v2/clients', { name: `Matrix ${scope}`, scope }), 201)).body.result[0];
    return tokenFor({ grant_type: 'client_credentials', client_id: created.clientId, client_secret: created.clientSecret });
  }

  /** Invites a person, accepts from the real email, and signs in with Badgr's password grant. */
  async function person(admin: ApiClient, email: string, roles: Record<string, unknown>): Promise<ApiClient> {
    await ok(admin.post('/v2/staff', { email, name: 'Matrix Person', ...roles }), 201);
    const mail = await eventually(() => smtp.messages.find((received) => received.to.includes(email)), `the invitation to ${email}`);
    const token = /#token=([A-Za-z0-9_-]+)/.exec(mailText(mail))?.[1] ?? '';
    await ok(anonymous.post('/v2/staff/invitations/accept', { token, password: PASSWORD }), 200);
    return tokenFor({ grant_type: 'password', username: email, password: PASSWORD, client_id: 'public' });
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'badges-roles-matrix-'));
    storage = await target.env();
    const smtpUrl = await smtp.start();
    const port = await freePort();
    platform = await startPlatformProcess({
      ...storage.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      SMTP_URL: smtpUrl,
      PASSWORD_SCRYPT_LOG_N: '14',
      // The webhooks registered below point at a closed loopback port.
      ALLOW_PRIVATE_NETWORK_FETCH: 'true',
    });
    anonymous = new ApiClient(platform.url);
    const adminA = await anonymous.forNewInstitution(platform.adminToken, 'North College');
    const clientX = await anonymous.forNewInstitution(platform.adminToken, 'Other College');
    const institutionA = (await ok(adminA.get('/v2/institutions/self'), 200)).body.result[0].entityId;
    const clientC = await anonymous.forNewInstitution(platform.adminToken, 'Engineering Council');
    const institutionC = (await ok(clientC.get('/v2/institutions/self'), 200)).body.result[0].entityId;
    const badgeClassC = await idOf(clientC.post(`/v2/issuers/${await idOf(clientC.post('/v2/issuers', issuerBody('Council')))}/badgeclasses`, badgeClassBody('Council Badge')));

    const issuerA = await idOf(adminA.post('/v2/issuers', issuerBody('Faculty of Engineering')));
    const issuerB = await idOf(adminA.post('/v2/issuers', issuerBody('Faculty of Arts')));
    const doomed = await Promise.all(CALLER_NAMES.map(() => idOf(adminA.post('/v2/issuers', issuerBody('Doomed')))));
    const doomedIssuer = Object.fromEntries(CALLER_NAMES.map((caller, index) => [caller, doomed[index]])) as Record<CallerName, string>;
    const badgeClassA = await idOf(adminA.post(`/v2/issuers/${issuerA}/badgeclasses`, badgeClassBody('Robotics Fundamentals')));
    const issuerX = await idOf(clientX.post('/v2/issuers', issuerBody('Other Faculty')));
    const badgeClassX = await idOf(clientX.post(`/v2/issuers/${issuerX}/badgeclasses`, badgeClassBody('Other Badge')));
    // Both institutions publish an endorser profile: A asks X, and X asks A (A answers as the endorser).
    await ok(adminA.put('/v2/endorsers/self', { name: 'North Endorsements', url: 'https://north.example', email: 'endorse@north.example' }), 200);
    await ok(clientC.put('/v2/endorsers/self', { name: 'Council Endorsements', url: 'https://council.example', email: 'endorse@council.example' }), 200);

    /** The role on issuer A, and the same role on every doomed issuer (so "delete an issuer" has one to delete). */
    const onA = (role: string) => ({ issuerRoles: [issuerA, ...doomed].map((issuerId) => ({ issuerId, role })) });
    callers['institution admin'] = await person(adminA, 'admin@north.example', { institutionRole: 'admin' });
    callers['owner of issuer A'] = await person(adminA, 'owner@north.example', onA('owner'));
    callers['editor of issuer A'] = await person(adminA, 'editor@north.example', onA('editor'));
    callers['staff of issuer A'] = await person(adminA, 'staff@north.example', onA('staff'));
    callers['editor of issuer B only'] = await person(adminA, 'editor-b@north.example', { issuerRoles: [{ issuerId: issuerB, role: 'editor' }] });
    callers['admin of another institution'] = await person(clientX, 'admin@other.example', { institutionRole: 'admin' });
    callers['client (read)'] = await clientWithScope(adminA, 'read');
    callers['client (award)'] = await clientWithScope(adminA, 'award');
    callers['client (manage)'] = await clientWithScope(adminA, 'manage');
    callers['no token'] = anonymous;

    const assertion = (notify = false) =>
      idOf(adminA.post(`/v2/badgeclasses/${badgeClassA}/assertions`, { recipient: { identity: `${unique('dee')}@north.example` }, notify }));
    world = {
      institutionA,
      institutionC,
      issuerA,
      issuerB,
      badgeClassA,
      badgeClassX,
      doomedIssuer,
      adminA,
      clientX,
      fresh: {
        badgeClass: () => idOf(adminA.post(`/v2/issuers/${issuerA}/badgeclasses`, badgeClassBody(unique('Unused')))),
        assertion,
        sentEmail: async () => {
          const awarded = await assertion(true);
          // A resend is refused (409) while the first send is queued: wait until it went out.
          return eventually(async () => {
            const emails = (await adminA.get(`/v2/notifications/emails?assertion=${awarded}`)).body.result ?? [];
            return emails.find((email: { status: string }) => email.status === 'sent')?.entityId;
          }, `the award email of ${awarded}`);
        },
        // Asked by the third institution, so that the other institution is no party to it.
        endorsementByA: async () => {
          const request = await idOf(clientC.post('/v2/endorsement-requests', { target: { type: 'BadgeClass', entityId: badgeClassC }, endorser: institutionA }));
          return idOf(adminA.post(`/v2/endorsement-requests/${request}/approve`, { comment: 'Solid.' }));
        },
        // A asks the third institution about its badge class, which endorses it.
        endorsementOfA: async () => {
          const request = await idOf(adminA.post('/v2/endorsement-requests', { target: { type: 'BadgeClass', entityId: badgeClassA }, endorser: institutionC }));
          return idOf(clientC.post(`/v2/endorsement-requests/${request}/approve`, { comment: 'Endorsed.' }));
        },
        requestToA: () => idOf(clientX.post('/v2/endorsement-requests', { target: { type: 'BadgeClass', entityId: badgeClassX }, endorser: institutionA })),
        webhook: () => idOf(adminA.post('/v2/webhooks', { url: 'http://127.0.0.1:9/hook', events: ['badges.badgeclass.updated.v1'] })),
        client: () => idOf(adminA.post('/v2/clients', { name: unique('Spare'), scope: 'read' })),
        invitee: () => idOf(adminA.post('/v2/staff', { email: `${unique('spare')}@north.example`, name: 'Spare Person' })),
      },
    };
  }, 180_000);

  afterAll(async () => {
    await platform?.stop();
    await smtp.stop();
    await storage?.dispose();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it.each(CELLS)('$caller: $action.name → $expected', async ({ caller, action, expected }) => {
    const fixture = action.prepare ? await action.prepare(world, caller) : '';
    const { method, path, body, headers } = action.request(world, fixture);
    const response = await callers[caller].request(method, path, body, headers);
    const shown = response.status === expected ? '' : JSON.stringify(response.body);
    expect({ status: response.status, body: shown }).toEqual({ status: expected, body: '' });
    if (expected === 403) expect(response.body.error.code).toBe('forbidden');
    if (expected === 404) expect(response.body.error).toEqual(expect.objectContaining({ code: expect.any(String) }));
    if (caller === 'admin of another institution') {
      // What the other institution sees never names institution A's entities (A's id is public: X asks A for endorsements).
      const text = typeof response.body === 'string' ? response.body : JSON.stringify(response.body);
      for (const id of [world.issuerA, world.issuerB, world.badgeClassA]) expect(text).not.toContain(id);
      if (action.name === 'batch revoke') expect(response.body.result[0]).toMatchObject({ revoked: false });
    }
  }, 30_000);
});

async function eventually<T>(probe: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

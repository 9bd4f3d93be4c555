/**
 * The passport service end to end over HTTP, on every storage target (PGlite, and PostgreSQL when
 * DATABASE_URL is set): awards arrive as the issuer publishes them, on the app's own in-process
 * bus; confirmation emails are read from the event the notification service would send.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { z } from 'zod';

import {
  AddedIdentifierV2Schema,
  BackpackAssertionV2Schema,
  CollectionV2Schema,
  ConfirmedEmailV2Schema,
  EmailV2Schema,
  ShareV2Schema,
  UserV2Schema,
  VerifiedIdentifierV2Schema,
} from '@badges/api-contracts';
import { createEvent, Topic } from '@badges/events';
import { databaseTargets, newEntityId, openDatabase, type Database, type ScratchDatabase } from '@badges/persistence';

import { readZip } from './export/testing/read-zip';
import { TEST_PNG } from './testing/fake-issuer';
import { expectApiError as expectError, startPassport, TEST_PUBLIC_URL, type PassportHarness } from './testing/passport-test-app';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The API contract is the answer to the letter: parsing drops no field and changes no value. */
const expectContract = (schema: z.ZodType, answer: unknown) => expect(schema.parse(answer)).toEqual(answer);

describe.each(databaseTargets())('passport service on $name', (target) => {
  let scratch: ScratchDatabase;
  let database: Database;
  let p: PassportHarness;

  beforeAll(async () => {
    scratch = await target.create();
    database = await openDatabase(scratch.config);
    p = await startPassport(database);
  }, 120_000);

  afterAll(async () => {
    await p?.close();
    await database?.close();
    await scratch?.dispose();
  });

  const badges = async (token: string, query = ''): Promise<Json[]> => p.json(await p.call('GET', `/v2/backpack/assertions${query}`, token)).result;

  describe('accounts', () => {
    it('refuses bad sign-ups with a field, and answers a taken address as a new one while its owner is emailed', async () => {
      expectError(await p.call('POST', '/v2/auth/signup', undefined, { email: 'not-an-email', password: 'long enough password' }), 400, 'validation_failed', 'email');
      expectError(await p.call('POST', '/v2/auth/signup', undefined, { email: 'x@example.org', password: 'short' }), 400, 'validation_failed', 'password');
      expectError(await p.call('POST', '/v2/auth/signup', undefined, { password: 'long enough password' }), 400, 'validation_failed', 'email');
      expectError(await p.call('POST', '/v2/auth/signup', undefined, '{"email":', { 'content-type': 'application/json' }), 400, 'invalid_json');
      const { learnerId } = await p.signUp('taken@example.org', 'correct horse battery', 'Tia Owner');
      const fresh = await p.call('POST', '/v2/auth/signup', undefined, { email: 'fresh@example.org', password: 'long enough password', name: 'Someone' });
      const again = await p.call('POST', '/v2/auth/signup', undefined, { email: ' TAKEN@example.org ', password: 'long enough password', name: 'Someone' });
      expect([fresh.statusCode, again.statusCode]).toEqual([201, 201]);
      const shape = (body: Json) => JSON.parse(JSON.stringify(body).replace(/"entityId":"[^"]+"/g, '"entityId":"x"').replace(/(fresh|taken)@/g, 'who@'));
      expect(shape(p.json(again))).toEqual(shape(p.json(fresh)));
      expect(Object.keys(again.headers).sort()).toEqual(Object.keys(fresh.headers).sort());
      expect(p.json(again).result[0].entityId).not.toBe(learnerId);
      expect(await p.waitFor(() => p.notices.find((n) => n.email === 'taken@example.org'), 'the owner notice')).toEqual({
        learnerId,
        email: 'taken@example.org',
        learnerName: 'Tia Owner',
        signInUrl: 'https://badges.example.org/passport',
      });
      // Nothing was stored for the second sign-up: the owner's password still signs in, the other does not.
      expect(await p.signIn('taken@example.org')).toMatch(/^lp_/);
      expectError(await p.call('POST', '/v2/auth/token', undefined, { username: 'taken@example.org', password: 'long enough password' }), 401, 'invalid_credentials');
      expect(p.confirmations.filter((c) => c.email === 'taken@example.org')).toHaveLength(1);
    });

    it('answers a sign-up for an address verified on another passport as a new one, and emails that passport', async () => {
      const { token, learnerId } = await p.signUp('first-address@example.org', 'correct horse battery', 'Sam Second');
      expect((await p.call('POST', '/v2/users/self/emails', token, { email: 'second-address@example.org' })).statusCode).toBe(201);
      await p.confirm('second-address@example.org');
      const response = await p.call('POST', '/v2/auth/signup', undefined, { email: 'second-address@example.org', password: 'long enough password' });
      expect(response.statusCode).toBe(201);
      expect(await p.waitFor(() => p.notices.find((n) => n.email === 'second-address@example.org'), 'the owner notice')).toMatchObject({ learnerId, learnerName: 'Sam Second' });
      const [{ count }] = await database.query<{ count: number }>(`SELECT count(*)::int AS count FROM passport.learners WHERE username = 'second-address@example.org'`);
      expect(count).toBe(0);
    });

    it('lets the owner of an address take it back from an abandoned, never-verified sign-up', async () => {
      const squatter = await p.signUp('victim@example.org', 'squatter password');
      // Within the link's day the squatter's account stands: the owner's sign-up changes nothing.
      expect((await p.call('POST', '/v2/auth/signup', undefined, { email: 'victim@example.org', password: 'owner password!' })).statusCode).toBe(201);
      expectError(await p.call('POST', '/v2/auth/token', undefined, { username: 'victim@example.org', password: 'owner password!' }), 401, 'invalid_credentials');
      await database.query(`UPDATE passport.learners SET "createdAt" = now() - interval '25 hours' WHERE username = 'victim@example.org'`);
      expect((await p.call('POST', '/v2/auth/signup', undefined, { email: 'victim@example.org', password: 'owner password!' })).statusCode).toBe(201);
      expectError(await p.call('GET', '/v2/users/self', squatter.token), 401, 'unauthorized');
      expect(await p.signIn('victim@example.org', 'owner password!')).toMatch(/^lp_/);
      // A verified account keeps its name however old it is.
      await p.confirm('victim@example.org');
      await database.query(`UPDATE passport.learners SET "createdAt" = now() - interval '400 days' WHERE username = 'victim@example.org'`);
      expect((await p.call('POST', '/v2/auth/signup', undefined, { email: 'victim@example.org', password: 'another password' })).statusCode).toBe(201);
      expect(await p.signIn('victim@example.org', 'owner password!')).toMatch(/^lp_/);
    });

    it('signs in with the password only, and tells nobody which part was wrong', async () => {
      await p.signUp('signin@example.org', 'the right password');
      expectError(await p.call('POST', '/v2/auth/token', undefined, { username: 'signin@example.org', password: 'the wrong password' }), 401, 'invalid_credentials');
      expectError(await p.call('POST', '/v2/auth/token', undefined, { username: 'nobody@example.org', password: 'the right password' }), 401, 'invalid_credentials');
      expectError(await p.call('POST', '/v2/auth/token', undefined, { username: 'signin@example.org' }), 400, 'validation_failed', 'password');
      const form = await p.call('POST', '/v2/auth/token', undefined, 'grant_type=password&username=SIGNIN%40example.org&password=the+right+password', { 'content-type': 'application/x-www-form-urlencoded' });
      expect(form.statusCode).toBe(200);
      expect(p.json(form)).toEqual({ access_token: expect.stringMatching(/^lp_/), token_type: 'Bearer', expires_in: 604800, scope: expect.any(String) });
      const [stored] = await database.query<{ passwordHash: string }>(`SELECT "passwordHash" FROM passport.learners WHERE username = 'signin@example.org'`);
      expect(stored.passwordHash).toMatch(/^scrypt\$16384\$8\$1\$/);
      expect(stored.passwordHash).not.toContain('the right password');
    });

    it('answers 401 without a token, with a bad one, and after logout', async () => {
      expectError(await p.call('GET', '/v2/users/self'), 401, 'unauthorized');
      expectError(await p.call('GET', '/v2/users/self', 'lp_forged'), 401, 'unauthorized');
      const { token } = await p.signUp('logout@example.org');
      expect((await p.call('GET', '/v2/users/self', token)).statusCode).toBe(200);
      expect((await p.call('POST', '/v2/auth/logout', token)).statusCode).toBe(204);
      expectError(await p.call('GET', '/v2/users/self', token), 401, 'unauthorized');
    });

    it('refuses a confirmation token that is unknown or already used', async () => {
      expectError(await p.call('POST', '/v2/auth/confirm-email', undefined, { token: 'x'.repeat(43) }), 400, 'invalid_confirmation', 'token');
      expectError(await p.call('POST', '/v2/auth/confirm-email', undefined, {}), 400, 'validation_failed', 'token');
      await p.signUp('once@example.org');
      const token = await p.confirmationToken('once@example.org');
      // A link emailed before the web app's page existed is sent on to it, unconfirmed.
      const old = await p.call('GET', `/v2/auth/confirm-email?token=${token}`);
      expect([old.statusCode, old.headers.location]).toEqual([303, `/passport/confirm-email?token=${token}`]);
      expect((await p.call('GET', '/v2/auth/confirm-email')).headers.location).toBe('/passport/confirm-email?token=');
      expect(new URL(p.confirmations.at(-1)!.confirmUrl).pathname).toBe('/passport/confirm-email');
      expect((await p.call('POST', '/v2/auth/confirm-email', undefined, { token })).statusCode).toBe(200);
      expectError(await p.call('POST', '/v2/auth/confirm-email', undefined, { token }), 400, 'invalid_confirmation', 'token');
    });
  });

  describe('auto-collect', () => {
    it('collects awards made before sign-up and before an address was added, once each, when verified', async () => {
      const first = await p.award('Collect-A@example.org', { badgeName: 'First' });
      const { token } = await p.signUp('collect-a@example.org');
      expect(await badges(token)).toEqual([]); // not verified yet
      const confirmed = await p.confirm('collect-a@example.org');
      expect(confirmed.collected).toBe(1);
      expectContract(ConfirmedEmailV2Schema, confirmed);
      expect(await badges(token)).toEqual([expect.objectContaining({ entityId: first, status: 'pending', acceptance: 'Unaccepted', badgeclassName: 'First', revoked: false })]);

      const second = await p.award('collect-b@example.org', { badgeName: 'Second' });
      expect((await p.call('POST', '/v2/users/self/emails', token, { email: 'collect-b@example.org' })).statusCode).toBe(201);
      expect((await badges(token)).map((b) => b.entityId)).toEqual([first]);
      await p.confirm('collect-b@example.org');
      const third = await p.award('collect-b@example.org', { badgeName: 'Third' });
      const plain = await p.award('collect-b@example.org', { badgeName: 'Plain', hashed: false, withLookup: false });
      expect((await badges(token)).map((b) => b.entityId).sort()).toEqual([first, second, third, plain].sort());
      const emails = p.json(await p.call('GET', '/v2/users/self/emails', token)).result as Json[];
      expect(emails.map((e) => [e.email, e.verified, e.primary])).toEqual([['collect-a@example.org', true, true], ['collect-b@example.org', true, false]]);
      for (const email of emails) expectContract(EmailV2Schema, email);
      expectContract(UserV2Schema, p.json(await p.call('GET', '/v2/users/self', token)).result[0]);
    });

    it("lists the live endorsements of a badge's class, issuer or assertion, and drops a withdrawn one for good", async () => {
      const { token } = await p.signUp('endorsed@example.org');
      await p.confirm('endorsed@example.org');
      const assertionId = await p.award('endorsed@example.org');
      const endorsementId = newEntityId();
      const target = { type: 'BadgeClass' as const, entityId: 'badgeclass1' };
      const url = `${TEST_PUBLIC_URL}/public/endorsements/${endorsementId}`;
      const issued = createEvent(Topic.EndorsementIssued, {
        institutionId: 'inst-a', correlationId: 'corr-e', aggregateId: endorsementId,
        payload: { endorsementId, endorsementUrl: url, requestId: newEntityId(), target, endorserInstitutionId: 'inst-b', endorserName: 'Engineering Council', comment: 'Meets our standard.', issuedOn: '2026-01-02T03:04:05.000Z' },
      });
      await p.bus.publish([issued, issued]);
      await p.bus.idle();
      const endorsementsOf = async () => (await badges(token)).find((b) => b.entityId === assertionId)!.endorsements;
      expect(await endorsementsOf()).toEqual([{ url, target: 'BadgeClass', endorserName: 'Engineering Council', comment: 'Meets our standard.', issuedOn: '2026-01-02T03:04:05.000Z' }]);
      for (const badge of await badges(token)) expectContract(BackpackAssertionV2Schema, badge);

      const revoked = createEvent(Topic.EndorsementRevoked, {
        institutionId: 'inst-a', correlationId: 'corr-e2', aggregateId: endorsementId,
        payload: { endorsementId, target, revokedAt: new Date().toISOString(), endorsementUrl: url },
      });
      await p.bus.publish([revoked]);
      await p.bus.idle();
      expect(await endorsementsOf()).toEqual([]);
      // A replayed `issued` (another eventId, same endorsement) cannot bring it back.
      await p.bus.publish([createEvent(Topic.EndorsementIssued, { institutionId: 'inst-a', correlationId: 'corr-e3', aggregateId: endorsementId, payload: issued.payload })]);
      await p.bus.idle();
      expect(await endorsementsOf()).toEqual([]);
    });

    it('marks a badge whose expiry has passed as expired', async () => {
      const { token } = await p.signUp('expiry@example.org');
      await p.confirm('expiry@example.org');
      const old = await p.award('expiry@example.org', { issuedOn: '2020-01-01T00:00:00Z', expires: '2021-01-01T00:00:00Z' });
      const current = await p.award('expiry@example.org', { expires: '2999-01-01T00:00:00Z' });
      const byId = Object.fromEntries((await badges(token)).map((b) => [b.entityId, [b.expired, b.expires]]));
      expect(byId).toEqual({ [old]: [true, '2021-01-01T00:00:00.000Z'], [current]: [false, '2999-01-01T00:00:00.000Z'] });
    });

    it('refuses an address another account verified, with 409', async () => {
      await p.signUp('owner@example.org');
      await p.confirm('owner@example.org');
      const { token } = await p.signUp('other@example.org');
      expectError(await p.call('POST', '/v2/users/self/emails', token, { email: 'OWNER@example.org' }), 409, 'conflict', 'email');
      expectError(await p.call('POST', '/v2/users/self/emails', token, { email: 'nope' }), 400, 'validation_failed', 'email');
    });

    it('verifies a URL by the proof text on its page (no redirects), then collects what was awarded to it', async () => {
      const pages = new Map<string, string>();
      const server = createServer((request, response) => {
        if (request.url === '/moved') return void response.writeHead(302, { location: '/me' }).end();
        const page = pages.get(request.url ?? '');
        response.writeHead(page === undefined ? 404 : 200, { 'content-type': 'text/html' }).end(page ?? 'nothing here');
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      try {
        const { token } = await p.signUp('urlowner@example.org');
        const awarded = await p.award(`${base}/me`, { type: 'url' });
        const added = p.json(await p.call('POST', '/v2/users/self/identifiers', token, { type: 'url', value: `${base}/me` })).result[0];
        expect(added.proof).toMatch(/^badge-passport-proof=[A-Za-z0-9_-]{32}$/);
        expectContract(AddedIdentifierV2Schema, added);
        const verify = () => p.call('POST', `/v2/users/self/identifiers/${added.entityId}/verify`, token);
        expectError(await verify(), 400, 'validation_failed', 'identifier'); // 404: no page yet
        pages.set('/me', '<p>my page</p>');
        expectError(await verify(), 400, 'validation_failed', 'identifier'); // no proof on it
        const moved = p.json(await p.call('POST', '/v2/users/self/identifiers', token, { type: 'url', value: `${base}/moved` })).result[0];
        pages.set('/me', `<p>my page</p><!-- ${moved.proof} ${added.proof} -->`);
        expectError(await p.call('POST', `/v2/users/self/identifiers/${moved.entityId}/verify`, token), 400, 'validation_failed', 'identifier');
        const verified = await verify();
        expect([verified.statusCode, p.json(verified).result[0].verified, p.json(verified).result[0].collected]).toEqual([200, true, 1]);
        expectContract(VerifiedIdentifierV2Schema, p.json(verified).result[0]);
        expect((await badges(token)).map((b) => b.entityId)).toEqual([awarded]);
        const phone = p.json(await p.call('POST', '/v2/users/self/identifiers', token, { type: 'telephone', value: '+14165550111' })).result[0];
        expectError(await p.call('POST', `/v2/users/self/identifiers/${phone.entityId}/verify`, token), 400, 'validation_failed', 'identifier');
      } finally {
        await new Promise((resolve) => server.close(resolve));
      }
    });

    it('keeps url and telephone identifiers, unverified, and validates them', async () => {
      const { token } = await p.signUp('ids@example.org');
      expect((await p.call('POST', '/v2/users/self/identifiers', token, { type: 'telephone', value: '+14165550100' })).statusCode).toBe(201);
      expect((await p.call('POST', '/v2/users/self/identifiers', token, { type: 'url', value: 'https://ada.example.org/' })).statusCode).toBe(201);
      expectError(await p.call('POST', '/v2/users/self/identifiers', token, { type: 'telephone', value: '416 555' }), 400, 'validation_failed', 'value');
      expectError(await p.call('POST', '/v2/users/self/identifiers', token, { type: 'fax', value: '1' }), 400, 'validation_failed', 'type');
      const ids = p.json(await p.call('GET', '/v2/users/self/identifiers', token)).result as Json[];
      expect(ids.map((i) => [i.type, i.verified])).toEqual([['email', false], ['telephone', false], ['url', false]]);
    });
  });

  describe('accept, curate, share, revoke, export', () => {
    let token: string;
    let kept: string;
    let revoked: string;
    let declined: string;
    let collectionId: string;

    beforeAll(async () => {
      ({ token } = await p.signUp('curate@example.org', 'correct horse battery', 'Grace Curator'));
      await p.confirm('curate@example.org');
      kept = await p.award('curate@example.org', { badgeName: 'Welding <I>' });
      revoked = await p.award('curate@example.org', { badgeName: 'Robotics' });
      declined = await p.award('curate@example.org', { badgeName: 'Spam Badge' });
    }, 60_000);

    it('accepts and declines (Badgr acceptance values), and refuses a bad value', async () => {
      expect(p.json(await p.call('PUT', `/v2/backpack/assertions/${kept}`, token, { acceptance: 'Accepted' })).result[0]).toMatchObject({ status: 'accepted', acceptance: 'Accepted' });
      await p.call('PUT', `/v2/backpack/assertions/${revoked}`, token, { acceptance: 'Accepted' });
      expect(p.json(await p.call('PUT', `/v2/backpack/assertions/${declined}`, token, { acceptance: 'Rejected' })).result[0].status).toBe('declined');
      expectError(await p.call('PUT', `/v2/backpack/assertions/${kept}`, token, { acceptance: 'Maybe' }), 400, 'validation_failed', 'acceptance');
      expect((await badges(token, '?status=accepted')).map((b) => b.entityId).sort()).toEqual([kept, revoked].sort());
      expectError(await p.call('GET', '/v2/backpack/assertions?status=odd', token), 400, 'validation_failed', 'status');
    });

    it('gives each badge its texts in the reader’s language where its badge class is translated, on the API and the share page', async () => {
      const inFrench = p.json(await p.call('GET', `/v2/backpack/assertions/${kept}`, token, undefined, { 'accept-language': 'fr-CA,fr;q=0.9' })).result[0];
      expect(inFrench.badgeEdition).toEqual({ language: 'fr', name: 'Sécurité au labo', description: 'Travaille en sécurité.', criteriaNarrative: 'A réussi le test.' });
      expect(inFrench.badgeclassName).toBe('Welding <I>');
      expectContract(BackpackAssertionV2Schema, inFrench);
      expect(p.json(await p.call('GET', `/v2/backpack/assertions/${kept}`, token, undefined, { 'accept-language': 'en' })).result[0].badgeEdition).toBeNull();
      expect(p.json(await p.call('GET', `/v2/backpack/assertions/${kept}`, token)).result[0].badgeEdition).toBeNull();
      const share = p.json(await p.call('POST', '/v2/backpack/shares', token, { type: 'badge', entityId: kept })).result[0];
      const page = await p.call('GET', `/public/passport/shares/${share.entityId}?lang=fr`, undefined, undefined, { accept: 'text/html', 'accept-language': 'en' });
      expect(page.headers['content-language']).toBe('fr');
      expect(page.body).toContain('<h1>Sécurité au labo</h1>');
      expect(page.body).toMatch(/Décerné par Faculty of Science le \d{1,2} \p{L}+ \d{4}/u);
      expect((await p.call('DELETE', `/v2/backpack/shares/${share.entityId}`, token)).statusCode).toBe(204);
    });

    it('puts accepted badges in an ordered collection, refusing declined or unknown ones by position', async () => {
      expectError(await p.call('POST', '/v2/backpack/collections', token, { name: 'x', assertions: [kept, declined] }), 400, 'validation_failed', 'assertions.1');
      expectError(await p.call('POST', '/v2/backpack/collections', token, { name: 'x', assertions: ['unknownAssertion'] }), 400, 'validation_failed', 'assertions.0');
      expectError(await p.call('POST', '/v2/backpack/collections', token, { name: '' }), 400, 'validation_failed', 'name');
      const created = await p.call('POST', '/v2/backpack/collections', token, { name: 'Trades', description: 'Shop skills', assertions: [revoked, kept] });
      expect(created.statusCode).toBe(201);
      collectionId = p.json(created).result[0].entityId;
      expect(p.json(created).result[0]).toMatchObject({ name: 'Trades', description: 'Shop skills', assertions: [revoked, kept] });
      expectContract(CollectionV2Schema, p.json(created).result[0]);
      const reordered = await p.call('PUT', `/v2/backpack/collections/${collectionId}`, token, { assertions: [kept, revoked] });
      if (reordered.statusCode !== 200) throw new Error(reordered.body);
      expect(p.json(reordered).result[0].assertions).toEqual([kept, revoked]);
    });

    it('shares a collection and a badge publicly, with Open Graph tags, a snippet, LinkedIn and a view count', async () => {
      const share = p.json(await p.call('POST', '/v2/backpack/shares', token, { type: 'collection', entityId: collectionId })).result[0];
      expect(share.url).toBe(`https://badges.example.org/public/passport/shares/${share.entityId}`);
      expect(share.embedHtml).toContain(`${share.url}/embed`);
      expectContract(ShareV2Schema, share);
      const page = await p.call('GET', `/public/passport/shares/${share.entityId}`, undefined, undefined, { accept: 'text/html' });
      expect([page.statusCode, page.headers['content-type'], page.headers['cache-control']]).toEqual([200, 'text/html; charset=utf-8', 'no-store']);
      expect(page.body).toContain('<meta property="og:title" content="Trades">');
      expect(page.body).toContain(`<meta property="og:image" content="https://badges.example.org/public/assertions/${kept}/image">`);
      expect(page.body).toContain('Welding &lt;I&gt;');
      expect(page.body).not.toContain('Welding <I>');
      expect(page.body).toContain(`/public/assertions/${revoked}"`);
      const asJson = p.json(await p.call('GET', `/public/passport/shares/${share.entityId}`, undefined, undefined, { accept: 'application/json' }));
      expect(asJson.badges.map((b: Json) => b.name)).toEqual(['Welding <I>', 'Robotics']);
      expect((await p.call('GET', `/public/passport/shares/${share.entityId}/embed`)).statusCode).toBe(200);
      expect(p.json(await p.call('GET', `/v2/backpack/shares/${share.entityId}`, token)).result[0].views).toBe(3);
      // Views the gateway answered from its cache come back as a report (docs/caching.md), added in one go.
      const report = (hits: unknown) => p.call('POST', '/internal/cache-hits', undefined, { hits });
      expect((await report({ [`share:${share.entityId}`]: 40, 'share:NoSuchShareAAAAAAAAAAA': 2 })).statusCode).toBe(204);
      expect(p.json(await p.call('GET', `/v2/backpack/shares/${share.entityId}`, token)).result[0].views).toBe(43);
      expectError(await report({ [`assertion:${share.entityId}`]: 1 }), 400, 'validation_failed', `hits.assertion:${share.entityId}`);
      expectError(await report({ [`share:${share.entityId}`]: -5 }), 400, 'validation_failed', `hits.share:${share.entityId}`);
      expectError(await report('lots'), 400, 'validation_failed', 'hits');
      expect(p.json(await p.call('GET', `/v2/backpack/shares/${share.entityId}`, token)).result[0].views).toBe(43);

      expectError(await p.call('POST', '/v2/backpack/shares', token, { type: 'badge', entityId: declined }), 400, 'validation_failed', 'entityId');
      const badgeShare = p.json(await p.call('POST', '/v2/backpack/shares', token, { type: 'badge', entityId: revoked })).result[0];
      const linkedIn = new URL(badgeShare.linkedInUrl);
      expect([linkedIn.origin + linkedIn.pathname, linkedIn.searchParams.get('name'), linkedIn.searchParams.get('certUrl')]).toEqual(['https://www.linkedin.com/profile/add', 'Robotics', badgeShare.url]);
      expectContract(ShareV2Schema, badgeShare);
      expect((await p.call('GET', `/public/passport/shares/${badgeShare.entityId}`)).statusCode).toBe(200);

      await p.revoke(revoked, 'Awarded by mistake');
      const [mine] = (await badges(token)).filter((b) => b.entityId === revoked);
      expect(mine).toMatchObject({ revoked: true, revocationReason: 'Awarded by mistake', status: 'accepted' });
      const after = await p.call('GET', `/public/passport/shares/${share.entityId}`);
      expect(after.body).toContain(`/public/assertions/${kept}"`);
      expect(after.body).not.toContain(revoked);
      expectError(await p.call('GET', `/public/passport/shares/${badgeShare.entityId}`), 410, 'gone');
      // A browser is told in a page, in its language, with the way to the verifier.
      const gonePage = await p.call('GET', `/public/passport/shares/${badgeShare.entityId}`, undefined, undefined, { accept: 'text/html', 'accept-language': 'fr-CA' });
      expect([gonePage.statusCode, gonePage.headers['content-type'], gonePage.headers['content-language']]).toEqual([410, 'text/html; charset=utf-8', 'fr']);
      expect(gonePage.body).toContain('<h1>Ce partage n’est plus disponible</h1>');
      expect(gonePage.body).toContain('/verify?lang=fr');
      expectError(await p.call('POST', '/v2/backpack/shares', token, { type: 'badge', entityId: revoked }), 400, 'validation_failed', 'entityId');

      expect((await p.call('DELETE', `/v2/backpack/shares/${share.entityId}`, token)).statusCode).toBe(204);
      expectError(await p.call('GET', `/public/passport/shares/${share.entityId}`), 410, 'gone');
      expectError(await p.call('GET', '/public/passport/shares/unknownShareId'), 404, 'not_found');
    });

    it('keeps a revocation that arrives before its award', async () => {
      const early = 'earlyRevocation0000001';
      await p.revoke(early, 'revoked first');
      const [row] = await database.query<{ reason: string }>('SELECT reason FROM passport.award_revocations WHERE "assertionId" = $1', [early]);
      expect(row.reason).toBe('revoked first');
    });

    it('exports a zip of images, OB JSON, a CSV summary and the profile, without declined badges', async () => {
      const response = await p.call('GET', '/v2/backpack/export', token);
      expect([response.statusCode, response.headers['content-type']]).toEqual([200, 'application/zip']);
      expect(response.headers['content-disposition']).toMatch(/^attachment; filename="passport-\d{4}-\d{2}-\d{2}\.zip"$/);
      const files = readZip(response.rawPayload);
      expect(files.get(`badges/${kept}.png`)).toEqual(TEST_PNG);
      // Kept when accepted: the export still holds it although the issuer answers 410 now.
      expect(files.get(`badges/${revoked}.png`)).toEqual(TEST_PNG);
      expect(JSON.parse(files.get(`badges/${revoked}.json`)!.toString()).revoked).toBeUndefined();
      expect(JSON.parse(files.get(`badges/${kept}.json`)!.toString()).id).toBe(`https://badges.example.org/public/assertions/${kept}`);
      expect(files.has(`badges/${declined}.json`)).toBe(false);
      const csv = files.get('summary.csv')!.toString().trim().split('\r\n');
      expect(csv[0]).toBe('assertion_id,badge,issuer,issued_on,expires,status,revoked,revocation_reason,assertion_url,image_file,json_file,credential_file');
      expect(csv).toHaveLength(3);
      expect(csv.find((line) => line.startsWith(revoked))).toContain(',accepted,yes,Awarded by mistake,');
      expect(JSON.parse(files.get('collections.json')!.toString())[0].name).toBe('Trades');
    });
  });

  describe('merge and delete', () => {
    it('merges another account of the same person (its password proves it), then it is gone', async () => {
      const main = await p.signUp('merge-main@example.org');
      await p.confirm('merge-main@example.org');
      const other = await p.signUp('merge-other@example.org', 'other password!');
      await p.confirm('merge-other@example.org');
      const theirs = await p.award('merge-other@example.org');
      await p.call('PUT', `/v2/backpack/assertions/${theirs}`, other.token, { acceptance: 'Accepted' });
      await p.call('POST', '/v2/backpack/collections', other.token, { name: 'Theirs', assertions: [theirs] });

      expectError(await p.call('POST', '/v2/users/self/merge', main.token, { username: 'merge-other@example.org', password: 'wrong password' }), 401, 'invalid_credentials');
      expectError(await p.call('POST', '/v2/users/self/merge', main.token, { username: 'merge-main@example.org', password: 'correct horse battery' }), 400, 'validation_failed', 'username');
      const merged = await p.call('POST', '/v2/users/self/merge', main.token, { username: 'merge-other@example.org', password: 'other password!' });
      expect(merged.statusCode).toBe(200);
      expect(p.json(merged).result[0].emails.map((e: Json) => [e.email, e.verified])).toEqual([['merge-main@example.org', true], ['merge-other@example.org', true]]);
      expectContract(UserV2Schema, p.json(merged).result[0]);
      expect((await badges(main.token)).map((b) => [b.entityId, b.status])).toEqual([[theirs, 'accepted']]);
      expect(p.json(await p.call('GET', '/v2/backpack/collections', main.token)).result.map((c: Json) => [c.name, c.assertions])).toEqual([['Theirs', [theirs]]]);
      expectError(await p.call('GET', '/v2/users/self', other.token), 401, 'unauthorized');
      // Later awards to the merged address reach the surviving account.
      const later = await p.award('merge-other@example.org');
      expect((await badges(main.token)).map((b) => b.entityId)).toContain(later);
    });

    it('deletes the account and all of its data when the password is given again', async () => {
      const { token, learnerId } = await p.signUp('delete-me@example.org');
      await p.confirm('delete-me@example.org');
      const awarded = await p.award('delete-me@example.org');
      await p.call('PUT', `/v2/backpack/assertions/${awarded}`, token, { acceptance: 'Accepted' });
      const collection = p.json(await p.call('POST', '/v2/backpack/collections', token, { name: 'Mine', assertions: [awarded] })).result[0];
      await p.call('POST', '/v2/backpack/shares', token, { type: 'collection', entityId: collection.entityId });

      expectError(await p.call('DELETE', '/v2/users/self', token, { password: 'not it' }), 401, 'invalid_credentials');
      expectError(await p.call('DELETE', '/v2/users/self', token, {}), 400, 'validation_failed', 'password');
      expect((await p.call('DELETE', '/v2/users/self', token, { password: 'correct horse battery' })).statusCode).toBe(204);
      expectError(await p.call('GET', '/v2/users/self', token), 401, 'unauthorized');
      const [copies] = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM passport.award_copies WHERE "assertionId" = $1', [awarded]);
      expect(copies.n).toBe(0);
      for (const table of ['learners', 'learner_identifiers', 'sessions', 'backpack_badges', 'collections', 'shares']) {
        const column = table === 'learners' ? 'id' : '"learnerId"';
        const [row] = await database.query<{ n: number }>(`SELECT count(*)::int AS n FROM passport.${table} WHERE ${column} = $1`, [learnerId]);
        expect([table, row.n]).toEqual([table, 0]);
      }
    });
  });
});

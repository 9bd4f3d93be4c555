/**
 * The Open Badges 3.0 API (issue #19), Host/Provider side, on every storage target. A wallet
 * written from the specification alone (testing/ob3-wallet.ts, plain `fetch` against the running
 * passport) discovers it, registers, is approved by the learner on the consent page, pages through
 * the learner's credentials, upserts one, and reads and updates the profile. Then the errors, all
 * `Imsx_StatusInfo`, and the 3.0 credentials held beside 2.0 badges: imports, the export, shares.
 *
 * Verification is the real libs/openbadges pipelines (LocalVerifier), OB 3.0 credentials made and
 * signed with the issuing functions by TestCollege and this platform's issuer, whose DID documents,
 * keys and status lists the verifier reads.
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';

import { GetOpenBadgeCredentialsResponseSchema, ImsxStatusInfoSchema, OpenBadgesApiScope, OpenBadgesProfileSchema, OpenBadgesServiceDescriptionSchema } from '@badges/api-contracts';
import { bakeCredentialImage } from '@badges/openbadges';
import { databaseTargets, openDatabase, type Database, type ScratchDatabase } from '@badges/persistence';

import { readZip } from '../export/testing/read-zip';
import { ReverifyScheduler } from '../imports/reverify-scheduler';
import { TEST_PNG } from '../testing/fake-issuer';
import { HEART_PNG, LocalVerifier } from '../testing/local-verifier';
import { Ob3Wallet, type Network } from '../testing/ob3-wallet';
import { startPassport, TEST_PUBLIC_URL, type PassportHarness } from '../testing/passport-test-app';
import { TestCollege } from '../testing/test-credentials';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const EMAIL = 'nobody@example.org';
const PASSWORD = 'correct horse battery';
const ALL_OB3 = Object.values(OpenBadgesApiScope);

describe.each(databaseTargets())('the Open Badges 3.0 API on $name', (target) => {
  let scratch: ScratchDatabase;
  let database: Database;
  let p: PassportHarness;
  let origin: string;
  /** The host's public origin resolves to the running passport, as DNS and the gateway would. */
  let net: Network;
  let learner: string;
  /** Another institution's OB 3.0 issuer, whose documents the verifier reads. */
  let college: TestCollege;
  const verifier = new LocalVerifier();

  beforeAll(async () => {
    scratch = await target.create();
    database = await openDatabase(scratch.config);
    p = await startPassport(database, { verifier, internalToken: false });
    await p.app.listen(0, '127.0.0.1');
    origin = `http://127.0.0.1:${(p.app.getHttpServer().address() as AddressInfo).port}`;
    net = (url, init) => fetch(url.startsWith(TEST_PUBLIC_URL) ? origin + url.slice(TEST_PUBLIC_URL.length) : url, init);
    ({ token: learner } = await p.signUp(EMAIL, PASSWORD, 'Ada Learner'));
    await p.confirm(EMAIL);
    college = await TestCollege.create();
    verifier.serve(college.documents);
  }, 120_000);

  afterAll(async () => {
    await p?.close();
    await database?.close();
    await scratch?.dispose();
  });

  const accept = async (assertionId: string, token = learner) => expect((await p.call('PUT', `/v2/backpack/assertions/${assertionId}`, token, { acceptance: 'Accepted' })).statusCode).toBe(200);

  /**
   * The learner's browser on the consent page (the web app at the authorization URL, decision
   * 0039): the page asks the passport about the request with the learner's session, shows the
   * scopes, and posts the learner's approval; the browser then goes where it is told.
   */
  async function approveOnConsentPage(authorizationUrl: string, token = learner): Promise<{ asked: Json; location: string }> {
    const request = new URL(authorizationUrl);
    const session = { authorization: `Bearer ${token}`, accept: 'application/json' };
    const asked = (await (await net(`${TEST_PUBLIC_URL}/o/badgeconnect/consent${request.search}`, { headers: session })).json()) as Json;
    if (asked.outcome === 'return') return { asked, location: asked.location };
    const answer = await net(`${TEST_PUBLIC_URL}/o/badgeconnect/authorize`, {
      method: 'POST',
      headers: { ...session, 'content-type': 'application/json' },
      body: JSON.stringify({ ...Object.fromEntries(request.searchParams), decision: 'approve' }),
    });
    expect(answer.status).toBe(200);
    return { asked, location: ((await answer.json()) as Json).location };
  }

  /** A wallet registered for `scopes` and approved by the learner for them. */
  async function connectedWallet(scopes: readonly string[] = ALL_OB3, token = learner): Promise<Ob3Wallet> {
    const wallet = new Ob3Wallet(net);
    await wallet.discover(TEST_PUBLIC_URL);
    expect((await wallet.register(scopes)).status).toBe(201);
    const { location } = await approveOnConsentPage(wallet.authorizationUrl(scopes), token);
    expect((await wallet.callback(location)).status).toBe(200);
    return wallet;
  }

  const imsx = (body: unknown) => ImsxStatusInfoSchema.parse(body).imsx_codeMinor!.imsx_codeMinorField[0];

  it('a wallet discovers the API, registers, is approved on the consent page, pages through the credentials, upserts one, and reads and updates the profile', async () => {
    // The learner's passport: three credentials as JSON and one as a VC-JWT from this platform's
    // issuer, a 2.0-only badge, and a 3.0 badge still pending (a wallet sees only accepted ones).
    const days = ['2024-01-01', '2024-02-01', '2024-03-01', '2024-04-01'].map((day) => `${day}T00:00:00.000Z`);
    const ldp = [await p.award(EMAIL, { credential: 'ldp', issuedOn: days[0], badgeName: 'First' }), await p.award(EMAIL, { credential: 'ldp', issuedOn: days[2], badgeName: 'Third' })];
    const jwt = await p.award(EMAIL, { credential: 'jwt', issuedOn: days[1], badgeName: 'Second' });
    const fourth = await p.award(EMAIL, { credential: 'ldp', issuedOn: days[3], badgeName: 'Fourth' });
    const only2 = await p.award(EMAIL, { issuedOn: days[0] });
    const pending = await p.award(EMAIL, { credential: 'ldp', issuedOn: days[0] });
    for (const id of [...ldp, jwt, fourth, only2]) await accept(id);
    expect(pending).toBeDefined();

    // Discovery: unauthenticated, the Service Description Document with the OAuth2 endpoints and the four scopes.
    const wallet = new Ob3Wallet(net);
    const sdd = await wallet.discover(TEST_PUBLIC_URL);
    OpenBadgesServiceDescriptionSchema.parse(sdd);
    expect(sdd.servers[0].url).toBe(`${TEST_PUBLIC_URL}/ims/ob/v3p0`);
    expect(sdd.components.securitySchemes.OAuth2ACG).toMatchObject({
      type: 'oauth2',
      'x-imssf-registrationUrl': `${TEST_PUBLIC_URL}/o/badgeconnect/register`,
      flows: { authorizationCode: { authorizationUrl: `${TEST_PUBLIC_URL}/o/badgeconnect/authorize`, tokenUrl: `${TEST_PUBLIC_URL}/o/badgeconnect/token`, refreshUrl: `${TEST_PUBLIC_URL}/o/badgeconnect/token` } },
    });
    expect(Object.keys(sdd.components.securitySchemes.OAuth2ACG.flows.authorizationCode.scopes).sort()).toEqual([...ALL_OB3].sort());
    expect(Object.keys(sdd.paths).sort()).toEqual(['/credentials', '/discovery', '/profile']);

    // RFC 7591, then the consent page names the wallet and its four scopes; the approval sends the browser back with a code.
    const registered = await wallet.register(ALL_OB3);
    // Everything it sent comes back (RFC 7591 §3.2.1); `offline_access` is accepted, and not kept: refresh tokens are always issued.
    expect(registered).toMatchObject({
      status: 201,
      body: {
        client_name: 'Example Wallet',
        client_uri: 'https://wallet.example/',
        logo_uri: 'https://wallet.example/logo.png',
        tos_uri: 'https://wallet.example/terms',
        policy_uri: 'https://wallet.example/privacy',
        software_id: 'example-wallet',
        software_version: '1.0',
        contacts: ['support@wallet.example'],
        redirect_uris: [wallet.redirectUri],
        grant_types: ['authorization_code', 'refresh_token'],
        scope: ALL_OB3.join(' '),
        token_endpoint_auth_method: 'client_secret_basic',
      },
    });
    const { asked, location } = await approveOnConsentPage(wallet.authorizationUrl(ALL_OB3));
    expect(asked).toMatchObject({ outcome: 'ask', client: { name: 'Example Wallet', uri: 'https://wallet.example/', site: 'wallet.example' }, scopes: ALL_OB3 });
    expect(location.startsWith(`${wallet.redirectUri}?`)).toBe(true);
    const tokens = await wallet.callback(location);
    expect(tokens).toMatchObject({ status: 200, body: { token_type: 'Bearer', scope: ALL_OB3.join(' ') } });

    // getCredentials, two at a time: X-Total-Count and Link (first and last always, next while more, prev after the first page).
    const first = await wallet.getCredentials({ limit: 2 });
    expect(first.status).toBe(200);
    GetOpenBadgeCredentialsResponseSchema.parse(first.body);
    expect(first.total).toBe(4);
    const page = (offset: number) => `${TEST_PUBLIC_URL}/ims/ob/v3p0/credentials?limit=2&offset=${offset}`;
    expect(first.links).toEqual({ next: page(2), last: page(2), first: page(0) });
    // Oldest issued first: the first page is the first (JSON) and the second (the VC-JWT).
    expect(first.body.credential.map((credential: Json) => credential.name)).toEqual(['First']);
    expect(first.body.compactJwsStrings).toEqual([p.issuer.credentials.get(jwt)!.text]);
    const second = await wallet.getCredentials(first.links.next);
    expect({ total: second.total, links: second.links }).toEqual({ total: 4, links: { last: page(2), first: page(0), prev: page(0) } });
    expect(second.body.credential.map((credential: Json) => credential.name)).toEqual(['Third', 'Fourth']);

    const all = await wallet.allCredentials(3);
    expect(all.pages).toBe(2);
    expect(all.credential.map((credential: Json) => credential.id).sort()).toEqual([...ldp, fourth].map((id) => `${TEST_PUBLIC_URL}/public/credentials/${id}`).sort());
    // Each exactly as the issuer signed it, proof included.
    expect(all.credential.find((credential) => credential.name === 'First')).toEqual(JSON.parse(p.issuer.credentials.get(ldp[0])!.text));

    // `since`: only those issued after it; the links keep it.
    const recent = await wallet.getCredentials({ since: days[1], limit: 1 });
    expect(recent.total).toBe(2);
    expect(new URL(recent.links.next).searchParams.get('since')).toBe(days[1]);

    // upsertCredential, another college's VC-JWT as text/plain, verified by the OB 3.0 verifier: 201 with the JWS back, and the wallet reads it among the others.
    const made = await college.credential({ email: EMAIL, format: 'jwt', achievementName: 'Teamwork', validFrom: '2024-05-01T00:00:00Z' });
    const signed = made.text;
    expect(await wallet.upsert(signed)).toEqual({ status: 201, contentType: 'text/plain; charset=utf-8', body: signed });
    expect((await wallet.getCredentials()).body.compactJwsStrings).toEqual([p.issuer.credentials.get(jwt)!.text, signed]);
    // The same credential again: 200; a newer issue of it (same id and issuer) replaces it.
    expect((await wallet.upsert(signed)).status).toBe(200);
    const newer = (await college.credential({ id: made.document.id, email: EMAIL, format: 'jwt', achievementName: 'Teamwork', validFrom: '2024-06-01T00:00:00Z' })).text;
    expect((await wallet.upsert(newer)).status).toBe(200);
    // One with a Data Integrity proof, as JSON: 201 with the JSON back.
    const withProof = JSON.parse((await college.credential({ email: EMAIL, format: 'ldp', achievementName: 'Leadership', validFrom: '2024-07-01T00:00:00Z' })).text) as Json;
    const json = await wallet.upsert(withProof);
    expect({ status: json.status, contentType: json.contentType, body: JSON.parse(json.body) }).toEqual({ status: 201, contentType: 'application/json; charset=utf-8', body: withProof });
    const afterUpsert = await wallet.getCredentials({ limit: 10 });
    expect(afterUpsert.total).toBe(6);
    expect(afterUpsert.body.compactJwsStrings).toEqual([p.issuer.credentials.get(jwt)!.text, newer]);
    expect(afterUpsert.body.credential.at(-1)).toEqual(withProof);
    // It is in the passport, accepted, under the credential's own facts.
    const held = (p.json(await p.call('GET', '/v2/backpack/assertions', learner)).result as Json[]).find((badge) => badge.openBadgeId === made.document.id);
    expect(held).toMatchObject({ badgeclassName: 'Teamwork', issuerName: 'Example College', status: 'accepted', issuedOn: '2024-06-01T00:00:00.000Z' });

    // getProfile and putProfile.
    const profile = await wallet.getProfile();
    expect(profile.status).toBe(200);
    expect(OpenBadgesProfileSchema.parse(profile.body)).toMatchObject({ type: ['Profile'], name: 'Ada Learner', email: EMAIL });
    expect(profile.body.id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const renamed = await wallet.putProfile({ ...profile.body, name: 'Ada L. Learner' });
    expect(renamed).toEqual({ status: 200, body: { ...profile.body, name: 'Ada L. Learner' } });
    expect((await wallet.getProfile()).body.name).toBe('Ada L. Learner');

    // The refresh token gives a new access token, which works; the old refresh token is spent.
    expect((await wallet.refresh()).status).toBe(200);
    expect((await wallet.getCredentials()).status).toBe(200);
  });

  it('answers every error as Imsx_StatusInfo, with the platform’s code as the code minor field’s name', async () => {
    const wallet = await connectedWallet([OpenBadgesApiScope.CredentialRead, OpenBadgesApiScope.ProfileRead]);
    const api = `${TEST_PUBLIC_URL}/ims/ob/v3p0`;

    // No token: 401 with a bearer challenge.
    const anonymous = await net(`${api}/credentials`, { headers: { accept: 'application/json' } });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer realm="passport"');
    expect(imsx(await anonymous.json())).toEqual({ imsx_codeMinorFieldName: 'unauthorized', imsx_codeMinorFieldValue: 'unauthorizedrequest' });

    // A scope the wallet was not given.
    const denied = await wallet.upsert((await college.credential({ email: EMAIL, format: 'jwt' })).text);
    expect(denied.status).toBe(403);
    expect(imsx(JSON.parse(denied.body))).toEqual({ imsx_codeMinorFieldName: 'insufficient_scope', imsx_codeMinorFieldValue: 'forbidden' });
    expect((await wallet.putProfile({ name: 'X' })).status).toBe(403);

    // Query parameters.
    for (const query of ['limit=0', 'limit=two', 'offset=-1', 'since=yesterday', 'limit=1&limit=2']) {
      const answer = await wallet.getCredentials(`${api}/credentials?${query}`);
      expect({ query, status: answer.status, minor: imsx(answer.body) }).toEqual({ query, status: 400, minor: { imsx_codeMinorFieldName: 'validation_failed', imsx_codeMinorFieldValue: 'invalid_query_parameter' } });
    }
    // An offset past the end: an empty page whose links still lead back.
    const past = await wallet.getCredentials({ offset: 500, limit: 5 });
    expect({ status: past.status, body: past.body, rels: Object.keys(past.links).sort() }).toEqual({ status: 200, body: { credential: [], compactJwsStrings: [] }, rels: ['first', 'last', 'prev'] });

    // An unknown path and method under the prefix.
    const unknown = await net(`${api}/assertions`);
    expect(unknown.status).toBe(404);
    expect(imsx(await unknown.json()).imsx_codeMinorFieldValue).toBe('not_found');
    const method = await net(`${api}/discovery`, { method: 'DELETE' });
    expect(method.status).toBe(405);
    expect(imsx(await method.json()).imsx_codeMinorFieldValue).toBe('not_allowed');
  });

  it('upsertCredential keeps only a credential that verifies and is the learner’s, and says why not in Imsx_StatusInfo', async () => {
    const wallet = await connectedWallet([OpenBadgesApiScope.CredentialUpsert, OpenBadgesApiScope.CredentialRead]);
    const before = (await wallet.getCredentials()).total;
    const post = (body: string, contentType: string) => wallet.request('/credentials', { method: 'POST', headers: { 'content-type': contentType }, body });
    const refused = async (response: Response) => ({ status: response.status, minor: imsx(await response.json()) });

    // Not a credential: an OB 2.0 assertion, a credential without an id, text that is no JWS, a JWS that holds no credential.
    const assertion = { '@context': 'https://w3id.org/openbadges/v2', type: 'Assertion', id: 'https://example.org/a' };
    expect(await refused(await post(JSON.stringify(assertion), 'application/json'))).toEqual({ status: 400, minor: { imsx_codeMinorFieldName: 'validation_failed', imsx_codeMinorFieldValue: 'invalid_data' } });
    const { id: _id, ...noId } = (await college.credential({ email: EMAIL, format: 'ldp' })).document;
    expect((await refused(await post(JSON.stringify(noId), 'application/vc+ld+json'))).status).toBe(400);
    expect((await refused(await post('not a jws', 'text/plain'))).minor.imsx_codeMinorFieldName).toBe('validation_failed');
    const plainJws = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"sub":"x"}').toString('base64url')}.c2ln`;
    expect((await refused(await post(plainJws, 'text/plain'))).status).toBe(400);
    // Not JSON, or JSON nested beyond the budget, or a type the API does not take.
    expect(await refused(await post('{"@context": [', 'application/vc+ld+json'))).toEqual({ status: 400, minor: { imsx_codeMinorFieldName: 'invalid_json', imsx_codeMinorFieldValue: 'invalid_data' } });
    expect((await refused(await post('{"@context": [', 'application/json'))).minor.imsx_codeMinorFieldName).toBe('invalid_json');
    expect((await refused(await post(`${'['.repeat(100)}${']'.repeat(100)}`, 'application/vc+ld+json'))).status).toBe(400);
    expect((await refused(await post('<credential/>', 'application/xml'))).status).toBe(415);

    // Someone else's credential verifies, but is not the learner's; a forged signature does not verify.
    expect(await refused(await post((await college.credential({ email: 'someone.else@example.org', format: 'jwt' })).text, 'text/plain'))).toEqual({ status: 400, minor: { imsx_codeMinorFieldName: 'recipient_mismatch', imsx_codeMinorFieldValue: 'invalid_data' } });
    const genuine = (await college.credential({ email: EMAIL, format: 'jwt' })).text;
    const forged = `${genuine.slice(0, genuine.lastIndexOf('.'))}.${Buffer.from('forged').toString('base64url')}`;
    expect((await refused(await post(forged, 'text/plain'))).minor.imsx_codeMinorFieldName).toBe('import_failed');
    // A JSON credential changed after it was signed; one its issuer revoked.
    const tampered = { ...JSON.parse((await college.credential({ email: EMAIL, format: 'ldp' })).text), name: 'Changed after signing' };
    expect((await refused(await post(JSON.stringify(tampered), 'application/json'))).minor.imsx_codeMinorFieldName).toBe('import_failed');
    const revoked = await college.credential({ email: EMAIL, format: 'ldp' });
    await college.revoke(revoked.statusIndex);
    const refusedRevoked = await post(revoked.text, 'application/vc+ld+json');
    expect(refusedRevoked.status).toBe(400);
    expect(ImsxStatusInfoSchema.parse(await refusedRevoked.json()).imsx_description).toMatch(/revoked/i);

    expect((await wallet.getCredentials()).total).toBe(before);
  });

  it('a wallet sending the learner’s own award from this platform, not yet accepted, accepts it: it is then in the list', async () => {
    const wallet = await connectedWallet([OpenBadgesApiScope.CredentialUpsert, OpenBadgesApiScope.CredentialRead]);
    const own = await p.award(EMAIL, { credential: 'jwt', badgeName: 'Pending until the wallet sends it' });
    const listed = async () => (await wallet.allCredentials(100)).compactJwsStrings;
    const jwt = p.issuer.credentials.get(own)!.text;
    expect(await listed()).not.toContain(jwt);
    p.engagements.length = 0;
    expect((await wallet.upsert(jwt)).status).toBe(200);
    expect(await listed()).toContain(jwt);
    expect(p.json(await p.call('GET', `/v2/backpack/assertions/${own}`, learner)).result[0].status).toBe('accepted');
    // Announced as any acceptance is, for the issuer's dashboards.
    await p.waitFor(() => (p.engagements.some((event) => event.aggregateId === own) ? true : undefined), 'the acceptance event');
  });

  it('putProfile renames the learner and takes only contact points they confirmed', async () => {
    const wallet = await connectedWallet([OpenBadgesApiScope.ProfileRead, OpenBadgesApiScope.ProfileUpdate]);
    const profile = (await wallet.getProfile()).body;
    expect((await wallet.putProfile({ ...profile, email: 'not-mine@example.org' })).body).toMatchObject({ imsx_codeMinor: { imsx_codeMinorField: [{ imsx_codeMinorFieldName: 'validation_failed', imsx_codeMinorFieldValue: 'invalid_data' }] } });
    expect((await wallet.putProfile({ ...profile, phone: '+1 555 0100' })).status).toBe(400);
    expect((await wallet.putProfile({ ...profile, type: 'Achievement' })).status).toBe(400);
    expect((await wallet.putProfile({ ...profile, name: '   ' })).status).toBe(400);
    // Its own confirmed address, in another case, and a property the passport does not keep: accepted.
    const same = await wallet.putProfile({ ...profile, email: EMAIL.toUpperCase(), description: 'Not kept' });
    expect(same).toEqual({ status: 200, body: profile });
  });

  it('registration takes the OB 3.0 scopes beside Badge Connect’s; the Badge Connect manifest still offers its own', async () => {
    const wallet = new Ob3Wallet(net);
    await wallet.discover(TEST_PUBLIC_URL);
    expect((await wallet.register(['https://purl.imsglobal.org/spec/ob/v3p0/scope/credential.delete'])).status).toBe(400);
    expect((await wallet.register([OpenBadgesApiScope.CredentialRead, 'https://purl.imsglobal.org/spec/ob/v2p1/scope/assertion.readonly'])).status).toBe(201);
    // A scope it did not register for goes back to the wallet as invalid_scope, before anything is shown.
    const { location } = await approveOnConsentPage(wallet.authorizationUrl([OpenBadgesApiScope.ProfileUpdate]));
    expect(new URL(location).searchParams.get('error')).toBe('invalid_scope');
    const manifest = p.json(await p.call('GET', '/.well-known/badgeconnect.json'));
    expect(manifest.badgeConnectAPI[0].scopesOffered.every((scope: string) => scope.includes('/ob/v2p1/'))).toBe(true);
  });

  it('holds OB 3.0 credentials beside 2.0 badges: an import, the export zip and a shared badge carry them', async () => {
    const email = 'holder@example.org';
    const { token } = await p.signUp(email, PASSWORD, 'Holder');
    await p.confirm(email);
    const own = await p.award(email, { credential: 'jwt', badgeName: 'Own' });
    await accept(own, token);
    // A badge class in OB 3.0 only: no 2.0 assertion; its credential's baked image is kept instead.
    const only3 = await p.award(email, { credential: 'ldp', badgeName: 'Only 3.0', ob3Only: true });
    await accept(only3, token);

    // The import path takes a VC-JWT too; the same one again is a 409.
    const imported3 = await college.credential({ email, format: 'jwt', achievementName: 'Imported' });
    const jwt = imported3.text;
    const imported = await p.call('POST', '/v2/backpack/import', token, { assertion: jwt });
    expect(imported.statusCode).toBe(201);
    const importedId = p.json(imported).result[0].entityId as string;
    expect(p.json(imported).result[0]).toMatchObject({ badgeclassName: 'Imported', status: 'accepted' });
    expect((await p.call('POST', '/v2/backpack/import', token, { assertion: jwt })).statusCode).toBe(409);
    // Re-verified on the import schedule as it is kept: its issuer revoked it since, as its status list now says.
    const calls = verifier.calls.length;
    await college.revoke(imported3.statusIndex);
    await p.app.get(ReverifyScheduler).sweep(new Date(Date.now() + 25 * 3600 * 1000));
    await p.waitFor(() => (verifier.calls.slice(calls).some((call) => 'json' in call.input && call.input.json === jwt) ? true : undefined), 'the re-verification of the kept credential');
    const revokedBadge = await p.waitFor(async () => {
      const badge = p.json(await p.call('GET', `/v2/backpack/assertions/${importedId}`, token)).result[0] as Json;
      return badge.revoked ? badge : undefined;
    }, 'the revocation found by the re-verification');
    expect(revokedBadge.revocationReason).toMatch(/revoked/i);

    // A credential baked in a PNG: kept with its image.
    const baked = await college.credential({ email, format: 'ldp', achievementName: 'Baked' });
    const png = bakeCredentialImage(HEART_PNG, baked.text);
    const fromImage = await p.call('POST', '/v2/backpack/import', token, { image: `data:image/png;base64,${png.toString('base64')}` });
    expect(fromImage.statusCode).toBe(201);
    const bakedId = p.json(fromImage).result[0].entityId as string;
    expect(p.json(fromImage).result[0]).toMatchObject({ openBadgeId: baked.document.id, badgeclassName: 'Baked' });

    // The export: each credential file beside the 2.0 files, byte for byte, and named in the summary.
    const zip = await p.call('GET', '/v2/backpack/export', token);
    const files = readZip(zip.rawPayload);
    expect(files.get(`badges/${own}.credential.jwt`)!.toString()).toBe(p.issuer.credentials.get(own)!.text);
    expect(files.get(`badges/${importedId}.credential.jwt`)!.toString()).toBe(jwt);
    expect(files.has(`badges/${own}.json`)).toBe(true);
    expect(files.get(`badges/${bakedId}.png`)).toEqual(png);
    expect(files.get(`badges/${only3}.png`)).toEqual(TEST_PNG);
    expect(files.get(`badges/${only3}.credential.json`)!.toString()).toBe(p.issuer.credentials.get(only3)!.text);
    expect(files.has(`badges/${only3}.json`)).toBe(false);
    expect(files.get(`badges/${bakedId}.credential.json`)!.toString()).toBe(baked.text);
    expect(files.has(`badges/${bakedId}.json`)).toBe(false);
    const csv = files.get('summary.csv')!.toString().trim().split('\r\n');
    expect(csv[0].endsWith(',credential_file')).toBe(true);
    expect(csv.find((line) => line.startsWith(own))!.endsWith(`,badges/${own}.credential.jwt`)).toBe(true);

    // A share: the page links the credential on this platform; its JSON carries it as signed.
    const share = p.json(await p.call('POST', '/v2/backpack/shares', token, { type: 'badge', entityId: own })).result[0];
    const page = await p.call('GET', `/public/passport/shares/${share.entityId}`, undefined, undefined, { accept: 'text/html' });
    expect(page.body).toContain(`<a href="${TEST_PUBLIC_URL}/public/credentials/${own}" type="application/vc+jwt">Its Open Badges 3.0 credential</a>`);
    const shared = p.json(await p.call('GET', `/public/passport/shares/${share.entityId}`, undefined, undefined, { accept: 'application/json' }));
    expect(shared.badges[0].credential).toBe(p.issuer.credentials.get(own)!.text);

    // The credential as kept, for the badge page to verify one whose id is no address: as signed, whoever signed it.
    const unaddressed = await college.credential({ id: `urn:uuid:${randomUUID()}`, email, format: 'ldp', achievementName: 'No address' });
    const fromWallet = p.json(await p.call('POST', '/v2/backpack/import', token, { assertion: unaddressed.text })).result[0] as Json;
    expect(fromWallet.openBadgeId).toBe(unaddressed.document.id);
    const held = async (id: string, as = token) => {
      const answer = await p.call('GET', `/v2/backpack/assertions/${id}/credential`, as);
      return answer.statusCode === 200 ? p.json(answer).result[0] : { status: answer.statusCode, code: p.json(answer).error.code };
    };
    expect(await held(fromWallet.entityId as string)).toEqual({ format: 'ldp', credential: unaddressed.text });
    expect(await held(importedId)).toEqual({ format: 'jwt', credential: jwt });
    expect(await held(own)).toEqual({ format: 'jwt', credential: p.issuer.credentials.get(own)!.text });
    const only2 = await p.award(email, {});
    expect(await held(only2)).toEqual({ status: 404, code: 'not_found' });
    const other = await p.signUp('someone-else@example.org', PASSWORD, 'Someone Else');
    expect(await held(own, other.token)).toEqual({ status: 404, code: 'not_found' });
  });
});


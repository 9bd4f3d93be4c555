/**
 * Hosted Open Badges documents: JSON-LD valid per the openbadges lib's validator, translations
 * as their own documents, HTML for browsers, 410 once revoked, and baked images that unbake
 * to exactly this assertion.
 */
import type { LightMyRequestResponse } from 'fastify';

import { unbakeBadgeImage, validateGraph, validateNode } from '@badges/openbadges';
import { databaseTargets } from '@badges/persistence';
import { InternalHeader } from '@badges/service-kit';

import { SVG_DATA_URI, badgeClassBody, issuerBody } from '../testing/fixtures';
import { createTestApp, TEST_INTERNAL_TOKEN, type TestApp } from '../testing/issuer-test-app';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const BASE = 'https://badges.example.org';
const errorsOf = (messages: { level: string }[]) => messages.filter((m) => m.level === 'ERROR');

describe.each(databaseTargets())('public documents on $name', (target) => {
  let t: TestApp;
  let A: Record<string, string>;
  const publicHeaders = { [InternalHeader.InternalToken]: TEST_INTERNAL_TOKEN };
  let issuer: Json;
  let badgeClass: Json;
  let assertion: Json;

  const call = async (method: string, url: string, headers: Record<string, string>, payload?: unknown): Promise<LightMyRequestResponse> =>
    t.app.inject({ method: method as 'GET', url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
  const get = (url: string, accept?: string) => call('GET', url, accept ? { ...publicHeaders, accept } : publicHeaders);
  const created = async (response: Promise<LightMyRequestResponse>): Promise<Json> => {
    const r = await response;
    if (r.statusCode !== 201) throw new Error(r.body);
    return (r.json() as Json).result[0];
  };

  beforeAll(async () => {
    t = await createTestApp(target);
    A = await t.institution('inst-a');
    issuer = await created(call('POST', '/v2/issuers', A, issuerBody({ description: 'Science <script>alert(1)</script> & more' })));
    badgeClass = await created(call('POST', `/v2/issuers/${issuer.entityId}/badgeclasses`, A, badgeClassBody()));
    assertion = await created(
      call('POST', `/v2/badgeclasses/${badgeClass.entityId}/assertions`, A, {
        recipient: { identity: 'learner@example.org' },
        issuedOn: '2024-05-01T00:00:00Z',
        evidence: [{ url: 'https://evidence.example.org/1', narrative: 'Report' }],
      }),
    );
  });
  afterAll(async () => t.close());

  it('serves the issuer profile as JSON-LD by default, cacheable', async () => {
    const response = await get(`/public/issuers/${issuer.entityId}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/ld\+json/);
    expect(response.headers['cache-control']).toBe('public, max-age=60');
    const doc = response.json() as Json;
    expect(doc).toMatchObject({ '@context': 'https://w3id.org/openbadges/v2', type: 'Issuer', id: `${BASE}/public/issuers/${issuer.entityId}`, email: 'science@example.edu' });
    expect(errorsOf(validateNode(doc, 'Issuer'))).toEqual([]);
    for (const accept of ['application/ld+json', '*/*', 'application/ld+json, application/json;q=0.9, */*;q=0.1']) {
      expect((await get(`/public/issuers/${issuer.entityId}`, accept)).headers['content-type']).toMatch(/^application\/ld\+json/);
    }
  });

  it('answers application/json, with the same body, to a client that asks for JSON and not JSON-LD (OB 2.0), on every JSON route', async () => {
    const paths = [
      `/public/issuers/${issuer.entityId}`,
      `/public/badges/${badgeClass.entityId}`,
      `/public/badges/${badgeClass.entityId}?lang=fr`,
      `/public/assertions/${assertion.entityId}`,
      `/public/issuers/${issuer.entityId}/revocations`,
    ];
    for (const path of paths) {
      const json = await get(path, 'application/json');
      const ld = await get(path, 'application/ld+json');
      expect([path, json.statusCode, json.headers['content-type']]).toEqual([path, 200, 'application/json; charset=utf-8']);
      expect(json.headers.vary).toMatch(/^Accept\b/);
      expect(ld.headers['content-type']).toBe('application/ld+json; charset=utf-8');
      expect(ld.headers.vary).toMatch(/^Accept\b/);
      expect(json.body).toBe(ld.body);
    }
  });

  it('serves the badge class in its language, listing translations, and each translation as its own document', async () => {
    const doc = (await get(`/public/badges/${badgeClass.entityId}`)).json() as Json;
    const url = `${BASE}/public/badges/${badgeClass.entityId}`;
    expect(doc).toMatchObject({
      type: 'BadgeClass',
      id: url,
      '@language': 'en',
      name: 'Lab Safety',
      issuer: `${BASE}/public/issuers/${issuer.entityId}`,
      image: `${url}/image`,
      criteria: { id: 'https://science.example.edu/lab-safety', narrative: 'Attend the **training** and pass the quiz.' },
      alignment: [{ targetName: 'Safety Standard', targetCode: 'S1' }],
      tags: ['safety', 'lab'],
      related: [{ id: `${url}?lang=fr`, '@language': 'fr' }],
    });
    expect(errorsOf(validateNode(doc, 'BadgeClass'))).toEqual([]);

    const fr = (await get(`/public/badges/${badgeClass.entityId}?lang=fr`)).json() as Json;
    expect(fr).toMatchObject({ id: `${url}?lang=fr`, '@language': 'fr', name: 'Sécurité au labo', criteria: { narrative: 'Suivre la formation.' }, related: [{ id: url, '@language': 'en' }] });
    expect(errorsOf(validateNode(fr, 'BadgeClass'))).toEqual([]);
    expect((await get(`/public/badges/${badgeClass.entityId}?lang=EN`)).json()).toMatchObject({ id: url });
    expect((await get(`/public/badges/${badgeClass.entityId}?lang=de`)).statusCode).toBe(404);
  });

  it('serves the assertion as a valid hosted OB 2.0 assertion whose id is its own URL', async () => {
    const doc = (await get(`/public/assertions/${assertion.entityId}`, 'application/ld+json')).json() as Json;
    const url = `${BASE}/public/assertions/${assertion.entityId}`;
    expect(doc).toMatchObject({
      '@context': 'https://w3id.org/openbadges/v2',
      type: 'Assertion',
      id: url,
      badge: `${BASE}/public/badges/${badgeClass.entityId}`,
      image: `${url}/image`,
      verification: { type: 'HostedBadge' },
      issuedOn: '2024-05-01T00:00:00Z',
      recipient: { type: 'email', hashed: true, identity: assertion.recipient.identity, salt: assertion.recipient.salt },
      evidence: [{ id: 'https://evidence.example.org/1', narrative: 'Report' }],
    });
    expect(doc.expires).toBe('2026-05-01T00:00:00Z');
    const badge = (await get(`/public/badges/${badgeClass.entityId}`)).json();
    const profile = (await get(`/public/issuers/${issuer.entityId}`)).json();
    expect(errorsOf(validateGraph([doc, badge, profile], { now: new Date('2025-01-01T00:00:00Z') }))).toEqual([]);
  });

  it('renders an escaped HTML page with Open Graph tags for browsers', async () => {
    const browser = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
    const issuerPage = await get(`/public/issuers/${issuer.entityId}`, browser);
    expect(issuerPage.headers['content-type']).toMatch(/^text\/html/);
    expect(issuerPage.body).not.toContain('<script>alert(1)</script>');
    expect(issuerPage.body).toContain('Science &lt;script&gt;alert(1)&lt;/script&gt; &amp; more');

    const badgePage = await get(`/public/badges/${badgeClass.entityId}?lang=fr`, browser);
    expect(badgePage.body).toContain('<html lang="fr">');
    expect(badgePage.body).toContain('<meta property="og:title" content="Sécurité au labo">');
    expect(badgePage.body).toContain(`<meta property="og:image" content="${BASE}/public/badges/${badgeClass.entityId}/image">`);

    const assertionPage = await get(`/public/assertions/${assertion.entityId}`, browser);
    expect(assertionPage.statusCode).toBe(200);
    expect(assertionPage.body).toContain('<html lang="en">');
    expect(assertionPage.body).toContain('Lab Safety');
    expect(assertionPage.body).toContain('https://evidence.example.org/1');
    expect(assertionPage.body).toContain(`<meta property="og:image" content="${BASE}/public/assertions/${assertion.entityId}/image">`);
    expect(assertionPage.body).toContain(`href="${BASE}/verify?url=${encodeURIComponent(`${BASE}/public/assertions/${assertion.entityId}`)}&amp;lang=en"`);
  });

  it('shows the badge texts in the reader\'s language on HTML pages only (?lang= first, then Accept-Language)', async () => {
    const browser = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
    const french = await call('GET', `/public/assertions/${assertion.entityId}`, { ...publicHeaders, accept: browser, 'accept-language': 'fr-CA,fr;q=0.9,en;q=0.5' });
    expect(french.body).toContain('<html lang="fr">');
    expect(french.body).toContain('<h1>Sécurité au labo</h1>');
    expect(french.body).toContain('Vérifier ce badge');
    expect(french.headers.vary).toBe('Accept, Accept-Language');
    // The other edition is named in the reader's language: "Aussi en anglais", never "Aussi en English".
    expect(french.body).toContain(`Aussi en <a href="${BASE}/public/assertions/${assertion.entityId}?lang=en" hreflang="en">anglais</a>`);
    const overridden = await call('GET', `/public/assertions/${assertion.entityId}?lang=en`, { ...publicHeaders, accept: browser, 'accept-language': 'fr' });
    expect(overridden.body).toContain('<h1>Lab Safety</h1>');
    const badgePage = await call('GET', `/public/badges/${badgeClass.entityId}`, { ...publicHeaders, accept: browser, 'accept-language': 'fr' });
    expect(badgePage.body).toContain('<h1>Sécurité au labo</h1>');
    // Machines get the same JSON-LD whatever their languages.
    const json = await call('GET', `/public/badges/${badgeClass.entityId}`, { ...publicHeaders, accept: 'application/ld+json', 'accept-language': 'fr' });
    expect(json.json().name).toBe('Lab Safety');
    const assertionJson = await call('GET', `/public/assertions/${assertion.entityId}?lang=fr`, { ...publicHeaders, accept: 'application/ld+json' });
    expect(assertionJson.json()).toEqual((await get(`/public/assertions/${assertion.entityId}`)).json());
  });

  it('serves stored images and bakes this assertion into the PNG', async () => {
    const badgeImage = await get(`/public/badges/${badgeClass.entityId}/image`);
    expect(badgeImage.statusCode).toBe(200);
    expect(badgeImage.headers['content-type']).toBe('image/png');
    expect((await get(`/public/issuers/${issuer.entityId}/image`)).headers['content-type']).toBe('image/png');

    const baked = await get(`/public/assertions/${assertion.entityId}/image`);
    expect(baked.statusCode).toBe(200);
    expect(baked.headers['content-type']).toBe('image/png');
    const unbaked = unbakeBadgeImage(baked.rawPayload);
    expect(unbaked?.kind).toBe('png');
    const payload = JSON.parse(unbaked!.payload) as Json;
    expect(payload).toEqual((await get(`/public/assertions/${assertion.entityId}`)).json());
    expect(payload.id).toBe(`${BASE}/public/assertions/${assertion.entityId}`);

    const etag = baked.headers.etag as string;
    expect((await call('GET', `/public/assertions/${assertion.entityId}/image`, { ...publicHeaders, 'if-none-match': etag })).statusCode).toBe(304);
  });

  it('bakes SVG badge images too', async () => {
    const svgClass = await created(call('POST', `/v2/issuers/${issuer.entityId}/badgeclasses`, A, badgeClassBody({ image: SVG_DATA_URI, translations: [] })));
    const svgAssertion = await created(call('POST', `/v2/badgeclasses/${svgClass.entityId}/assertions`, A, { recipient: { identity: 'svg@example.org' } }));
    const baked = await get(`/public/assertions/${svgAssertion.entityId}/image`);
    expect(baked.headers['content-type']).toBe('image/svg+xml');
    const unbaked = unbakeBadgeImage(baked.rawPayload);
    expect(unbaked?.kind).toBe('svg');
    expect(unbaked!.payload).toContain(svgAssertion.entityId);
  });

  it('answers 410 with the revoked stub once revoked, in both representations', async () => {
    const revokedOne = await created(call('POST', `/v2/badgeclasses/${badgeClass.entityId}/assertions`, A, { recipient: { identity: 'gone@example.org' } }));
    const revoke = await call('DELETE', `/v2/assertions/${revokedOne.entityId}`, A, { revocation_reason: 'Academic <misconduct>' });
    expect(revoke.statusCode).toBe(200);
    const response = await get(`/public/assertions/${revokedOne.entityId}`);
    expect(response.statusCode).toBe(410);
    expect(response.json()).toEqual({
      '@context': 'https://w3id.org/openbadges/v2',
      id: `${BASE}/public/assertions/${revokedOne.entityId}`,
      type: 'Assertion',
      revoked: true,
      revocationReason: 'Academic <misconduct>',
    });
    const page = await get(`/public/assertions/${revokedOne.entityId}`, 'text/html');
    expect(page.statusCode).toBe(410);
    expect(page.body).toContain('Academic &lt;misconduct&gt;');
    expect((await get(`/public/assertions/${revokedOne.entityId}/image`)).statusCode).toBe(410);
  });

  it('answers 404 envelopes for unknown or impossible ids, without a tenant header', async () => {
    for (const url of ['/public/issuers/unknown', '/public/badges/unknown', '/public/assertions/unknown', '/public/assertions/unknown/image', '/public/badges/bad%20id']) {
      const response = await get(url);
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ status: { success: false }, error: { code: 'not_found' } });
    }
  });
});

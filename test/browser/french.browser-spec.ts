import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { Browser, Page } from 'playwright-core';

import { ApiClient } from '../support/api-client';
import { tinyPng } from '../support/tiny-png';
import { accessibilityViolations } from './support/axe';
import { startBrowserPlatform, type BrowserPlatform } from './support/browser-platform';
import { launchChromium, newContext } from './support/chromium';
import { confirmationLink } from './support/emails';
import { screenshots } from './support/screenshots';
import { StaffApi } from './support/staff-api';

/**
 * Issue #17, "both languages by construction", as a French reader sees it: a link with `?lang=fr`
 * opens the verifier in French (and it stays French), its checks and messages are French, the
 * bilingual badge shows its French texts there and on the learner's share page, dates are
 * written the French way, and a badge image from an http:// issuer elsewhere is shown through
 * the platform. English readers get the same pages in English. Screenshots at 1280 and 390 px.
 */
const LEARNER = { name: 'Camille Apprenante', email: 'camille@example.org', password: 'correct horse battery' };
const BADGE = { name: 'Lab Safety', fr: 'Sécurité au labo', criteria: 'Passed the practical lab safety test.', frCriteria: 'A réussi l’examen pratique de sécurité.' };

describe('French everywhere (browser)', () => {
  let platform: BrowserPlatform;
  let browser: Browser;
  let assertion: { entityId: string; openBadgeId: string };
  let shareUrl: string;
  let outsideIssuer: Server;
  let outsideAssertionUrl: string;
  const shot = screenshots('french');

  beforeAll(async () => {
    // An issuer elsewhere on plain http (127.0.0.2, which the platform may fetch from): its image
    // is blocked by the page's policy unless the platform serves it.
    outsideIssuer = await startOutsideIssuer();
    outsideAssertionUrl = `${origin(outsideIssuer)}/assertion`;
    [platform, browser] = await Promise.all([startBrowserPlatform({ VERIFY_ALLOWED_PRIVATE_ADDRESSES: '127.0.0.2' }), launchChromium()]);
    const staff = await StaffApi.forNewInstitution(platform.url, platform.adminToken, 'Northern College');
    const issuerId = await staff.createIssuer('Northern College');
    const badgeClassId = await staff.createBadgeClass(issuerId, {
      name: BADGE.name,
      description: 'Works safely in a laboratory.',
      criteriaNarrative: BADGE.criteria,
      language: 'en',
      translations: [{ language: 'fr', name: BADGE.fr, description: 'Travaille en sécurité au laboratoire.', criteriaNarrative: BADGE.frCriteria }],
    });
    assertion = await staff.award(badgeClassId, LEARNER.email);
    shareUrl = await learnerSharesTheBadge(platform, assertion.entityId);
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stopAndClean();
    await new Promise((resolve) => outsideIssuer?.close(resolve));
  });

  for (const phone of [false, true]) {
    const size = phone ? '390' : '1280';

    it(`opens the verifier with ?lang=fr: French checks, French badge texts, French dates, and it stays French (${size} px)`, async () => {
      const page = await (await newContext(browser, platform.url, { phone })).context.newPage();
      await page.goto(`/verify?lang=fr&url=${encodeURIComponent(assertion.openBadgeId)}`);
      await page.getByRole('heading', { level: 1, name: 'Vérifier un badge' }).waitFor();
      await expectVerdict(page, 'Valide');
      expect(await page.locator('html').getAttribute('lang')).toBe('fr');
      await page.getByRole('definition').filter({ hasText: new RegExp(`^${BADGE.fr}$`) }).waitFor();
      await page.getByText(BADGE.frCriteria).waitFor();
      expect(await page.getByText(BADGE.name, { exact: true }).count()).toBe(0);
      // Dates the French way, never ISO.
      const issued = new Intl.DateTimeFormat('fr', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date());
      await page.getByRole('definition').filter({ hasText: issued }).waitFor();
      await page.getByText('Toutes les vérifications').click();
      await page.getByText('Vérifier que le badge n’est ni révoqué ni expiré : réussie').waitFor();
      await page.getByText('Vérifier que le badge est hébergé là où son émetteur l’indique : réussie').waitFor();
      await shot(page, `verify-fr-${size}`);
      expect(await accessibilityViolations(page)).toEqual([]);

      // The choice is kept: the verifier opened again without ?lang= is still French.
      await page.goto('/verify');
      await page.getByRole('heading', { level: 1, name: 'Vérifier un badge' }).waitFor();
      await page.close();
    });

    it(`warns in French when a pasted copy differs from the hosted badge (${size} px)`, async () => {
      const page = await (await newContext(browser, platform.url, { phone })).context.newPage();
      const hosted = (await (await fetch(assertion.openBadgeId, { headers: { accept: 'application/ld+json' } })).json()) as Record<string, unknown>;
      const tampered = { ...hosted, issuedOn: '2020-01-01T00:00:00Z', expires: '2099-01-01T00:00:00Z' };
      await page.goto('/verify?lang=fr');
      await page.getByLabel('Collez le JSON ou le JWS').fill(JSON.stringify(tampered));
      await page.getByRole('button', { name: 'Vérifier le JSON' }).click();
      await expectVerdict(page, 'Valide');
      await page.getByRole('heading', { name: 'Avertissements' }).waitFor();
      await page.getByText('Cette copie du badge diffère de celle que son émetteur héberge (expires, issuedOn).').waitFor();
      await shot(page, `verify-tampered-fr-${size}`);
      expect(await accessibilityViolations(page)).toEqual([]);
      await page.close();
    });

    it(`shows an http:// issuer's badge image through the platform (${size} px, English)`, async () => {
      const { context, outsideRequests } = await newContext(browser, platform.url, { phone });
      const page = await context.newPage();
      await page.goto(`/verify?lang=en&url=${encodeURIComponent(outsideAssertionUrl)}`);
      await expectVerdict(page, 'Valid');
      const image = page.locator('.badge-summary img');
      expect(await image.getAttribute('src')).toBe(`/v2/verify/image?url=${encodeURIComponent(`${origin(outsideIssuer)}/image.png`)}`);
      await image.evaluate((img: { complete: boolean; naturalWidth: number }) => img.complete || new Promise((resolve) => setTimeout(resolve, 500)));
      expect(await image.evaluate((img: { naturalWidth: number }) => img.naturalWidth)).toBe(64);
      expect(outsideRequests).toEqual([]);
      await shot(page, `verify-outside-image-en-${size}`);
      expect(await accessibilityViolations(page)).toEqual([]);
      await page.close();
    });

    it(`shows the share page in French with ?lang=fr and in English by default (${size} px)`, async () => {
      const page = await (await newContext(browser, platform.url, { phone })).context.newPage();
      await page.goto(`${shareUrl}?lang=fr`);
      await page.getByRole('heading', { level: 1, name: BADGE.fr }).waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('fr');
      const issued = new Intl.DateTimeFormat('fr', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date());
      await page.getByText(`Décerné par Northern College le ${issued}`).waitFor();
      expect(await page.content()).not.toMatch(/\d{4}-\d{2}-\d{2}</);
      await shot(page, `share-fr-${size}`);
      expect(await accessibilityViolations(page)).toEqual([]);

      await page.goto(shareUrl);
      await page.getByRole('heading', { level: 1, name: BADGE.name }).waitFor();
      await page.getByText(/^Issued by Northern College on [A-Z][a-z]+ \d{1,2}, \d{4}$/).waitFor();
      await shot(page, `share-en-${size}`);

      // The badge's own public page, in French, names its English edition in French.
      await page.goto(`${assertion.openBadgeId}?lang=fr`);
      await page.getByRole('heading', { level: 1, name: BADGE.fr }).waitFor();
      await page.getByText('Aussi en anglais').waitFor();
      await shot(page, `public-badge-fr-${size}`);
      expect(await accessibilityViolations(page)).toEqual([]);

      // Its verify button opens the verifier in French too.
      await page.getByRole('link', { name: 'Vérifier ce badge' }).click();
      await page.getByRole('heading', { level: 1, name: 'Vérifier un badge' }).waitFor();
      await expectVerdict(page, 'Valide');
      await page.close();
    });

    it(`shows the learner's passport in French with the badge's French texts, and in English after switching (${size} px)`, async () => {
      const { context } = await newContext(browser, platform.url, { locale: 'fr-CA', phone });
      const page = await context.newPage();
      await page.goto('/passport?lang=fr');
      await page.getByLabel('Adresse courriel').fill(LEARNER.email);
      await page.getByLabel('Mot de passe', { exact: true }).fill(LEARNER.password);
      await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
      await page.getByRole('link', { name: BADGE.fr }).click();
      await page.getByRole('heading', { level: 1, name: BADGE.fr }).waitFor();
      await page.getByText(BADGE.frCriteria).waitFor();
      await shot(page, `passport-badge-fr-${size}`);
      await page.getByLabel('Langue').selectOption('en');
      await page.getByRole('heading', { level: 1, name: BADGE.name }).waitFor();
      await page.getByText(BADGE.criteria).waitFor();
      await context.close();
    });

    it(`shows the verifier in English to an English reader (${size} px)`, async () => {
      const page = await (await newContext(browser, platform.url, { phone })).context.newPage();
      await page.goto(`/verify?url=${encodeURIComponent(assertion.openBadgeId)}`);
      await expectVerdict(page, 'Valid');
      await page.getByRole('definition').filter({ hasText: new RegExp(`^${BADGE.name}$`) }).waitFor();
      await page.getByText('Every check').click();
      await page.getByText('Check the badge is not revoked and not expired: passed').waitFor();
      await shot(page, `verify-en-${size}`);
      await page.close();
    });
  }

  it('signing in on a browser where no language was chosen brings back the language the learner chose (their passport keeps it)', async () => {
    const anonymous = new ApiClient(platform.url);
    const learner = { email: 'dominique@example.org', password: 'another horse battery' };
    expect((await anonymous.post('/v2/auth/signup', { name: 'Dominique', ...learner, language: 'fr' })).status).toBe(201);
    const english = await newContext(browser, platform.url, { locale: 'en-CA' });
    const page = await english.context.newPage();
    await page.goto('/passport');
    await page.getByLabel('Email address').fill(learner.email);
    await page.getByLabel('Password', { exact: true }).fill(learner.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.locator('html[lang="fr"]').waitFor({ state: 'attached' });
    await page.getByLabel('Langue').waitFor();
    await english.context.close();

    // A browser where the reader chose a language keeps it.
    const chosen = await newContext(browser, platform.url, { locale: 'en-CA' });
    const other = await chosen.context.newPage();
    await other.goto('/passport?lang=en');
    await other.getByLabel('Email address').fill(learner.email);
    await other.getByLabel('Password', { exact: true }).fill(learner.password);
    await other.getByRole('button', { name: 'Sign in', exact: true }).click();
    await other.getByRole('button', { name: 'Sign out' }).waitFor();
    expect(await other.locator('html').getAttribute('lang')).toBe('en');
    await chosen.context.close();
  });
});

async function expectVerdict(page: Page, word: string): Promise<void> {
  await page.locator('.verdict .verdict-word').filter({ hasText: new RegExp(`^${word}$`) }).waitFor({ timeout: 20_000 });
}

/** The learner signs up, confirms, accepts the badge and shares it, through the API. */
async function learnerSharesTheBadge(platform: BrowserPlatform, assertionId: string): Promise<string> {
  const anonymous = new ApiClient(platform.url);
  expect((await anonymous.post('/v2/auth/signup', { name: LEARNER.name, email: LEARNER.email, password: LEARNER.password })).status).toBe(201);
  const token = new URL(await confirmationLink(platform, LEARNER.email)).searchParams.get('token');
  expect((await anonymous.post('/v2/auth/confirm-email', { token })).status).toBe(200);
  const signedIn = await anonymous.post('/v2/auth/token', { username: LEARNER.email, password: LEARNER.password });
  const learner = anonymous.withToken(signedIn.body.access_token);
  expect((await learner.put(`/v2/backpack/assertions/${assertionId}`, { acceptance: 'Accepted' })).status).toBe(200);
  const share = await learner.post('/v2/backpack/shares', { type: 'badge', entityId: assertionId });
  expect(share.status).toBe(201);
  return share.body.result[0].url as string;
}

function origin(server: Server): string {
  return `http://127.0.0.2:${(server.address() as AddressInfo).port}`;
}

/** A hosted badge on plain http at 127.0.0.2, with a PNG image. */
async function startOutsideIssuer(): Promise<Server> {
  const png = tinyPng(64, 64, [200, 30, 30, 255]);
  const server = createServer((req, res) => {
    const base = origin(server);
    const documents: Record<string, unknown> = {
      '/issuer': { '@context': 'https://w3id.org/openbadges/v2', type: 'Issuer', id: `${base}/issuer`, name: 'Faraway Institute', url: base, email: 'badges@faraway.example' },
      '/badge': {
        '@context': 'https://w3id.org/openbadges/v2',
        type: 'BadgeClass',
        id: `${base}/badge`,
        name: 'Welding I',
        description: 'Safe welding.',
        image: `${base}/image.png`,
        criteria: { narrative: 'Passed the practical.' },
        issuer: `${base}/issuer`,
      },
      '/assertion': {
        '@context': 'https://w3id.org/openbadges/v2',
        type: 'Assertion',
        id: `${base}/assertion`,
        recipient: { type: 'email', hashed: false, identity: 'someone@example.org' },
        badge: `${base}/badge`,
        issuedOn: '2026-01-15T10:00:00Z',
        verification: { type: 'hosted' },
      },
    };
    if (req.url === '/image.png') return void res.writeHead(200, { 'content-type': 'image/png' }).end(png);
    const document = documents[req.url ?? ''];
    if (!document) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/ld+json' }).end(JSON.stringify(document));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.2', resolve));
  return server;
}

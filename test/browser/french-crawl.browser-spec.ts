import type { Browser, Page } from 'playwright-core';

import { ApiClient } from '../support/api-client';
import { accessibilityViolations } from './support/axe';
import { startBrowserPlatform, type BrowserPlatform } from './support/browser-platform';
import { launchChromium, newContext } from './support/chromium';
import { confirmationLink, emailedLink } from './support/emails';
import { englishIn, englishPhrases } from './support/english-phrases';
import { StaffApi } from './support/staff-api';

const LEARNER = { name: 'Camille Apprenante', email: 'camille@example.org', password: 'correct horse battery' };
const ADMIN = { name: 'Amélie Admin', email: 'amelie@college.example', password: 'correct horse battery' };

/**
 * Issue #17's French crawl: every page of the web app (and the pages the services render for
 * browsers), visited by a French reader, anonymous, as a learner, as an institution admin and as
 * the operator, and none may show a sentence of the English catalogue. The English catalogue is the
 * reference: a page that shows one of its phrases in French forgot to translate it. Each page is
 * checked with axe on the way.
 */
describe('French everywhere: a crawl of every page (browser)', () => {
  let platform: BrowserPlatform;
  let browser: Browser;
  let page: Page;
  const phrases = englishPhrases();
  const ids = { institution: '', issuer: '', badgeClass: '', assertion: '', assertionUrl: '', share: '' };
  /** Each page visited: its `<html lang>`, the English it showed and what axe found there. */
  const found: { path: string; lang: string | null; english: string[]; violations: unknown[] }[] = [];

  async function record(path: string) {
    const english = englishIn(await page.locator('body').innerText(), phrases);
    found.push({ path, lang: await page.locator('html').getAttribute('lang'), english, violations: await accessibilityViolations(page) });
  }

  async function crawl(paths: readonly string[], ready: (path: string) => Promise<void> = async () => undefined) {
    for (const path of paths) {
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      await ready(path);
      await record(path);
    }
  }

  beforeAll(async () => {
    [platform, browser] = await Promise.all([startBrowserPlatform(), launchChromium()]);
    const staff = await StaffApi.forNewInstitution(platform.url, platform.adminToken, 'Collège du Nord');
    ids.institution = staff.institutionId;
    ids.issuer = await staff.createIssuer('Faculté de génie');
    ids.badgeClass = await staff.createBadgeClass(ids.issuer, { name: 'Sécurité au labo', description: 'Travaille en sécurité.', criteriaNarrative: 'A réussi **l’examen**.', language: 'fr' });
    const awarded = await staff.award(ids.badgeClass, LEARNER.email);
    ids.assertion = awarded.entityId;
    ids.assertionUrl = awarded.openBadgeId;

    const anonymous = new ApiClient(platform.url);
    expect((await staff.api.post('/v2/staff', { email: ADMIN.email, name: ADMIN.name, institutionRole: 'admin', language: 'fr' })).status).toBe(201);
    const invitation = await emailedLink(platform, ADMIN.email, /https?:\/\/\S+\/console\/invitation#token=[A-Za-z0-9_-]{20,}/);
    expect((await anonymous.post('/v2/staff/invitations/accept', { token: new URL(invitation).hash.slice('#token='.length), password: ADMIN.password })).status).toBe(200);

    expect((await anonymous.post('/v2/auth/signup', LEARNER)).status).toBe(201);
    const token = new URL(await confirmationLink(platform, LEARNER.email)).searchParams.get('token');
    expect((await anonymous.post('/v2/auth/confirm-email', { token })).status).toBe(200);
    const learner = anonymous.withToken((await anonymous.post('/v2/auth/token', { username: LEARNER.email, password: LEARNER.password })).body.access_token);
    expect((await learner.put(`/v2/backpack/assertions/${ids.assertion}`, { acceptance: 'Accepted' })).status).toBe(200);
    ids.share = (await learner.post('/v2/backpack/shares', { type: 'badge', entityId: ids.assertion })).body.result[0].url;

    const { context } = await newContext(browser, platform.url, { locale: 'fr-CA' });
    page = await context.newPage();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await platform?.stopAndClean();
  });

  it('anonymous pages: home, verifier (and a report), sign-in and sign-up forms, link pages, public badge and share pages, 404s', async () => {
    await crawl(['/?lang=fr', '/verify']);
    await crawl([`/verify?url=${encodeURIComponent(ids.assertionUrl)}`], async () => {
      await page.locator('.verdict .verdict-word').first().waitFor({ timeout: 20_000 });
    });
    await crawl([
      '/passport',
      '/passport/signup',
      '/passport/confirm-email?token=not-a-real-token-at-all',
      '/console',
      '/console/invitation#token=not-a-real-token-at-all',
      '/console/password-reset#token=not-a-real-token-at-all',
      '/operator',
      '/nowhere-at-all',
      `/public/badges/${ids.badgeClass}`,
      `/public/assertions/${ids.assertion}`,
      `/public/issuers/${ids.issuer}`,
      ids.share,
    ]);
  });

  it('the learner’s passport, every tab and the badge page', async () => {
    await page.goto('/passport');
    await page.getByLabel('Adresse courriel').fill(LEARNER.email);
    await page.getByLabel('Mot de passe', { exact: true }).fill(LEARNER.password);
    await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
    await page.getByRole('link', { name: 'Sécurité au labo' }).waitFor();
    await crawl(['/passport', `/passport/badges/${ids.assertion}`, '/passport/collections', '/passport/shares', '/passport/emails', '/passport/transfer', '/passport/connected-apps', '/passport/nowhere']);
  });

  it('the institution console, every page, signed in as its admin', async () => {
    await page.goto('/console');
    await page.getByLabel('Adresse courriel').fill(ADMIN.email);
    await page.getByLabel('Mot de passe', { exact: true }).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
    await page.getByText('Connecté pour Collège du Nord').waitFor();
    await crawl([
      '/console',
      `/console/issuers/${ids.issuer}`,
      `/console/issuers/${ids.issuer}/badge-classes/new`,
      `/console/badge-classes/${ids.badgeClass}`,
      `/console/badge-classes/${ids.badgeClass}/edit`,
      '/console/assertions',
      '/console/integrations/endorsements',
      '/console/integrations/webhooks',
      '/console/integrations/api-clients',
      '/console/integrations/emails',
      '/console/people',
      '/console/audit',
      '/console/sso',
      '/console/nowhere',
    ]);
  });

  it('the operator console', async () => {
    await page.goto('/operator');
    await page.getByLabel('Jeton d’opérateur').fill(platform.adminToken);
    await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
    await page.getByText('Collège du Nord').first().waitFor();
    await record('/operator (signed in)');
    // The migration page from Badgr: its form, and its runs list (none yet).
    await crawl([`/operator/institutions/${ids.institution}/migrations`], async () => {
      await page.getByRole('heading', { level: 2, name: 'Exécutions' }).waitFor();
    });
  });

  it('found no English, and axe nothing, on any page', () => {
    // The catalogue's prose, not a handful of words: a crawl that looked for nothing would pass.
    expect(phrases.length).toBeGreaterThan(300);
    expect(found.length).toBe(39);
    expect(found.filter((visit) => visit.lang !== 'fr' || visit.english.length > 0 || visit.violations.length > 0)).toEqual([]);
  });
});

import type { Browser, Page } from 'playwright-core';

import { accessibilityViolations } from './support/axe';
import { startBrowserPlatform, type BrowserPlatform } from './support/browser-platform';
import { launchChromium, newContext } from './support/chromium';
import { confirmationLink } from './support/emails';
import { downloadToFile } from './support/files';
import { screenshots } from './support/screenshots';
import { StaffApi } from './support/staff-api';

/**
 * Issue #8's acceptance, steps 3 to 5 from the learner's and the visitor's side, in Chromium
 * against the platform as `npm start` runs it. The staff side (institution, issuer, a bilingual
 * badge class with an image, the award and later the revocation) goes through the HTTP API.
 * The steps depend on each other, so they are one ordered journey of tests.
 */
const LEARNER = { name: 'Alex Learner', email: 'alex.learner@example.org', password: 'correct horse battery' };
const BADGE = { name: 'Lab Safety', fr: 'Sécurité au labo', criteria: 'Passed the practical lab safety test.', frCriteria: 'A réussi l’examen pratique de sécurité.' };
const REVOCATION_REASON = 'Awarded in error.';
const ENDORSEMENT_COMMENT = 'Meets our lab accreditation standard.';

describe('a learner accepts and shares a badge; a visitor verifies it (browser)', () => {
  let platform: BrowserPlatform;
  let browser: Browser;
  let staff: StaffApi;
  let assertion: { entityId: string; openBadgeId: string };
  let learner: Page;
  let visitor: Page;
  let shareUrl: string;
  let bakedImage: string;
  let badgeClassId: string;
  let visitorRequestsOutside: string[];
  const shot = screenshots('learner-and-visitor');

  beforeAll(async () => {
    [platform, browser] = await Promise.all([startBrowserPlatform(), launchChromium()]);
    staff = await StaffApi.forNewInstitution(platform.url, platform.adminToken, 'Northern College');
    const issuerId = await staff.createIssuer('Northern College');
    badgeClassId = await staff.createBadgeClass(issuerId, {
      name: BADGE.name,
      description: 'Works safely in a laboratory.',
      criteriaNarrative: BADGE.criteria,
      alignments: [{ targetName: 'Lab safety standard', targetUrl: 'https://standards.example.org/lab-safety' }],
      language: 'en',
      translations: [{ language: 'fr', name: BADGE.fr, description: 'Travaille en sécurité au laboratoire.', criteriaNarrative: BADGE.frCriteria }],
    });
    const council = await StaffApi.forNewInstitution(platform.url, platform.adminToken, 'Engineering Council');
    const endorsement = await council.endorseBadgeClass(staff, badgeClassId, 'Engineering Council', ENDORSEMENT_COMMENT);
    // The issuer lists the endorsement once its event has gone round (in-process bus: quickly).
    await eventually(async () => JSON.stringify(await (await fetch(`${platform.url}/public/badges/${badgeClassId}`)).json()).includes(endorsement));
    assertion = await staff.award(badgeClassId, LEARNER.email);
    learner = await (await newContext(browser, platform.url)).context.newPage();
    const visiting = await newContext(browser, platform.url);
    visitor = await visiting.context.newPage();
    visitorRequestsOutside = visiting.outsideRequests;
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stopAndClean();
  });

  it('3a. the learner signs up and confirms their address with the emailed link', async () => {
    await learner.goto('/passport/signup');
    await learner.getByLabel('Your name').fill(LEARNER.name);
    await learner.getByLabel('Email address').fill(LEARNER.email);
    await learner.getByLabel('Password').fill(LEARNER.password);
    await learner.getByRole('button', { name: 'Create my passport' }).click();
    await learner.getByRole('heading', { name: 'Confirm your email address' }).waitFor();
    await shot(learner, 'signed-up');

    await learner.goto(await confirmationLink(platform, LEARNER.email));
    await learner.getByRole('button', { name: 'Confirm my address' }).click();
    await learner.getByText(`${LEARNER.email} is confirmed. 1 badge is waiting for you in your passport.`).waitFor();
  });

  it('3b. the badge waits in the passport; the learner accepts it from its page (no axe violations)', async () => {
    const gallery = learner.getByRole('region', { name: 'My badges' });
    await gallery.getByRole('heading', { name: BADGE.name }).waitFor();
    await gallery.getByText('Pending', { exact: true }).waitFor();
    await shot(learner, 'pending-badge');
    expect(await accessibilityViolations(learner)).toEqual([]);

    await gallery.getByRole('link', { name: BADGE.name }).click();
    await learner.getByRole('heading', { level: 1, name: BADGE.name }).waitFor();
    await learner.getByRole('button', { name: 'Accept' }).click();
    await learner.getByRole('status').filter({ hasText: 'Badge accepted.' }).waitFor();
    expect(await learner.getByText('Accepted', { exact: true }).count()).toBe(1);
    await shot(learner, 'badge-accepted');
    expect(await accessibilityViolations(learner)).toEqual([]);
  });

  it('3c. the learner puts it in a collection and shares the collection', async () => {
    await learner.getByRole('navigation', { name: 'Passport sections' }).getByRole('link', { name: 'Collections' }).click();
    const form = learner.getByRole('form', { name: 'Create a collection' });
    await form.getByLabel('Collection name').fill('Science skills');
    await form.getByLabel(BADGE.name).check();
    await form.getByRole('button', { name: 'Create the collection' }).click();
    const collection = learner.locator('[data-collection]');
    await collection.getByRole('heading', { name: 'Science skills' }).waitFor();
    await collection.getByRole('button', { name: 'Create a share link for Science skills' }).click();
    const link = collection.locator('a.share-url');
    await link.waitFor();
    shareUrl = (await link.getAttribute('href'))!;
    expect(shareUrl).toMatch(new RegExp(`^${platform.url}/public/passport/shares/`));
    await shot(learner, 'collection-shared');
  });

  it('4a. a visitor opens the share link and follows the badge to its public page (no axe violations)', async () => {
    await visitor.goto(shareUrl);
    await visitor.getByRole('heading', { name: 'Science skills' }).waitFor();
    expect(await visitor.locator('meta[property="og:title"]').getAttribute('content')).toBe('Science skills');
    await shot(visitor, 'share-page');

    await visitor.getByRole('link', { name: 'View the badge' }).click();
    await visitor.getByRole('heading', { level: 1, name: BADGE.name }).waitFor();
    expect(await visitor.locator('meta[property="og:image"]').getAttribute('content')).toBe(`${assertion.openBadgeId}/image`);
    expect(await visitor.locator('meta[property="og:url"]').getAttribute('content')).toBe(assertion.openBadgeId);
    await visitor.getByText(BADGE.criteria).waitFor();
    await visitor.getByRole('link', { name: 'Lab safety standard' }).waitFor();
    await shot(visitor, 'public-badge-page');
    expect(await accessibilityViolations(visitor)).toEqual([]);

    await visitor.getByRole('link', { name: 'Verify this badge' }).click();
    await visitor.waitForURL(/\/verify\?url=/);
    await expectVerdict(visitor, 'Valid');
  });

  it('4b. the visitor verifies the downloaded baked image and sees "valid" (verify page: no axe violations)', async () => {
    bakedImage = await downloadToFile(`${assertion.openBadgeId}/image`, 'badge.png');
    await visitor.goto('/verify');
    await visitor.getByLabel('Expected recipient (optional)').fill(LEARNER.email);
    await visitor.getByLabel('Badge image file').setInputFiles(bakedImage);
    await expectVerdict(visitor, 'Valid');
    await visitor.getByText(`Issued to ${LEARNER.email}.`).waitFor();
    await visitor.getByRole('definition').filter({ hasText: 'Northern College' }).waitFor();
    await visitor.getByText('Endorsed by Engineering Council (valid)').waitFor();
    await visitor.getByText(ENDORSEMENT_COMMENT).waitFor();
    await shot(visitor, 'verified-valid');
    expect(await accessibilityViolations(visitor)).toEqual([]);
  });

  it('5. once staff revoke it, the same image verifies as "revoked" with the reason', async () => {
    await staff.revoke(assertion.entityId, REVOCATION_REASON);
    // The verifier caches documents for VERIFY_CACHE_TTL_SECONDS (1 s here).
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await visitor.goto('/verify');
    await visitor.getByLabel('Badge image file').setInputFiles(bakedImage);
    await expectVerdict(visitor, 'Revoked');
    expect(await visitor.locator('.verdict-reason').textContent()).toContain(REVOCATION_REASON);
    await shot(visitor, 'verified-revoked');
    expect(visitorRequestsOutside).toEqual([]);
  });

  it('speaks French: the interface when switched, and the badge class\'s French content', async () => {
    await visitor.goto('/verify');
    await visitor.getByLabel('Language').selectOption('fr');
    await visitor.getByRole('heading', { level: 1, name: 'Vérifier un badge' }).waitFor();
    await visitor.getByLabel('Fichier image du badge').setInputFiles(bakedImage);
    await expectVerdict(visitor, 'Révoqué');
    await shot(visitor, 'verify-in-french');

    // A French-speaking browser gets the badge class's French edition, labels included.
    const french = await newContext(browser, platform.url, { locale: 'fr-CA' });
    const page = await french.context.newPage();
    await page.goto(`/public/badges/${badgeClassId}`);
    await page.getByRole('heading', { level: 1, name: BADGE.fr }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    await page.getByRole('heading', { name: 'Critères' }).waitFor();
    await page.getByText(BADGE.frCriteria).waitFor();
    await page.getByRole('heading', { name: 'Reconnaissances' }).waitFor();
    await page.getByText(ENDORSEMENT_COMMENT).waitFor();
    await shot(page, 'badge-class-in-french');
    await page.goto(assertion.openBadgeId);
    await page.getByText('Ce badge a été révoqué.').waitFor();
    await page.getByRole('heading', { level: 1, name: BADGE.fr }).waitFor();
    await shot(page, 'revoked-badge-in-french');
    // The shared collection speaks French too; its only badge was revoked, so it shows none.
    await page.goto(shareUrl);
    await page.getByText('Aucun badge à afficher.').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    // ?lang= chooses the edition whatever the browser says.
    await visitor.goto(`/public/badges/${badgeClassId}?lang=fr`);
    await visitor.getByRole('heading', { level: 1, name: BADGE.fr }).waitFor();
    await french.context.close();
  });
});

async function eventually(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function expectVerdict(page: Page, word: string): Promise<void> {
  await page.locator('.verdict-word').filter({ hasText: word }).waitFor({ timeout: 20_000 });
}

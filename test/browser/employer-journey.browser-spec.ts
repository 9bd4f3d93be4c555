import type { Browser, Page } from 'playwright-core';

import { ApiClient } from '../support/api-client';
import { accessibilityViolations } from './support/axe';
import { startBrowserPlatform, type BrowserPlatform } from './support/browser-platform';
import { launchChromium, newContext } from './support/chromium';
import { confirmationLink } from './support/emails';
import { screenshots } from './support/screenshots';
import { StaffApi } from './support/staff-api';

/**
 * Issue #17's employer journey, in Chromium against the platform as `npm start` runs it: an
 * employer opens the share links a candidate sent (the passport's public share pages), follows
 * each page's verify button, and reads "valid"; once the issuer revokes one, the same verify
 * address reads "revoked" with the issuer's reason, and its share link says it is no longer
 * shared. English and French, at 1280 and 390 px; axe on every page. (learner-and-visitor covers
 * a shared collection, the badge's public page and a downloaded image; french covers the share
 * page's French texts and dates.)
 */
const LEARNER = { name: 'Sam Candidate', email: 'sam.candidate@example.org', password: 'correct horse battery' };
const REASON = 'Issued before the final assessment was marked.';
const ROUNDS = [
  { lang: 'en', width: 1280, valid: 'Valid', revoked: 'Revoked', verify: 'Verify this badge' },
  { lang: 'en', width: 390, valid: 'Valid', revoked: 'Revoked', verify: 'Verify this badge' },
  { lang: 'fr', width: 1280, valid: 'Valide', revoked: 'Révoqué', verify: 'Vérifier ce badge' },
  { lang: 'fr', width: 390, valid: 'Valide', revoked: 'Révoqué', verify: 'Vérifier ce badge' },
] as const;

describe('an employer opens a candidate\'s share links and verifies them (browser)', () => {
  let platform: BrowserPlatform;
  let browser: Browser;
  let staff: StaffApi;
  const badges: Record<'kept' | 'revoked', { entityId: string; share: string }> = {} as never;
  /** The verify address each round reached from the later-revoked badge's share page (as a bookmark keeps it). */
  const verifyAddresses = new Map<string, string>();
  let revokedYet = false;
  const shot = screenshots('employer-journey');

  beforeAll(async () => {
    [platform, browser] = await Promise.all([startBrowserPlatform(), launchChromium()]);
    staff = await StaffApi.forNewInstitution(platform.url, platform.adminToken, 'Riverside College');
    const issuerId = await staff.createIssuer('Riverside College');
    const first = await staff.createBadgeClass(issuerId, { name: 'Data Analysis', description: 'Analyses data sets.', criteriaNarrative: 'Completed the capstone.' });
    const second = await staff.createBadgeClass(issuerId, { name: 'Customer Service', description: 'Serves customers well.', criteriaNarrative: 'Passed the practicum.' });
    const kept = await staff.award(first, LEARNER.email);
    const revoked = await staff.award(second, LEARNER.email);
    const learner = await confirmedLearner(platform);
    for (const [key, award] of [['kept', kept], ['revoked', revoked]] as const) {
      expect((await learner.put(`/v2/backpack/assertions/${award.entityId}`, { acceptance: 'Accepted' })).status).toBe(200);
      const share = await learner.post('/v2/backpack/shares', { type: 'badge', entityId: award.entityId });
      expect(share.status).toBe(201);
      badges[key] = { entityId: award.entityId, share: share.body.result[0].url };
    }
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stopAndClean();
  });

  const employerPage = async (lang: string, width: number): Promise<{ page: Page; outside: string[] }> => {
    const { context, outsideRequests } = await newContext(browser, platform.url, { locale: lang === 'fr' ? 'fr-CA' : 'en-CA', phone: width === 390 });
    return { page: await context.newPage(), outside: outsideRequests };
  };

  it.each(ROUNDS)('opens each share link and verifies it from the page: valid ($lang, $width px)', async ({ lang, width, valid, verify }) => {
    const { page, outside } = await employerPage(lang, width);
    for (const key of ['kept', 'revoked'] as const) {
      await page.goto(badges[key].share);
      expect(await page.locator('html').getAttribute('lang')).toBe(lang);
      await shot(page, `${lang}-${width}-${key}-share`);
      expect(await accessibilityViolations(page)).toEqual([]);
      await page.getByRole('link', { name: verify }).click();
      await page.waitForURL(/\/verify\?url=/);
      await expectVerdict(page, valid);
      if (key === 'revoked') verifyAddresses.set(`${lang}-${width}`, page.url());
      await shot(page, `${lang}-${width}-${key}-verified`);
      expect(await accessibilityViolations(page)).toEqual([]);
      expect(await page.locator('html').evaluate((html) => html.scrollWidth)).toBeLessThanOrEqual(width);
    }
    expect(outside).toEqual([]);
    await page.context().close();
  });

  it.each(ROUNDS)('after the issuer revokes one, its verify address says revoked with the reason, and its share link that it is no longer shared ($lang, $width px)', async ({ lang, width, revoked }) => {
    if (!revokedYet) {
      await staff.revoke(badges.revoked.entityId, REASON);
      revokedYet = true;
      // The verifier keeps fetched documents for VERIFY_CACHE_TTL_SECONDS (1 s here).
      await new Promise((resolve) => setTimeout(resolve, 1500));
    }
    const { page } = await employerPage(lang, width);
    await page.goto(verifyAddresses.get(`${lang}-${width}`)!);
    await expectVerdict(page, revoked);
    expect(await page.locator('.verdict-reason').textContent()).toContain(REASON);
    // The report quotes the badge's long URL: it wraps, the page stays as wide as the screen.
    expect(await page.locator('html').evaluate((html) => html.scrollWidth)).toBeLessThanOrEqual(width);
    await shot(page, `${lang}-${width}-revoked-verified`);
    expect(await accessibilityViolations(page)).toEqual([]);

    const gone = await page.goto(badges.revoked.share);
    expect(gone?.status()).toBe(410);
    expect(await gone?.headerValue('content-type')).toContain('text/html');
    await shot(page, `${lang}-${width}-revoked-share`);
    expect(await accessibilityViolations(page)).toEqual([]);
    // The other badge is still shared and still valid.
    await page.goto(badges.kept.share);
    await page.getByRole('heading', { level: 1, name: 'Data Analysis' }).waitFor();
    await page.context().close();
  });
});

async function expectVerdict(page: Page, word: string): Promise<void> {
  await page.locator('.verdict .verdict-word').filter({ hasText: new RegExp(`^${word}$`) }).waitFor({ timeout: 20_000 });
}

/** The candidate signs up and confirms their address, through the API; returns their signed-in client. */
async function confirmedLearner(platform: BrowserPlatform): Promise<ApiClient> {
  const anonymous = new ApiClient(platform.url);
  expect((await anonymous.post('/v2/auth/signup', LEARNER)).status).toBe(201);
  const token = new URL(await confirmationLink(platform, LEARNER.email)).searchParams.get('token');
  expect((await anonymous.post('/v2/auth/confirm-email', { token })).status).toBe(200);
  return anonymous.withToken((await anonymous.post('/v2/auth/token', { username: LEARNER.email, password: LEARNER.password })).body.access_token);
}

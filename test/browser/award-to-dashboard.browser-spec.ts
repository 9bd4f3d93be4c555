import type { Browser, Page } from 'playwright-core';

import { accessibilityViolations } from './support/axe';
import { startBrowserPlatform, type BrowserPlatform } from './support/browser-platform';
import { launchChromium } from './support/chromium';
import { screenshots } from './support/screenshots';
import { StaffApi } from './support/staff-api';
import { words } from './support/words';

/**
 * Issue #17's staff journey, award → list → revoke → dashboard, in Chromium against the platform
 * as `npm start` runs it: staff award one badge from the badge class page, find it in the class's
 * awards list, revoke it there with a reason, and the page's dashboard counts it as awarded and
 * as revoked. Once in English at 1280 px, once in French at 390 px; then the issuer's and the
 * class's dashboards at both widths in both languages. The one place these steps are tested in
 * the console (console-product covers search, bulk and export; console-dashboard the learners'
 * counts, periods and the issuer image). axe on every step.
 */
const ISSUER = 'Harbour Polytechnic';
const BADGE = 'Marine Safety';
const ROUNDS = [
  { lang: 'en', width: 1280, email: 'ana.lima@example.org', name: 'Ana Lima', reason: 'Certificate expired before the course ended.' },
  { lang: 'fr', width: 390, email: 'luc.roy@example.org', name: 'Luc Roy', reason: 'Attribué par erreur.' },
] as const;

describe('staff award a badge, find it in the list, revoke it, and the dashboard counts both (browser)', () => {
  let platform: BrowserPlatform;
  let browser: Browser;
  let page: Page;
  let issuerId: string;
  let badgeClassId: string;
  const pageErrors: string[] = [];
  const shot = screenshots('award-to-dashboard');

  beforeAll(async () => {
    [platform, browser] = await Promise.all([startBrowserPlatform(), launchChromium()]);
    const staff = await StaffApi.forNewInstitution(platform.url, platform.adminToken, ISSUER);
    issuerId = await staff.createIssuer(ISSUER);
    badgeClassId = await staff.createBadgeClass(issuerId, { name: BADGE, description: 'Works safely on the water.', criteriaNarrative: 'Passed the sea survival course.' });
    page = await staff.consolePage(browser, platform.url, pageErrors);
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stopAndClean();
  });

  const total = (metric: 'awarded' | 'revoked') => page.locator(`.dashboard-totals dd[data-metric="${metric}"]`);
  const check = async (step: string) => {
    expect(await accessibilityViolations(page)).toEqual([]);
    await shot(page, step);
  };

  describe.each(ROUNDS)('in $lang at $width px', ({ lang, width, email, name, reason }) => {
    const w = (key: string, values?: Record<string, string | number>) => words(lang, key, values);
    const before = { awarded: 0, revoked: 0 };

    it('opens the badge class page: its dashboard, the award form and the awards list', async () => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`/console/badge-classes/${badgeClassId}`);
      await page.getByLabel(/^(Language|Langue)$/).selectOption(lang);
      await page.getByRole('heading', { level: 2, name: w('console.dashboard.heading') }).waitFor();
      before.awarded = Number(await total('awarded').textContent());
      before.revoked = Number(await total('revoked').textContent());
      await check(`${lang}-${width}-1-before`);
    });

    it('awards one badge from the console', async () => {
      const form = page.getByRole('form', { name: w('console.award.heading') });
      await form.getByLabel(w('console.award.email')).fill(email);
      await form.getByLabel(w('console.award.name')).fill(name);
      await form.getByRole('button', { name: w('console.award.submit') }).click();
      await form.getByRole('status').filter({ hasText: w('console.award.awarded', { email }) }).waitFor();
      await total('awarded').filter({ hasText: String(before.awarded + 1) }).waitFor();
      await check(`${lang}-${width}-2-awarded`);
    });

    it('sees it in the badge class\'s awards list', async () => {
      const awards = page.getByRole('table', { name: w('console.awards.caption') });
      const row = awards.getByRole('row').filter({ hasText: name });
      await row.getByText(w('console.awards.statuses.active'), { exact: true }).waitFor();
      expect(await row.count()).toBe(1);
      await check(`${lang}-${width}-3-listed`);
    });

    it('revokes it from the list with a reason; the row says so', async () => {
      const awards = page.getByRole('table', { name: w('console.awards.caption') });
      const row = awards.getByRole('row').filter({ hasText: name });
      await row.getByRole('button', { name: w('console.awards.revokeNamed', { name }) }).click();
      const reasonField = page.getByLabel(w('console.assertions.reason'));
      // The reason has focus as soon as the confirmation opens.
      expect(await reasonField.evaluate((input) => input === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement)).toBe(true);
      await reasonField.fill(reason);
      await check(`${lang}-${width}-4-revoking`);
      await page.getByRole('button', { name: w('console.awards.confirmRevoke') }).click();
      await row.getByText(reason).waitFor();
      const status = row.getByRole('cell', { name: `${w('console.awards.statuses.revoked')} · ${reason}` });
      await status.waitFor();
      // Its Revoke button is gone, so focus moves to the row's new status rather than to the top of the page.
      await page.waitForFunction((cell) => cell === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement, await status.elementHandle());
    });

    it('the dashboard counts the award and the revocation', async () => {
      await total('revoked').filter({ hasText: String(before.revoked + 1) }).waitFor();
      expect(await total('awarded').textContent()).toBe(String(before.awarded + 1));
      await page.getByRole('region', { name: w('console.dashboard.heading') }).scrollIntoViewIfNeeded();
      await check(`${lang}-${width}-5-dashboard`);
    });
  });

  it('the issuer\'s and the badge class\'s dashboards at 1280 and 390 px, in English and in French', async () => {
    for (const lang of ['en', 'fr'] as const) {
      for (const path of [`/console/issuers/${issuerId}`, `/console/badge-classes/${badgeClassId}`]) {
        await page.setViewportSize({ width: 1280, height: 900 });
        await page.goto(path);
        await page.getByLabel(/^(Language|Langue)$/).selectOption(lang);
        await page.getByRole('heading', { level: 2, name: words(lang, 'console.dashboard.heading') }).waitFor();
        await total('awarded').filter({ hasText: String(ROUNDS.length) }).waitFor();
        expect(await total('revoked').textContent()).toBe(String(ROUNDS.length));
        for (const width of [1280, 390]) {
          await page.setViewportSize({ width, height: 900 });
          expect(await page.locator('html').evaluate((html) => html.scrollWidth)).toBeLessThanOrEqual(width);
          await check(`${path.includes('issuers') ? 'issuer' : 'badge-class'}-${lang}-${width}`);
        }
      }
    }
    expect(pageErrors).toEqual([]);
  });
});

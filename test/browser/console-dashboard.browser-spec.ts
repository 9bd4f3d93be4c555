import type { Browser, Page } from 'playwright-core';

import { ApiClient } from '../support/api-client';
import { eventually } from '../support/distributed-stack';
import { tinyPng } from '../support/tiny-png';
import { accessibilityViolations } from './support/axe';
import { startBrowserPlatform, type BrowserPlatform } from './support/browser-platform';
import { launchChromium } from './support/chromium';
import { confirmationLink } from './support/emails';
import { screenshots } from './support/screenshots';
import { StaffApi } from './support/staff-api';

/**
 * Issue #17's dashboards and the console's loose ends, in Chromium against the platform as
 * `npm start` runs it: a learner accepts and shares one of three awards and staff revoke another
 * (through the API); the issuer's and the badge class's dashboards show 3 / 1 / 1 / 1 as totals
 * and in the table behind the chart; staff give the issuer an image (previewed, then shown); an
 * unknown console page says so; the Assertions page finds an issuer's award by part of a name and
 * by status. axe on every page. The dashboards at 1280 and 390 px, in English and in French, and
 * their counts moving with an award and a revocation made in the console, are award-to-dashboard's.
 */
const LEARNER = { email: 'robin.learner@example.org', password: 'correct horse battery', name: 'Robin Learner' };
const ISSUER = 'Faculty of Health';
const BADGE = 'Triage Basics';

describe('staff read their dashboards, give an issuer an image and search its awards (browser)', () => {
  let platform: BrowserPlatform;
  let browser: Browser;
  let staff: StaffApi;
  let page: Page;
  let issuerId: string;
  let badgeClassId: string;
  const pageErrors: string[] = [];
  const shot = screenshots('console-dashboard');

  beforeAll(async () => {
    [platform, browser] = await Promise.all([startBrowserPlatform(), launchChromium()]);
    staff = await StaffApi.forNewInstitution(platform.url, platform.adminToken, 'Bayview College');
    issuerId = await staff.createIssuer(ISSUER);
    badgeClassId = await staff.createBadgeClass(issuerId, { name: BADGE, description: 'Sorts patients by urgency.', criteriaNarrative: 'Passed the simulation.' });
    const accepted = await staff.award(badgeClassId, LEARNER.email);
    const revoked = await staff.award(badgeClassId, 'someone.else@example.org');
    const named = await staff.api.post(`/v2/badgeclasses/${badgeClassId}/assertions`, { recipient: { identity: 'jordan@example.org', type: 'email', hashed: true }, recipientName: 'Jordan Rivers' });
    expect(named.status).toBe(201);
    await staff.revoke(revoked.entityId, 'Issued by mistake.');

    // The learner's side, through the API: sign up, confirm, accept the badge, share it.
    const anonymous = new ApiClient(platform.url);
    expect((await anonymous.post('/v2/auth/signup', LEARNER)).status).toBe(201);
    const token = new URL(await confirmationLink(platform, LEARNER.email)).searchParams.get('token');
    expect((await anonymous.post('/v2/auth/confirm-email', { token })).status).toBe(200);
    const learner = anonymous.withToken((await anonymous.post('/v2/auth/token', { username: LEARNER.email, password: LEARNER.password })).body.access_token);
    expect((await learner.put(`/v2/backpack/assertions/${accepted.entityId}`, { acceptance: 'Accepted' })).status).toBe(200);
    expect((await learner.post('/v2/backpack/shares', { type: 'badge', entityId: accepted.entityId })).status).toBe(201);
    await eventually(async () => (await staff.api.get(`/v2/badgeclasses/${badgeClassId}/stats`)).body.result[0].totals.shared === 1, 20_000, 'the share to reach the dashboard');

    page = await staff.consolePage(browser, platform.url, pageErrors);
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stopAndClean();
  });

  const totals = async () => {
    const dashboard = page.locator('.dashboard-totals');
    await dashboard.waitFor();
    return Object.fromEntries(await Promise.all(['awarded', 'accepted', 'shared', 'revoked'].map(async (metric) => [metric, await dashboard.locator(`dd[data-metric="${metric}"]`).textContent()])));
  };

  it('1. the issuer page shows its dashboard: totals, a chart with a text alternative, and the numbers as a table', async () => {
    await page.goto(`/console/issuers/${issuerId}`);
    await page.getByRole('heading', { level: 2, name: 'Dashboard' }).waitFor();
    expect(await totals()).toEqual({ awarded: '3', accepted: '1', shared: '1', revoked: '1' });
    await page.getByRole('img', { name: /Awards over time/ }).waitFor();
    await page.getByText('Show the numbers as a table').click();
    const table = page.getByRole('table', { name: 'Awards over time' });
    const thisWeek = table.locator('tbody tr').last();
    expect(await thisWeek.locator('td').allTextContents()).toEqual(['3', '1', '1', '1']);
    expect(await table.locator('tbody tr').count()).toBe(12);
    expect(await accessibilityViolations(page)).toEqual([]);
    await shot(page, 'issuer-dashboard');
  });

  it('2. the badge class page shows its own dashboard, by day, week or month', async () => {
    await page.goto(`/console/badge-classes/${badgeClassId}`);
    expect(await totals()).toEqual({ awarded: '3', accepted: '1', shared: '1', revoked: '1' });
    await page.getByLabel('Period').selectOption('day');
    await page.getByText('Show the numbers as a table').click();
    await eventually(async () => (await page.getByRole('table', { name: 'Awards over time' }).locator('tbody tr').count()) === 30, 10_000, 'thirty days');
    await page.getByLabel('Period').selectOption('month');
    await eventually(async () => (await page.getByRole('table', { name: 'Awards over time' }).locator('tbody tr').count()) === 12, 10_000, 'twelve months');
    expect(await totals()).toEqual({ awarded: '3', accepted: '1', shared: '1', revoked: '1' });
    expect(await accessibilityViolations(page)).toEqual([]);
    await shot(page, 'badge-class-dashboard-by-month');
  });

  it('3. staff give the issuer an image: a wrong file is refused, a PNG is previewed, saved and shown', async () => {
    await page.goto(`/console/issuers/${issuerId}`);
    const field = page.getByLabel('Issuer image (PNG or SVG, optional)');
    await field.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not an image') });
    await page.getByRole('alert').filter({ hasText: 'Choose a PNG or SVG image.' }).waitFor();
    await field.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: tinyPng(64, 64, [16, 120, 80, 255]) });
    await page.getByRole('img', { name: 'Preview of the chosen image' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await shot(page, 'issuer-image-previewed');
    await page.getByRole('button', { name: 'Save the issuer' }).click();
    await page.getByText('The issuer was saved.').waitFor();
    await page.getByRole('img', { name: `Image of ${ISSUER}` }).waitFor();
    const image = (await staff.api.get(`/v2/issuers/${issuerId}`)).body.result[0].image as string;
    expect(image).toMatch(/^http/);
    expect((await fetch(image)).headers.get('content-type')).toContain('image/png');
    await shot(page, 'issuer-image-saved');
  });

  it('4. an unknown console page says it is not found, in English and in French', async () => {
    await page.goto('/console/no-such-page');
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await shot(page, 'console-not-found-en');
    await page.getByLabel(/^(Language|Langue)$/).selectOption('fr');
    await page.getByRole('heading', { level: 1, name: 'Page introuvable' }).waitFor();
    await shot(page, 'console-not-found-fr');
    await page.getByLabel(/^(Language|Langue)$/).selectOption('en');
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
  });

  it('5. the Assertions page lists the issuer\'s awards and finds one by part of a name, or by status', async () => {
    await page.getByRole('link', { name: 'Assertions' }).click();
    await page.getByRole('heading', { level: 1, name: 'Assertions' }).waitFor();
    const awards = page.getByRole('table', { name: 'Awards of this issuer, newest first' });
    await awards.getByRole('cell', { name: 'Jordan Rivers', exact: true }).waitFor();
    expect(await awards.locator('tbody tr').count()).toBe(3);
    await page.getByLabel('Name or email').fill('rIVer');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await eventually(async () => (await awards.locator('tbody tr').count()) === 1, 10_000, 'one award named like "river"');
    await awards.getByRole('cell', { name: BADGE, exact: true }).waitFor();
    await page.getByLabel('Name or email').fill('');
    await page.getByLabel('Status').selectOption('revoked');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await awards.getByText('Issued by mistake.').waitFor();
    expect(await awards.locator('tbody tr').count()).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
    await shot(page, 'assertions-search');
    expect(pageErrors).toEqual([]);
  });
});

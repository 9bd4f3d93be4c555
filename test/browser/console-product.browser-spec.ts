import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Browser, Page } from 'playwright-core';

import { tinyPng } from '../support/tiny-png';
import { seriousAccessibilityViolations } from './support/axe';
import { startBrowserPlatform, type BrowserPlatform } from './support/browser-platform';
import { launchChromium, newContext } from './support/chromium';
import { screenshots } from './support/screenshots';
import { StaffApi } from './support/staff-api';

/**
 * Issue #17's console, as staff use it in Chromium against the platform as `npm start` runs it:
 * the badge class form has tags, expiry and the hosted/signed choice; staff award one badge with
 * a name, find it in the class's awards by name and by exact email, filter by status, revoke it
 * from the list (reason, then confirmation), bulk-award a CSV with a bad row (the bar moves
 * through intermediate counts; the bad row is shown in a table with its line number), and export
 * the awards as CSV. Each page is checked by axe, at 1280 and 390 px, in English and French.
 */
const BULK_ROWS = 1500;
const BAD_LINE = 4; // line 1 is the header

describe('staff work with a badge class\'s awards in the console (browser)', () => {
  let platform: BrowserPlatform;
  let browser: Browser;
  let staff: StaffApi;
  let page: Page;
  let issuerId: string;
  let badgeClassId: string;
  const pageErrors: string[] = [];
  const files = mkdtempSync(join(tmpdir(), 'console-product-'));
  const shot = screenshots('console-product');

  beforeAll(async () => {
    [platform, browser] = await Promise.all([startBrowserPlatform(), launchChromium()]);
    staff = await StaffApi.forNewInstitution(platform.url, platform.adminToken, 'Lakeshore College');
    issuerId = await staff.createIssuer('Lakeshore Trades');
    const context = await newContext(browser, platform.url);
    page = await context.context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto('/console');
    await page.getByText('Sign in with an API client instead').click();
    await page.getByLabel('Client id').fill(staff.client.clientId);
    await page.getByLabel('Client secret').fill(staff.client.clientSecret);
    await page.getByRole('button', { name: 'Sign in with the client' }).click();
    await page.getByRole('heading', { level: 1, name: 'Issuers' }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stopAndClean();
  });

  it('1. the badge class form sets tags, an expiry and signed verification, and the class page shows them', async () => {
    await page.goto(`/console/issuers/${issuerId}/badge-classes/new`);
    await page.getByLabel('Badge name').fill('Forklift Safety');
    await page.getByLabel('Description').fill('Operates a forklift safely.');
    await page.getByLabel('Badge image (PNG or SVG)').setInputFiles({ name: 'badge.png', mimeType: 'image/png', buffer: tinyPng(64, 64) });
    await page.getByLabel('Criteria: what the learner did to earn it').fill('Passed the practical test.');
    await page.getByLabel('Tags (optional)').fill('safety, warehouse');
    await page.getByLabel('Expires after (number)').fill('2');
    await page.getByLabel('Unit').selectOption('years');
    await page.getByLabel('Signed', { exact: true }).check();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await shot(page, 'badge-class-form');
    await page.getByRole('button', { name: 'Create the badge class' }).click();
    await page.getByRole('heading', { level: 1, name: 'Forklift Safety' }).waitFor();
    badgeClassId = new URL(page.url()).pathname.split('/').pop() ?? '';
    await page.getByText('safety, warehouse').waitFor();
    await page.getByText('2 year(s) after issue').waitFor();
    await page.getByText('Signed', { exact: true }).waitFor();
  });

  it('2. staff award one badge with a name; the list finds it by part of the name and by the exact email', async () => {
    await page.getByLabel('Recipient email').fill('Jo.Smith@Example.org');
    await page.getByLabel('Recipient name (optional)').fill('Jo Smith');
    await page.getByRole('button', { name: 'Award the badge' }).click();
    await page.getByText('Badge awarded to Jo.Smith@Example.org.').waitFor();
    const awards = page.getByRole('table', { name: 'Awards of this badge, newest first' });
    await awards.getByRole('cell', { name: 'Jo Smith', exact: true }).waitFor();

    await page.getByLabel('Name or email').fill('smi');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await awards.getByRole('cell', { name: 'Jo Smith', exact: true }).waitFor();
    await page.getByLabel('Name or email').fill('jo.smith@example.ORG');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await awards.getByRole('cell', { name: 'Jo Smith', exact: true }).waitFor();
    await page.getByLabel('Name or email').fill('nobody');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByText('No award matches.').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await shot(page, 'awards-searched');
  });

  it('3. revoke from the list: reason, confirmation; the revoked filter then shows it with its reason', async () => {
    await page.getByLabel('Name or email').fill('');
    await page.getByLabel('Status').selectOption('active');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('button', { name: 'Revoke the award to Jo Smith' }).click();
    await page.getByLabel('Reason for revoking').fill('Failed the re-test.');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await shot(page, 'revoke-confirm');
    await page.getByRole('button', { name: 'Confirm the revocation' }).click();
    await page.getByText('No award matches.').waitFor();

    await page.getByLabel('Status').selectOption('revoked');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const row = page.getByRole('row').filter({ hasText: 'Jo Smith' });
    await row.getByText('Revoked').waitFor();
    await row.getByText('Failed the re-test.').waitFor();
  });

  it('4. bulk award with a bad row: the bar moves through intermediate counts, the bad row shows in a table with its line', async () => {
    const rows = Array.from({ length: BULK_ROWS }, (_, index) => (index + 2 === BAD_LINE ? 'not-an-email,Broken Row' : `worker${index}@example.org,Worker ${index}`));
    const csv = join(files, 'cohort.csv');
    writeFileSync(csv, ['email,name', ...rows].join('\n'));
    // Record every value the bar takes, in the page, as it changes.
    await page.evaluate(() => {
      const seen: number[] = [];
      (globalThis as unknown as { barValues: number[] }).barValues = seen;
      const doc = (globalThis as unknown as { document: { body: unknown; querySelector(s: string): { value: number } | null } }).document;
      const Observer = (globalThis as unknown as { MutationObserver: new (callback: () => void) => { observe(target: unknown, options: object): void } }).MutationObserver;
      new Observer(() => {
        const bar = doc.querySelector('progress');
        if (bar && seen.at(-1) !== bar.value) seen.push(bar.value);
      }).observe(doc.body, { subtree: true, attributes: true, childList: true });
    });
    await page.getByLabel('CSV file', { exact: true }).setInputFiles(csv);
    await page.getByRole('button', { name: 'Start the bulk award' }).click();
    // Numbers in sentences are written per locale (en-CA: 1,500).
    const total = BULK_ROWS.toLocaleString('en-CA');
    await page.getByText(`Finished: ${total} of ${total} rows processed.`).waitFor({ timeout: 120_000 });
    const values = await page.evaluate(() => (globalThis as unknown as { barValues: number[] }).barValues);
    expect(values.filter((value) => value > 0 && value < BULK_ROWS).length).toBeGreaterThanOrEqual(2);

    const errors = page.getByRole('table', { name: 'Rows that could not be awarded' });
    const errorRow = errors.getByRole('row').filter({ hasText: 'Enter a valid email address.' });
    expect(await errorRow.getByRole('cell').first().textContent()).toBe(String(BAD_LINE));
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await shot(page, 'bulk-row-errors');
  });

  it('5. the export is the filtered list as CSV, names formula-safe', async () => {
    await page.getByLabel('Status').selectOption('');
    await page.getByLabel('Name or email').fill('Worker 1');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('table', { name: 'Awards of this badge, newest first' }).getByRole('row').filter({ hasText: 'Worker 1' }).first().waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export these awards (CSV)' }).click()]);
    expect(download.suggestedFilename()).toBe(`awards-${badgeClassId}.csv`);
    const lines = readFileSync((await download.path())!, 'utf8').trim().split(/\r?\n/);
    expect(lines[0]).toBe('assertion_id,recipient_name,recipient_type,recipient,issued_on,expires,status,revocation_reason,assertion_url');
    // "Worker 1" is in Worker 1, 10-19, 100-199 and 1000-1499: 1 + 10 + 100 + 500.
    expect(lines).toHaveLength(1 + 611);
    expect(lines.slice(1).every((line) => line.includes(',active,'))).toBe(true);
  });

  it('6. the badge class page at 1280 and 390 px, in English and in French, with no serious axe violations', async () => {
    for (const lang of ['en', 'fr'] as const) {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`/console/badge-classes/${badgeClassId}`);
      // Each round starts in English (the last round chose it), so the switcher's label is English.
      await page.getByLabel('Language', { exact: true }).selectOption(lang);
      await page.getByRole('heading', { level: 2, name: lang === 'en' ? 'Awards' : 'Attributions' }).waitFor();
      for (const width of [1280, 390]) {
        await page.setViewportSize({ width, height: 900 });
        await page.getByRole('table').first().waitFor();
        expect(await page.locator('html').evaluate((html) => html.scrollWidth)).toBeLessThanOrEqual(width);
        expect(await seriousAccessibilityViolations(page)).toEqual([]);
        await shot(page, `badge-class-${lang}-${width}`);
      }
    }
    expect(pageErrors).toEqual([]);
  });
});

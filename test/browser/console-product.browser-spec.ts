import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Browser, Page } from 'playwright-core';

import { tinyPng } from '../support/tiny-png';
import { accessibilityViolations } from './support/axe';
import { startBrowserPlatform, type BrowserPlatform } from './support/browser-platform';
import { launchChromium } from './support/chromium';
import { screenshots } from './support/screenshots';
import { StaffApi } from './support/staff-api';

/**
 * Issue #17's console, as staff use it in Chromium against the platform as `npm start` runs it:
 * the badge class form has tags, expiry and the hosted/signed choice; staff award one badge with
 * a name, find it in the class's awards by name and by exact email, bulk-award a CSV with a bad
 * row (the bar moves through intermediate counts; the bad row is shown in a table with its line
 * number), and export the awards as CSV. Each page is checked by axe. Revoking from the list, and
 * the badge class page at 1280 and 390 px in English and French, are award-to-dashboard's.
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
    page = await staff.consolePage(browser, platform.url, pageErrors);
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
    expect(await accessibilityViolations(page)).toEqual([]);
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
    expect(await accessibilityViolations(page)).toEqual([]);
    await shot(page, 'awards-searched');
  });

  it('3. bulk award with a bad row: the bar moves through intermediate counts, the bad row shows in a table with its line', async () => {
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
    expect(await accessibilityViolations(page)).toEqual([]);
    await shot(page, 'bulk-row-errors');
  });

  it('4. the export is the filtered list as CSV, names formula-safe', async () => {
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
    expect(pageErrors).toEqual([]);
  });
});

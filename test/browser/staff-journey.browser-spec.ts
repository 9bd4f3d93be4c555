import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Browser, Page } from 'playwright-core';

import { tinyPng } from '../support/tiny-png';
import { accessibilityViolations } from './support/axe';
import { startBrowserPlatform, type BrowserPlatform } from './support/browser-platform';
import { launchChromium, newContext } from './support/chromium';
import { screenshots } from './support/screenshots';
import { expectNoReadableToken } from './support/session-storage';
import { StaffApi } from './support/staff-api';

/**
 * Issue #8's acceptance, steps 1, 2 and 5 from the staff side, in Chromium against the platform
 * as `npm start` runs it: staff sign in to the console, create an issuer and a bilingual badge
 * class with an image, award it once and to a 50-row CSV (progress bar to 50 of 50, result
 * downloaded), then find the single award among the issuer's and revoke it; a visitor's verification says "revoked"
 * with the reason. Only the institution and its API client come from the admin API (an operator's
 * job). The steps depend on each other, so they are one ordered journey of tests.
 */
const ISSUER = { name: 'Western Institute', email: 'badges@western.example', url: 'https://western.example' };
const BADGE = {
  name: 'Welding Basics',
  fr: 'Soudage : les bases',
  description: 'Welds safely with MIG equipment.',
  newDescription: 'Welds safely with MIG and TIG equipment.',
  criteria: 'Completed three supervised welds.',
  frCriteria: 'A réalisé trois soudures supervisées.',
  alignment: { name: 'Welding standard W1', url: 'https://standards.example.org/w1' },
};
const LEARNER_EMAIL = 'casey.welder@example.org';
const REVOCATION_REASON = 'Awarded to the wrong person.';
const BULK_ROWS = 50;

describe('staff create a badge class, award it one by one and in bulk, and revoke an award (browser)', () => {
  let platform: BrowserPlatform;
  let browser: Browser;
  let staff: StaffApi;
  let page: Page;
  let staffRequestsOutside: string[];
  let badgeClassUrl: string;
  let assertionUrl: string;
  /** Paths of the page's requests about bulk-award jobs: the bar must be fed by the stream, not by polling the job. */
  const jobRequests: string[] = [];
  const files = mkdtempSync(join(tmpdir(), 'staff-journey-'));
  const shot = screenshots('staff-journey');

  beforeAll(async () => {
    [platform, browser] = await Promise.all([startBrowserPlatform(), launchChromium()]);
    staff = await StaffApi.forNewInstitution(platform.url, platform.adminToken, 'Western Institute');
    const staffContext = await newContext(browser, platform.url);
    staffRequestsOutside = staffContext.outsideRequests;
    page = await staffContext.context.newPage();
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith('/v2/bulk-awards/')) jobRequests.push(path.replace(/^\/v2\/bulk-awards\/[^/]+/, '/v2/bulk-awards/{job}'));
    });
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stopAndClean();
  });

  it('1a. staff sign in to the console with their API client; a wrong secret is refused in plain words', async () => {
    await page.goto('/console');
    await page.getByText('Sign in with an API client instead').click();
    await page.getByLabel('Client id').fill(staff.client.clientId);
    await page.getByLabel('Client secret').fill('not the secret');
    await page.getByRole('button', { name: 'Sign in with the client' }).click();
    await page.getByRole('alert').filter({ hasText: 'Unknown client id or wrong secret.' }).waitFor();

    await page.getByLabel('Client secret').fill(staff.client.clientSecret);
    await page.getByRole('button', { name: 'Sign in with the client' }).click();
    await page.getByRole('heading', { level: 1, name: 'Issuers' }).waitFor();
    await page.getByText('No issuer yet').waitFor();
    await page.getByText('Signed in for Western Institute').waitFor();
    await expectNoReadableToken(page, 'staff');
    await shot(page, 'signed-in');
  });

  it('1b. they create and edit the issuer, then create and edit a badge class with an image, criteria, an alignment and a French translation', async () => {
    await page.getByLabel('Issuer name').fill(ISSUER.name);
    await page.getByLabel('Contact email').fill(ISSUER.email);
    await page.getByLabel('Website').fill(ISSUER.url);
    await page.getByRole('button', { name: 'Create the issuer' }).click();
    await page.getByRole('heading', { level: 1, name: ISSUER.name }).waitFor();
    await page.getByText('This issuer has no badge class yet.').waitFor();
    await page.getByLabel('Description (optional)').fill('Trades and technology.');
    await page.getByRole('button', { name: 'Save the issuer' }).click();
    await page.getByText('The issuer was saved.').waitFor();
    await page.locator('p').filter({ hasText: 'Trades and technology.' }).waitFor();
    await shot(page, 'issuer-created');

    await page.getByRole('link', { name: 'New badge class' }).click();
    await page.getByRole('heading', { level: 1, name: `New badge class for ${ISSUER.name}` }).waitFor();
    const image = join(files, 'welding.png');
    writeFileSync(image, tinyPng(64, 64, [180, 83, 9, 255]));
    await page.getByLabel('Badge name').fill(BADGE.name);
    await page.getByLabel('Description', { exact: true }).fill(BADGE.description);
    await page.getByLabel('Badge image (PNG or SVG)').setInputFiles(image);
    await page.getByRole('img', { name: 'Preview of the chosen image' }).waitFor();
    await page.getByLabel('Criteria: what the learner did to earn it').fill(BADGE.criteria);
    await page.getByRole('button', { name: 'Add an alignment' }).click();
    await page.getByLabel('Alignment 1: standard or competency name').fill(BADGE.alignment.name);
    await page.getByLabel('Alignment 1: URL').fill(BADGE.alignment.url);
    await page.getByRole('button', { name: 'Add a translation' }).click();
    expect(await page.getByLabel('Translation 1: language').inputValue()).toBe('fr');
    await page.getByLabel('Translation 1: badge name').fill(BADGE.fr);
    await page.getByLabel('Translation 1: description').fill('Soude en sécurité avec un poste MIG.');
    await page.getByLabel('Translation 1: criteria').fill(BADGE.frCriteria);
    await shot(page, 'badge-class-form');
    await page.getByRole('button', { name: 'Create the badge class' }).click();

    await page.getByRole('heading', { level: 1, name: BADGE.name }).waitFor();
    await page.getByText(BADGE.criteria).waitFor();
    await page.getByText(`fr: ${BADGE.fr}`).waitFor();
    badgeClassUrl = (await page.getByRole('link', { name: 'Public page' }).getAttribute('href'))!;
    await shot(page, 'badge-class-created');

    // Edited: the new description shows, and what the edit form sent back kept the rest.
    await page.getByRole('link', { name: 'Edit' }).click();
    await page.getByRole('heading', { level: 1, name: `Edit ${BADGE.name}` }).waitFor();
    expect(await page.getByLabel('Translation 1: badge name').inputValue()).toBe(BADGE.fr);
    await page.getByRole('img', { name: 'The current image' }).waitFor();
    await page.getByLabel('Description', { exact: true }).fill(BADGE.newDescription);
    await page.getByRole('button', { name: 'Save the changes' }).click();
    await page.getByRole('heading', { level: 1, name: BADGE.name }).waitFor();
    await page.getByText(BADGE.newDescription).waitFor();

    // What was stored, as the world sees it: the image, the alignment and the French edition.
    const french = (await (await fetch(`${badgeClassUrl}?lang=fr`, { headers: { accept: 'application/ld+json' } })).json()) as Record<string, unknown>;
    const english = (await (await fetch(badgeClassUrl, { headers: { accept: 'application/ld+json' } })).json()) as Record<string, unknown>;
    expect(english).toMatchObject({ name: BADGE.name, description: BADGE.newDescription, criteria: { narrative: BADGE.criteria } });
    expect(french).toMatchObject({ name: BADGE.fr, criteria: { narrative: BADGE.frCriteria }, alignment: [{ targetName: BADGE.alignment.name, targetUrl: BADGE.alignment.url }] });
    const storedImage = await fetch(`${badgeClassUrl}/image`);
    expect(storedImage.headers.get('content-type')).toContain('image/png');
  });

  it('award one: the form has no axe violations and awards the badge to an email', async () => {
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel('Recipient email').fill('not an email');
    await page.getByRole('button', { name: 'Award the badge' }).click();
    // The browser's own check stops a malformed address before it is sent.
    expect(await page.getByLabel('Recipient email').evaluate((input) => (input as unknown as { validity: { valid: boolean } }).validity.valid)).toBe(false);

    await page.getByLabel('Recipient email').fill(LEARNER_EMAIL);
    await page.getByRole('button', { name: 'Award the badge' }).click();
    await page.getByText(`Badge awarded to ${LEARNER_EMAIL}.`).waitFor();
    await shot(page, 'awarded-one');
  });

  it('2. bulk award: a file without a header is refused with the platform\'s reason; a 50-row CSV, the progress bar fed by the job\'s stream reaches 50 of 50, the result CSV lists 50 awards', async () => {
    // A file without an email column is refused as a whole, with the platform's reason.
    const headless = join(files, 'no-header.csv');
    writeFileSync(headless, 'student1@example.org,Student 1\n');
    await page.getByLabel('CSV file', { exact: true }).setInputFiles(headless);
    await page.getByRole('button', { name: 'Start the bulk award' }).click();
    await page.getByRole('alert').filter({ hasText: 'The first line must be a header naming the columns, with an "email" column' }).waitFor();
    await shot(page, 'bulk-award-refused');

    const csv = join(files, 'cohort.csv');
    const rows = Array.from({ length: BULK_ROWS }, (_, index) => `student${index + 1}@example.org,Student ${index + 1}`);
    writeFileSync(csv, ['email,name', ...rows].join('\n'));
    await page.getByLabel('CSV file', { exact: true }).setInputFiles(csv);
    await page.getByRole('button', { name: 'Start the bulk award' }).click();

    await page.getByText(`Finished: ${BULK_ROWS} of ${BULK_ROWS} rows processed.`).waitFor({ timeout: 60_000 });
    const bar = page.getByLabel('Bulk award progress');
    expect(await bar.getAttribute('value')).toBe(String(BULK_ROWS));
    expect(await bar.getAttribute('max')).toBe(String(BULK_ROWS));
    expect(jobRequests).toEqual(['/v2/bulk-awards/{job}/events']);
    await shot(page, 'bulk-award-complete');
    expect(await accessibilityViolations(page)).toEqual([]);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the result (CSV)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^bulk-award-.+\.csv$/);
    const lines = readFileSync((await download.path())!, 'utf8').trim().split(/\r?\n/);
    const header = lines[0].split(',');
    expect(header).toEqual(expect.arrayContaining(['line', 'recipient', 'status', 'assertion_id']));
    const records = lines.slice(1).map((line) => line.split(','));
    expect(records).toHaveLength(BULK_ROWS);
    expect(records.map((record) => record[header.indexOf('status')])).toEqual(Array(BULK_ROWS).fill('awarded'));
    expect(records.map((record) => record[header.indexOf('recipient')])).toContain('student50@example.org');
    expect(jobRequests).toEqual(['/v2/bulk-awards/{job}/events', '/v2/bulk-awards/{job}/result.csv']);
  });

  it('5a. staff find the single award among the issuer\'s by the recipient\'s email and revoke it with a reason', async () => {
    await page.getByRole('link', { name: 'Assertions' }).click();
    await page.getByRole('heading', { level: 1, name: 'Assertions' }).waitFor();
    expect(await page.getByLabel('Issuer').locator('option:checked').textContent()).toBe(ISSUER.name);
    const awards = page.getByRole('table', { name: 'Awards of this issuer, newest first' });
    // 51 awards: the first 25, then more on demand.
    await page.getByRole('button', { name: 'Show more' }).waitFor();
    expect(await awards.locator('tbody tr').count()).toBe(25);
    await page.getByLabel('Name or email').fill('nobody@example.org');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByText('No award matches.').waitFor();

    await page.getByLabel('Name or email').fill(LEARNER_EMAIL);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const row = awards.getByRole('row').filter({ hasText: BADGE.name });
    await row.getByText('Active', { exact: true }).waitFor();
    expect(await awards.locator('tbody tr').count()).toBe(1);
    assertionUrl = (await row.getByRole('link', { name: 'Public page' }).getAttribute('href'))!;
    await shot(page, 'assertion-found');

    await row.getByRole('button', { name: 'Revoke the award to Recipient without a name' }).click();
    await page.getByLabel('Reason for revoking').fill(REVOCATION_REASON);
    await page.getByRole('button', { name: 'Confirm the revocation' }).click();
    await row.getByText(REVOCATION_REASON).waitFor();
    await row.getByText('Revoked').waitFor();
    await shot(page, 'assertion-revoked');
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('5b. a visitor verifying that badge sees "revoked" with the reason', async () => {
    const visiting = await newContext(browser, platform.url);
    const visitor = await visiting.context.newPage();
    await visitor.goto(`/verify?url=${encodeURIComponent(assertionUrl)}`);
    await visitor.locator('.verdict-word').filter({ hasText: 'Revoked' }).waitFor({ timeout: 20_000 });
    expect(await visitor.locator('.verdict-reason').textContent()).toContain(REVOCATION_REASON);
    await shot(visitor, 'visitor-sees-revoked');
    expect(visiting.outsideRequests).toEqual([]);
    await visiting.context.close();
  });

  it('speaks French when switched, and fits a phone; nothing loaded from outside', async () => {
    await page.getByLabel('Language').selectOption('fr');
    await page.getByRole('heading', { level: 1, name: 'Attestations' }).waitFor();
    await page.getByRole('link', { name: 'Émetteurs et classes de badges' }).click();
    await page.getByRole('heading', { level: 1, name: 'Émetteurs' }).waitFor();
    await page.getByRole('heading', { name: 'Créer un émetteur' }).waitFor();
    await shot(page, 'console-in-french');
    expect(staffRequestsOutside).toEqual([]);

    const phone = await newContext(browser, platform.url, { phone: true });
    const small = await phone.context.newPage();
    await small.goto('/console');
    await small.getByText('Sign in with an API client instead').click();
    await small.getByLabel('Client id').fill(staff.client.clientId);
    await small.getByLabel('Client secret').fill(staff.client.clientSecret);
    await small.getByRole('button', { name: 'Sign in with the client' }).click();
    await small.getByRole('link', { name: ISSUER.name }).click();
    await small.getByRole('link', { name: BADGE.name }).click();
    await small.getByRole('heading', { name: 'Award from a CSV file' }).waitFor();
    // Nothing wider than the screen: no sideways scrolling on a phone.
    expect(await small.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(small, 'badge-class-on-phone');
    expect(phone.outsideRequests).toEqual([]);
    await phone.context.close();
  });
});

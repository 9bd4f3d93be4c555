import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';

import type { Browser, Page } from 'playwright-core';

import { bakeCredentialImage, hashIdentity } from '@badges/openbadges';

import { didKeyKey, signDataIntegrity, testCredential } from '../../libs/openbadges/src/ob3/verify/testing/test-credentials';
import { tinyPng } from '../support/tiny-png';
import { accessibilityViolations } from './support/axe';
import { startBrowserPlatform, type BrowserPlatform } from './support/browser-platform';
import { launchChromium, newContext } from './support/chromium';
import { confirmationLink } from './support/emails';
import { downloadToFile } from './support/files';
import { screenshots } from './support/screenshots';
import { expectNoReadableToken } from './support/session-storage';
import { StaffApi } from './support/staff-api';

/**
 * The rest of the learner's passport, on a phone-sized screen: declining, signing out and back
 * in, a second address whose badges arrive once it is confirmed, importing by drag and drop (a
 * badge of someone else's is refused with the platform's reason), share links revoked, and the export.
 */
const LEARNER = { name: 'Sam Student', email: 'sam.student@example.org', second: 'sam.work@example.org', password: 'a long enough passphrase' };

describe('the learner passport on a phone (browser)', () => {
  let platform: BrowserPlatform;
  let browser: Browser;
  let page: Page;
  let strangersBadge: string;
  const shot = screenshots('passport-tools');

  beforeAll(async () => {
    [platform, browser] = await Promise.all([startBrowserPlatform(), launchChromium()]);
    const staff = await StaffApi.forNewInstitution(platform.url, platform.adminToken, 'Eastern Polytechnic');
    const issuerId = await staff.createIssuer('Eastern Polytechnic');
    const [firstAid, fireSafety, privacy] = await Promise.all(
      ['First Aid', 'Fire Safety', 'Data Privacy'].map((name) => staff.createBadgeClass(issuerId, { name, description: `${name} basics.`, criteriaNarrative: 'Passed the test.' })),
    );
    await staff.award(firstAid, LEARNER.email);
    await staff.award(fireSafety, LEARNER.email);
    await staff.award(privacy, LEARNER.second);
    const stranger = await staff.award(firstAid, 'someone.else@example.org');
    strangersBadge = await downloadToFile(`${stranger.openBadgeId}/image`, 'someone-else.png');
    const { context } = await newContext(browser, platform.url, { phone: true });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stopAndClean();
  });

  it('signs up, confirms, accepts one badge and declines the other, without sideways scrolling', async () => {
    await page.goto('/passport');
    await page.getByRole('link', { name: 'Create one' }).click();
    await page.getByLabel('Your name').fill(LEARNER.name);
    await page.getByLabel('Email address').fill(LEARNER.email);
    await page.getByLabel('Password').fill(LEARNER.password);
    await page.getByRole('button', { name: 'Create my passport' }).click();
    await page.getByRole('heading', { name: 'Confirm your email address' }).waitFor();
    await page.goto(await confirmationLink(platform, LEARNER.email));
    await page.getByRole('button', { name: 'Confirm my address' }).click();
    await page.getByText(`${LEARNER.email} is confirmed. 2 badges are waiting for you in your passport.`).waitFor();

    const mine = page.getByRole('region', { name: 'My badges' });
    await mine.getByRole('link', { name: 'Fire Safety' }).click();
    await page.getByRole('button', { name: 'Decline' }).click();
    await page.getByRole('status').filter({ hasText: 'Badge declined.' }).waitFor();
    await mine.getByRole('heading', { name: 'Fire Safety' }).waitFor({ state: 'detached' });
    await mine.getByRole('link', { name: 'First Aid' }).click();
    await page.getByRole('button', { name: 'Accept' }).click();
    await page.getByRole('status').filter({ hasText: 'Badge accepted.' }).waitFor();
    await page.getByRole('link', { name: 'Back to my badges' }).click();
    await mine.getByRole('heading', { name: 'First Aid' }).waitFor();
    expect(await mine.getByRole('heading', { name: 'Fire Safety' }).count()).toBe(0);
    expect(await page.locator('html').evaluate((html) => html.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(page, 'passport-on-a-phone');
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('signs out, refuses a wrong password, and signs back in', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to your passport' }).waitFor();
    // Signing out cleared the HttpOnly cookie (the gateway's DELETE /web/session/learner).
    expect((await page.context().cookies()).filter((c) => c.name === 'badges-learner')).toEqual([]);
    await page.getByLabel('Email address').fill(LEARNER.email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Unknown email address or wrong password.' }).waitFor();
    await shot(page, 'wrong-password');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel('Password').fill(LEARNER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('region', { name: 'My badges' }).getByRole('heading', { name: 'First Aid' }).waitFor();
    await expectNoReadableToken(page, 'learner');
  });

  it('adds a second address; once confirmed, the badge awarded to it arrives', async () => {
    const firstLink = await confirmationLink(platform, LEARNER.email);
    await page.getByRole('navigation', { name: 'Passport sections' }).getByRole('link', { name: 'Email addresses' }).click();
    const emails = page.getByRole('region', { name: 'Email addresses' });
    await emails.getByLabel('Add an email address').fill(LEARNER.second);
    await emails.getByRole('button', { name: 'Add' }).click();
    await emails.getByText(`We sent a confirmation link to ${LEARNER.second}.`).waitFor();
    await emails.getByText(`${LEARNER.second} (not confirmed)`).waitFor();
    await page.goto(await confirmationLink(platform, LEARNER.second, [firstLink]));
    await page.getByRole('button', { name: 'Confirm my address' }).click();
    await page.getByText(`${LEARNER.second} is confirmed. 1 badge is waiting for you in your passport.`).waitFor();
    await page.getByRole('region', { name: 'My badges' }).getByRole('heading', { name: 'Data Privacy' }).waitFor();
    await page.getByRole('navigation', { name: 'Passport sections' }).getByRole('link', { name: 'Email addresses' }).click();
    await emails.getByText(`${LEARNER.second} (confirmed)`).waitFor();
  });

  it('imports by drag and drop, and shows why someone else\'s badge is refused', async () => {
    await page.getByRole('navigation', { name: 'Passport sections' }).getByRole('link', { name: 'Import and export' }).click();
    const zone = page.getByRole('region', { name: 'Import a badge' }).locator('.drop-zone');
    const bytes = [...readFileSync(strangersBadge)];
    const dataTransfer = await page.evaluateHandle((data) => {
      // Runs in the page: a dropped file, as the browser builds it when a file is dragged in.
      const browserGlobals = globalThis as unknown as { DataTransfer: new () => { items: { add(file: unknown): void } }; File: new (parts: unknown[], name: string, options: object) => unknown };
      const transfer = new browserGlobals.DataTransfer();
      transfer.items.add(new browserGlobals.File([new Uint8Array(data)], 'someone-else.png', { type: 'image/png' }));
      return transfer;
    }, bytes);
    await zone.dispatchEvent('drop', { dataTransfer });
    await page.getByRole('alert').filter({ hasText: 'This badge was issued to someone else' }).waitFor();
    await shot(page, 'import-refused');
  });

  it('imports an Open Badges 3.0 credential whose id is no address (urn:uuid); its page verifies the kept copy', async () => {
    // Another platform's credential: a did:key issuer (nothing to fetch), the learner as its hashed recipient, baked in a PNG.
    const key = await didKeyKey();
    const credential = testCredential(key.controller, {
      id: `urn:uuid:${randomUUID()}`,
      name: 'Lab Safety',
      credentialSubject: {
        type: ['AchievementSubject'],
        identifier: [{ type: 'IdentityObject', identityHash: hashIdentity(LEARNER.email, 'pepper'), identityType: 'emailAddress', hashed: true, salt: 'pepper' }],
        achievement: { id: 'https://other-platform.example/achievements/lab-safety', type: ['Achievement'], name: 'Lab Safety', description: 'Safe in the lab.', criteria: { narrative: 'Passed the lab induction.' } },
      },
    });
    const baked = bakeCredentialImage(tinyPng(32, 32, [20, 120, 60, 255]), JSON.stringify(await signDataIntegrity(credential, key)));
    await page.getByRole('navigation', { name: 'Passport sections' }).getByRole('link', { name: 'Import and export' }).click();
    await page.getByLabel('Badge image to import').setInputFiles({ name: 'lab-safety.png', mimeType: 'image/png', buffer: baked });
    await page.getByRole('status').filter({ hasText: 'Lab Safety was imported.' }).waitFor();

    await page.getByRole('navigation', { name: 'Passport sections' }).getByRole('link', { name: 'Badges' }).click();
    await page.getByRole('region', { name: 'My badges' }).getByRole('link', { name: 'Lab Safety' }).click();
    const verification = page.getByRole('region', { name: 'Verification' });
    await verification.locator('[data-verdict]').waitFor();
    expect(await verification.locator('[data-verdict]').getAttribute('data-verdict')).toBe('valid');
    // The verifier page takes an address, which this credential has not: no link to it.
    expect(await verification.getByRole('link', { name: 'See the full verification report' }).count()).toBe(0);
    await shot(page, 'unaddressed-credential-verified');
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('shares a badge, then revokes the link, which then answers 410', async () => {
    await page.getByRole('navigation', { name: 'Passport sections' }).getByRole('link', { name: 'Badges' }).click();
    await page.getByRole('region', { name: 'My badges' }).getByRole('link', { name: 'First Aid' }).click();
    await page.getByRole('button', { name: 'Create a share link' }).click();
    const url = (await page.getByRole('region', { name: 'Share this badge' }).locator('a.share-url').getAttribute('href'))!;
    expect((await fetch(url)).status).toBe(200);
    await page.getByRole('navigation', { name: 'Passport sections' }).getByRole('link', { name: 'Share links' }).click();
    await page.getByRole('button', { name: `Revoke the link ${url}` }).click();
    await page.getByRole('region', { name: 'Share links' }).getByText('Nothing shared yet.').waitFor();
    expect((await fetch(url)).status).toBe(410);
  });

  it('exports every badge as a zip', async () => {
    // By keyboard, as a keyboard user would (and the phone emulation's tap coordinates can lag
    // behind a page that just got shorter).
    await page.getByRole('navigation', { name: 'Passport sections' }).getByRole('link', { name: 'Import and export' }).click();
    const button = page.getByRole('button', { name: 'Download my badges' });
    await button.focus();
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toBe('passport.zip');
    const zip = readFileSync((await download.path())!);
    expect(zip.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(zip.toString('latin1')).toContain('summary.csv');
  });

  it('answers a sign-up for a taken address with the same "check your email" a new address could get', async () => {
    const { context } = await newContext(browser, platform.url);
    const stranger = await context.newPage();
    await stranger.goto('/passport/signup');
    await stranger.getByLabel('Your name').fill('Someone Else');
    await stranger.getByLabel('Email address').fill(LEARNER.email);
    await stranger.getByLabel('Password').fill('a different password');
    await stranger.getByRole('button', { name: 'Create my passport' }).click();
    await stranger.getByRole('heading', { name: 'Check your email' }).waitFor();
    await stranger.getByRole('status').filter({ hasText: `We sent a message to ${LEARNER.email}.` }).waitFor();
    expect(await accessibilityViolations(stranger)).toEqual([]);
    await context.close();
  });
});

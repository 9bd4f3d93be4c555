import { readFileSync } from 'node:fs';

import type { Browser, Page } from 'playwright-core';

import { accessibilityViolations } from './support/axe';
import { startBrowserPlatform, type BrowserPlatform } from './support/browser-platform';
import { launchChromium, newContext } from './support/chromium';
import { confirmationLink } from './support/emails';
import { screenshots } from './support/screenshots';
import { StaffApi } from './support/staff-api';

/**
 * Issue #17's learner journey, in Chromium against the platform as `npm start` runs it: sign up,
 * confirm in the web app, a badge arrives, accept it from its page (by keyboard only), read its
 * rendered criteria, share it (LinkedIn, embed), edit a collection, export. axe on every page;
 * screenshots at 1280 px and 390 px, in English and French.
 */
const LEARNER = { name: 'Zoë O’Brien-Tremblay', email: 'zoe.learner@example.org', password: 'a long enough passphrase' };
const ISSUER = 'Collège Boréal & Partners';
const QUIZ = {
  name: 'Quiz Master',
  criteria: 'Pass the **final quiz** with 80 %.\n\n- answer every question\n- explain one answer\n\n<script>window.__criteriaRan = true</script><img src="x" onerror="window.__criteriaRan = true">',
};
const EXPIRES = '2031-06-30T00:00:00Z';

describe('the learner passport as a product (browser)', () => {
  let platform: BrowserPlatform;
  let browser: Browser;
  let staff: StaffApi;
  let page: Page;
  let quizClass: string;
  let teamClass: string;
  let quiz: { entityId: string; openBadgeId: string };
  let link: string;
  const shot = screenshots('passport-product');

  beforeAll(async () => {
    [platform, browser] = await Promise.all([startBrowserPlatform(), launchChromium()]);
    staff = await StaffApi.forNewInstitution(platform.url, platform.adminToken, ISSUER);
    const issuerId = await staff.createIssuer(ISSUER);
    quizClass = await staff.createBadgeClass(issuerId, {
      name: QUIZ.name,
      description: 'Knows the course material.',
      criteriaNarrative: QUIZ.criteria,
      alignments: [{ targetName: 'Provincial skills framework: quizzes', targetUrl: 'https://skills.example.org/quiz' }],
    });
    teamClass = await staff.createBadgeClass(issuerId, { name: 'Team Work', description: 'Works well in a team.', criteriaNarrative: 'Led a *team* project.' });
    const { context } = await newContext(browser, platform.url);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: platform.url });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stopAndClean();
  });

  it('signs up, then confirms the address on the web app page the email links to, and lands in the passport', async () => {
    await page.goto('/passport/signup');
    await page.getByLabel('Your name').fill(LEARNER.name);
    await page.getByLabel('Email address').fill(LEARNER.email);
    await page.getByLabel('Password').fill(LEARNER.password);
    await page.getByRole('button', { name: 'Create my passport' }).click();
    await page.getByRole('heading', { level: 2, name: 'My badges' }).waitFor();
    // Names are shown as entered: accents, apostrophes and hyphens intact.
    await page.getByText(`Welcome, ${LEARNER.name}`).waitFor();
    await page.getByText(/No badges yet\. When an institution awards you a badge/).waitFor();
    await shot(page, 'empty-passport');
    expect(await accessibilityViolations(page)).toEqual([]);

    link = await confirmationLink(platform, LEARNER.email);
    expect(new URL(link).pathname).toBe('/passport/confirm-email');
    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: 'Confirm your email address' }).waitFor();
    await shot(page, 'confirm-page');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Confirm my address' }).click();
    await page.waitForURL(`${platform.url}/passport`);
    await page.getByRole('status').filter({ hasText: `${LEARNER.email} is confirmed.` }).waitFor();
  });

  it('answers a second click, a bad token and an old-style link with a friendly message, never JSON', async () => {
    for (const address of [link, '/passport/confirm-email?token=not-a-real-token-at-all', '/v2/auth/confirm-email?token=short']) {
      await page.goto(address);
      await page.getByRole('button', { name: 'Confirm my address' }).click();
      await page.getByRole('alert').filter({ hasText: 'This confirmation link cannot be used' }).waitFor();
    }
    await shot(page, 'confirm-link-used');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel('Language').selectOption('fr');
    await page.getByRole('alert').filter({ hasText: 'Ce lien de confirmation ne peut pas être utilisé' }).waitFor();
    await page.getByLabel('Langue').selectOption('en');
  });

  it('a badge arrives; the gallery filters by status and issuer, with empty states that say what to do', async () => {
    const awarded = await staff.api.post(`/v2/badgeclasses/${quizClass}/assertions`, {
      recipient: { identity: LEARNER.email, type: 'email', hashed: true },
      expires: EXPIRES,
      evidence: [{ url: 'https://portfolio.example.org/quiz', narrative: 'Scored **92 %**.' }],
    });
    expect(awarded.status).toBe(201);
    quiz = (awarded.body as { result: { entityId: string; openBadgeId: string }[] }).result[0];
    await staff.award(teamClass, LEARNER.email);
    await eventually(async () => {
      await page.goto('/passport');
      await page.getByRole('heading', { level: 2, name: 'My badges' }).waitFor();
      return (await page.locator('.badge-card').count()) === 2;
    });
    await page.getByText('Badges are waiting for your answer').waitFor();
    await page.getByLabel('Show').selectOption('revoked');
    await page.getByText('No badge matches these filters.').waitFor();
    await page.getByLabel('Show').selectOption('pending');
    // The gallery re-renders after the change event: wait for it, then count.
    await page.locator('.badge-card').nth(1).waitFor();
    expect(await page.locator('.badge-card').count()).toBe(2);
    await page.getByLabel('Issuer').selectOption({ label: ISSUER });
    expect(page.url()).toContain('show=pending');
    await shot(page, 'gallery-pending');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel('Show').selectOption('all');
  });

  it('opens the badge and accepts it with the keyboard only (Tab and Enter)', async () => {
    await page.goto('/passport');
    await page.getByRole('link', { name: QUIZ.name }).waitFor();
    await tabTo(page, (element) => element.tagName === 'A' && element.textContent === QUIZ.name);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: QUIZ.name }).waitFor();
    await page.getByRole('heading', { name: 'Your answer' }).waitFor();
    await shot(page, 'badge-page-pending');
    expect(await accessibilityViolations(page)).toEqual([]);
    await tabTo(page, (element) => element.tagName === 'BUTTON' && element.textContent === 'Accept');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Badge accepted.' }).waitFor();
    await page.getByText('Accepted', { exact: true }).waitFor();
  });

  it('shows the badge whole: dates, criteria as safe Markdown, evidence, alignment, live verification', async () => {
    const details = page.getByRole('region', { name: 'Details' });
    await details.getByText(ISSUER).waitFor();
    await details.getByText('June 30, 2031').waitFor();
    const criteria = page.getByRole('region', { name: 'Criteria' });
    expect(await criteria.locator('strong').textContent()).toBe('final quiz');
    expect(await criteria.locator('li').allTextContents()).toEqual(['answer every question', 'explain one answer']);
    // The HTML typed into the criteria shows as text, and none of it runs or loads.
    await criteria.getByText('<script>window.__criteriaRan = true</script>', { exact: false }).waitFor();
    expect(await criteria.locator('script, img').count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as { __criteriaRan?: boolean }).__criteriaRan)).toBeUndefined();
    const evidence = page.getByRole('region', { name: 'Evidence' });
    expect(await evidence.getByRole('link').getAttribute('href')).toBe('https://portfolio.example.org/quiz');
    expect(await evidence.locator('strong').textContent()).toBe('92 %');
    await page.getByRole('region', { name: 'Aligned with' }).getByRole('link', { name: 'Provincial skills framework: quizzes' }).waitFor();
    await page.locator('[data-verdict="valid"]').filter({ hasText: 'Valid: the issuer confirms this badge.' }).waitFor({ timeout: 20_000 });
    await shot(page, 'badge-page-accepted');
  });

  it('shares it: copy link, LinkedIn with the certification fields filled, embed code copied, image, email', async () => {
    const panel = page.getByRole('region', { name: 'Share this badge' });
    await panel.getByRole('button', { name: 'Create a share link' }).click();
    const shareUrl = (await panel.locator('a.share-url').getAttribute('href'))!;
    expect(shareUrl).toMatch(new RegExp(`^${platform.url}/public/passport/shares/`));
    await panel.getByRole('button', { name: 'Copy the link' }).click();
    await panel.getByText('Copied to the clipboard.').waitFor();
    expect(await clipboard(page)).toBe(shareUrl);

    const linkedIn = new URL((await panel.getByRole('link', { name: 'Add to my LinkedIn profile' }).getAttribute('href'))!);
    expect(linkedIn.origin + linkedIn.pathname).toBe('https://www.linkedin.com/profile/add');
    expect(Object.fromEntries(linkedIn.searchParams)).toEqual({
      startTask: 'CERTIFICATION_NAME',
      name: QUIZ.name,
      organizationName: ISSUER,
      issueYear: String(new Date().getUTCFullYear()),
      issueMonth: String(new Date().getUTCMonth() + 1),
      expirationYear: '2031',
      expirationMonth: '6',
      certUrl: shareUrl,
      certId: quiz.entityId,
    });
    expect(await panel.getByRole('link', { name: 'Add to my LinkedIn profile' }).getAttribute('target')).toBe('_blank');

    await panel.getByRole('button', { name: 'Copy the embed code' }).click();
    const embed = await clipboard(page);
    expect(embed).toBe(await panel.getByLabel('Embed code (for a website or blog)').inputValue());
    expect(embed).toContain(`src="${shareUrl}/embed"`);

    expect(await panel.getByRole('link', { name: 'Download the badge image' }).getAttribute('href')).toBe(`${quiz.openBadgeId}/image`);
    const mail = new URL((await panel.getByRole('link', { name: 'Send by email' }).getAttribute('href'))!);
    expect(mail.protocol).toBe('mailto:');
    expect(mail.searchParams.get('body')).toContain(shareUrl);
    await shot(page, 'share-panel');
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('edits a collection: rename, reorder, remove a badge; an emptied collection says what to do', async () => {
    await page.goto('/passport');
    await page.getByRole('link', { name: 'Team Work' }).click();
    await page.getByRole('button', { name: 'Accept' }).click();
    await page.getByRole('status').filter({ hasText: 'Badge accepted.' }).waitFor();

    await page.getByRole('navigation', { name: 'Passport sections' }).getByRole('link', { name: 'Collections' }).click();
    await page.getByText(/No collections yet\. A collection groups badges/).waitFor();
    const form = page.getByRole('form', { name: 'Create a collection' });
    await form.getByLabel('Collection name').fill('Job application');
    await form.getByLabel(QUIZ.name).check();
    await form.getByLabel('Team Work').check();
    await form.getByRole('button', { name: 'Create the collection' }).click();
    const card = page.locator('[data-collection]');
    await card.getByRole('heading', { name: 'Job application' }).waitFor();
    expect(await card.locator('.collection-badges li').allTextContents()).toEqual([QUIZ.name, 'Team Work']);

    await page.getByRole('button', { name: 'Edit Job application' }).click();
    await page.getByLabel('Collection name').first().fill('Portfolio 2026');
    await page.getByRole('button', { name: 'Move Team Work up' }).click();
    await shot(page, 'collection-editing');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Save the collection' }).click();
    await page.getByRole('status').filter({ hasText: 'Collection saved.' }).waitFor();
    await card.getByRole('heading', { name: 'Portfolio 2026' }).waitFor();
    expect(await card.locator('.collection-badges li').allTextContents()).toEqual(['Team Work', QUIZ.name]);

    await page.getByRole('button', { name: 'Edit Portfolio 2026' }).click();
    await page.getByRole('button', { name: `Remove Team Work from the collection` }).click();
    // Focus goes to the Remove button now in the removed badge's place, then, with none left, to "Add a badge".
    const focused = (element: unknown) => element === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement;
    await page.waitForFunction(focused, await page.getByRole('button', { name: `Remove ${QUIZ.name} from the collection` }).elementHandle());
    await page.keyboard.press('Enter');
    await page.waitForFunction(focused, await page.getByLabel('Add a badge').elementHandle());
    await page.getByRole('button', { name: 'Save the collection' }).click();
    await card.getByText(/This collection has no badges yet\. Add accepted badges/).waitFor();
    expect(await card.getByText('0 badge').count()).toBe(0);
    await page.getByRole('button', { name: 'Edit Portfolio 2026' }).click();
    await page.getByLabel('Add a badge').selectOption({ label: QUIZ.name });
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByRole('button', { name: 'Save the collection' }).click();
    await page.getByRole('status').filter({ hasText: 'Collection saved.' }).waitFor();
    await page.getByRole('button', { name: 'Create a share link for Portfolio 2026' }).click();
    await card.locator('a.share-url').waitFor();
    await shot(page, 'collections');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('navigation', { name: 'Passport sections' }).getByRole('link', { name: 'Share links' }).click();
    await page.locator('.share-list > li').nth(1).waitFor();
    expect(await page.locator('.share-list > li').count()).toBe(2);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('navigation', { name: 'Passport sections' }).getByRole('link', { name: 'Email addresses' }).click();
    await page.getByText(`${LEARNER.email} (confirmed)`).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('exports every badge from the import and export tab', async () => {
    await page.getByRole('navigation', { name: 'Passport sections' }).getByRole('link', { name: 'Import and export' }).click();
    expect(await accessibilityViolations(page)).toEqual([]);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download my badges' }).click()]);
    expect(download.suggestedFilename()).toBe('passport.zip');
    const zip = readFileSync((await download.path())!);
    expect(zip.subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('answers unknown pages and unknown public badges with the app\'s 404 page, not JSON', async () => {
    for (const address of ['/no-such-page', '/passport/no-such-tab', '/public/assertions/no-such-badge']) {
      const response = await page.goto(address);
      if (!address.startsWith('/passport')) expect(response?.status()).toBe(404);
      await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    }
    await shot(page, 'not-found');
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('reads well in French and on a phone (screenshots at 1280 px and 390 px, EN and FR)', async () => {
    const badgePath = `/passport/badges/${quiz.entityId}`;
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      for (const lang of ['fr', 'en']) {
        await page.goto('/passport');
        await page.getByLabel(/^(Language|Langue)$/).selectOption(lang);
        await page.getByRole('heading', { level: 2, name: lang === 'fr' ? 'Mes badges' : 'My badges' }).waitFor();
        await shot(page, `gallery-${lang}-${width}`);
        expect(await accessibilityViolations(page)).toEqual([]);
        await page.goto(badgePath);
        await page.getByRole('heading', { level: 2, name: lang === 'fr' ? 'Partager ce badge' : 'Share this badge' }).waitFor();
        await page.locator('[data-verdict]').waitFor({ timeout: 20_000 });
        await shot(page, `badge-${lang}-${width}`);
        expect(await accessibilityViolations(page)).toEqual([]);
        await page.goto('/passport/collections');
        await page.locator('[data-collection]').waitFor();
        await shot(page, `collections-${lang}-${width}`);
        expect(await page.locator('html').evaluate((html) => html.scrollWidth)).toBeLessThanOrEqual(width);
      }
    }
  });
});

/** Presses Tab until the focused element is the one wanted (at most 60 times), as a keyboard user would. */
async function tabTo(page: Page, wanted: (element: { tagName: string; textContent: string | null }) => boolean): Promise<void> {
  for (let presses = 0; presses < 60; presses += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = (globalThis as unknown as { document: { activeElement: { tagName: string; textContent: string | null } | null } }).document.activeElement;
      return element ? { tagName: element.tagName, textContent: element.textContent } : null;
    });
    if (focused && wanted(focused)) return;
  }
  throw new Error('the wanted element was never focused by Tab');
}

async function clipboard(page: Page): Promise<string> {
  return page.evaluate(() => (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText());
}

async function eventually(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

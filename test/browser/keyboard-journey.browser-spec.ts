import { readFileSync } from 'node:fs';

import type { Browser, Page } from 'playwright-core';

import { accessibilityViolations } from './support/axe';
import { startBrowserPlatform, type BrowserPlatform } from './support/browser-platform';
import { launchChromium, newContext } from './support/chromium';
import { confirmationLink } from './support/emails';
import { expectNoKeyboardTrap, focused, tabTo, tabToNamed, typeHere } from './support/keyboard';
import { screenshots } from './support/screenshots';
import { StaffApi } from './support/staff-api';

/**
 * Issue #17's learner journey with the keyboard only (Tab, Shift+Tab, Enter, Space, Escape; no
 * mouse, nothing filled from outside): sign up, confirm with the emailed link (the one address
 * typed, as opening an email is), see the badges that arrived, open one, accept it, share it and
 * reach LinkedIn, accept a second, make a collection, edit and reorder it, export. Every control
 * met shows its focus; no page traps the keyboard; focus moves to the new page's heading after
 * a route change and to what replaced a control that went away. At 1280 px and 390 px.
 */
const ISSUER = 'Keyboard College';
const QUIZ = 'Quiz Master';
const TEAM = 'Team Work';
const PASSWORD = 'a long enough passphrase';

describe('the learner journey with the keyboard only (browser)', () => {
  let platform: BrowserPlatform;
  let browser: Browser;
  let staff: StaffApi;
  const classes: Record<string, string> = {};

  beforeAll(async () => {
    [platform, browser] = await Promise.all([startBrowserPlatform(), launchChromium()]);
    staff = await StaffApi.forNewInstitution(platform.url, platform.adminToken, ISSUER);
    const issuerId = await staff.createIssuer(ISSUER);
    classes[QUIZ] = await staff.createBadgeClass(issuerId, { name: QUIZ, description: 'Knows the course material.', criteriaNarrative: 'Pass the **final quiz**.' });
    classes[TEAM] = await staff.createBadgeClass(issuerId, { name: TEAM, description: 'Works well in a team.', criteriaNarrative: 'Led a team project.' });
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stopAndClean();
  });

  describe.each([1280, 390])('at %i px', (width) => {
    const email = `keys.${width}@example.org`;
    const shot = screenshots(`keyboard-journey-${width}`);
    let page: Page;

    beforeAll(async () => {
      const { context } = await newContext(browser, platform.url, { phone: width === 390 });
      page = await context.newPage();
    });

    afterAll(async () => {
      await page?.context().close();
    });

    it('signs up: the skip link comes first, every field is typed into where Tab put focus', async () => {
      await page.goto('/passport/signup');
      await page.getByRole('heading', { level: 1, name: 'Create your passport' }).waitFor();
      expect(await expectNoKeyboardTrap(page)).toBeGreaterThan(5);
      // Focus has gone round the page; from the top again, the skip link is the first stop.
      await page.keyboard.press('Tab');
      expect(await focused(page)).toMatchObject({ tag: 'A', name: 'Skip to main content', indicated: true, visible: true });
      await page.keyboard.press('Enter');
      expect((await focused(page)).tag).toBe('MAIN');
      await tabToNamed(page, 'Your name');
      await page.keyboard.type('Kim Keyboard');
      await tabToNamed(page, 'Email address');
      await page.keyboard.type(email);
      await tabToNamed(page, 'Password');
      await page.keyboard.type(PASSWORD);
      await shot(page, 'sign-up-typed');
      await tabToNamed(page, 'Create my passport', { tag: 'BUTTON' });
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 2, name: 'My badges' }).waitFor();
      // A new page: focus is on its main heading, not left behind at the top of the document.
      await expectFocusOn(page, 'H1', 'My passport');
    });

    it('confirms the address from the emailed link; the badges awarded meanwhile have arrived', async () => {
      await staff.award(classes[QUIZ], email);
      await staff.award(classes[TEAM], email);
      await page.goto(await confirmationLink(platform, email));
      await tabToNamed(page, 'Confirm my address', { tag: 'BUTTON' });
      await page.keyboard.press('Enter');
      await page.waitForURL(`${platform.url}/passport`);
      await page.getByRole('status').filter({ hasText: `${email} is confirmed. 2 badges are waiting for you in your passport.` }).waitFor();
      await expectFocusOn(page, 'H1', 'My passport');
      await page.locator('.badge-card').nth(1).waitFor();
      expect(await expectNoKeyboardTrap(page)).toBeGreaterThan(5);
      await shot(page, 'badges-arrived');
      expect(await accessibilityViolations(page)).toEqual([]);
    });

    it('opens a badge and accepts it; focus lands on the notice that replaces the buttons', async () => {
      await tabToNamed(page, QUIZ, { tag: 'A' });
      await page.keyboard.press('Enter');
      await expectFocusOn(page, 'H1', QUIZ);
      await tabToNamed(page, 'Accept', { tag: 'BUTTON' });
      await page.keyboard.press('Enter');
      await page.getByRole('status').filter({ hasText: 'Badge accepted.' }).waitFor();
      expect(await focused(page)).toMatchObject({ tag: 'P', role: 'status', indicated: true });
      expect((await focused(page)).name).toContain('Badge accepted.');
      await page.getByText('Accepted', { exact: true }).waitFor();
    });

    it('creates a share link and reaches the LinkedIn link, whose address is checked', async () => {
      await tabToNamed(page, 'Create a share link', { tag: 'BUTTON' });
      await page.keyboard.press('Enter');
      await page.locator('a.share-url').waitFor();
      // The link replaced the button: focus is on it.
      const link = await focused(page);
      expect(link.tag).toBe('A');
      expect(link.name).toMatch(new RegExp(`^${platform.url}/public/passport/shares/`));
      await tabToNamed(page, 'Add to my LinkedIn profile', { tag: 'A' });
      const linkedIn = new URL((await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { getAttribute(name: string): string } } }).document.activeElement.getAttribute('href')))!);
      expect(linkedIn.origin + linkedIn.pathname).toBe('https://www.linkedin.com/profile/add');
      expect(linkedIn.searchParams.get('name')).toBe(QUIZ);
      expect(linkedIn.searchParams.get('organizationName')).toBe(ISSUER);
      expect(linkedIn.searchParams.get('certUrl')).toBe(link.name);
      expect(await expectNoKeyboardTrap(page)).toBeGreaterThan(10);
      await shot(page, 'badge-shared');
      expect(await accessibilityViolations(page)).toEqual([]);
    });

    it('goes back to the gallery and accepts the second badge', async () => {
      await tabToNamed(page, 'Back to my badges', { tag: 'A' });
      await page.keyboard.press('Enter');
      await expectFocusOn(page, 'H1', 'My passport');
      await tabToNamed(page, TEAM, { tag: 'A' });
      await page.keyboard.press('Enter');
      await expectFocusOn(page, 'H1', TEAM);
      await tabToNamed(page, 'Accept', { tag: 'BUTTON' });
      await page.keyboard.press('Enter');
      await page.getByRole('status').filter({ hasText: 'Badge accepted.' }).waitFor();
    });

    it('creates a collection, edits it (Escape closes the form), reorders it, and focus follows each step', async () => {
      await tabToNamed(page, 'Collections', { tag: 'A', backwards: true });
      await page.keyboard.press('Enter');
      await expectFocusOn(page, 'H1', 'My passport');
      await page.getByRole('heading', { level: 2, name: 'Collections' }).waitFor();
      await tabToNamed(page, 'Collection name');
      await page.keyboard.type('Job application');
      // The two accepted badges, as checkboxes one after the other (in the passport's order).
      const first = await tabTo(page, (element) => element.tag === 'INPUT' && [QUIZ, TEAM].includes(element.name));
      await page.keyboard.press('Space');
      await page.keyboard.press('Tab');
      const second = await focused(page);
      expect(second).toMatchObject({ tag: 'INPUT', name: first.name === QUIZ ? TEAM : QUIZ });
      await page.keyboard.press('Space');
      const [top, bottom] = [first.name, second.name];
      await tabToNamed(page, 'Create the collection', { tag: 'BUTTON' });
      await page.keyboard.press('Enter');
      const card = page.locator('[data-collection]');
      await card.getByRole('heading', { name: 'Job application' }).waitFor();
      expect(await card.locator('.collection-badges li').allTextContents()).toEqual([top, bottom]);

      await tabToNamed(page, 'Edit Job application', { tag: 'BUTTON', backwards: true });
      await page.keyboard.press('Enter');
      // The form opens with focus in its first field; Escape closes it and focus returns to Edit.
      await expectFocusOn(page, 'INPUT', 'Collection name');
      await page.keyboard.press('Escape');
      await expectFocusOn(page, 'BUTTON', 'Edit Job application');
      await page.keyboard.press('Enter');
      await expectFocusOn(page, 'INPUT', 'Collection name');
      await typeHere(page, 'Portfolio 2026');
      await tabToNamed(page, `Move ${bottom} up`, { tag: 'BUTTON' });
      await page.keyboard.press('Enter');
      // It is first now, its "up" disabled: focus stays with it, on its "down".
      await expectFocusOn(page, 'BUTTON', `Move ${bottom} down`);
      expect(await page.locator('.collection-order .name').allTextContents()).toEqual([bottom, top]);
      await shot(page, 'collection-reordered');
      expect(await accessibilityViolations(page)).toEqual([]);
      expect(await expectNoKeyboardTrap(page)).toBeGreaterThan(10);
      await tabToNamed(page, 'Save the collection', { tag: 'BUTTON' });
      await page.keyboard.press('Enter');
      await page.getByRole('status').filter({ hasText: 'Collection saved.' }).waitFor();
      await expectFocusOn(page, 'BUTTON', 'Edit Portfolio 2026');
      expect(await card.locator('.collection-badges li').allTextContents()).toEqual([bottom, top]);
      await shot(page, 'collection-saved');
    });

    it('exports the passport from the Import and export tab', async () => {
      await tabToNamed(page, 'Import and export', { tag: 'A', backwards: true });
      await page.keyboard.press('Enter');
      await expectFocusOn(page, 'H1', 'My passport');
      await page.getByRole('heading', { level: 2, name: 'Export' }).waitFor();
      expect(await expectNoKeyboardTrap(page)).toBeGreaterThan(5);
      await tabToNamed(page, 'Download my badges', { tag: 'BUTTON' });
      const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
      expect(download.suggestedFilename()).toBe('passport.zip');
      expect(readFileSync((await download.path())!).subarray(0, 2).toString('latin1')).toBe('PK');
      await shot(page, 'exported');
      expect(await accessibilityViolations(page)).toEqual([]);
    });
  });
});

/** Focus is (or, after a route change, soon is) on the element `tag` named `name`. */
async function expectFocusOn(page: Page, tag: string, name: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  let now = await focused(page);
  while (!(now.tag === tag && now.name === name) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    now = await focused(page);
  }
  expect({ tag: now.tag, name: now.name }).toEqual({ tag, name });
}

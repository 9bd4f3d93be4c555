import type { Browser } from 'playwright-core';

import { accessibilityViolations } from './support/axe';
import { startBrowserPlatform, type BrowserPlatform } from './support/browser-platform';
import { launchChromium, newContext } from './support/chromium';
import { screenshots } from './support/screenshots';
import { StaffApi } from './support/staff-api';

/**
 * The web app as `npm start` serves it at `/`: the shell's landmarks, keyboard skip link, language
 * switch (remembered, `<html lang>`), a phone-sized viewport, and nothing loaded from outside.
 */
describe('web app shell (browser)', () => {
  let platform: BrowserPlatform;
  let browser: Browser;
  const shot = screenshots('web-shell');

  beforeAll(async () => {
    [platform, browser] = await Promise.all([startBrowserPlatform(), launchChromium()]);
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stopAndClean();
  });

  it('shows the home page at / with landmarks, a skip link and no axe violations', async () => {
    const { context, outsideRequests } = await newContext(browser, platform.url);
    const page = await context.newPage();
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Badges you can trust' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.keyboard.press('Tab');
    expect(await page.locator(':focus').textContent()).toBe('Skip to main content');
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents()).toEqual(['Verify a badge', 'My passport', 'Institution console']);
    await shot(page, 'home');
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(outsideRequests).toEqual([]);
    await context.close();
  });

  it('switches to French, remembers it, and follows the browser language on a first visit', async () => {
    const { context } = await newContext(browser, platform.url);
    const page = await context.newPage();
    await page.goto('/verify');
    await page.getByLabel('Language').selectOption('fr');
    await page.getByRole('heading', { level: 1, name: 'Vérifier un badge' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Vérifier un badge' }).waitFor();
    await shot(page, 'verify-in-french');
    await context.close();

    const french = await newContext(browser, platform.url, { locale: 'fr-CA', phone: true });
    const phonePage = await french.context.newPage();
    await phonePage.goto('/');
    await phonePage.getByRole('heading', { level: 1, name: 'Des badges dignes de confiance' }).waitFor();
    // Nothing wider than the phone's screen: no sideways scrolling.
    expect(await phonePage.locator('html').evaluate((html) => html.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(phonePage, 'home-on-a-phone-in-french');
    await french.context.close();
  });

  it('verifies pasted JSON and links, and shows a malformed request\'s reason', async () => {
    const { context } = await newContext(browser, platform.url);
    const page = await context.newPage();
    await page.goto('/verify');
    await page.getByLabel('Paste the JSON or the JWS').fill('{"type": "Assertion", "id": "urn:uuid:0f1e2d3c"}');
    await page.getByRole('button', { name: 'Verify the JSON' }).click();
    await page.locator('.verdict-word').filter({ hasText: 'Not valid' }).waitFor();
    expect(await page.locator('.problems li').count()).toBeGreaterThan(0);
    await shot(page, 'verify-not-valid');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByLabel('Paste the JSON or the JWS').fill('{ not json');
    await page.getByRole('button', { name: 'Verify the JSON' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/JSON/);
    expect(await page.locator('.verdict-word').count()).toBe(0);

    // The public pages' verify button: /verify?url= verifies as soon as the page opens.
    await page.goto(`/verify?url=${encodeURIComponent(`${platform.url}/public/assertions/no-such-assertion`)}`);
    await page.locator('.verdict-word').filter({ hasText: 'Not valid' }).waitFor();
    expect(await page.getByLabel('Badge URL').inputValue()).toBe(`${platform.url}/public/assertions/no-such-assertion`);
    await context.close();
  });

  it('signs staff into the console with their institution\'s API client, and refuses a wrong secret', async () => {
    const staff = await StaffApi.forNewInstitution(platform.url, platform.adminToken, 'Western College');
    const { context } = await newContext(browser, platform.url);
    const page = await context.newPage();
    await page.goto('/console');
    await page.getByText('Sign in with an API client instead').click();
    await page.getByLabel('Client id').fill(staff.client.clientId);
    await page.getByLabel('Client secret').fill('not-the-secret');
    await page.getByRole('button', { name: 'Sign in with the client' }).click();
    await page.getByRole('alert').filter({ hasText: 'Unknown client id or wrong secret.' }).waitFor();
    await page.getByLabel('Client secret').fill(staff.client.clientSecret);
    await page.getByRole('button', { name: 'Sign in with the client' }).click();
    await page.getByText('Signed in for Western College').waitFor();
    await shot(page, 'console-signed-in');
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();
  });

  it('says in French, on a phone, when sign-in attempts are rate-limited (the platform\'s 429)', async () => {
    const { context } = await newContext(browser, platform.url, { locale: 'fr-CA', phone: true });
    const page = await context.newPage();
    await page.goto('/passport');
    await page.getByLabel('Adresse courriel').fill('guessed@example.org');
    await page.getByLabel('Mot de passe').fill('not the password');
    const alert = page.getByRole('alert');
    // Five wrong passwords are free; the sixth starts the back-off, so the seventh is refused.
    for (let attempt = 0; attempt < 7 && !(await alert.filter({ hasText: 'Trop de tentatives' }).count()); attempt++) {
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await alert.waitFor();
      await page.waitForTimeout(200);
    }
    await alert.filter({ hasText: /Trop de tentatives\. Attendez \d+ min et réessayez\./ }).waitFor();
    await shot(page, 'sign-in-rate-limited-in-french-on-a-phone');
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();
  });

  it('leaves API and public routes to the services: unknown API paths stay JSON 404s', async () => {
    const api = await fetch(`${platform.url}/v2/no-such-route`);
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toContain('application/json');
    const health = await fetch(`${platform.url}/health`);
    expect(health.status).toBe(200);
    const app = await fetch(`${platform.url}/passport/collections`);
    expect(app.status).toBe(200);
    expect(await app.text()).toContain('<div id="root"></div>');
  });
});

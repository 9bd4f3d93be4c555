import type { Browser, BrowserContext, Page } from 'playwright-core';

import { ApiClient } from '../support/api-client';
import { accessibilityViolations } from './support/axe';
import { startBrowserPlatform, type BrowserPlatform } from './support/browser-platform';
import { launchChromium, newContext } from './support/chromium';
import { screenshots } from './support/screenshots';
import { StaffApi } from './support/staff-api';

/**
 * Issue #16's province operator, in Chromium against the platform as `npm start` runs it: the
 * operator signs in with the operator token at desktop width in English, creates an institution
 * (its first client's secret shown once, copied with the button), renames it and suspends it with
 * a reason; then, on a phone in French, reactivates it. Each change is checked against the API
 * itself (the client's token request refused, then served). Every page is checked with axe. The
 * steps depend on each other, so they are one ordered journey.
 */
describe('the province operator manages institutions (browser)', () => {
  let platform: BrowserPlatform;
  let browser: Browser;
  let desktopContext: BrowserContext;
  let desktop: Page;
  let phone: Page;
  let created: { clientId: string; clientSecret: string };
  const outside: string[][] = [];
  const pageErrors: string[] = [];
  const shot = screenshots('operator');

  async function expectNoSeriousViolations(page: Page) {
    expect(await accessibilityViolations(page)).toEqual([]);
  }

  async function signIn(page: Page, token: string, labels = { token: 'Operator token', button: 'Sign in' }) {
    await page.getByLabel(labels.token).fill(token);
    await page.getByRole('button', { name: labels.button, exact: true }).click();
  }

  /** The card of the institution named `name` (its heading starts with the name). */
  const card = (page: Page, name: string) => page.locator('.operator-list > li').filter({ has: page.getByRole('heading', { level: 3, name: new RegExp(`^${name} `) }) });

  // Run in the page (no DOM types here): what the tab's storage holds, and what the clipboard does.
  const storedToken = (page: Page) => page.evaluate(() => (globalThis as unknown as { sessionStorage: { getItem(key: string): string | null } }).sessionStorage.getItem('badges.operatorToken'));
  const clipboardText = (page: Page) => page.evaluate(() => (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText());

  const clientGrant = () => new ApiClient(platform.url).post('/o/token', { grant_type: 'client_credentials', client_id: created.clientId, client_secret: created.clientSecret });

  beforeAll(async () => {
    [platform, browser] = await Promise.all([startBrowserPlatform(), launchChromium()]);
    // Another institution with an issuer and an award: its counts come from the issuer service.
    const eastern = await StaffApi.forNewInstitution(platform.url, platform.adminToken, 'Eastern College');
    const issuerId = await eastern.createIssuer('Faculty of Arts');
    await eastern.award(await eastern.createBadgeClass(issuerId, { name: 'Drawing', description: 'Drew.', criteriaNarrative: 'Draw.' }), 'learner@example.org');
    const desktopSetup = await newContext(browser, platform.url);
    const phoneSetup = await newContext(browser, platform.url, { locale: 'fr-CA', phone: true });
    desktopContext = desktopSetup.context;
    await desktopContext.grantPermissions(['clipboard-read', 'clipboard-write']);
    outside.push(desktopSetup.outsideRequests, phoneSetup.outsideRequests);
    desktop = await desktopContext.newPage();
    phone = await phoneSetup.context.newPage();
    for (const page of [desktop, phone]) page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stopAndClean();
  });

  it('1. refuses a wrong operator token in plain words, then signs in; the token stays in the tab, never in a cookie', async () => {
    await desktop.goto('/operator');
    await desktop.getByRole('heading', { level: 1, name: 'Province operator' }).waitFor();
    await shot(desktop, 'sign-in');
    await expectNoSeriousViolations(desktop);
    await signIn(desktop, 'not-the-token');
    await desktop.getByRole('alert').filter({ hasText: 'This is not the operator token.' }).waitFor();
    await shot(desktop, 'sign-in-wrong-token');

    await signIn(desktop, platform.adminToken);
    await desktop.getByRole('heading', { level: 2, name: 'Institutions' }).waitFor();
    const eastern = card(desktop, 'Eastern College');
    await eastern.waitFor();
    expect(await eastern.locator('dd').allTextContents()).toEqual(['0', '1', '1', '1', '1', '0']);
    expect(await storedToken(desktop)).toBe(platform.adminToken);
    expect((await desktopContext.cookies()).map((cookie) => cookie.value)).not.toContain(platform.adminToken);
    // A reload keeps the tab signed in.
    await desktop.reload();
    await eastern.waitFor();
    await shot(desktop, 'institutions');
    await expectNoSeriousViolations(desktop);
  });

  it('2. creates an institution and shows its first client’s secret once, with a copy button', async () => {
    await desktop.getByLabel('Name of the institution').fill('Northern College');
    await desktop.getByRole('button', { name: 'Create the institution' }).click();
    await desktop.getByRole('heading', { level: 3, name: 'The first API client of Northern College' }).waitFor();
    created = { clientId: await desktop.getByLabel('Client id').inputValue(), clientSecret: await desktop.getByLabel('Client secret').inputValue() };
    await desktop.getByRole('button', { name: 'Copy the secret' }).click();
    await desktop.getByText('The secret was copied.').waitFor();
    expect(await clipboardText(desktop)).toBe(created.clientSecret);
    await card(desktop, 'Northern College').waitFor();
    await shot(desktop, 'created-secret-shown');
    await expectNoSeriousViolations(desktop);
    expect((await clientGrant()).status).toBe(200);
  });

  it('3. renames it, and suspends it with a reason after a confirmation: its client is refused', async () => {
    await desktop.getByRole('button', { name: 'Rename Northern College' }).click();
    await desktop.getByLabel('New name for Northern College').fill('Northern University');
    await desktop.getByRole('button', { name: 'Save the name' }).click();
    await desktop.getByText('Northern College was renamed Northern University.').waitFor();
    const northern = card(desktop, 'Northern University');

    await desktop.getByRole('button', { name: 'Suspend Northern University' }).click();
    await northern.getByText('Suspend Northern University? Its people and API clients will be refused within seconds.', { exact: false }).waitFor();
    await desktop.getByLabel('Reason (optional, seen only by operators)').fill('Contract under review');
    await shot(desktop, 'suspend-confirmation');
    await expectNoSeriousViolations(desktop);
    await desktop.getByRole('button', { name: 'Suspend the institution' }).click();
    await desktop.getByText('Northern University is suspended.').waitFor();
    await northern.getByText('Reason: Contract under review').waitFor();
    expect(await northern.getByRole('heading', { level: 3 }).textContent()).toBe('Northern University Suspended');
    await shot(desktop, 'suspended');
    await expectNoSeriousViolations(desktop);

    const refused = await clientGrant();
    expect([refused.status, refused.body.error]).toEqual([401, 'invalid_client']);
    expect(refused.body.error_description).toContain('suspended');
  });

  it('4. on a phone, in French, the operator signs in and reactivates it: its client is served again', async () => {
    await phone.goto('/operator');
    await phone.getByRole('heading', { level: 1, name: 'Opérateur provincial' }).waitFor();
    await shot(phone, 'sign-in-fr-phone');
    await expectNoSeriousViolations(phone);
    await signIn(phone, platform.adminToken, { token: 'Jeton d’opérateur', button: 'Se connecter' });
    const northern = card(phone, 'Northern University');
    await northern.getByText('Motif : Contract under review').waitFor();
    expect(await northern.getByRole('heading', { level: 3 }).textContent()).toBe('Northern University Suspendu');
    await shot(phone, 'institutions-fr-phone');
    await expectNoSeriousViolations(phone);
    expect(await phone.locator('html').evaluate((html) => html.scrollWidth)).toBeLessThanOrEqual(390);

    await phone.getByRole('button', { name: 'Réactiver Northern University' }).click();
    await phone.getByText('Northern University est de nouveau actif.').waitFor();
    expect(await northern.getByRole('heading', { level: 3 }).textContent()).toBe('Northern University Actif');
    await shot(phone, 'reactivated-fr-phone');
    await expectNoSeriousViolations(phone);
    expect((await clientGrant()).status).toBe(200);

    await phone.getByRole('button', { name: 'Se déconnecter' }).click();
    await phone.getByLabel('Jeton d’opérateur').waitFor();
    expect(await storedToken(phone)).toBeNull();
  });

  it('5. nothing was loaded from outside the deployment, and no page threw', () => {
    expect(outside.flat()).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});

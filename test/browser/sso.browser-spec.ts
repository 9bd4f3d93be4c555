import type { Browser, Page } from 'playwright-core';

import { freePort } from '../support/free-port';
import { startOpenIdProvider, type TestOpenIdProvider } from '../support/openid-provider';
import { accessibilityViolations } from './support/axe';
import { startBrowserPlatform, type BrowserPlatform } from './support/browser-platform';
import { launchChromium, newContext } from './support/chromium';
import { screenshots } from './support/screenshots';
import { expectNoReadableToken } from './support/session-storage';
import { StaffApi } from './support/staff-api';

const EDITOR = { email: 'noor.editor@college.example', name: 'Noor Haddad', groups: ['engineering-editors'] };

/**
 * Issue #16's single sign-on, in Chromium against the platform as `npm start` runs it and a real
 * OpenID Provider (oidc-provider) started here: an admin sets SSO up on the console's settings page
 * (desktop width, English); an editor then signs in through the provider on a phone, in French,
 * and lands in the console; a domain without SSO is refused in plain words. Every page of ours is
 * checked with axe. The steps depend on each other, so they are one ordered journey.
 */
describe('an admin sets up single sign-on and an editor signs in through it (browser)', () => {
  let platform: BrowserPlatform;
  let op: TestOpenIdProvider;
  let browser: Browser;
  let college: StaffApi;
  let desktop: Page;
  let phone: Page;
  const outside: string[][] = [];
  const pageErrors: string[] = [];
  const shot = screenshots('sso');

  async function expectNoSeriousViolations(page: Page) {
    expect(await accessibilityViolations(page)).toEqual([]);
  }

  beforeAll(async () => {
    // The provider must know the redirect URI from the start: the platform's port is chosen first.
    const port = await freePort();
    const publicUrl = `http://127.0.0.1:${port}`;
    op = await startOpenIdProvider({ redirectUris: [`${publicUrl}/web/sso/callback`], users: [EDITOR] });
    [platform, browser] = await Promise.all([startBrowserPlatform({ PORT: String(port), PUBLIC_URL: publicUrl, SSO_ALLOW_HTTP_ISSUERS: 'true' }), launchChromium()]);
    college = await StaffApi.forNewInstitution(platform.url, platform.adminToken, 'Northern College');
    await college.createIssuer('Faculty of Engineering');
    const desktopContext = await newContext(browser, platform.url);
    const phoneContext = await newContext(browser, platform.url, { locale: 'fr-CA', phone: true });
    outside.push(desktopContext.outsideRequests, phoneContext.outsideRequests);
    desktop = await desktopContext.context.newPage();
    phone = await phoneContext.context.newPage();
    for (const page of [desktop, phone]) page.on('pageerror', (error) => pageErrors.push(error.message));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await platform?.stopAndClean();
    await op?.stop();
  });

  it('1. the admin fills the SSO page (desktop): the provider is checked, the secret is never shown again', async () => {
    await desktop.goto('/console');
    await desktop.getByText('Sign in with an API client instead').click();
    await desktop.getByLabel('Client id').fill(college.client.clientId);
    await desktop.getByLabel('Client secret').fill(college.client.clientSecret);
    await desktop.getByRole('button', { name: 'Sign in with the client' }).click();
    await desktop.getByRole('link', { name: 'Single sign-on' }).click();
    await desktop.getByRole('heading', { level: 1, name: 'Single sign-on (SSO)' }).waitFor();
    await desktop.getByText('Single sign-on is not set up').waitFor();
    await expectNoSeriousViolations(desktop);

    await desktop.getByLabel('Issuer URL of the provider (https)').fill(op.issuer);
    await desktop.getByLabel('Client id').fill(op.clientId);
    await desktop.getByLabel('Client secret').fill(op.clientSecret);
    await desktop.getByLabel('Allowed email domains').fill('college.example');
    await desktop.getByLabel('Claim the roles come from (optional), e.g. groups').fill('groups');
    await desktop.getByRole('button', { name: 'Add a mapping' }).click();
    await desktop.getByLabel('Mapping 1: claim value').fill('engineering-editors');
    await desktop.getByLabel('Mapping 1: issuer').selectOption({ label: 'Faculty of Engineering' });
    await desktop.getByLabel('Mapping 1: role on the issuer').selectOption({ label: 'Editor' });
    await shot(desktop, 'settings-filled');
    await expectNoSeriousViolations(desktop);
    await desktop.getByRole('button', { name: 'Save the SSO settings' }).click();
    await desktop.getByRole('status').filter({ hasText: 'The SSO settings were saved' }).waitFor();
    await desktop.getByText('A client secret is set.', { exact: false }).waitFor();
    expect(await desktop.getByLabel('Client secret').inputValue()).toBe('');
    expect(await desktop.getByLabel('Mapping 1: claim value').inputValue()).toBe('engineering-editors');
    expect(await desktop.content()).not.toContain(op.clientSecret);
    await shot(desktop, 'settings-saved');

    // At a phone's width too, the page has no axe violation.
    await desktop.setViewportSize({ width: 390, height: 844 });
    await expectNoSeriousViolations(desktop);
    await shot(desktop, 'settings-saved-narrow');
    await desktop.setViewportSize({ width: 1280, height: 800 });
  });

  it('2. the editor signs in through the provider (French, phone) and lands in the console', async () => {
    await phone.goto('/console');
    await phone.getByRole('heading', { name: 'Me connecter avec mon établissement (SSO)' }).waitFor();
    await expectNoSeriousViolations(phone);
    await phone.getByLabel('Votre courriel professionnel').fill(EDITOR.email);
    await phone.getByRole('button', { name: 'Continuer avec le SSO' }).click();
    // The provider's own pages (oidc-provider's development sign-in and consent).
    await phone.waitForURL((url) => url.href.startsWith(op.issuer));
    await phone.locator('input[name="login"]').fill(EDITOR.email);
    await phone.locator('input[name="password"]').fill('any');
    await phone.getByRole('button', { name: 'Sign-in' }).click();
    await phone.getByRole('button', { name: 'Continue' }).click();
    await phone.getByText('Connecté pour Northern College').waitFor();
    expect(new URL(phone.url()).search).toBe('');
    await expectNoReadableToken(phone, 'staff');
    await shot(phone, 'signed-in-fr-phone');
    await expectNoSeriousViolations(phone);
  });

  it('3. an address of a domain without SSO comes back with a message in the reader’s language', async () => {
    await desktop.getByRole('button', { name: 'Sign out' }).click();
    await desktop.getByLabel('Your work email').fill('someone@elsewhere.example');
    await desktop.getByRole('button', { name: 'Continue with SSO' }).click();
    await desktop.getByRole('alert').filter({ hasText: 'No institution signs in people of this email domain through SSO here.' }).waitFor();
    expect(new URL(desktop.url()).searchParams.get('sso_error')).toBe('no_sso_for_domain');
    await shot(desktop, 'no-sso-for-domain');
    await expectNoSeriousViolations(desktop);
  });

  it('4. nothing but the provider (and the web font its own pages import) was loaded from outside the deployment, and no page threw', () => {
    const providers = [op.issuer, 'https://fonts.googleapis.com/', 'https://fonts.gstatic.com/'];
    expect(outside.flat().filter((url) => !providers.some((origin) => url.startsWith(origin)))).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});

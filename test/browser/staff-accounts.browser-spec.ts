import type { Browser, Page } from 'playwright-core';

import { accessibilityViolations } from './support/axe';
import { startBrowserPlatform, type BrowserPlatform } from './support/browser-platform';
import { launchChromium, newContext } from './support/chromium';
import { emailedLink } from './support/emails';
import { screenshots } from './support/screenshots';
import { StaffApi } from './support/staff-api';

/**
 * Issue #16's people, in Chromium against the platform as `npm start` runs it: an institution
 * invites a person (through the API, as its admin client would); the person opens the emailed
 * link on a phone, in French, chooses a password and signs in as themselves; later they forget it,
 * reset it from the emailed link at desktop width, in English, and sign in with the new one. Every
 * page is checked with axe. The steps depend on each other, so they are one ordered journey.
 */
const PERSON = { email: 'ines.registrar@college.example', name: 'Inès Tremblay' };
const FIRST_PASSWORD = 'correct horse battery';
const NEW_PASSWORD = 'staple of the registrar';

describe('a person joins the console from an invitation and resets their password (browser)', () => {
  let platform: BrowserPlatform;
  let browser: Browser;
  let college: StaffApi;
  let phone: Page;
  let desktop: Page;
  const outside: string[][] = [];
  const pageErrors: string[] = [];
  const shot = screenshots('staff-accounts');

  async function expectNoSeriousViolations(page: Page) {
    expect(await accessibilityViolations(page)).toEqual([]);
  }

  async function signInAsPerson(page: Page, password: string, labels = { email: 'Email address', password: 'Password', button: 'Sign in' }) {
    await page.goto('/console');
    await page.getByLabel(labels.email).fill(PERSON.email);
    await page.getByLabel(labels.password, { exact: true }).fill(password);
    await page.getByRole('button', { name: labels.button, exact: true }).click();
  }

  beforeAll(async () => {
    [platform, browser] = await Promise.all([startBrowserPlatform(), launchChromium()]);
    college = await StaffApi.forNewInstitution(platform.url, platform.adminToken, 'Northern College');
    const issuerId = await college.createIssuer('Faculty of Health');
    const invited = await college.api.post('/v2/staff', { ...PERSON, language: 'fr', issuerRoles: [{ issuerId, role: 'editor' }] });
    expect(invited.status).toBe(201);
    const phoneContext = await newContext(browser, platform.url, { locale: 'fr-CA', phone: true });
    const desktopContext = await newContext(browser, platform.url);
    outside.push(phoneContext.outsideRequests, desktopContext.outsideRequests);
    phone = await phoneContext.context.newPage();
    desktop = await desktopContext.context.newPage();
    for (const page of [phone, desktop]) page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stopAndClean();
  });

  it('1. the invitation link (French, on a phone) sets the password, and works only once', async () => {
    const link = await emailedLink(platform, PERSON.email, /https?:\/\/\S+\/console\/invitation#token=[A-Za-z0-9_-]{20,}/);
    await phone.goto(link);
    await phone.getByRole('heading', { level: 1, name: 'Rejoindre la console de votre établissement' }).waitFor();
    await shot(phone, 'invitation-fr-phone');
    await expectNoSeriousViolations(phone);
    await phone.getByLabel('Nouveau mot de passe').fill(FIRST_PASSWORD);
    await phone.getByRole('button', { name: 'Rejoindre' }).click();
    await phone.getByText('Votre compte est prêt.', { exact: false }).waitFor();
    await shot(phone, 'invitation-done-fr-phone');

    // The link works once (a fresh load of it, as opening the email again would be).
    await phone.goto('/console');
    await phone.goto(link);
    await phone.getByLabel('Nouveau mot de passe').fill('another password');
    await phone.getByRole('button', { name: 'Rejoindre' }).click();
    await phone.getByRole('alert').filter({ hasText: 'Ce lien d’invitation est invalide, déjà utilisé ou expiré.' }).waitFor();
    await shot(phone, 'invitation-used-fr-phone');
  });

  it('2. the person signs in as themselves (French, phone): the console names their institution', async () => {
    await signInAsPerson(phone, FIRST_PASSWORD, { email: 'Adresse courriel', password: 'Mot de passe', button: 'Se connecter' });
    await phone.getByText('Connecté pour Northern College').waitFor();
    await shot(phone, 'signed-in-fr-phone');
    await expectNoSeriousViolations(phone);
  });

  it('3. a wrong password is refused in plain words (English, desktop; sign-in page: no axe violations)', async () => {
    await signInAsPerson(desktop, 'not the password');
    await desktop.getByRole('alert').filter({ hasText: 'The email address or the password is wrong.' }).waitFor();
    await shot(desktop, 'sign-in-wrong-password');
    await expectNoSeriousViolations(desktop);
  });

  it('4. a forgotten password is reset from the emailed link, and only the new one works', async () => {
    await desktop.getByRole('link', { name: 'Forgot your password?' }).click();
    await desktop.getByRole('heading', { level: 1, name: 'Reset your password' }).waitFor();
    await desktop.getByLabel('Email address').fill(PERSON.email);
    await desktop.getByRole('button', { name: 'Send the link' }).click();
    await desktop.getByText(`If ${PERSON.email} belongs to an account, a link is on its way.`, { exact: false }).waitFor();
    await shot(desktop, 'reset-requested');
    await expectNoSeriousViolations(desktop);

    const link = await emailedLink(platform, PERSON.email, /https?:\/\/\S+\/console\/password-reset#token=[A-Za-z0-9_-]{20,}/);
    await desktop.goto(link);
    await desktop.getByLabel('New password').fill(NEW_PASSWORD);
    await shot(desktop, 'reset-new-password');
    await expectNoSeriousViolations(desktop);
    await desktop.getByRole('button', { name: 'Set the new password' }).click();
    await desktop.getByText('Your password is changed', { exact: false }).waitFor();

    await signInAsPerson(desktop, FIRST_PASSWORD);
    await desktop.getByRole('alert').filter({ hasText: 'The email address or the password is wrong.' }).waitFor();
    await signInAsPerson(desktop, NEW_PASSWORD);
    await desktop.getByText('Signed in for Northern College').waitFor();
    await shot(desktop, 'signed-in-after-reset');
  });

  it('5. nothing was loaded from outside the deployment, and no page threw', () => {
    expect(outside.flat()).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});

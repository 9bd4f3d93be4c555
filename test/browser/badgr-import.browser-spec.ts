import type { Browser, Page } from 'playwright-core';

import { BadgrStandin } from '../support/badgr-standin/badgr-standin';
import { learnerEmail, STANDIN_PASSWORD } from '../support/badgr-standin/standin-dataset';
import { accessibilityViolations } from './support/axe';
import { startBrowserPlatform, type BrowserPlatform } from './support/browser-platform';
import { launchChromium, newContext } from './support/chromium';
import { confirmationLink } from './support/emails';
import { screenshots } from './support/screenshots';

/**
 * Issue #18, the learner's side (decision 0046): on the passport's "Import and export" tab a
 * learner brings their Badgr backpack with their Badgr sign-in, told the password is used once and
 * not kept; a wrong password is refused in their language; the import's progress and every badge's
 * and collection's result show; at 1280 and 390 px, in English and French, axe clean at every impact.
 */
const LEARNER = { email: learnerEmail(0), password: 'a long enough passphrase', name: 'Amélie Learner' };

const TEXTS = {
  en: { signIn: 'Sign in', email: 'Email address', password: 'Password', server: 'Badgr address', username: 'Badgr username (email address)', badgrPassword: 'Badgr password', submit: 'Import from Badgr', note: 'Your Badgr password is used once', done: /^Done: \d+ of \d+ badges\.$/, refused: 'Badgr refused this username and password.', results: 'Badges from Badgr', collections: 'Collections from Badgr', expired: 'Not imported · This badge could not be verified: The badge expired on' },
  fr: { signIn: 'Se connecter', email: 'Adresse courriel', password: 'Mot de passe', server: 'Adresse de Badgr', username: 'Nom d’utilisateur Badgr (adresse courriel)', badgrPassword: 'Mot de passe Badgr', submit: 'Importer depuis Badgr', note: 'Votre mot de passe Badgr ne sert qu’une fois', done: /^Terminé : \d+ badges traités sur \d+\.$/, refused: 'Badgr a refusé ce nom d’utilisateur et ce mot de passe.', results: 'Badges venus de Badgr', collections: 'Collections venues de Badgr', expired: 'Non importé · Il n’a pas pu être vérifié.' },
};

describe('bringing a Badgr backpack into the passport (browser)', () => {
  let standin: BadgrStandin;
  let platform: BrowserPlatform;
  let browser: Browser;
  const shot = screenshots('badgr-import');

  beforeAll(async () => {
    standin = await BadgrStandin.start({ size: 'small' });
    [platform, browser] = await Promise.all([startBrowserPlatform({ BADGR_IMPORT_ALLOW_HTTP: 'true', ALLOW_PRIVATE_NETWORK_FETCH: 'true' }), launchChromium()]);
    const signUp = await fetch(`${platform.url}/v2/auth/signup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(LEARNER) });
    expect(signUp.status).toBe(201);
    const token = new URL(await confirmationLink(platform, LEARNER.email)).searchParams.get('token');
    expect((await fetch(`${platform.url}/v2/auth/confirm-email`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) })).status).toBe(200);
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stopAndClean();
    await standin?.close();
  });

  async function signedIn(lang: 'en' | 'fr', phone: boolean): Promise<{ page: Page; outsideRequests: string[] }> {
    const text = TEXTS[lang];
    const { context, outsideRequests } = await newContext(browser, platform.url, { phone, locale: lang === 'fr' ? 'fr-CA' : 'en-CA' });
    const page = await context.newPage();
    await page.goto(`/passport/transfer?lang=${lang}`);
    await page.getByLabel(text.email).fill(LEARNER.email);
    await page.getByLabel(text.password, { exact: true }).fill(LEARNER.password);
    await page.getByRole('button', { name: text.signIn, exact: true }).click();
    await page.getByLabel(text.server).waitFor();
    return { page, outsideRequests };
  }

  async function importFromBadgr(page: Page, lang: 'en' | 'fr', password = STANDIN_PASSWORD): Promise<void> {
    const text = TEXTS[lang];
    await page.getByLabel(text.server).fill(standin.origin);
    await page.getByLabel(text.username).fill(LEARNER.email);
    await page.getByLabel(text.badgrPassword).fill(password);
    await page.getByRole('button', { name: text.submit }).click();
  }

  for (const [lang, phone] of [['en', false], ['fr', false], ['en', true], ['fr', true]] as const) {
    const size = phone ? 390 : 1280;
    it(`imports the backpack and shows every result, in ${lang === 'en' ? 'English' : 'French'} (${size} px)`, async () => {
      const text = TEXTS[lang];
      const { page, outsideRequests } = await signedIn(lang, phone);
      await page.getByText(text.note).waitFor();
      if (lang === 'en' && !phone) {
        await importFromBadgr(page, lang, 'not the password');
        await page.getByRole('alert').filter({ hasText: text.refused }).waitFor();
        await shot(page, `wrong-password-${lang}-${size}`);
        expect(await accessibilityViolations(page)).toEqual([]);
      }
      await importFromBadgr(page, lang);
      await page.getByRole('status').filter({ hasText: text.done }).waitFor({ timeout: 60_000 });
      // The password field is emptied once it has been used.
      expect(await page.getByLabel(text.badgrPassword).inputValue()).toBe('');
      const results = page.getByRole('list', { name: text.results }).getByRole('listitem');
      expect(await results.count()).toBeGreaterThan(3);
      // An expired badge does not verify: said so, with the verifier's reason in English.
      expect(await results.filter({ hasText: text.expired }).count()).toBeGreaterThan(0);
      expect(await page.getByRole('list', { name: text.collections }).getByRole('listitem').count()).toBe(2);
      expect(await page.locator('html').evaluate((html) => html.scrollWidth)).toBeLessThanOrEqual(size);
      await shot(page, `results-${lang}-${size}`);
      expect(await accessibilityViolations(page)).toEqual([]);
      // The page loaded nothing from outside (Badgr is read by the passport, not the browser).
      expect(outsideRequests).toEqual([]);
      // The badges it brought are in the gallery (their images come from their issuers' hosts, as any imported badge's).
      await page.getByRole('link', { name: 'Badges', exact: true }).click();
      await page.locator('[data-badge]').first().waitFor();
      await page.close();
    }, 120_000);
  }
});

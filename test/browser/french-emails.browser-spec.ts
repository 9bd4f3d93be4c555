import type { Browser, Page } from 'playwright-core';

import { parseEmail, type ParsedEmail } from '../../apps/notification/src/testing/mime';
import { ApiClient } from '../support/api-client';
import { eventually } from '../support/distributed-stack';
import { SmtpSink } from '../support/smtp-sink';
import { startBrowserPlatform, type BrowserPlatform } from './support/browser-platform';
import { launchChromium, newContext } from './support/chromium';
import { englishEmailPhrases, englishEmails } from './support/email-phrases';
import { englishIn, englishPhrases } from './support/english-phrases';
import { StaffApi } from './support/staff-api';

const LEARNER = { name: 'Camille Apprenante', email: 'camille@example.org', password: 'correct horse battery' };
const ADMIN = { name: 'Amélie Admin', email: 'amelie@college.example', password: 'correct horse battery' };
const NEWCOMER = 'dominique@example.org';

/**
 * Issue #17's French crawl, of emails: everything a French-speaking learner and French-speaking
 * staff receive through a real SMTP server (the address confirmation, a second address's, the
 * existing-account notice, award emails to a passport learner and to an address with no passport,
 * the staff invitation and password reset) may contain no sentence of the web app's English
 * catalogue and none of the emails' own English sentences. The learner signs up in the French web
 * app, so the language the passport keeps is the one the page sent. An html part is read as
 * Chromium renders it, and must say `lang="fr"`.
 */
describe('French everywhere: a crawl of every email (browser)', () => {
  const smtp = new SmtpSink();
  let platform: BrowserPlatform;
  let browser: Browser;
  let page: Page;
  const phrases = [...englishPhrases(), ...englishEmailPhrases()];
  /** Each email read: whom it went to, its subject, the English it held, and its html's lang. */
  const found: { what: string; subject: string; english: string[]; htmlLang: string | null }[] = [];

  async function received(what: string, to: string, subject: RegExp, after = 0): Promise<ParsedEmail> {
    let mail: ParsedEmail | undefined;
    await eventually(() => {
      mail = smtp.messages.slice(after).filter((message) => message.to.includes(to)).map((message) => parseEmail(message.raw)).find((parsed) => subject.test(parsed.subject));
      return mail !== undefined;
    }, 30_000, `the ${what} email to ${to}`);
    let rendered = '';
    let htmlLang: string | null = 'fr';
    if (mail!.html) {
      await page.setContent(mail!.html);
      rendered = await page.locator('body').innerText();
      htmlLang = await page.locator('html').getAttribute('lang');
    }
    found.push({ what, subject: mail!.subject, english: englishIn([mail!.subject, mail!.text, rendered].join('\n'), phrases), htmlLang });
    return mail!;
  }

  beforeAll(async () => {
    const smtpUrl = await smtp.start();
    [platform, browser] = await Promise.all([startBrowserPlatform({ SMTP_URL: smtpUrl }), launchChromium()]);
    const { context } = await newContext(browser, platform.url, { locale: 'fr-CA' });
    page = await context.newPage();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await platform?.stopAndClean();
    await smtp.stop();
  });

  it('the learner’s emails: sign-up from the French web app, a second address, the existing-account notice', async () => {
    await page.goto('/passport/signup?lang=fr');
    await page.getByLabel('Votre nom').fill(LEARNER.name);
    await page.getByLabel('Adresse courriel').fill(LEARNER.email);
    await page.getByLabel('Mot de passe', { exact: true }).fill(LEARNER.password);
    await page.getByRole('button', { name: 'Créer mon passeport' }).click();
    const confirmation = await received('address confirmation', LEARNER.email, /./);
    const anonymous = new ApiClient(platform.url);
    const token = /confirm-email\?token=([A-Za-z0-9_-]+)/.exec(confirmation.text)![1];
    expect((await anonymous.post('/v2/auth/confirm-email', { token })).status).toBe(200);
    const learner = anonymous.withToken((await anonymous.post('/v2/auth/token', { username: LEARNER.email, password: LEARNER.password })).body.access_token);
    expect((await learner.get('/v2/users/self')).body.result[0].language).toBe('fr');

    expect((await learner.post('/v2/users/self/emails', { email: 'camille.travail@example.org', language: 'fr' })).status).toBe(201);
    await received('second address confirmation', 'camille.travail@example.org', /./);
    const before = smtp.messages.length;
    expect((await anonymous.post('/v2/auth/signup', { ...LEARNER, password: 'another password!', language: 'fr' })).status).toBe(201);
    await received('existing account', LEARNER.email, /./, before);
  });

  it('the award emails: to the learner’s passport address (an English-only badge) and to an address with no passport (a French badge)', async () => {
    const staff = await StaffApi.forNewInstitution(platform.url, platform.adminToken, 'Collège du Nord');
    const issuer = await staff.createIssuer('Faculté de génie');
    const englishBadge = await staff.createBadgeClass(issuer, { name: 'Lab Safety', description: 'Works safely.', criteriaNarrative: 'Passed the quiz.', language: 'en' });
    const frenchBadge = await staff.createBadgeClass(issuer, { name: 'Sécurité au labo', description: 'Travaille en sécurité.', criteriaNarrative: 'A réussi le quiz.', language: 'fr' });
    // The passport's language event reaches the notification service through its outbox: award until it has.
    await eventually(async () => {
      const before = smtp.messages.length;
      await staff.award(englishBadge, LEARNER.email, true);
      const mail = await received('award to a passport', LEARNER.email, /Lab Safety/, before);
      if (!mail.subject.includes('vous a décerné')) found.pop();
      return mail.subject.includes('vous a décerné');
    }, 30_000, 'the award email in the learner’s language');
    const before = smtp.messages.length;
    await staff.award(frenchBadge, NEWCOMER, true);
    await received('award to an address with no passport', NEWCOMER, /Sécurité au labo/, before);
  });

  it('the staff emails: invitation and password reset, in the language the inviter chose', async () => {
    const staff = await StaffApi.forNewInstitution(platform.url, platform.adminToken, 'Cégep du Sud');
    expect((await staff.api.post('/v2/staff', { email: ADMIN.email, name: ADMIN.name, institutionRole: 'admin', language: 'fr' })).status).toBe(201);
    const invitation = await received('staff invitation', ADMIN.email, /./);
    const anonymous = new ApiClient(platform.url);
    const token = /#token=([A-Za-z0-9_-]+)/.exec(invitation.text)![1];
    expect((await anonymous.post('/v2/staff/invitations/accept', { token, password: ADMIN.password })).status).toBe(200);
    const before = smtp.messages.length;
    expect((await anonymous.post('/v2/staff/password-reset', { email: ADMIN.email })).status).toBe(202);
    await received('staff password reset', ADMIN.email, /./, before);
  });

  it('found no English in any email, and would have found the English ones', () => {
    expect(englishEmailPhrases().length).toBeGreaterThan(20);
    // Each built-in email in English holds phrases the crawl looks for: an English email fails it.
    for (const english of englishEmails()) if (english.split(/\s+/).length > 3) expect(englishIn(english, phrases)).not.toEqual([]);
    expect(found.map((email) => email.what)).toEqual([
      'address confirmation',
      'second address confirmation',
      'existing account',
      'award to a passport',
      'award to an address with no passport',
      'staff invitation',
      'staff password reset',
    ]);
    expect(found.filter((email) => email.english.length > 0 || email.htmlLang !== 'fr')).toEqual([]);
  });
});

import { readFileSync } from 'node:fs';

import type { Browser, Locator, Page } from 'playwright-core';

import { csvRecords } from '../../apps/issuer/src/bulk-awards/csv/csv-parser';
import { ApiClient } from '../support/api-client';
import { eventually } from '../support/distributed-stack';
import { accessibilityViolations } from './support/axe';
import { startBrowserPlatform, type BrowserPlatform } from './support/browser-platform';
import { launchChromium, newContext } from './support/chromium';
import { emailedLink } from './support/emails';
import { screenshots } from './support/screenshots';
import { StaffApi } from './support/staff-api';

/**
 * Issue #16's console pages for people and the audit trail, in Chromium against the platform as
 * `npm start` runs it. An institution admin (a person) invites a colleague as editor of an issuer
 * from the People page; the colleague joins from the emailed link and, not being an admin, is told
 * politely that those pages are the admins'. The admin changes the colleague's role, ends their
 * sessions, reads those changes in the audit trail under the admin's own name, filters it by
 * action, downloads the filtered CSV, and removes the colleague. Both pages are checked with axe
 * and photographed at 1280 and 390 px, in English and in French. One ordered journey.
 */
const ISSUER = 'Faculty of Health';
const ADMIN = { email: 'amelie.admin@college.example', name: 'Amélie Admin' };
const EDITOR = { email: 'bruno.editor@college.example', name: 'Bruno Editor' };
const PASSWORD = 'correct horse battery';
const INVITATION = /https?:\/\/\S+\/console\/invitation#token=[A-Za-z0-9_-]{20,}/;

describe('an institution admin manages people and reads the audit trail in the console (browser)', () => {
  let platform: BrowserPlatform;
  let browser: Browser;
  let admin: Page;
  let editorPhone: Page;
  const outside: string[][] = [];
  const pageErrors: string[] = [];
  const shot = screenshots('people-and-audit');

  async function expectNoSeriousViolations(page: Page) {
    expect(await accessibilityViolations(page)).toEqual([]);
  }

  /** Accepts the invitation emailed to `email` with PASSWORD, as the person's click on the link would. */
  async function join(email: string) {
    const link = await emailedLink(platform, email, INVITATION);
    const token = new URLSearchParams(new URL(link).hash.slice(1)).get('token');
    const accepted = await new ApiClient(platform.url).post('/v2/staff/invitations/accept', { token, password: PASSWORD });
    expect(accepted.status).toBe(200);
  }

  async function signIn(page: Page, email: string, labels = { email: 'Email address', password: 'Password', button: 'Sign in' }) {
    await page.goto('/console');
    await page.getByLabel(labels.email).fill(email);
    await page.getByLabel(labels.password, { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: labels.button, exact: true }).click();
  }

  const consoleNav = (page: Page, name = 'Console') => page.getByRole('navigation', { name });
  const person = (page: Page, name: string): Locator => page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name }) });
  const auditEntries = (page: Page) => page.locator('ol.audit-list > li');

  async function openPeople(page: Page) {
    await consoleNav(page).getByRole('link', { name: 'People' }).click();
    await page.getByRole('heading', { level: 1, name: 'People' }).waitFor();
  }

  async function openAudit(page: Page) {
    await consoleNav(page).getByRole('link', { name: 'Audit trail' }).click();
    await page.getByRole('heading', { level: 1, name: 'Audit trail' }).waitFor();
  }

  beforeAll(async () => {
    [platform, browser] = await Promise.all([startBrowserPlatform(), launchChromium()]);
    const college = await StaffApi.forNewInstitution(platform.url, platform.adminToken, 'Northern College');
    await college.createIssuer(ISSUER);
    await college.createIssuer('Faculty of Trades');
    // The first admin is invited by the institution's API client (as an operator's set-up would).
    expect((await college.api.post('/v2/staff', { ...ADMIN, institutionRole: 'admin' })).status).toBe(201);
    await join(ADMIN.email);
    const desktop = await newContext(browser, platform.url);
    const phone = await newContext(browser, platform.url, { locale: 'fr-CA', phone: true });
    outside.push(desktop.outsideRequests, phone.outsideRequests);
    admin = await desktop.context.newPage();
    editorPhone = await phone.context.newPage();
    for (const page of [admin, editorPhone]) page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stopAndClean();
  });

  it('1. the admin signs in as themselves and invites a colleague as editor of an issuer (People page: no axe violations)', async () => {
    await signIn(admin, ADMIN.email);
    await openPeople(admin);
    await person(admin, `${ADMIN.name} (you)`).waitFor();
    await expectNoSeriousViolations(admin);

    const form = admin.getByRole('form', { name: 'Invite a person' });
    await form.getByLabel('Email address').fill(EDITOR.email);
    await form.getByLabel('Name').fill(EDITOR.name);
    await form.getByLabel('Language of their emails').selectOption('en');
    await form.getByLabel(`Role on ${ISSUER}`).selectOption('editor');
    await shot(admin, 'invite-filled');
    await form.getByRole('button', { name: 'Send the invitation' }).click();
    await admin.getByRole('status').filter({ hasText: `An invitation was sent to ${EDITOR.email}.` }).waitFor();

    const invited = person(admin, EDITOR.name);
    await invited.getByText('Invited', { exact: true }).waitFor();
    await invited.getByText(`${ISSUER}: Editor`).waitFor();
    await expectNoSeriousViolations(admin);
    await shot(admin, 'invited');
  });

  it('2. the colleague joins from the emailed link; not an admin, they see no People or Audit links and a polite page (French, phone)', async () => {
    await join(EDITOR.email);
    await signIn(editorPhone, EDITOR.email, { email: 'Adresse courriel', password: 'Mot de passe', button: 'Se connecter' });
    await editorPhone.getByText('Connecté pour Northern College').waitFor();
    await consoleNav(editorPhone).getByRole('link', { name: 'Émetteurs et classes de badges' }).waitFor();
    expect(await consoleNav(editorPhone).getByRole('link', { name: 'Personnes' }).count()).toBe(0);
    expect(await consoleNav(editorPhone).getByRole('link', { name: 'Journal d’audit' }).count()).toBe(0);

    for (const [path, heading] of [
      ['/console/people', 'Personnes'],
      ['/console/audit', 'Journal d’audit'],
    ]) {
      await editorPhone.goto(path);
      await editorPhone.getByRole('heading', { level: 1, name: heading }).waitFor();
      await editorPhone.getByText('Seuls les administrateurs de votre établissement peuvent voir cette page.', { exact: false }).waitFor();
      expect(await editorPhone.getByRole('alert').count()).toBe(0);
    }
    await shot(editorPhone, 'admins-only-fr-390');
    await expectNoSeriousViolations(editorPhone);
  });

  it('3. the admin changes the colleague’s role, then ends their sessions: the colleague’s console signs out', async () => {
    await admin.reload();
    const colleague = person(admin, EDITOR.name);
    await colleague.getByText('Active', { exact: true }).waitFor();
    await colleague.getByRole('button', { name: `Change roles for ${EDITOR.name}` }).click();
    const roles = admin.getByRole('form', { name: `Roles of ${EDITOR.name}` });
    await roles.getByLabel(`Role on ${ISSUER}`).selectOption('staff');
    await shot(admin, 'change-roles');
    await expectNoSeriousViolations(admin);
    await roles.getByRole('button', { name: 'Save the roles' }).click();
    await admin.getByRole('status').filter({ hasText: `The roles of ${EDITOR.name} were saved.` }).waitFor();
    await colleague.getByText(`${ISSUER}: Staff`).waitFor();

    await colleague.getByRole('button', { name: `End sessions for ${EDITOR.name}` }).click();
    await colleague.getByRole('group', { name: `Sign ${EDITOR.name} out of every session now?` }).getByRole('button', { name: 'End sessions' }).click();
    await admin.getByRole('status').filter({ hasText: `${EDITOR.name} is signed out everywhere (1 session(s) ended).` }).waitFor();

    // Their next call is refused (within seconds), and the console shows its sign-in form again.
    await eventually(
      async () => {
        await editorPhone.goto('/console');
        const signInButton = editorPhone.getByRole('button', { name: 'Se connecter', exact: true });
        return signInButton.waitFor({ timeout: 2000 }).then(
          () => true,
          () => false,
        );
      },
      15_000,
      'the colleague’s console back at its sign-in form',
    );
  });

  it('4. the audit trail shows those changes under the admin’s name, filters by action, and downloads the filtered CSV (axe)', async () => {
    await openAudit(admin);
    const entries = auditEntries(admin);
    await entries.first().waitFor();
    const newest = ['Sessions ended', 'Roles changed', 'Person joined', 'Person invited'];
    expect((await entries.locator('h3').allTextContents()).slice(0, 4)).toEqual(newest);
    const rolesChanged = entries.filter({ has: admin.getByRole('heading', { name: 'Roles changed' }) });
    await rolesChanged.getByText(`By ${ADMIN.name}`).waitFor();
    await rolesChanged.getByText(`${ISSUER}: Editor → ${ISSUER}: Staff`).waitFor();
    // The console has no page for a person: the target is named, not linked.
    expect(await rolesChanged.getByRole('link').count()).toBe(0);
    await rolesChanged.getByText(`Person ${EDITOR.name}`).waitFor();
    await entries.filter({ has: admin.getByRole('heading', { name: 'Person joined' }) }).getByText(`By ${EDITOR.name}`).waitFor();
    // The admin was invited by the institution's API client, under its name; the institution itself by the platform.
    await entries.filter({ hasText: `Person ${ADMIN.name}` }).filter({ has: admin.getByRole('heading', { name: 'Person invited' }) }).getByText('By API client').waitFor();
    await expectNoSeriousViolations(admin);
    await shot(admin, 'audit-en-1280');

    await admin.getByLabel('Action', { exact: true }).selectOption({ label: 'Roles changed' });
    await admin.getByRole('button', { name: 'Apply the filters' }).click();
    await eventually(async () => (await entries.locator('h3').allTextContents()).join() === 'Roles changed', 10_000, 'only the roles change listed');

    const [download] = await Promise.all([admin.waitForEvent('download'), admin.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('audit.csv');
    const [header, ...rows] = [...csvRecords(readFileSync((await download.path()) as string, 'utf8'))].map((record) => record.cells);
    const column = (row: string[], name: string) => row[header.indexOf(name)];
    expect(rows.map((row) => [column(row, 'action'), column(row, 'actor_name'), column(row, 'target_type')])).toEqual([['staff.roles_changed', ADMIN.name, 'StaffMember']]);

    await admin.getByRole('button', { name: 'Clear the filters' }).click();
    await eventually(async () => (await entries.count()) > 4, 10_000, 'every entry listed again');
  });

  it('5. the admin removes the colleague after a confirmation; the trail records it', async () => {
    await openPeople(admin);
    const colleague = person(admin, EDITOR.name);
    await colleague.getByRole('button', { name: `Remove ${EDITOR.name}` }).click();
    const confirmation = colleague.getByRole('group', { name: new RegExp(`^Remove ${EDITOR.name}\\?`) });
    await shot(admin, 'remove-confirmation');
    await confirmation.getByRole('button', { name: 'Remove', exact: true }).click();
    await admin.getByRole('status').filter({ hasText: `${EDITOR.name} was removed and signed out.` }).waitFor();
    await colleague.getByText('Removed', { exact: true }).waitFor();
    expect(await colleague.getByRole('button').count()).toBe(0);

    await openAudit(admin);
    await eventually(async () => (await auditEntries(admin).first().locator('h3').textContent()) === 'Person removed', 10_000, 'the removal at the top of the trail');
    await auditEntries(admin).first().getByText(`By ${ADMIN.name}`).waitFor();
  });

  it('6. both pages at 1280 and 390 px, in English and in French, with no axe violations', async () => {
    for (const lang of ['en', 'fr'] as const) {
      await admin.setViewportSize({ width: 1280, height: 900 });
      await admin.goto('/console');
      await admin.getByLabel('Language', { exact: true }).selectOption(lang);
      const names = lang === 'en' ? { people: 'People', audit: 'Audit trail' } : { people: 'Personnes', audit: 'Journal d’audit' };
      for (const width of [1280, 390]) {
        await admin.setViewportSize({ width, height: 900 });
        for (const page of [names.people, names.audit]) {
          await consoleNav(admin).getByRole('link', { name: page }).click();
          await admin.getByRole('heading', { level: 1, name: page }).waitFor();
          await (page === names.people ? person(admin, EDITOR.name) : auditEntries(admin).first()).waitFor();
          // Nothing wider than the viewport: no sideways scrolling on a phone.
          expect(await admin.locator('html').evaluate((html) => html.scrollWidth)).toBeLessThanOrEqual(width);
          await expectNoSeriousViolations(admin);
          await shot(admin, `${page === names.people ? 'people' : 'audit'}-${lang}-${width}`);
        }
      }
    }
  });

  it('7. nothing was loaded from outside the deployment, and no page threw', () => {
    expect(outside.flat()).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});

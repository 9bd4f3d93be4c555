import type { Browser, Page } from 'playwright-core';

import { ApiClient } from '../support/api-client';
import { eventually } from '../support/distributed-stack';
import { freePort } from '../support/free-port';
import { startOpenIdProvider, type OpenIdUser, type TestOpenIdProvider } from '../support/openid-provider';
import { accessibilityViolations } from './support/axe';
import { startBrowserPlatform, type BrowserPlatform } from './support/browser-platform';
import { launchChromium, newContext } from './support/chromium';
import { emailedLink } from './support/emails';
import { screenshots } from './support/screenshots';
import { StaffApi } from './support/staff-api';

const ISSUER = 'Faculty of Engineering';
const BADGE = 'Robotics Fundamentals';
const ADMIN = { email: 'amelie.admin@college.example', name: 'Amélie Admin', password: 'correct horse battery' };
/** Invited by the admin as an editor; the provider gives her no group, so her role is the invitation's. */
const EDITOR: OpenIdUser = { email: 'noor.editor@college.example', name: 'Noor Haddad' };
/** Unknown here until the provider signs him in: his group maps to the staff role, so he is created then. */
const AWARDER: OpenIdUser = { email: 'sam.awarder@college.example', name: 'Sam Ouellet', groups: ['engineering-awarders'] };
const LEARNER = 'learner@example.org';

/**
 * Issue #16's acceptance, in Chromium against the platform as `npm start` runs it and a real
 * OpenID Provider (oidc-provider) started here. An institution admin signs in with her password and
 * sets up OIDC on the console's single sign-on page, then invites an editor on the People page. The
 * editor signs in through the provider and awards a badge. The audit page shows that award under
 * the editor's name. A person the provider's group made a staff member (award only) is refused when
 * editing the badge class. The steps depend on each other, so they are one ordered journey.
 */
describe('identity and access, end to end: SSO set up, an editor invited, awards audited, roles enforced (browser)', () => {
  let platform: BrowserPlatform;
  let op: TestOpenIdProvider;
  let browser: Browser;
  let college: StaffApi;
  let badgeClassId: string;
  let admin: Page;
  let editor: Page;
  let awarder: Page;
  const pageErrors: string[] = [];
  const shot = screenshots('identity-acceptance');

  async function expectNoSeriousViolations(page: Page) {
    expect(await accessibilityViolations(page)).toEqual([]);
  }

  /** The console's SSO form, then the provider's own development sign-in and consent pages. */
  async function signInThroughProvider(page: Page, person: OpenIdUser, labels = { email: 'Your work email', button: 'Continue with SSO' }) {
    await page.goto('/console');
    await page.getByLabel(labels.email).fill(person.email);
    await page.getByRole('button', { name: labels.button }).click();
    await page.waitForURL((url) => url.href.startsWith(op.issuer));
    await page.locator('input[name="login"]').fill(person.email);
    await page.locator('input[name="password"]').fill('any');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
  }

  beforeAll(async () => {
    // The provider must know the redirect URI from the start: the platform's port is chosen first.
    const port = await freePort();
    const publicUrl = `http://127.0.0.1:${port}`;
    op = await startOpenIdProvider({ redirectUris: [`${publicUrl}/web/sso/callback`], users: [EDITOR, AWARDER] });
    [platform, browser] = await Promise.all([startBrowserPlatform({ PORT: String(port), PUBLIC_URL: publicUrl, SSO_ALLOW_HTTP_ISSUERS: 'true' }), launchChromium()]);
    college = await StaffApi.forNewInstitution(platform.url, platform.adminToken, 'Northern College');
    const issuerId = await college.createIssuer(ISSUER);
    badgeClassId = await college.createBadgeClass(issuerId, { name: BADGE, description: 'Built a robot.', criteriaNarrative: 'Build one.' });
    // The institution's first admin, invited by its API client, joins from the emailed link.
    expect((await college.api.post('/v2/staff', { email: ADMIN.email, name: ADMIN.name, institutionRole: 'admin' })).status).toBe(201);
    const link = await emailedLink(platform, ADMIN.email, /https?:\/\/\S+\/console\/invitation#token=[A-Za-z0-9_-]{20,}/);
    const token = new URL(link).hash.replace('#token=', '');
    expect((await new ApiClient(platform.url).post('/v2/staff/invitations/accept', { token, password: ADMIN.password })).status).toBe(200);

    const pages: Page[] = [];
    for (const options of [{}, {}, { locale: 'fr-CA', phone: true }]) {
      const { context } = await newContext(browser, platform.url, options);
      const page = await context.newPage();
      page.on('pageerror', (error) => pageErrors.push(error.message));
      pages.push(page);
    }
    [admin, editor, awarder] = pages;
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await platform?.stopAndClean();
    await op?.stop();
  });

  it('1. the admin signs in with her password and sets up OIDC against the provider', async () => {
    await admin.goto('/console');
    await admin.getByLabel('Email address').fill(ADMIN.email);
    await admin.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await admin.getByRole('button', { name: 'Sign in', exact: true }).click();
    await admin.getByRole('link', { name: 'Single sign-on' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Single sign-on (SSO)' }).waitFor();
    await admin.getByLabel('Issuer URL of the provider (https)').fill(op.issuer);
    await admin.getByLabel('Client id').fill(op.clientId);
    await admin.getByLabel('Client secret').fill(op.clientSecret);
    await admin.getByLabel('Allowed email domains').fill('college.example');
    await admin.getByLabel('Claim the roles come from (optional), e.g. groups').fill('groups');
    await admin.getByRole('button', { name: 'Add a mapping' }).click();
    await admin.getByLabel('Mapping 1: claim value').fill('engineering-awarders');
    await admin.getByLabel('Mapping 1: issuer').selectOption({ label: ISSUER });
    await admin.getByLabel('Mapping 1: role on the issuer').selectOption({ label: 'Staff' });
    await admin.getByRole('button', { name: 'Save the SSO settings' }).click();
    await admin.getByRole('status').filter({ hasText: 'The SSO settings were saved' }).waitFor();
    await shot(admin, 'sso-saved');
    await expectNoSeriousViolations(admin);
  });

  it('2. the admin invites the editor on the People page', async () => {
    await admin.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'People' }).click();
    const form = admin.getByRole('form', { name: 'Invite a person' });
    await form.getByLabel('Email address').fill(EDITOR.email);
    await form.getByLabel('Name').fill(EDITOR.name);
    await form.getByLabel(`Role on ${ISSUER}`).selectOption('editor');
    await form.getByRole('button', { name: 'Send the invitation' }).click();
    await admin.getByRole('status').filter({ hasText: `An invitation was sent to ${EDITOR.email}.` }).waitFor();
    await shot(admin, 'editor-invited');
  });

  it('3. the editor signs in through the provider (no password here) and awards the badge', async () => {
    await signInThroughProvider(editor, EDITOR);
    await editor.getByText('Signed in for Northern College').waitFor();
    await editor.goto(`/console/badge-classes/${badgeClassId}`);
    await editor.getByLabel('Recipient email').fill(LEARNER);
    await editor.getByRole('button', { name: 'Award the badge' }).click();
    await editor.getByText(`Badge awarded to ${LEARNER}.`).waitFor();
    await shot(editor, 'editor-awarded');
    await expectNoSeriousViolations(editor);
  });

  it('4. the audit page shows the award under the editor’s name', async () => {
    // The entry is recorded from the award's event, one event round trip after the award's answer.
    await eventually(async () => (await college.api.get('/v2/audit?action=assertion.awarded')).body.result.length === 1, 15_000, 'the award in the audit trail');
    await admin.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Audit trail' }).click();
    const awarded = admin.locator('ol.audit-list > li').filter({ has: admin.getByRole('heading', { name: 'Badge awarded' }) });
    await awarded.getByText(`By ${EDITOR.name}`).waitFor();
    await admin.locator('ol.audit-list > li').filter({ has: admin.getByRole('heading', { name: 'Signed in through single sign-on' }) }).getByText(`By ${EDITOR.name}`).waitFor();
    await shot(admin, 'audit-award-by-editor');
    await expectNoSeriousViolations(admin);
  });

  it('5. a staff member (made by the provider’s group, on a phone, in French) may award but not edit the badge class', async () => {
    await signInThroughProvider(awarder, AWARDER, { email: 'Votre courriel professionnel', button: 'Continuer avec le SSO' });
    await awarder.getByText('Connecté pour Northern College').waitFor();
    await awarder.goto(`/console/badge-classes/${badgeClassId}/edit`);
    await awarder.getByLabel('Nom du badge').fill('Renamed by a staff member');
    await awarder.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await awarder.getByRole('alert').filter({ hasText: 'Votre rôle ne permet pas cette action. Adressez-vous à un administrateur de votre établissement.' }).waitFor();
    await shot(awarder, 'awarder-refused-fr-phone');
    const stored = await college.api.get(`/v2/badgeclasses/${badgeClassId}`);
    expect(stored.body.result[0].name).toBe(BADGE);
    // What the staff role allows: awarding.
    await awarder.goto(`/console/badge-classes/${badgeClassId}`);
    await awarder.getByLabel('Courriel du destinataire').fill('second.learner@example.org');
    await awarder.getByRole('button', { name: 'Décerner le badge' }).click();
    await awarder.getByText('second.learner@example.org', { exact: false }).first().waitFor();
  });

  it('6. no page threw', () => {
    expect(pageErrors).toEqual([]);
  });
});

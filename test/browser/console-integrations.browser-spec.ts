import type { Browser, Locator, Page } from 'playwright-core';

import { WebhookReceiver } from '../support/webhook-receiver';
import { accessibilityViolations } from './support/axe';
import { startBrowserPlatform, type BrowserPlatform } from './support/browser-platform';
import { launchChromium, newContext } from './support/chromium';
import { screenshots } from './support/screenshots';
import { StaffApi } from './support/staff-api';

/**
 * Issue #8's institution console, integration pages, in Chromium against the platform as
 * `npm start` runs it: two institutions' staff, each signed into the console in their own browser
 * profile (the endorser on a phone). The college asks the council to endorse a badge class, the
 * council approves with a comment, the college sees it issued; the college registers a webhook (its
 * secret shown once), watches a delivery and redelivers it; an award's email is listed with its
 * status and resent. Every page is checked with axe, in English and in French. The steps depend on
 * each other, so they are one ordered journey of tests.
 */
const BADGE = 'Robotics Fundamentals';
const COUNCIL = { name: 'Engineering Council', url: 'https://council.example.org', email: 'endorse@council.example.org' };
const COMMENT = 'Meets the council’s robotics standard.';
const RECIPIENT = 'river.learner@example.org';

describe('staff run endorsements, webhooks and award emails from the console (browser)', () => {
  let platform: BrowserPlatform;
  let browser: Browser;
  let receiver: WebhookReceiver;
  let receiverUrl: string;
  let college: StaffApi;
  let council: StaffApi;
  let badgeClassId: string;
  let collegePage: Page;
  let councilPage: Page;
  const outside: string[][] = [];
  const pageErrors: string[] = [];
  const shot = screenshots('console-integrations');

  async function signIn(page: Page, client: { clientId: string; clientSecret: string }) {
    await page.goto('/console');
    await page.getByText('Sign in with an API client instead').click();
    await page.getByLabel('Client id').fill(client.clientId);
    await page.getByLabel('Client secret').fill(client.clientSecret);
    await page.getByRole('button', { name: 'Sign in with the client' }).click();
    await page.getByRole('link', { name: 'Integrations' }).click();
    await page.getByRole('heading', { level: 2, name: 'Endorsements' }).waitFor();
  }

  async function tokenStatus(clientId: string, clientSecret: string): Promise<number> {
    const body = new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret });
    return (await fetch(`${platform.url}/o/token`, { method: 'POST', body })).status;
  }

  async function accessToken(clientId: string, clientSecret: string): Promise<string> {
    const body = new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret });
    const answer = (await (await fetch(`${platform.url}/o/token`, { method: 'POST', body })).json()) as { access_token: string };
    return answer.access_token;
  }

  async function openIntegration(page: Page, link: string, heading: string) {
    await page.getByRole('navigation', { name: 'Integrations' }).getByRole('link', { name: link }).click();
    await page.getByRole('heading', { level: 2, name: heading }).waitFor();
  }

  async function expectNoSeriousViolations(page: Page) {
    expect(await accessibilityViolations(page)).toEqual([]);
  }

  beforeAll(async () => {
    receiver = new WebhookReceiver();
    // Webhooks to a loopback receiver are refused unless private networks are allowed.
    [platform, browser, receiverUrl] = await Promise.all([startBrowserPlatform({ ALLOW_PRIVATE_NETWORK_FETCH: 'true' }), launchChromium(), receiver.start()]);
    college = await StaffApi.forNewInstitution(platform.url, platform.adminToken, 'Northern College');
    council = await StaffApi.forNewInstitution(platform.url, platform.adminToken, COUNCIL.name);
    const issuerId = await college.createIssuer('Faculty of Engineering');
    badgeClassId = await college.createBadgeClass(issuerId, { name: BADGE, description: 'Builds and programs a small robot.', criteriaNarrative: 'Built a line-following robot.' });
    const collegeContext = await newContext(browser, platform.url);
    const councilContext = await newContext(browser, platform.url, { phone: true });
    outside.push(collegeContext.outsideRequests, councilContext.outsideRequests);
    collegePage = await collegeContext.context.newPage();
    councilPage = await councilContext.context.newPage();
    for (const page of [collegePage, councilPage]) page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await receiver?.stop();
    await platform?.stopAndClean();
  });

  it('1. the council (on a phone) publishes its endorser profile (endorsements page: no axe violations)', async () => {
    await signIn(councilPage, council.client);
    await councilPage.getByText('Not published yet.').waitFor();
    const form = councilPage.getByRole('form', { name: 'My endorser profile' });
    await form.getByLabel('Endorser name').fill(COUNCIL.name);
    await form.getByLabel('Website').fill(COUNCIL.url);
    await form.getByLabel('Contact email').fill(COUNCIL.email);
    await form.getByRole('button', { name: 'Publish the profile' }).click();
    await form.getByText('Your endorser profile is published.').waitFor();
    await form.getByRole('link', { name: 'Public profile' }).waitFor();
    // Nothing wider than the phone's screen: no sideways scrolling.
    expect(await councilPage.locator('html').evaluate((html) => html.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(councilPage, 'council-profile-published');
    await expectNoSeriousViolations(councilPage);
  });

  it('2. the college asks the council to endorse its badge class; the request is pending', async () => {
    await signIn(collegePage, college.client);
    const ask = collegePage.getByRole('form', { name: 'Ask for an endorsement' });
    await ask.getByLabel('What should be endorsed').selectOption({ label: `Badge class: ${BADGE}` });
    await ask.getByLabel('Endorser', { exact: true }).selectOption({ label: COUNCIL.name });
    await ask.getByLabel('Message to the endorser (optional)').fill('Please review our robotics badge.');
    await ask.getByRole('button', { name: 'Send the request' }).click();
    await ask.getByText(`Request sent to ${COUNCIL.name}.`).waitFor();
    const sent = collegePage.getByRole('region', { name: 'Requests sent' });
    await sent.getByRole('heading', { name: `Badge class: ${BADGE}` }).waitFor();
    await sent.getByText(`To ${COUNCIL.name}`).waitFor();
    await sent.getByText('Pending', { exact: true }).waitFor();
    await shot(collegePage, 'college-request-sent');
    await expectNoSeriousViolations(collegePage);
  });

  it('3. the council approves it with a comment', async () => {
    await councilPage.reload();
    const received = councilPage.getByRole('region', { name: 'Requests received' });
    await received.getByRole('heading', { name: `Badge class: ${BADGE}` }).waitFor();
    await received.getByText('Their message: Please review our robotics badge.').waitFor();
    await received.getByLabel(`Comment or reason for ${BADGE} (optional)`).fill(COMMENT);
    await shot(councilPage, 'council-request-received');
    await received.getByRole('button', { name: `Approve the request for ${BADGE}` }).click();
    await received.getByText(`You endorsed ${BADGE}.`).waitFor();
    await received.getByText('Approved', { exact: true }).waitFor();
    const given = councilPage.getByRole('region', { name: 'Endorsements I gave' });
    await given.getByText(`Comment: ${COMMENT}`).waitFor();
    await shot(councilPage, 'council-approved');
    await expectNoSeriousViolations(councilPage);
  });

  it('4. the college sees the endorsement issued, and its badge class document lists it', async () => {
    await collegePage.reload();
    const ofUs = collegePage.getByRole('region', { name: 'Endorsements of my institution' });
    await ofUs.getByRole('heading', { name: `Badge class: ${BADGE}` }).waitFor();
    await ofUs.getByText('In force', { exact: true }).waitFor();
    await ofUs.getByText(new RegExp(`Endorsed by ${COUNCIL.name} on `)).waitFor();
    await ofUs.getByText(`Comment: ${COMMENT}`).waitFor();
    await collegePage.getByRole('region', { name: 'Requests sent' }).getByText('Approved', { exact: true }).waitFor();
    const endorsementUrl = await ofUs.getByRole('link', { name: 'Public document' }).getAttribute('href');
    await shot(collegePage, 'college-endorsement-issued');
    // The issuer learns of it through the issued event: within a round trip, the class lists it.
    await expect(poll(async () => (await college.api.get(`/public/badges/${badgeClassId}`, { accept: 'application/ld+json' })).body.endorsement)).resolves.toEqual([endorsementUrl]);
  });

  it('4b. the council withdraws it with a reason; the college sees it withdrawn', async () => {
    const given = councilPage.getByRole('region', { name: 'Endorsements I gave' });
    await given.getByLabel(`Reason to withdraw the endorsement of ${BADGE} (optional)`).fill('Standard revised.');
    await given.getByRole('button', { name: `Withdraw the endorsement of ${BADGE}` }).click();
    await given.getByText(`The endorsement of ${BADGE} is withdrawn.`).waitFor();
    await given.getByText('Withdrawn: Standard revised.').waitFor();
    await collegePage.reload();
    const ofUs = collegePage.getByRole('region', { name: 'Endorsements of my institution' });
    await ofUs.getByText('Withdrawn: Standard revised.').waitFor();
    expect(await ofUs.getByRole('button', { name: /^Withdraw/ }).count()).toBe(0);
    await shot(collegePage, 'college-endorsement-withdrawn');
  });

  it('5. the college registers a webhook: a wrong URL gets the platform’s reason, then the secret is shown once (webhooks page: no axe violations)', async () => {
    await openIntegration(collegePage, 'Webhooks', 'Webhooks');
    const form = collegePage.getByRole('form', { name: 'Register a webhook' });
    await form.getByLabel('Receiver URL').fill('ftp://hooks.example.org/badges');
    await form.getByRole('button', { name: 'Register the webhook' }).click();
    await form.getByRole('alert').filter({ hasText: 'Only http and https URLs can receive webhooks.' }).waitFor();

    await form.getByLabel('Receiver URL').fill(receiverUrl);
    expect(await form.getByLabel('A badge is awarded').isChecked()).toBe(true);
    await form.getByLabel('An endorsement is issued').check();
    await form.getByRole('button', { name: 'Register the webhook' }).click();
    const secret = collegePage.getByLabel(`Signing secret of ${receiverUrl}`);
    await secret.waitFor();
    expect((await secret.inputValue()).length).toBeGreaterThanOrEqual(16);
    await collegePage.getByRole('region', { name: 'Registered webhooks' }).getByText(receiverUrl).waitFor();
    await shot(collegePage, 'webhook-secret-shown-once');
    await expectNoSeriousViolations(collegePage);

    await collegePage.reload();
    await collegePage.getByRole('region', { name: 'Registered webhooks' }).getByText(receiverUrl).waitFor();
    expect(await collegePage.getByText('Signing secret').count()).toBe(0);
  });

  it('6. an award reaches the webhook; its delivery is listed as delivered and can be sent again', async () => {
    const award = await college.api.post(`/v2/badgeclasses/${badgeClassId}/assertions`, { recipient: { identity: RECIPIENT, type: 'email', hashed: true }, notify: true });
    expect(award.status).toBe(201);
    await expect(poll(async () => receiver.received.length || undefined)).resolves.toBe(1);

    const list = collegePage.getByRole('region', { name: 'Registered webhooks' });
    await list.getByRole('button', { name: `Show deliveries to ${receiverUrl}` }).click();
    const line = list.getByText('badges.assertion.issued.v1: Delivered, 1 attempt(s)');
    await pollUi(line, () => list.getByRole('button', { name: 'Refresh' }).click());
    await list.getByText('Answer: HTTP 204').waitFor();
    await list.getByRole('button', { name: 'Deliver again: badges.assertion.issued.v1' }).click();
    await list.getByText('Queued for delivery again.').waitFor();
    await expect(poll(async () => (receiver.received.length >= 2 ? receiver.received.length : undefined))).resolves.toBe(2);
    await shot(collegePage, 'webhook-delivery-redelivered');
    await expectNoSeriousViolations(collegePage);
  });

  it('7. the award email is listed with its status and resend sends it again (emails page: no axe violations)', async () => {
    await openIntegration(collegePage, 'Award emails', 'Award emails');
    const email = collegePage.getByRole('listitem').filter({ hasText: RECIPIENT });
    await pollUi(email.getByText('Sent', { exact: true }), () => collegePage.getByRole('button', { name: 'Refresh' }).click());
    // Outbox mode writes each delivery to DATA_DIR/outbox/<delivery id>.eml: a resend rewrites that file.
    const emailTo = () => platform.emails().filter((raw) => raw.includes(RECIPIENT));
    expect(emailTo()).toHaveLength(1);
    const first = emailTo()[0];
    await shot(collegePage, 'award-email-sent');
    await expectNoSeriousViolations(collegePage);

    await email.getByRole('button', { name: new RegExp(`^Resend .* to ${RECIPIENT}$`) }).click();
    await collegePage.getByText(`The email to ${RECIPIENT} is queued again.`).waitFor();
    // A new message (its own Message-ID and Date) replaced the first one.
    await expect(poll(async () => emailTo().find((raw) => raw !== first))).resolves.toContain(RECIPIENT);
    await pollUi(email.getByText('Sent', { exact: true }), () => collegePage.getByRole('button', { name: 'Refresh' }).click());
    await shot(collegePage, 'award-email-resent');
  });

  it('8. the API clients page creates a client whose secret is shown once, rotates and revokes it (no axe violations)', async () => {
    await openIntegration(collegePage, 'API clients', 'API clients');
    await collegePage.getByText(`This console is signed in with client ${college.client.clientId}.`).waitFor();
    await collegePage.getByLabel(/What it is for/).fill('Registrar system');
    await collegePage.getByRole('radio', { name: /^Award/ }).check();
    await collegePage.getByRole('button', { name: 'Create the client' }).click();
    const credentials = collegePage.getByRole('status').filter({ hasText: 'Registrar system' });
    const clientId = await credentials.getByLabel('Client id').inputValue();
    const clientSecret = await credentials.getByLabel('Client secret').inputValue();
    await shot(collegePage, 'api-client-created');
    await expectNoSeriousViolations(collegePage);
    // The secret works, for the scope chosen: it reads, and may not manage clients.
    const token = await accessToken(clientId, clientSecret);
    expect((await fetch(`${platform.url}/v2/issuers`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    expect((await fetch(`${platform.url}/v2/clients`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(403);

    const item = collegePage.getByRole('listitem').filter({ hasText: clientId });
    await item.getByRole('button', { name: 'Rotate the secret of Registrar system' }).click();
    await item.getByRole('button', { name: 'Rotate the secret', exact: true }).click();
    await collegePage.getByText('A new secret was made for Registrar system.').waitFor();
    const rotated = await collegePage.getByRole('status').filter({ hasText: 'Registrar system' }).getByLabel('Client secret').inputValue();
    expect(rotated).not.toBe(clientSecret);
    expect(await tokenStatus(clientId, clientSecret)).toBe(401);

    await item.getByRole('button', { name: 'Revoke Registrar system' }).click();
    await item.getByRole('button', { name: 'Revoke', exact: true }).click();
    await collegePage.getByText('Registrar system is revoked.').waitFor();
    await item.getByText(/^Revoked on /).waitFor();
    expect((await fetch(`${platform.url}/v2/issuers`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
    await shot(collegePage, 'api-client-revoked');
    await expectNoSeriousViolations(collegePage);

    // On a phone, in both languages: the council's console lists its own client only.
    await openIntegration(councilPage, 'API clients', 'API clients');
    await councilPage.getByRole('listitem').filter({ hasText: council.client.clientId }).waitFor();
    expect(await councilPage.getByText(clientId).count()).toBe(0);
    await shot(councilPage, 'api-clients-phone');
    await councilPage.getByLabel('Language').selectOption('fr');
    await councilPage.getByRole('button', { name: 'Créer le client' }).waitFor();
    await shot(councilPage, 'api-clients-phone-french');
    await expectNoSeriousViolations(councilPage);
    await councilPage.getByLabel('Langue').selectOption('en');
  });

  it('9. in French, every integration page is labelled in French (no axe violations)', async () => {
    await collegePage.getByLabel('Language').selectOption('fr');
    const nav = collegePage.getByRole('navigation', { name: 'Intégrations' });
    expect(await nav.getByRole('link').allTextContents()).toEqual(['Recommandations', 'Webhooks', 'Clients API', 'Courriels de remise']);
    const pages: [string, string, string][] = [
      ['Recommandations', 'Recommandations', 'Demandes envoyées'],
      ['Webhooks', 'Webhooks', 'Enregistrer le webhook'],
      ['Clients API', 'Clients API', 'Créer le client'],
      ['Courriels de remise', 'Courriels de remise', 'Renvoyer'],
    ];
    for (const [link, heading, text] of pages) {
      await nav.getByRole('link', { name: link }).click();
      await collegePage.getByRole('heading', { level: 2, name: heading }).waitFor();
      await collegePage.getByText(text, { exact: true }).first().waitFor();
      await shot(collegePage, `french-${link}`);
      await expectNoSeriousViolations(collegePage);
    }
    expect(await collegePage.locator('html').getAttribute('lang')).toBe('fr');
  });

  it('10. nothing was loaded from outside the deployment, and no page threw', () => {
    expect(outside.flat()).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});

/** Retries `read` until it gives something (the platform's events and queues are asynchronous). */
async function poll<T>(read: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined && value !== null) return value;
    if (Date.now() > deadline) throw new Error('poll: nothing before the deadline');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Waits for `locator` to show, pressing the page's Refresh between looks (lists do not live-update). */
async function pollUi(locator: Locator, refresh: () => Promise<void>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await locator.isVisible())) {
    if (Date.now() > deadline) throw new Error(`pollUi: ${String(locator)} never showed`);
    await refresh();
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

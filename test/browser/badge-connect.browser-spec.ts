import type { Browser, Page } from 'playwright-core';

import { BadgeConnectClientSite } from './support/badge-connect-client';
import { accessibilityViolations } from './support/axe';
import { startBrowserPlatform, type BrowserPlatform } from './support/browser-platform';
import { launchChromium, newContext, type ContextOptions } from './support/chromium';
import { confirmationLink } from './support/emails';
import { screenshots } from './support/screenshots';
import { StaffApi } from './support/staff-api';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * Issue #17's Badge Connect journey, in Chromium against the platform as `npm start` runs it: a
 * real client site on loopback registers, sends the browser to the manifest's authorizationUrl
 * with PKCE; the learner signs in there, sees who asks for what, and approves; the client gets
 * the code, reads the learner's badges and pushes one; connecting again skips the question
 * (decision 0042) until the app is disconnected. Denying sends access_denied back; a bad
 * request is shown (never redirected) or sent back as its error; disconnecting the app in the
 * passport makes its token answer 401. axe on every page; 1280 px and 390 px, English and French.
 */
const LEARNER = { name: 'Zoë O’Brien-Tremblay', email: 'zoe.connect@example.org', password: 'a long enough passphrase' };
const OB3_SCOPES = [
  'https://purl.imsglobal.org/spec/ob/v3p0/scope/credential.readonly',
  'https://purl.imsglobal.org/spec/ob/v3p0/scope/credential.upsert',
  'https://purl.imsglobal.org/spec/ob/v3p0/scope/profile.readonly',
  'https://purl.imsglobal.org/spec/ob/v3p0/scope/profile.update',
];
const SCOPES = {
  read: 'https://purl.imsglobal.org/spec/ob/v2p1/scope/assertion.readonly',
  create: 'https://purl.imsglobal.org/spec/ob/v2p1/scope/assertion.create',
  profile: 'https://purl.imsglobal.org/spec/ob/v2p1/scope/profile.readonly',
};

describe('Badge Connect with a real client site (browser)', () => {
  let platform: BrowserPlatform;
  let browser: Browser;
  let moodle: BadgeConnectClientSite;
  let accepted: string;
  let toPush: string;
  const shot = screenshots('badge-connect');

  beforeAll(async () => {
    [platform, browser] = await Promise.all([startBrowserPlatform(), launchChromium()]);
    const staff = await StaffApi.forNewInstitution(platform.url, platform.adminToken, 'Collège Boréal');
    const issuerId = await staff.createIssuer('Collège Boréal');
    const quiz = await staff.createBadgeClass(issuerId, { name: 'Quiz Master', description: 'Knows the course material.', criteriaNarrative: 'Pass the final quiz.' });
    const team = await staff.createBadgeClass(issuerId, { name: 'Team Work', description: 'Works well in a team.', criteriaNarrative: 'Led a team project.' });

    const learner = await signUpLearner(platform);
    accepted = (await staff.award(quiz, LEARNER.email)).openBadgeId;
    toPush = (await staff.award(team, LEARNER.email)).openBadgeId;
    // Both arrive in the passport; the learner keeps the first and removes the second, which the client will push back in.
    const inPassport = await eventually(async () => {
      const list = ((await learner('GET', '/v2/backpack/assertions')).result ?? []) as Json[];
      return list.length === 2 ? list : undefined;
    });
    await learner('PUT', `/v2/backpack/assertions/${inPassport.find((b) => b.openBadgeId === accepted)!.entityId}`, { acceptance: 'Accepted' });
    await learner('DELETE', `/v2/backpack/assertions/${inPassport.find((b) => b.openBadgeId === toPush)!.entityId}`);

    moodle = await new BadgeConnectClientSite('Moodle de l’Université', `${SCOPES.read} ${SCOPES.create}`).start(platform.url);
    moodle.pushUrl = toPush;
  });

  afterAll(async () => {
    await moodle?.stop();
    await browser?.close();
    await platform?.stopAndClean();
  });

  const newPage = async (options: ContextOptions = {}): Promise<Page> => (await newContext(browser, platform.url, options)).context.newPage();
  const signIn = async (page: Page, labels = { email: 'Email address', password: 'Password', submit: 'Sign in' }) => {
    await page.getByLabel(labels.email).fill(LEARNER.email);
    await page.getByLabel(labels.password).fill(LEARNER.password);
    await page.getByRole('button', { name: labels.submit, exact: true }).click();
  };

  it('names an image in its manifest that answers a PNG (clients show it beside the passport’s name)', async () => {
    const manifest = (await (await fetch(`${platform.url}/.well-known/badgeconnect.json`)).json()) as Json;
    const image = await fetch(manifest.badgeConnectAPI[0].image);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await image.arrayBuffer()).subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  // Before any approval: once approved, the consent is remembered and the page is not shown again.
  it('sends access_denied back when the learner denies (390 px, French), and shows the consent in both languages', async () => {
    for (const [lang, phone] of [['fr', true], ['fr', false], ['en', true]] as const) {
      const page = await newPage({ locale: lang === 'fr' ? 'fr-CA' : 'en-CA', phone });
      await page.goto(`${moodle.url}/connect`);
      if (lang === 'fr') await signIn(page, { email: 'Adresse courriel', password: 'Mot de passe', submit: 'Se connecter' });
      else await signIn(page);
      const heading = lang === 'fr' ? 'Moodle de l’Université demande à se connecter à votre passeport.' : 'Moodle de l’Université asks to connect to your passport.';
      await page.getByRole('heading', { level: 2, name: heading }).waitFor();
      await shot(page, `consent-${phone ? 390 : 1280}-${lang}`);
      expect(await accessibilityViolations(page)).toEqual([]);
      const before = moodle.visits.length;
      await page.getByRole('button', { name: lang === 'fr' ? 'Refuser' : 'Deny' }).click();
      await page.waitForURL((url) => url.href.startsWith(moodle.callbackUrl));
      expect(new URL(page.url()).searchParams.get('error')).toBe('access_denied');
      expect(moodle.visits.slice(before)).toEqual([{ error: 'access_denied' }]);
      await page.context().close();
    }
  });

  it('says an Open Badges 3.0 wallet’s four scopes in plain words, in English and French (issue #19)', async () => {
    const wallet = await new BadgeConnectClientSite('Portefeuille Ouvert', OB3_SCOPES.join(' ')).start(platform.url);
    try {
      const words = {
        en: [
          'See your accepted badges that have an Open Badges 3.0 credential, with the credentials themselves.',
          'Add Open Badges 3.0 credentials to your passport, or update one you already have there; each one is checked before it is kept.',
          'See your name and your confirmed email address, web address and telephone number.',
          'Change the name on your passport. It cannot add an address: you confirm those yourself.',
        ],
        fr: [
          'Voir vos badges acceptés qui ont une attestation Open Badges 3.0, avec les attestations elles-mêmes.',
          'Ajouter des attestations Open Badges 3.0 à votre passeport, ou mettre à jour une attestation que vous y avez déjà ; chacune est vérifiée avant d’être conservée.',
          'Voir votre nom, ainsi que votre adresse courriel, votre adresse web et votre numéro de téléphone confirmés.',
          'Changer le nom de votre passeport. Elle ne peut pas ajouter d’adresse : c’est vous qui les confirmez.',
        ],
      };
      for (const lang of ['en', 'fr'] as const) {
        const page = await newPage({ locale: lang === 'fr' ? 'fr-CA' : 'en-CA' });
        await page.goto(`${wallet.url}/connect`);
        if (lang === 'fr') await signIn(page, { email: 'Adresse courriel', password: 'Mot de passe', submit: 'Se connecter' });
        else await signIn(page);
        for (const sentence of words[lang]) await page.getByRole('listitem').filter({ hasText: sentence }).waitFor();
        expect(await page.getByText('https://purl.imsglobal.org/spec/ob/v3p0/scope/', { exact: false }).count()).toBe(0);
        await shot(page, `consent-ob3-${lang}`);
        expect(await accessibilityViolations(page)).toEqual([]);
        await page.getByRole('button', { name: lang === 'fr' ? 'Refuser' : 'Deny' }).click();
        await page.waitForURL((url) => url.href.startsWith(wallet.callbackUrl));
        await page.context().close();
      }
    } finally {
      await wallet.stop();
    }
  });

  it('the client site sends the browser to the consent page; the learner signs in, approves, and the client reads and pushes badges', async () => {
    const page = await newPage();
    await page.goto(`${moodle.url}/connect`);
    expect(new URL(page.url()).pathname).toBe('/o/badgeconnect/authorize');
    await page.getByText('Moodle de l’Université asks to connect to your passport. Sign in first').waitFor();
    await shot(page, 'sign-in-first');
    expect(await accessibilityViolations(page)).toEqual([]);
    const query = new URL(page.url()).search;
    await signIn(page);

    // Back on the consent, with the same request.
    await page.getByRole('heading', { level: 1, name: 'Connect an app to your passport' }).waitFor();
    expect(new URL(page.url()).search).toBe(query);
    await page.getByRole('heading', { level: 2, name: 'Moodle de l’Université asks to connect to your passport.' }).waitFor();
    await page.getByText(`If you approve, you go back to ${new URL(moodle.url).host}.`).waitFor();
    await page.getByText('See the badges you have accepted in your passport, with their details.').waitFor();
    await page.getByText('Add badges to your passport; each one is checked before it is added.').waitFor();
    expect(await page.getByText('See your name and your confirmed email address.').count()).toBe(0);
    await shot(page, 'consent-1280-en');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Approve' }).click();
    await page.waitForURL((url) => url.href.startsWith(moodle.callbackUrl));
    await page.getByRole('heading', { name: 'Moodle de l’Université: connected' }).waitFor();
    await shot(page, 'client-connected');
    const visit = moodle.visits.at(-1)!;
    expect(visit.badgeIds).toEqual([accepted]);
    expect(visit.pushedId).toBe(toPush);
    expect(await page.locator('#badges li').allTextContents()).toEqual([accepted]);
    // The pushed badge is in the passport again, as the learner's own import.
    await page.goto('/passport');
    await page.getByRole('link', { name: /Team Work/ }).first().waitFor();

    // Connecting again, signed in: no question this time, the browser goes straight back with a code.
    const before = moodle.visits.length;
    // Whether the page ever sent an answer of the learner's (it must not: nobody was asked).
    let answered = false;
    page.on('request', (request) => {
      answered ||= request.method() === 'POST' && request.url().endsWith('/o/badgeconnect/authorize');
    });
    await page.goto(`${moodle.url}/connect`);
    await page.waitForURL((url) => url.href.startsWith(moodle.callbackUrl));
    await page.getByRole('heading', { name: 'Moodle de l’Université: connected' }).waitFor();
    expect(answered).toBe(false);
    expect(moodle.visits.slice(before)).toEqual([expect.objectContaining({ badgeIds: expect.arrayContaining([accepted]) })]);
    await page.context().close();
  });

  it('shows a request it cannot send back, and sends back one it can, with its error and state', async () => {
    const page = await newPage();
    await page.goto(`/o/badgeconnect/authorize?response_type=code&client_id=${moodle.clientId}&redirect_uri=${encodeURIComponent('http://127.0.0.1:1/evil')}&scope=x&state=s`);
    await page.getByRole('heading', { level: 1, name: 'This connection request cannot be used' }).waitFor();
    await page.getByRole('alert').filter({ hasText: 'asked to send you back to an address it did not register' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/o/badgeconnect/authorize');
    await shot(page, 'unregistered-redirect');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.goto('/o/badgeconnect/authorize?response_type=code&client_id=AAAAAAAAAAAAAAAAAAAAAA&redirect_uri=http%3A%2F%2F127.0.0.1%3A1%2Fcb');
    await page.getByRole('alert').filter({ hasText: 'is not registered with this passport' }).waitFor();

    // A scope the client did not register goes back to it as invalid_scope, before any sign-in.
    await page.goto(`${moodle.url}/connect?scope=${encodeURIComponent(SCOPES.profile)}`);
    await page.waitForURL((url) => url.href.startsWith(moodle.callbackUrl));
    expect(new URL(page.url()).searchParams.get('error')).toBe('invalid_scope');
    expect(moodle.visits.at(-1)).toEqual({ error: 'invalid_scope' });
  });

  it('the learner sees the connected app in the passport and disconnects it; the client’s token gets 401 at once', async () => {
    const token = moodle.visits.find((visit) => visit.accessToken)!.accessToken!;
    expect((await moodle.call(token, 'assertions')).status).toBe(200);
    // The phone first: the desktop run then disconnects the app.
    for (const phone of [true, false]) {
      const page = await newPage({ phone });
      await page.goto('/passport/connected-apps');
      await signIn(page);
      await page.getByRole('heading', { level: 2, name: 'Connected apps' }).waitFor();
      await page.getByRole('heading', { level: 3, name: 'Moodle de l’Université' }).waitFor();
      await page.getByText(`Site: ${new URL(moodle.url).host} · Connected on`).waitFor();
      await page.getByText('Add badges to your passport; each one is checked before it is added.').waitFor();
      await shot(page, `connected-apps-${phone ? 390 : 1280}`);
      expect(await accessibilityViolations(page)).toEqual([]);
      if (!phone) {
        await page.getByLabel('Language').selectOption('fr');
        await page.getByRole('heading', { level: 2, name: 'Applications connectées' }).waitFor();
        await shot(page, 'connected-apps-1280-fr');
        await page.getByRole('button', { name: 'Déconnecter Moodle de l’Université' }).click();
        await page.getByRole('status').filter({ hasText: 'Moodle de l’Université est déconnectée' }).waitFor();
        await page.getByText('Aucune application connectée.', { exact: false }).waitFor();
        await shot(page, 'disconnected-fr');
        expect(await accessibilityViolations(page)).toEqual([]);
        await page.getByLabel('Langue').selectOption('en');
      }
      await page.context().close();
    }
    const after = await moodle.call(token, 'assertions');
    expect(after.status).toBe(401);

    // Disconnected, the app is asked about again.
    const page = await newPage();
    await page.goto(`${moodle.url}/connect`);
    await signIn(page);
    await page.getByRole('heading', { level: 2, name: 'Moodle de l’Université asks to connect to your passport.' }).waitFor();
    await page.getByRole('button', { name: 'Approve' }).waitFor();
    await shot(page, 'asked-again-after-disconnect');
    await page.context().close();
  });
});

/** A confirmed learner; returns a caller of the passport API with the learner's token. */
async function signUpLearner(platform: BrowserPlatform) {
  const send = async (method: string, path: string, body?: unknown, token?: string) => {
    const response = await fetch(`${platform.url}${path}`, {
      method,
      headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return response.status === 204 ? {} : ((await response.json()) as Json);
  };
  await send('POST', '/v2/auth/signup', { email: LEARNER.email, password: LEARNER.password, name: LEARNER.name });
  const link = new URL(await confirmationLink(platform, LEARNER.email));
  await send('POST', '/v2/auth/confirm-email', { token: link.searchParams.get('token') });
  const { access_token: token } = await send('POST', '/v2/auth/token', { username: LEARNER.email, password: LEARNER.password });
  return (method: string, path: string, body?: unknown) => send(method, path, body, token);
}

async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

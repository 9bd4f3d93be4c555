import type { Browser, Page } from 'playwright-core';

import { BadgrStandin } from '../support/badgr-standin/badgr-standin';
import { STANDIN_PASSWORD } from '../support/badgr-standin/standin-dataset';
import { accessibilityViolations } from './support/axe';
import { startBrowserPlatform, type BrowserPlatform } from './support/browser-platform';
import { launchChromium, newContext } from './support/chromium';
import { screenshots } from './support/screenshots';
import { StaffApi } from './support/staff-api';

/**
 * Issue #18's console side (decision 0045), in Chromium against the platform as `npm start` runs
 * it and the stand-in Badgr (small dataset): the operator opens "Migrate from Badgr" from an
 * institution's card, starts a dry run and then a real one from the form, watches the runs' counts
 * until they are done, and pages through a run's problems; then the same page on a phone and in
 * French. Every state is screenshotted at 1280 and 390 px in English and French and checked with
 * axe at every impact level.
 */
describe('the operator migrates an institution from Badgr (browser)', () => {
  let platform: BrowserPlatform;
  let browser: Browser;
  let standin: BadgrStandin;
  let institutionId: string;
  const pages: Page[] = [];
  const outside: string[][] = [];
  const pageErrors: string[] = [];
  const shot = screenshots('badgr-migration');

  async function page(options: { locale?: string; phone?: boolean } = {}): Promise<Page> {
    const setup = await newContext(browser, platform.url, options);
    outside.push(setup.outsideRequests);
    const opened = await setup.context.newPage();
    opened.on('pageerror', (error) => pageErrors.push(error.message));
    pages.push(opened);
    return opened;
  }
  const expectAxeClean = async (at: Page) => expect(await accessibilityViolations(at)).toEqual([]);
  const runRows = (at: Page) => at.locator('table.migration-runs tbody tr');

  beforeAll(async () => {
    [platform, browser] = await Promise.all([startBrowserPlatform({ ALLOW_PRIVATE_NETWORK_FETCH: 'true' }), launchChromium()]);
    standin = await BadgrStandin.start({ size: 'small', publicOrigin: platform.url });
    institutionId = (await StaffApi.forNewInstitution(platform.url, platform.adminToken, 'Northern College')).institutionId;
  });

  afterAll(async () => {
    await browser?.close();
    await standin?.close();
    await platform?.stopAndClean();
  });

  it('1. opens the page from the institution’s card; a wrong Badgr password is refused in plain words and starts nothing', async () => {
    const desktop = await page();
    await desktop.goto('/operator');
    await desktop.getByLabel('Operator token').fill(platform.adminToken);
    await desktop.getByRole('button', { name: 'Sign in', exact: true }).click();
    const link = desktop.getByRole('link', { name: 'Migrate from Badgr: Northern College' });
    await link.waitFor();
    await expectAxeClean(desktop);
    await link.click();
    await desktop.getByRole('heading', { level: 1, name: 'Migrate Northern College from Badgr' }).waitFor();
    await desktop.getByText('No migration run yet.').waitFor();
    await shot(desktop, 'en-1280-empty');
    await expectAxeClean(desktop);

    await desktop.getByLabel('Badgr API address').fill(standin.origin);
    await desktop.getByLabel('Badgr username of the institution').fill(standin.institutionAccount(0).username);
    await desktop.getByLabel('Badgr password').fill('not the password');
    await desktop.getByRole('button', { name: 'Start the migration' }).click();
    await desktop.getByRole('alert').filter({ hasText: /refused/ }).waitFor();
    await shot(desktop, 'en-1280-refused');
    await expectAxeClean(desktop);
    await desktop.getByText('No migration run yet.').waitFor();
  });

  it('2. a dry run, then a real one: the runs list shows each one’s counts once done', async () => {
    const desktop = pages[0];
    await desktop.getByLabel('Badgr password').fill(STANDIN_PASSWORD);
    await desktop.getByRole('button', { name: 'Start the migration' }).click();
    await desktop.getByText('The migration started. Its progress shows below.').waitFor();
    // The password is not kept in the form once sent.
    expect(await desktop.getByLabel('Badgr password').inputValue()).toBe('');
    await runRows(desktop).first().waitFor();
    await runRows(desktop).filter({ hasText: 'Finished · dry run' }).waitFor({ timeout: 60_000 });

    await desktop.getByLabel('Badgr password').fill(STANDIN_PASSWORD);
    await desktop.getByLabel('Dry run: write nothing, show what would happen').uncheck();
    await desktop.getByRole('button', { name: 'Start the migration' }).click();
    await runRows(desktop).filter({ hasText: 'Finished · written' }).waitFor({ timeout: 60_000 });
    const real = runRows(desktop).first();
    await real.getByText(/Next incremental run reads changes after/).waitFor();
    const assertionsCell = (await real.locator('td').nth(4).textContent()) ?? '';
    const written = Number(/^(\d+) created/.exec(assertionsCell)?.[1]);
    expect(written).toBeGreaterThan(100);
    // What the page says is what the platform holds.
    const runs = (await fetch(`${platform.url}/admin/institutions/${institutionId}/migrations`, { headers: { authorization: `Bearer ${platform.adminToken}` } }).then((r) => r.json())) as { runs: { counts: { assertion: { created: number } } }[] };
    expect(runs.runs[0].counts.assertion.created).toBe(written);
    await shot(desktop, 'en-1280-runs');
    await expectAxeClean(desktop);
  });

  it('3. pages through a run’s problems, where each was found and why', async () => {
    const desktop = pages[0];
    await runRows(desktop).first().getByRole('button', { name: /^Show the problems of the run started/ }).click();
    const caption = desktop.locator('table.migration-problems caption');
    await caption.waitFor();
    expect(await caption.textContent()).toMatch(/^Problems 1 to \d+ of \d+$/);
    await desktop.locator('table.migration-problems').getByText('reading Badgr').first().waitFor();
    await desktop.locator('table.migration-problems').getByText('writing here').first().waitFor();
    await shot(desktop, 'en-1280-problems');
    await expectAxeClean(desktop);
  });

  it('4. the same page on a phone, and in French on both widths', async () => {
    const path = `/operator/institutions/${institutionId}/migrations`;
    for (const [name, options, labels] of [
      ['en-390', { phone: true }, { token: 'Operator token', signIn: 'Sign in', runs: 'Runs', show: /^Show the problems/ }],
      ['fr-1280', { locale: 'fr-CA' }, { token: 'Jeton d’opérateur', signIn: 'Se connecter', runs: 'Exécutions', show: /^Afficher les problèmes/ }],
      ['fr-390', { locale: 'fr-CA', phone: true }, { token: 'Jeton d’opérateur', signIn: 'Se connecter', runs: 'Exécutions', show: /^Afficher les problèmes/ }],
    ] as const) {
      const at = await page(options);
      await at.goto(path);
      await at.getByLabel(labels.token).fill(platform.adminToken);
      await at.getByRole('button', { name: labels.signIn, exact: true }).click();
      await at.getByRole('heading', { level: 2, name: labels.runs }).waitFor();
      await runRows(at).nth(1).waitFor();
      if (name.startsWith('fr')) expect(await at.locator('html').getAttribute('lang')).toBe('fr');
      await shot(at, `${name}-runs`);
      await expectAxeClean(at);
      await runRows(at).first().getByRole('button', { name: labels.show }).click();
      await at.locator('table.migration-problems caption').waitFor();
      await shot(at, `${name}-problems`);
      await expectAxeClean(at);
    }
    expect(pageErrors).toEqual([]);
    expect(outside.flat()).toEqual([]);
  });
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Browser, BrowserContext, Page } from 'playwright-core';

import { HOSTILE_SVGS, INKSCAPE_SVG, PWNED, PWNED_PATH, svgDataUri } from '../support/hostile-svgs';
import { startBrowserPlatform, type BrowserPlatform } from './support/browser-platform';
import { launchChromium, newContext } from './support/chromium';
import { StaffApi } from './support/staff-api';

/**
 * Threat: a hostile SVG badge image whose script runs on the platform's origin (issue #13, finding 1), where the
 * web app keeps a learner's token in localStorage.
 * Who and how: an institution's API client uploads the SVG as a badge class image; anyone who opens the badge
 * image, the baked assertion image (linked from emails and og:image) or drops the file on the verify page.
 * What stops it: the SVG allow-list at intake refuses every active payload, so there is nothing hostile to serve;
 * what is stored is sanitised. Here Chromium opens every image from the platform's own origin with a learner
 * token seeded in localStorage and watches for any sign of script: the page title, localStorage, requests to
 * PWNED_PATH, dialogs and console messages. A raw copy of the payloads served from the same origin (by the test,
 * not the platform) shows the watch is live: those scripts do run when nothing refuses them.
 */
const TOKEN = 'learner-token-that-must-not-leak';

/** The page's Web Storage, typed here because the test tsconfig has no DOM library. */
type WithStorage = { localStorage: { clear(): void; setItem(key: string, value: string): void; getItem(key: string): string | null } };

interface Evidence {
  title: string;
  stored: string | null;
  requests: string[];
  dialogs: string[];
  console: string[];
}

describe('hostile SVG badge images in Chromium, from the platform origin (browser)', () => {
  let platform: BrowserPlatform;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let staff: StaffApi;
  let issuerId: string;
  const requests: string[] = [];
  const dialogs: string[] = [];
  const consoleMessages: string[] = [];

  beforeAll(async () => {
    [platform, browser] = await Promise.all([startBrowserPlatform(), launchChromium()]);
    staff = await StaffApi.forNewInstitution(platform.url, platform.adminToken, 'Hostile College');
    issuerId = await staff.createIssuer('Hostile College');
    ({ context } = await newContext(browser, platform.url));
    // The watched route: anything a payload fetches, embeds or navigates to under PWNED_PATH is recorded.
    await context.route(`**${PWNED_PATH}/**`, async (route) => {
      requests.push(new URL(route.request().url()).pathname);
      await route.fulfill({ status: 204 });
    });
    // A raw copy of each payload at the platform's origin, as the platform itself served them before the fix.
    await context.route('**/__raw/*', async (route) => {
      const name = decodeURIComponent(new URL(route.request().url()).pathname.slice('/__raw/'.length));
      await route.fulfill({ status: 200, contentType: 'image/svg+xml', body: HOSTILE_SVGS[name] });
    });
    page = await context.newPage();
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('console', (message) => consoleMessages.push(message.text()));
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stopAndClean();
  });

  /** Seeds the learner token on the origin, opens `path`, gives any payload time to run, then collects. */
  async function open(path: string): Promise<Evidence> {
    await page.goto('/');
    await page.evaluate((token) => {
      const { localStorage } = globalThis as unknown as WithStorage;
      localStorage.clear();
      localStorage.setItem('token', token);
    }, TOKEN);
    requests.length = dialogs.length = consoleMessages.length = 0;
    await page.goto(path);
    await page.waitForTimeout(700);
    const seen = { title: await page.title(), requests: [...requests], dialogs: [...dialogs], console: [...consoleMessages] };
    // Read back on the web app's page: an image served with a sandbox CSP has an opaque origin and no storage.
    await page.goto('/');
    return { ...seen, stored: await page.evaluate((key) => (globalThis as unknown as WithStorage).localStorage.getItem(key), PWNED) };
  }

  function expectNoScript(evidence: Evidence): void {
    expect(evidence).toEqual({ title: expect.not.stringContaining(PWNED), stored: null, requests: [], dialogs: [], console: [] });
  }

  it('sees a payload run when a raw copy is served from the origin (the watch works)', async () => {
    const finding1 = await open(`/__raw/${encodeURIComponent('XHTML iframe with a srcdoc script (finding 1)')}`);
    expect(finding1.stored).not.toBeNull();
    const script = await open(`/__raw/${encodeURIComponent('script element')}`);
    expect(script.title).toBe(PWNED);
    expect(script.requests).toContain(`${PWNED_PATH}/script`);
  });

  it.each(Object.keys(HOSTILE_SVGS))('refuses %s at intake; nothing of it runs on the origin', async (name) => {
    const response = await staff.api.post(`/v2/issuers/${issuerId}/badgeclasses`, { name, description: 'x', criteriaNarrative: 'x', image: svgDataUri(HOSTILE_SVGS[name]) });
    if (response.status === 201) {
      // Only reached if intake let it through: then the served and baked images must still be inert.
      const badgeClassId = response.body.result[0].entityId;
      const { entityId } = await staff.award(badgeClassId, 'learner@example.org');
      expectNoScript(await open(`/public/badges/${badgeClassId}/image`));
      expectNoScript(await open(`/public/assertions/${entityId}/image`));
    }
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ code: 'invalid_image', field: 'image', message: expect.stringContaining('svg_forbidden_content') });
  });

  it('serves an accepted (sanitised) SVG and its baked copy inertly, and they render', async () => {
    const badgeClassId = await staff.createBadgeClass(issuerId, { name: 'Welding', description: 'Safe welding.', criteriaNarrative: 'Passed.', image: svgDataUri(INKSCAPE_SVG) });
    const { entityId } = await staff.award(badgeClassId, 'learner@example.org');
    for (const path of [`/public/badges/${badgeClassId}/image`, `/public/assertions/${entityId}/image`]) {
      expectNoScript(await open(path));
      await page.goto(path);
      expect(await page.locator('circle').count()).toBe(1);
    }
  });

  it('shows a hostile SVG dropped on the verify page only as an inert image', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'hostile-svg-')), 'badge.svg');
    writeFileSync(file, HOSTILE_SVGS['XHTML iframe with a srcdoc script (finding 1)']);
    await page.goto('/');
    await page.evaluate((token) => (globalThis as unknown as WithStorage).localStorage.setItem('token', token), TOKEN);
    requests.length = dialogs.length = 0;
    await page.goto('/verify');
    await page.locator('input[type=file]').setInputFiles(file);
    const preview = page.locator('img[src^="data:image/svg+xml"]');
    await preview.waitFor();
    await page.waitForTimeout(700);
    expect(await page.evaluate((key) => (globalThis as unknown as WithStorage).localStorage.getItem(key), PWNED)).toBeNull();
    expect({ requests, dialogs, title: await page.title() }).toEqual({ requests: [], dialogs: [], title: expect.not.stringContaining(PWNED) });
  });
});

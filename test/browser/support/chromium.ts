import { existsSync } from 'node:fs';

import { chromium, type Browser, type BrowserContext } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`; .ci/run installs it): no browser download. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// --disable-background-networking: the browser itself phones nowhere, so any outside request
// would come from the page, which must load nothing from outside the deployment.
const CHROMIUM_ARGS = ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking'];

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`No Chromium at ${CHROMIUM_PATH}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

export interface ContextOptions {
  /** `Accept-Language` and navigator.languages, e.g. `fr-CA`. */
  locale?: string;
  /** A phone-sized viewport (390×844) instead of a desktop one. */
  phone?: boolean;
}

/**
 * A fresh browser profile (no stored tokens or language). Every request the page makes to another
 * origin is recorded in `outsideRequests`, so a test can assert the page loaded nothing from outside.
 */
export async function newContext(browser: Browser, baseUrl: string, options: ContextOptions = {}): Promise<{ context: BrowserContext; outsideRequests: string[] }> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    locale: options.locale ?? 'en-CA',
    viewport: options.phone ? { width: 390, height: 844 } : { width: 1280, height: 900 },
    ...(options.phone ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
  });
  const origin = new URL(baseUrl).origin;
  const outsideRequests: string[] = [];
  context.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !/^(data|blob|about):/.test(url)) outsideRequests.push(url);
  });
  return { context, outsideRequests };
}

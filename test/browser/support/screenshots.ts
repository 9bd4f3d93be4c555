import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import type { Page } from 'playwright-core';

/** Where each browser spec's screenshots go (gitignored; CI keeps them as the run's output). */
export const BROWSER_OUTPUT_DIR = join(__dirname, '../../../test-output/browser');

/**
 * Screenshots of one spec, numbered in the order taken so the folder reads as the journey:
 * test-output/browser/<spec>/01-<step>.png, 02-..., full page.
 */
export function screenshots(spec: string): (page: Page, step: string) => Promise<string> {
  const dir = join(BROWSER_OUTPUT_DIR, spec);
  mkdirSync(dir, { recursive: true });
  let taken = 0;
  return async (page, step) => {
    taken += 1;
    const file = join(dir, `${String(taken).padStart(2, '0')}-${step.replace(/[^a-z0-9-]+/gi, '-').toLowerCase()}.png`);
    await page.screenshot({ path: file, fullPage: true });
    return file;
  };
}

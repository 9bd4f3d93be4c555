import { readFileSync } from 'node:fs';

import type { Page } from 'playwright-core';

interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * axe-core from node_modules, evaluated in the page (DevTools evaluation is not subject to the
 * page's Content-Security-Policy, which rightly refuses injected script tags); nothing is fetched.
 */
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core (WCAG 2.x A and AA rules, plus best practices) on the page as it is now, and
 * returns the serious and critical violations, each as `rule (impact): help [selectors]`.
 */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

export async function seriousAccessibilityViolations(page: Page): Promise<string[]> {
  return accessibilityViolations(page, ['serious', 'critical']);
}

/** Every violation of the impacts given (all of them by default: minor and moderate too). */
export async function accessibilityViolations(page: Page, impacts: readonly AxeViolation['impact'][] = ['minor', 'moderate', 'serious', 'critical', null]): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (tags) => {
    // Runs in the page; this file is compiled without the DOM library, hence the shape given here.
    const page = globalThis as unknown as { document: unknown; axe: { run(context: unknown, options: object): Promise<{ violations: unknown[] }> } };
    const result = await page.axe.run(page.document, { runOnly: { type: 'tag', values: tags } });
    return result.violations;
  }, AXE_TAGS);
  return (violations as AxeViolation[])
    .filter((violation) => impacts.includes(violation.impact))
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} [${violation.nodes.map((node) => node.target.join(' ')).join(', ')}]`);
}

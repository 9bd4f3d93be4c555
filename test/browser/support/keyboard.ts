import type { Page } from 'playwright-core';

/** The focused element as a keyboard user meets it: what it is, what it is called, and whether its focus shows. */
export interface Focused {
  tag: string;
  role: string | null;
  /** aria-label, else its label's text, else its own text; trimmed. */
  name: string;
  /** A visible outline or box-shadow is drawn around it. */
  indicated: boolean;
  /** It takes room on the page (a focused element nobody can see is a lost focus). */
  visible: boolean;
}

/** Presses beyond which a page is taken to trap focus or to lack the wanted control. */
const MAX_PRESSES = 120;

/** What has focus now (the document's body when nothing does). */
export async function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    // Runs in the page; this file is compiled without the DOM library, hence the shapes given here.
    interface Element {
      tagName: string;
      id: string;
      textContent: string | null;
      getAttribute(name: string): string | null;
      getBoundingClientRect(): { width: number; height: number };
      labels?: { textContent: string | null }[] | null;
    }
    const page = globalThis as unknown as {
      document: { activeElement: Element | null; body: Element; getElementById(id: string): Element | null };
      getComputedStyle(element: Element): { outlineStyle: string; outlineWidth: string; boxShadow: string };
    };
    const element = page.document.activeElement ?? page.document.body;
    const style = page.getComputedStyle(element);
    const labelledBy = element.getAttribute('aria-labelledby');
    const name =
      element.getAttribute('aria-label') ??
      (labelledBy ? labelledBy.split(' ').map((id) => page.document.getElementById(id)?.textContent ?? '').join(' ') : null) ??
      (element.labels && element.labels.length > 0 ? element.labels[0].textContent : null) ??
      element.textContent ??
      '';
    const box = element.getBoundingClientRect();
    return {
      tag: element.tagName,
      role: element.getAttribute('role'),
      name: name.replace(/\s+/g, ' ').trim(),
      indicated: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none',
      visible: box.width > 0 && box.height > 0,
    };
  });
}

/**
 * Presses Tab (Shift+Tab with `backwards`) until the focused element is the wanted one, as a
 * keyboard user would, and fails if any control met on the way shows no focus indicator or is
 * invisible, or if the wanted one is never reached.
 */
export async function tabTo(page: Page, wanted: (element: Focused) => boolean, options: { backwards?: boolean } = {}): Promise<Focused> {
  const met: string[] = [];
  for (let presses = 0; presses < MAX_PRESSES; presses += 1) {
    await page.keyboard.press(options.backwards ? 'Shift+Tab' : 'Tab');
    const now = await focused(page);
    if (now.tag === 'BODY') continue; // focus left the page (browser chrome) and comes back on the next press
    met.push(`${now.tag} "${now.name}"`);
    if (!now.indicated || !now.visible) throw new Error(`${now.tag} "${now.name}" has focus but ${now.visible ? 'no visible focus indicator' : 'cannot be seen'}`);
    if (wanted(now)) return now;
  }
  throw new Error(`never focused by ${options.backwards ? 'Shift+Tab' : 'Tab'}; met: ${met.join(', ')}`);
}

/** Tabs to the control named `name` (exactly, or matching a RegExp). */
export function tabToNamed(page: Page, name: string | RegExp, options: { backwards?: boolean; tag?: string } = {}): Promise<Focused> {
  return tabTo(page, (element) => (typeof name === 'string' ? element.name === name : name.test(element.name)) && (!options.tag || element.tag === options.tag), options);
}

/** Types into the focused field (never filled from outside): replaces what it held. */
export async function typeHere(page: Page, text: string): Promise<void> {
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
}

/**
 * No keyboard trap (WCAG 2.1.2): from where focus is, Tab goes through the rest of the page and out
 * of it (to the browser) within MAX_PRESSES, and Shift+Tab then goes back through the whole page and
 * out too; each stop on the way shows its focus. Returns how many controls Shift+Tab met: the whole
 * page, whether or not Chromium wrapped Tab round to the top before leaving (it does so in some runs
 * and not in others, so Tab's count depended on the run).
 */
export async function expectNoKeyboardTrap(page: Page): Promise<number> {
  let stops = 0;
  for (const key of ['Tab', 'Shift+Tab']) {
    let left = false;
    for (let presses = 0; presses < MAX_PRESSES && !left; presses += 1) {
      await page.keyboard.press(key);
      const now = await focused(page);
      // Shift+Tab starts from outside the page, where Tab left it: in some runs Chromium's first
      // Shift+Tab lands on the body itself rather than the last control. That is the walk's start.
      if (now.tag === 'BODY') left = key === 'Tab' || stops > 0 || presses >= 2;
      else if (!now.indicated || !now.visible) throw new Error(`${now.tag} "${now.name}" has focus but ${now.visible ? 'no visible focus indicator' : 'cannot be seen'}`);
      else if (key === 'Shift+Tab') stops += 1;
    }
    if (!left) throw new Error(`focus never left the page with ${key}: a keyboard trap`);
  }
  return stops;
}

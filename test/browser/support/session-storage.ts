import type { Page } from 'playwright-core';

/**
 * After sign-in, the session's token must be where no script on the page can read it: in the
 * gateway's HttpOnly, SameSite=Strict cookie, and nowhere in localStorage, sessionStorage or
 * document.cookie (issue #13: an injected script read learner tokens from localStorage).
 */
export async function expectNoReadableToken(page: Page, kind: 'learner' | 'staff'): Promise<void> {
  const cookie = (await page.context().cookies()).find((c) => c.name === `badges-${kind}`);
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
  const readable = await page.evaluate(() => {
    // Runs in the page: exactly what any script there could read.
    const page = globalThis as unknown as { localStorage: object; sessionStorage: object; document: { cookie: string } };
    return { local: JSON.stringify({ ...page.localStorage }), session: JSON.stringify({ ...page.sessionStorage }), cookie: page.document.cookie };
  });
  expect(readable.cookie).toBe('');
  const stored = `${readable.local}${readable.session}`;
  expect(stored).not.toContain(cookie!.value);
  // No bearer token of either kind (a learner's lp_…, a staff JWT eyJ…) under any key.
  expect(stored).not.toMatch(/lp_|eyJ/);
}

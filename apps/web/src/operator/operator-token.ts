/**
 * Where the operator token lives in the browser: this tab's sessionStorage, sent only as an
 * Authorization header by operator-api.ts. Never a cookie, so no other site can make the browser
 * send it (no CSRF), and it is gone when the tab closes (decision 0032). The app's CSP
 * (`script-src 'self'`) is what keeps other scripts from reading it.
 */
const KEY = 'badges.operatorToken';

export function storedOperatorToken(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    // Storage refused (a locked-down browser): the operator signs in again after each reload.
    return null;
  }
}

export function storeOperatorToken(token: string | null): void {
  try {
    if (token) sessionStorage.setItem(KEY, token);
    else sessionStorage.removeItem(KEY);
  } catch {
    // As above: the token then lives only in the page's memory.
  }
}

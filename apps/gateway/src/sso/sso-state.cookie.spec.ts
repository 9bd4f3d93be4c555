import { SsoStateCookie, type PendingSignIn } from './sso-state.cookie';

const KEY = 'secrets-encryption-key-for-tests-0123456789';
const pending: PendingSignIn = { institutionId: 'Inst1', state: 'state-1', nonce: 'nonce-1', codeVerifier: 'v'.repeat(43), expiresAt: Date.now() + 60_000 };

/** The cookie's value from its Set-Cookie, as the browser would send it back. */
function sent(setCookie: string): { cookie: string } {
  return { cookie: setCookie.split(';')[0] };
}

describe('the SSO state cookie', () => {
  const cookie = new SsoStateCookie(KEY, false);

  it('is HttpOnly, SameSite=Lax (the provider’s redirect is cross-site), for ten minutes', () => {
    expect(cookie.setCookie(pending)).toMatch(/^badges-sso=v1\.[^;]+; Max-Age=600; Path=\/; HttpOnly; SameSite=Lax$/);
    expect(cookie.clearCookie()).toBe('badges-sso=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax');
  });

  it('is Secure and __Host- prefixed over https', () => {
    expect(new SsoStateCookie(KEY, true).setCookie(pending)).toMatch(/^__Host-badges-sso=v1\.[^;]+; Max-Age=600; Path=\/; HttpOnly; Secure; SameSite=Lax$/);
  });

  it('opens to what was sealed, whose verifier and nonce are not readable in it', () => {
    const setCookie = cookie.setCookie(pending);
    expect(cookie.read(sent(setCookie))).toEqual(pending);
    expect(setCookie).not.toContain(pending.codeVerifier);
    expect(setCookie).not.toContain(pending.nonce);
  });

  it('does not open when any character changed, under another key, or on the plain cookie over https', () => {
    const { cookie: header } = sent(cookie.setCookie(pending));
    const at = header.length - 5;
    const flipped = `${header.slice(0, at)}${header[at] === 'A' ? 'B' : 'A'}${header.slice(at + 1)}`;
    expect(cookie.read({ cookie: flipped })).toBeUndefined();
    expect(new SsoStateCookie('another-key-of-enough-length-0123456789', false).read({ cookie: header })).toBeUndefined();
    expect(new SsoStateCookie(KEY, true).read({ cookie: header })).toBeUndefined();
    expect(cookie.read({ cookie: 'badges-sso=not-sealed' })).toBeUndefined();
    expect(cookie.read({})).toBeUndefined();
  });

  it('is refused once expired, whatever the browser kept', () => {
    const header = sent(cookie.setCookie(pending));
    expect(cookie.read(header, pending.expiresAt - 1)).toEqual(pending);
    expect(cookie.read(header, pending.expiresAt)).toBeUndefined();
  });
});

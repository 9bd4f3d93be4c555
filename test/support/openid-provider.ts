import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A person the test OpenID Provider knows; they sign in with their email as the login. */
export interface OpenIdUser {
  email: string;
  name: string;
  /** Sent as the `groups` claim (an institution maps it to roles). */
  groups?: string[];
  emailVerified?: boolean;
}

export interface TestOpenIdProviderOptions {
  redirectUris: string[];
  users: OpenIdUser[];
  clientId?: string;
  clientSecret?: string;
}

export interface TestOpenIdProvider {
  /** The issuer URL, for discovery (`/.well-known/openid-configuration`). */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /**
   * Plays the person's part in a browser: follows the authorization URL, signs in as `login` and
   * consents, and returns the URL the provider sent them back to (the RP's redirect URI, with `code`
   * and `state`, or `error`). Cookies are kept between the steps, as a browser would.
   */
  signIn(authorizationUrl: string, login: string): Promise<string>;
  stop(): Promise<void>;
}

/**
 * A real OpenID Provider for tests: `oidc-provider` (a certified OP implementation), on a loopback
 * port, with one confidential client and the given people. Its built-in development sign-in pages
 * take any password: who signs in is the login typed; what the RP checks (code, PKCE, ID token
 * signature, nonce, claims) is the provider's real protocol.
 */
export async function startOpenIdProvider(options: TestOpenIdProviderOptions): Promise<TestOpenIdProvider> {
  const { Provider } = await import('oidc-provider');
  const clientId = options.clientId ?? 'badges-platform';
  const clientSecret = options.clientSecret ?? 'a-test-client-secret-of-enough-length';
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: options.redirectUris, grant_types: ['authorization_code'], response_types: ['code'] }],
    async findAccount(_context: unknown, accountId: string) {
      const user = options.users.find((candidate) => candidate.email === accountId);
      if (!user) return undefined;
      return {
        accountId,
        claims: async () => ({ sub: accountId, email: user.email, email_verified: user.emailVerified ?? true, name: user.name, groups: user.groups ?? [] }),
      };
    },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], groups: ['groups'] },
    scopes: ['openid', 'email', 'profile', 'groups'],
    // The claims go in the ID token itself, as most institutional IdPs put them.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ['a-test-cookie-signing-key'] },
  });
  server.on('request', provider.callback());
  return {
    issuer,
    clientId,
    clientSecret,
    signIn: (authorizationUrl, login) => actAsBrowser(authorizationUrl, login, options.redirectUris),
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Follows redirects by hand and fills the provider's sign-in and consent forms. */
async function actAsBrowser(start: string, login: string, redirectUris: string[]): Promise<string> {
  const cookies = new Map<string, string>();
  let next: { url: string; form?: URLSearchParams } = { url: start };
  for (let step = 0; step < 20; step += 1) {
    const response = await fetch(next.url, {
      method: next.form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: { cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; '), ...(next.form && { 'content-type': 'application/x-www-form-urlencoded' }) },
      body: next.form,
    });
    for (const setCookie of response.headers.getSetCookie()) {
      const [pair] = setCookie.split(';');
      const at = pair.indexOf('=');
      cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    const location = response.headers.get('location');
    if (location) {
      const url = new URL(location, next.url).href;
      if (redirectUris.some((uri) => url.startsWith(uri))) return url;
      next = { url };
      continue;
    }
    const page = await response.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1];
    const prompt = /name="prompt" value="(\w+)"/.exec(page)?.[1];
    if (!action || !prompt) throw new Error(`The provider answered ${response.status} without a form or a redirect: ${page.slice(0, 300)}`);
    next = { url: new URL(action.replace(/&amp;/g, '&'), next.url).href, form: new URLSearchParams(prompt === 'login' ? { prompt, login, password: 'any' } : { prompt }) };
  }
  throw new Error('The provider never sent the browser back to the redirect URI');
}

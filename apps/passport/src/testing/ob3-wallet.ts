import { createHash, randomBytes } from 'node:crypto';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The network the wallet reaches the host through (the test maps the host's public origin to the running app). */
export type Network = (url: string, init?: RequestInit) => Promise<Response>;

export interface CredentialsPage {
  status: number;
  /** X-Total-Count, when the host sent it. */
  total?: number;
  /** The RFC 8288 Link header, by relation. */
  links: Record<string, string>;
  body: Json;
}

/**
 * A wallet of the kind OB 3.0 §6 and §7 describe, written from the specification alone: plain
 * HTTP, nothing of the passport's own. It reads the Service Description Document, registers
 * itself (RFC 7591), sends the learner to the authorization URL with PKCE S256 (RFC 7636), trades
 * the code for tokens at the token URL (form-encoded, HTTP Basic client authentication, RFC 6749),
 * and calls getCredentials (following the Link header), upsertCredential, getProfile and putProfile.
 */
export class Ob3Wallet {
  private sdd?: Json;
  private client?: { client_id: string; client_secret?: string };
  private pending?: { state: string; verifier: string; scope: string };
  private tokens?: { access_token: string; refresh_token: string; scope: string };

  constructor(private readonly net: Network, readonly redirectUri = 'https://wallet.example/callback') {}

  /** GET {host}/ims/ob/v3p0/discovery: no token. */
  async discover(host: string): Promise<Json> {
    const response = await this.net(`${host}/ims/ob/v3p0/discovery`, { headers: { accept: 'application/json' } });
    if (response.status !== 200) throw new Error(`discovery answered ${response.status}`);
    this.sdd = (await response.json()) as Json;
    return this.sdd;
  }

  private get oauth(): Json {
    const scheme = this.sdd?.components?.securitySchemes?.OAuth2ACG;
    if (!scheme) throw new Error('discover first');
    return scheme;
  }

  private get apiBase(): string {
    return this.sdd?.servers?.[0]?.url;
  }

  /** RFC 7591 registration at `x-imssf-registrationUrl`; returns the HTTP status. */
  async register(scopes: readonly string[]): Promise<{ status: number; body: Json }> {
    const response = await this.net(this.oauth['x-imssf-registrationUrl'], {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({
        client_name: 'Example Wallet',
        client_uri: 'https://wallet.example/',
        logo_uri: 'https://wallet.example/logo.png',
        tos_uri: 'https://wallet.example/terms',
        policy_uri: 'https://wallet.example/privacy',
        software_id: 'example-wallet',
        software_version: '1.0',
        redirect_uris: [this.redirectUri],
        token_endpoint_auth_method: 'client_secret_basic',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        // As OB 3.0's own example: `offline_access` asks for refresh tokens.
        scope: [...scopes, 'offline_access'].join(' '),
        contacts: ['support@wallet.example'],
      }),
    });
    const body = (await response.json()) as Json;
    if (response.status === 201) this.client = { client_id: body.client_id, client_secret: body.client_secret };
    return { status: response.status, body };
  }

  /** Where the wallet sends the learner's browser: the authorization URL with the request and a fresh PKCE S256 challenge. */
  authorizationUrl(scopes: readonly string[]): string {
    if (!this.client) throw new Error('register first');
    const verifier = randomBytes(32).toString('base64url');
    this.pending = { state: randomBytes(12).toString('base64url'), verifier, scope: [...scopes, 'offline_access'].join(' ') };
    const url = new URL(this.oauth.flows.authorizationCode.authorizationUrl);
    const params = {
      response_type: 'code',
      client_id: this.client.client_id,
      redirect_uri: this.redirectUri,
      scope: this.pending.scope,
      state: this.pending.state,
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
    };
    for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
    return url.toString();
  }

  /** The browser came back to the redirect URI: check `state`, trade the code at the token URL. */
  async callback(location: string): Promise<{ status: number; body: Json }> {
    const back = new URL(location);
    if (!this.pending || back.searchParams.get('state') !== this.pending.state) throw new Error('state does not match the request');
    const code = back.searchParams.get('code');
    if (!code) throw new Error(`no code: ${back.searchParams.get('error')}`);
    return this.token(this.oauth.flows.authorizationCode.tokenUrl, { grant_type: 'authorization_code', code, redirect_uri: this.redirectUri, code_verifier: this.pending.verifier });
  }

  /** A new access token from the refresh token, at `refreshUrl`. */
  async refresh(): Promise<{ status: number; body: Json }> {
    if (!this.tokens) throw new Error('no tokens yet');
    return this.token(this.oauth.flows.authorizationCode.refreshUrl, { grant_type: 'refresh_token', refresh_token: this.tokens.refresh_token });
  }

  get grantedScope(): string | undefined {
    return this.tokens?.scope;
  }

  private async token(url: string, fields: Record<string, string>): Promise<{ status: number; body: Json }> {
    const { client_id, client_secret = '' } = this.client!;
    const basic = Buffer.from(`${encodeURIComponent(client_id)}:${encodeURIComponent(client_secret)}`).toString('base64');
    const response = await this.net(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', authorization: `Basic ${basic}` },
      body: new URLSearchParams(fields).toString(),
    });
    const body = (await response.json()) as Json;
    if (response.status === 200) this.tokens = body as typeof this.tokens;
    return { status: response.status, body };
  }

  private authorized(headers: Record<string, string> = {}): Record<string, string> {
    if (!this.tokens) throw new Error('no access token');
    return { authorization: `Bearer ${this.tokens.access_token}`, ...headers };
  }

  /** Any request under the API's base URL with the wallet's token (for bodies a well-behaved wallet would not send). */
  request(path: string, init: RequestInit = {}): Promise<Response> {
    return this.net(`${this.apiBase}${path}`, { ...init, headers: this.authorized(init.headers as Record<string, string> | undefined) });
  }

  /** getCredentials with `limit`, `offset`, `since`; or the page a Link points at. */
  async getCredentials(query: { limit?: number; offset?: number; since?: string } | string = {}): Promise<CredentialsPage> {
    let url = typeof query === 'string' ? query : `${this.apiBase}/credentials`;
    if (typeof query !== 'string') {
      const params = new URLSearchParams(Object.entries(query).filter(([, value]) => value !== undefined).map(([name, value]): [string, string] => [name, String(value)]));
      if ([...params].length > 0) url += `?${params}`;
    }
    const response = await this.net(url, { headers: this.authorized({ accept: 'application/json' }) });
    const total = response.headers.get('x-total-count');
    return { status: response.status, ...(total === null ? {} : { total: Number(total) }), links: parseLinks(response.headers.get('link')), body: (await response.json()) as Json };
  }

  /** Every credential, page after page by `rel="next"`. */
  async allCredentials(limit: number): Promise<{ credential: Json[]; compactJwsStrings: string[]; pages: number }> {
    const all = { credential: [] as Json[], compactJwsStrings: [] as string[], pages: 0 };
    let page = await this.getCredentials({ limit });
    for (;;) {
      if (page.status !== 200) throw new Error(`getCredentials answered ${page.status}`);
      all.pages++;
      all.credential.push(...(page.body.credential ?? []));
      all.compactJwsStrings.push(...(page.body.compactJwsStrings ?? []));
      if (!page.links.next) return all;
      page = await this.getCredentials(page.links.next);
    }
  }

  /** upsertCredential: JSON as `application/json`, a VC-JWT as `text/plain`. */
  async upsert(credential: Json | string): Promise<{ status: number; contentType: string | null; body: string }> {
    const jwt = typeof credential === 'string';
    const response = await this.net(`${this.apiBase}/credentials`, {
      method: 'POST',
      headers: this.authorized(jwt ? { 'content-type': 'text/plain', accept: 'text/plain' } : { 'content-type': 'application/json', accept: 'application/json' }),
      body: jwt ? credential : JSON.stringify(credential),
    });
    return { status: response.status, contentType: response.headers.get('content-type'), body: await response.text() };
  }

  async getProfile(): Promise<{ status: number; body: Json }> {
    const response = await this.net(`${this.apiBase}/profile`, { headers: this.authorized({ accept: 'application/json' }) });
    return { status: response.status, body: (await response.json()) as Json };
  }

  async putProfile(profile: Json): Promise<{ status: number; body: Json }> {
    const response = await this.net(`${this.apiBase}/profile`, { method: 'PUT', headers: this.authorized({ 'content-type': 'application/json', accept: 'application/json' }), body: JSON.stringify(profile) });
    return { status: response.status, body: (await response.json()) as Json };
  }
}

/** `<url>; rel="next", <url>; rel="last"` → `{next: url, last: url}`. */
export function parseLinks(header: string | null): Record<string, string> {
  const links: Record<string, string> = {};
  for (const match of (header ?? '').matchAll(/<([^>]+)>\s*;\s*rel="([^"]+)"/g)) links[match[2]] = match[1];
  return links;
}

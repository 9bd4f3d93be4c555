import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { Configuration } from 'openid-client';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** What the client site learned from one trip through the platform's consent page. */
export interface ClientVisit {
  error?: string;
  accessToken?: string;
  /** The `id`s GET /bcv1/assertions answered. */
  badgeIds?: string[];
  /** The `id` POST /bcv1/assertions answered for the badge it pushed. */
  pushedId?: string;
}

/**
 * A tiny real Badge Connect client site on loopback, as Moodle's backpack connection is one: it
 * reads the platform's manifest, registers itself (RFC 7591), sends the browser to the
 * authorizationUrl with PKCE (`GET /connect`), and on the redirect back (`GET /callback`) exchanges
 * the code, reads the learner's assertions and pushes one. The OAuth2 side is openid-client's
 * (code flow, PKCE, state check, token request, bearer calls); registration is one JSON POST.
 */
export class BadgeConnectClientSite {
  readonly visits: ClientVisit[] = [];
  private server?: Server;
  private config?: Configuration;
  private apiBase = '';
  private readonly pending = new Map<string, string>();
  /** The assertion URL the next successful visit pushes into the passport. */
  pushUrl = '';

  constructor(readonly name: string, private readonly scopes: string) {}

  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  get callbackUrl(): string {
    return `${this.url}/callback`;
  }

  async start(platformUrl: string): Promise<this> {
    this.server = createServer((request, response) => void this.handle(request, response));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const client = await openIdClient();
    const manifest = (await (await fetch(`${platformUrl}/.well-known/badgeconnect.json`)).json()) as Json;
    const api = manifest.badgeConnectAPI[0];
    this.apiBase = api.apiBase;
    const registered = await fetch(api.registrationUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ client_name: this.name, client_uri: this.url, redirect_uris: [this.callbackUrl], scope: this.scopes, grant_types: ['authorization_code', 'refresh_token'] }),
    });
    if (registered.status !== 201) throw new Error(`registration answered ${registered.status}: ${await registered.text()}`);
    const { client_id: clientId, client_secret: secret } = (await registered.json()) as Json;
    this.config = new client.Configuration({ issuer: platformUrl, authorization_endpoint: api.authorizationUrl, token_endpoint: api.tokenUrl }, clientId, undefined, client.ClientSecretBasic(secret));
    // The platform under test is plain http on loopback.
    client.allowInsecureRequests(this.config);
    return this;
  }

  get clientId(): string {
    return this.config!.clientMetadata().client_id;
  }

  /** A bearer call as the client makes it (e.g. after the learner disconnected it). */
  async call(accessToken: string, path: string): Promise<Response> {
    const client = await openIdClient();
    return client.fetchProtectedResource(this.config!, accessToken, new URL(`${this.apiBase}/${path}`), 'GET');
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const client = await openIdClient();
    const url = new URL(request.url ?? '/', this.url);
    try {
      if (url.pathname === '/connect') {
        const verifier = client.randomPKCECodeVerifier();
        const state = client.randomState();
        this.pending.set(state, verifier);
        const target = client.buildAuthorizationUrl(this.config!, {
          redirect_uri: this.callbackUrl,
          scope: url.searchParams.get('scope') ?? this.scopes,
          state,
          code_challenge: await client.calculatePKCECodeChallenge(verifier),
          code_challenge_method: 'S256',
        });
        return void response.writeHead(302, { location: target.href }).end();
      }
      if (url.pathname === '/callback') {
        const state = url.searchParams.get('state') ?? '';
        const verifier = this.pending.get(state);
        this.pending.delete(state);
        if (!verifier) return page(response, 400, 'Unknown state', '');
        const error = url.searchParams.get('error');
        if (error) {
          this.visits.push({ error });
          return page(response, 200, `${this.name}: not connected`, `<p id="error">${error}</p>`);
        }
        const tokens = await client.authorizationCodeGrant(this.config!, url, { pkceCodeVerifier: verifier, expectedState: state });
        const read = (await (await client.fetchProtectedResource(this.config!, tokens.access_token, new URL(`${this.apiBase}/assertions`), 'GET')).json()) as Json;
        const pushed = await client.fetchProtectedResource(this.config!, tokens.access_token, new URL(`${this.apiBase}/assertions`), 'POST', JSON.stringify({ id: this.pushUrl }), new Headers({ 'content-type': 'application/json' }));
        const pushedBody = (await pushed.json()) as Json;
        const visit: ClientVisit = { accessToken: tokens.access_token, badgeIds: read.results.map((a: Json) => a.id), pushedId: pushed.status === 201 ? pushedBody.results[0].id : `failed ${pushed.status}` };
        this.visits.push(visit);
        const items = visit.badgeIds!.map((id) => `<li>${escape(id)}</li>`).join('');
        return page(response, 200, `${this.name}: connected`, `<h2>Badges read</h2><ul id="badges">${items}</ul><p id="pushed">Pushed: ${escape(visit.pushedId!)}</p>`);
      }
      page(response, 404, 'Not found', '');
    } catch (error) {
      page(response, 500, 'Client error', `<pre>${escape(String(error))}</pre>`);
    }
  }
}

function page(response: ServerResponse, status: number, title: string, body: string): void {
  response.writeHead(status, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><html lang="en"><title>${escape(title)}</title><h1>${escape(title)}</h1>${body}</html>`);
}

function escape(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** openid-client 6 is ESM only: loaded by a native import() (decision 0027). */
function openIdClient(): Promise<typeof import('openid-client')> {
  return import('openid-client');
}

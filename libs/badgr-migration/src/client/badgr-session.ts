import type { SafeFetchResponse } from '@badges/outbound-http';

import { BadgrEnvelopeSchema, BadgrTokenSchema, type BadgrEnvelope, type BadgrToken } from '../badgr/badgr-shapes';
import { BadgrConnection, type BadgrConnectionOptions } from './badgr-connection';
import { BadgrReadError } from './badgr-read-error';

/** A Badgr user's own credentials: the institution's account, or a learner's (their consent). */
export interface BadgrCredentials {
  readonly username: string;
  readonly password: string;
  /** Badgr's OAuth application; without one Badgr uses its default, `public`. */
  readonly clientId?: string;
  /** Default: Badgr's default for the public client. */
  readonly scope?: string;
}

export interface BadgrPage {
  readonly envelope: BadgrEnvelope;
  readonly headers: Readonly<Record<string, string>>;
}

/** Refresh this long before the access token's announced end, so no request races it. */
const REFRESH_MARGIN_MS = 60_000;
const DEFAULT_SCOPE = 'rw:profile rw:issuer rw:backpack';

/**
 * Signed in to Badgr with the password grant (`POST /o/token`), as Badgr's web app does. The access
 * token is refreshed before it ends and on a 401; when the refresh token is refused, the session
 * signs in again with the password it holds for the run.
 */
export class BadgrSession {
  private token: BadgrToken;
  private expiresAt: number;

  private constructor(
    readonly connection: BadgrConnection,
    private readonly credentials: BadgrCredentials,
    token: BadgrToken,
  ) {
    this.token = token;
    this.expiresAt = Date.now() + token.expires_in * 1000;
  }

  static async signIn(options: BadgrConnectionOptions, credentials: BadgrCredentials): Promise<BadgrSession> {
    const connection = new BadgrConnection(options);
    const token = await requestToken(connection, credentials, {
      grant_type: 'password',
      username: credentials.username,
      password: credentials.password,
    });
    return new BadgrSession(connection, credentials, token);
  }

  /** One v2 envelope (a detail or a page); `null` for a 404, so a caller can say what is missing. */
  async get(pathOrLink: string): Promise<BadgrPage | null> {
    let response = await this.authorizedGet(pathOrLink);
    if (response.status === 401) {
      await this.renew();
      response = await this.authorizedGet(pathOrLink);
    }
    if (response.status === 404) return null;
    if (response.status !== 200) {
      throw new BadgrReadError('unexpected_response', `${this.connection.url(pathOrLink)} answered HTTP ${response.status}.`);
    }
    const parsed = BadgrEnvelopeSchema.safeParse(parseJson(response, this.connection.url(pathOrLink)));
    if (!parsed.success) {
      throw new BadgrReadError('unexpected_response', `${this.connection.url(pathOrLink)} did not answer with Badgr's v2 envelope.`);
    }
    return { envelope: parsed.data, headers: response.headers };
  }

  private async authorizedGet(pathOrLink: string): Promise<SafeFetchResponse> {
    if (Date.now() > this.expiresAt - REFRESH_MARGIN_MS) await this.renew();
    return this.connection.send(pathOrLink, { headers: { authorization: `Bearer ${this.token.access_token}` } });
  }

  private async renew(): Promise<void> {
    const refreshToken = this.token.refresh_token;
    let token: BadgrToken | undefined;
    if (refreshToken) {
      token = await requestToken(this.connection, this.credentials, { grant_type: 'refresh_token', refresh_token: refreshToken }).catch((error: unknown) => {
        if (error instanceof BadgrReadError && error.code === 'sign_in_failed') return undefined;
        throw error;
      });
    }
    token ??= await requestToken(this.connection, this.credentials, {
      grant_type: 'password',
      username: this.credentials.username,
      password: this.credentials.password,
    });
    this.token = token;
    this.expiresAt = Date.now() + token.expires_in * 1000;
  }
}

async function requestToken(connection: BadgrConnection, credentials: BadgrCredentials, grant: Record<string, string>): Promise<BadgrToken> {
  // Badgr refuses token parameters in the query string: the form body only.
  const body = new URLSearchParams({ ...grant, client_id: credentials.clientId ?? 'public', scope: credentials.scope ?? DEFAULT_SCOPE });
  const response = await connection.send('/o/token', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: body.toString(),
  });
  if (response.status === 400 || response.status === 401) {
    throw new BadgrReadError('sign_in_failed', `Badgr refused the ${grant['grant_type']} grant for ${credentials.username}: ${oauthError(response)}.`);
  }
  const parsed = BadgrTokenSchema.safeParse(response.status === 200 ? parseJson(response, connection.url('/o/token')) : undefined);
  if (!parsed.success) throw new BadgrReadError('unexpected_response', `${connection.url('/o/token')} answered HTTP ${response.status} without a token.`);
  return parsed.data;
}

function oauthError(response: SafeFetchResponse): string {
  try {
    const body = JSON.parse(response.body.toString('utf8')) as { error?: unknown; error_description?: unknown };
    return [body.error, body.error_description].filter((part) => typeof part === 'string').join(', ') || `HTTP ${response.status}`;
  } catch {
    return `HTTP ${response.status}`;
  }
}

function parseJson(response: SafeFetchResponse, url: string): unknown {
  try {
    return JSON.parse(response.body.toString('utf8'));
  } catch (error) {
    throw new BadgrReadError('unexpected_response', `${url} answered something that is not JSON.`, { cause: error });
  }
}

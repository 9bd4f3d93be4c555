import { randomBytes } from 'node:crypto';

import type { StandinUser } from './standin-model';

/**
 * Badgr's /o/token as django-oauth-toolkit answers it for the password grant and refresh_token
 * (test/fixtures/badgr/oauth-token.json): per-user bearer tokens, refresh tokens rotated on use.
 */
export class StandinTokens {
  private readonly access = new Map<string, { userId: string; expiresAt: number }>();
  private readonly refresh = new Map<string, string>();
  /** Grants served, by type: a test checks that the reader refreshed. */
  readonly grants: string[] = [];

  constructor(
    private readonly users: () => readonly StandinUser[],
    private readonly accessTtlSeconds: number,
  ) {}

  /** The token endpoint: form fields in, [status, JSON body] out. */
  grant(form: URLSearchParams, hasQuery: boolean): [number, unknown] {
    if (hasQuery) return [400, { error: 'Token grant parameters must be sent in post body, not query parameters' }];
    const grantType = form.get('grant_type') ?? 'password';
    this.grants.push(grantType);
    let userId: string | undefined;
    if (grantType === 'password') {
      userId = this.users().find((u) => u.username === form.get('username') && u.password === form.get('password'))?.entityId;
    } else if (grantType === 'refresh_token') {
      const token = form.get('refresh_token') ?? '';
      userId = this.refresh.get(token);
      this.refresh.delete(token);
    } else {
      return [400, { error: 'unsupported_grant_type' }];
    }
    if (userId === undefined) return [400, { error: 'invalid_grant', error_description: 'Invalid credentials given.' }];
    const accessToken = randomBytes(15).toString('base64url');
    const refreshToken = randomBytes(15).toString('base64url');
    this.access.set(accessToken, { userId, expiresAt: Date.now() + this.accessTtlSeconds * 1000 });
    this.refresh.set(refreshToken, userId);
    return [200, { access_token: accessToken, expires_in: this.accessTtlSeconds, token_type: 'Bearer', scope: form.get('scope') ?? 'rw:profile rw:issuer rw:backpack', refresh_token: refreshToken }];
  }

  userOf(authorization: string | undefined): StandinUser | undefined {
    const match = /^Bearer (.+)$/.exec(authorization ?? '');
    const token = match ? this.access.get(match[1]) : undefined;
    if (token === undefined || token.expiresAt < Date.now()) return undefined;
    return this.users().find((u) => u.entityId === token.userId);
  }

  /** Every access token stops working now, as if they had all run out. */
  expireAccessTokens(): void {
    this.access.clear();
  }

  /** Every refresh token is refused from now on (the reader must sign in again). */
  revokeRefreshTokens(): void {
    this.refresh.clear();
  }
}

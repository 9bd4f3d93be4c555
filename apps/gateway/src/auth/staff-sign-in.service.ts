import { Inject, Injectable } from '@nestjs/common';

import { ACCESS_TOKEN_SCOPES, apiClientScopeOf, emailDomainOf, type ApiClientScope } from '@badges/api-contracts';
import { ApiError, dummyPasswordHash, ErrorCode, hashOpaqueToken, newOpaqueToken, scryptCost, verifyPassword } from '@badges/service-kit';

import type { GatewayConfig } from '../config/gateway.config';
import { GATEWAY_CONFIG } from '../gateway.tokens';
import type { StaffTokenIdentity } from './access-token.codec';
import { AccessTokenService } from './access-token.service';
import { grantedScope } from './client-scope';
import { institutionSuspended } from './institution-suspended';
import { OAuthError } from './oauth-error';
import { StaffAccountsRepository } from './staff-accounts.repository';
import { StaffStatusCache } from './staff-status.cache';

/** Refresh tokens say what they are (and secret scanners can find them). */
const REFRESH_TOKEN_PREFIX = 'bsr_';

/** What a person's sign-in or refresh answers. */
export interface StaffTokens {
  identity: StaffTokenIdentity;
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
}

/** The refusal of a password sign-in where the institution allows only its single sign-on (403 `sso_required`; invalid_grant at /o/token). */
export function ssoRequired(): ApiError {
  return new ApiError(
    403,
    ErrorCode.SsoRequired,
    'Your institution signs its people in through its single sign-on (SSO) only, not with a password. In the console, use "Sign in with your institution (SSO)".',
  );
}

export function isSsoRequired(error: unknown): error is ApiError {
  return error instanceof ApiError && error.code === ErrorCode.SsoRequired;
}

/**
 * "How the person proved it": the password grant (and the web app's sign-in form) or the
 * institution's single sign-on (sso/) starts a session, refresh tokens continue it, sign-out ends
 * it. Who the person is and what they may do is the same whichever way they proved it.
 */
@Injectable()
export class StaffSignInService {
  constructor(
    private readonly accounts: StaffAccountsRepository,
    private readonly tokens: AccessTokenService,
    private readonly status: StaffStatusCache,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  /**
   * A new session, or undefined for a wrong address or password, or a person who is not active
   * (invited, removed): one answer, at one cost (an unknown address is checked against a decoy
   * hash), so nobody learns who has an account. A scope wider than `rw:issuer` is `invalid_scope`.
   * Throws ssoRequired() when the address's domain belongs to an SSO-only institution (which the
   * SSO sign-in says anyway), or, once the password is right, when the person's institution is.
   * The right password of a suspended institution's person is 403 `institution_suspended`.
   */
  async signIn(username: string, password: string, requestedScope?: string): Promise<StaffTokens | undefined> {
    const scope = grantedScope('manage', requestedScope);
    const email = username.trim().toLowerCase();
    const person = await this.accounts.findForSignIn(email);
    const hash = person?.passwordHash ?? (await dummyPasswordHash(scryptCost(this.config.PASSWORD_SCRYPT_LOG_N)));
    const valid = await verifyPassword(password, hash);
    if (await this.accounts.ssoOnly(emailDomainOf(email), person && valid ? person.institutionId : undefined)) throw ssoRequired();
    if (!person || !valid || person.status !== 'active') return undefined;
    if (person.institutionSuspended) throw institutionSuspended();
    return this.startSession(person, scope);
  }

  /** A new session of a person their institution's SSO signed in (sso/), with the widest scope, as a password sign-in gets by default. */
  startSsoSession(person: { id: string; institutionId: string }): Promise<StaffTokens> {
    return this.startSession(person, 'manage');
  }

  private async startSession(person: { id: string; institutionId: string }, scope: ApiClientScope): Promise<StaffTokens> {
    const refresh = newOpaqueToken(REFRESH_TOKEN_PREFIX);
    const now = new Date();
    const sessionId = await this.accounts.startSession(
      {
        staffId: person.id,
        institutionId: person.institutionId,
        scope: ACCESS_TOKEN_SCOPES[scope],
        expiresAt: new Date(now.getTime() + this.config.STAFF_SESSION_TTL_SECONDS * 1000),
        refreshTokenHash: refresh.tokenHash,
      },
      now,
    );
    return this.answer({ institutionId: person.institutionId, staffId: person.id, sessionId, scope }, refresh.token);
  }

  /** A new access token and refresh token for the session; the refresh token sent stops working. */
  async refresh(refreshToken: string, requestedScope?: string): Promise<StaffTokens> {
    const next = newOpaqueToken(REFRESH_TOKEN_PREFIX);
    let scope: ApiClientScope = 'read';
    const result = await this.accounts.rotateRefreshToken(hashOpaqueToken(refreshToken), next.tokenHash, new Date(), (sessionScope) => {
      scope = grantedScope(apiClientScopeOf(sessionScope) ?? 'read', requestedScope);
    });
    switch (result.outcome) {
      case 'invalid':
        throw new OAuthError('invalid_grant', 'The refresh token is invalid, expired or revoked. Sign in again.');
      case 'suspended':
        throw institutionSuspended();
      case 'reused':
        this.status.markGone(result.sessionId);
        throw new OAuthError('invalid_grant', 'This refresh token was already used, so the session has been ended in case it was stolen. Sign in again.');
      case 'rotated': {
        const { sessionId, staffId, institutionId } = result.session;
        return this.answer({ institutionId, staffId, sessionId, scope }, next.token);
      }
    }
  }

  /** Ends the session (sign-out): its refresh token and access tokens stop working. */
  async signOut(identity: StaffTokenIdentity): Promise<void> {
    await this.accounts.revokeSession(identity.sessionId, identity.staffId, 'signed_out', new Date());
    this.status.markGone(identity.sessionId);
  }

  private async answer(identity: StaffTokenIdentity, refreshToken: string): Promise<StaffTokens> {
    return { identity, accessToken: await this.tokens.sign(identity), expiresIn: this.tokens.ttlSeconds, refreshToken };
  }
}

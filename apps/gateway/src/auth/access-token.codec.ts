import { randomUUID } from 'node:crypto';

import { jwtVerify, SignJWT, type KeyLike } from 'jose';

import { ACCESS_TOKEN_SCOPES, apiClientScopeOf, type ApiClientScope } from '@badges/api-contracts';

/** An API client calling: what a verified client access token says. */
export interface ClientIdentity {
  institutionId: string;
  clientId: string;
  /** What the token allows: the client's scope, or the narrower one it asked POST /o/token for. */
  scope: ApiClientScope;
}

/** A person calling: which session of which person a verified access token names (their roles are not in it). */
export interface StaffTokenIdentity {
  institutionId: string;
  staffId: string;
  /** The session (refresh token family) the token was issued for: revoking it refuses the token. */
  sessionId: string;
  /** `manage` unless the sign-in asked for less; the person's roles apply on top. */
  scope: ApiClientScope;
}

export type TokenIdentity = ClientIdentity | StaffTokenIdentity;

export function isStaffToken(identity: TokenIdentity): identity is StaffTokenIdentity {
  return 'staffId' in identity;
}

export interface AccessTokenKeys {
  kid: string;
  privateKey: KeyLike;
  publicKey: KeyLike;
}

export interface AccessTokenOptions {
  /** `iss`: the gateway's PUBLIC_URL. */
  issuer: string;
  ttlSeconds: number;
}

/** `aud`: tokens for this API only, so a future learner or partner token cannot be replayed here. */
export const ACCESS_TOKEN_AUDIENCE = 'badges:institution-api';
/** RFC 9068 `typ`, checked on verify so other JWTs signed with the same key are not accepted. */
const ACCESS_TOKEN_TYPE = 'at+jwt';
const ALGORITHM = 'ES256';
const CLOCK_TOLERANCE_SECONDS = 5;

/** Signs and verifies access tokens (ES256 JWTs). Pure: keys and options come in, nothing is stored. */
export class AccessTokenCodec {
  constructor(private readonly keys: AccessTokenKeys, private readonly options: AccessTokenOptions) {}

  get ttlSeconds(): number {
    return this.options.ttlSeconds;
  }

  /**
   * A client's token says `client_id` (= `sub`); a person's says `staff_id` (= `sub`) and `sid`, its
   * session. Both say `institution_id` and `scope`.
   */
  async sign(identity: TokenIdentity): Promise<string> {
    const scope = ACCESS_TOKEN_SCOPES[identity.scope];
    const claims = isStaffToken(identity)
      ? { institution_id: identity.institutionId, staff_id: identity.staffId, sid: identity.sessionId, scope }
      : { institution_id: identity.institutionId, client_id: identity.clientId, scope };
    return new SignJWT(claims)
      .setProtectedHeader({ alg: ALGORITHM, kid: this.keys.kid, typ: ACCESS_TOKEN_TYPE })
      .setIssuer(this.options.issuer)
      .setAudience(ACCESS_TOKEN_AUDIENCE)
      .setSubject(isStaffToken(identity) ? identity.staffId : identity.clientId)
      .setJti(randomUUID())
      .setIssuedAt()
      .setExpirationTime(`${this.options.ttlSeconds}s`)
      .sign(this.keys.privateKey);
  }

  /** The identity in a valid token, or undefined for anything else (bad signature, alg, claims, expiry). */
  async verify(token: string): Promise<TokenIdentity | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.keys.publicKey, {
        algorithms: [ALGORITHM],
        issuer: this.options.issuer,
        audience: ACCESS_TOKEN_AUDIENCE,
        typ: ACCESS_TOKEN_TYPE,
        requiredClaims: ['exp', 'sub'],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
      });
      const institutionId = payload.institution_id;
      // Tokens from before scopes existed all say `rw:issuer`: manage, as they were.
      const scope = apiClientScopeOf(payload.scope);
      if (typeof institutionId !== 'string' || institutionId === '' || typeof payload.sub !== 'string' || !scope) return undefined;
      if (payload.staff_id === undefined && payload.sid === undefined) return { institutionId, clientId: payload.sub, scope };
      // A person's token: both claims, agreeing with `sub`, and no client's claim beside them.
      if (payload.staff_id !== payload.sub || typeof payload.sid !== 'string' || payload.sid === '' || payload.client_id !== undefined) return undefined;
      return { institutionId, staffId: payload.sub, sessionId: payload.sid, scope };
    } catch {
      return undefined;
    }
  }
}

/** `Bearer <token>` -> token; anything else -> undefined. */
export function bearerToken(header: string | string[] | undefined): string | undefined {
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer +([A-Za-z0-9._~+/=-]+) *$/i.exec(header);
  return match?.[1];
}

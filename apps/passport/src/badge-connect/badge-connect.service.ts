import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import type { z } from 'zod';

import {
  TOLERATED_SCOPES,
  type BADGE_CONNECT_RETURNED_ERRORS,
  type BadgeConnectAuthorizationQuery,
  type BadgeConnectAuthorizeBodySchema,
  type BadgeConnectClient,
  type BadgeConnectConsent,
  type BadgeConnectRedirect,
  type BadgeConnectRegistrationBodySchema,
  type BadgeConnectToken,
  type BadgeConnectTokenBodySchema,
} from '@badges/api-contracts';
import { newEntityId } from '@badges/persistence';
import { ApiError, ErrorCode, hashOpaqueToken } from '@badges/service-kit';

import type { LearnerScope } from '../common/learner-scope';
import type { BcClient } from '../generated/prisma/client';
import { PassportPrismaService } from '../prisma/passport-prisma.service';
import { connectedClient } from './connected-client';
import { parseScopes } from './scopes';

const CODE_TTL_MS = 10 * 60 * 1000;
const ACCESS_TTL_S = 3600;
const PKCE_CHALLENGE = /^[A-Za-z0-9_-]{43,128}$/;

type ReturnedError = (typeof BADGE_CONNECT_RETURNED_ERRORS)[number];
interface CheckedRequest {
  client: BcClient;
  scopes: string[];
  codeChallenge: string;
}

export const BadgeConnectError = {
  InvalidGrant: 'invalid_grant',
  InvalidScope: 'invalid_scope',
  InsufficientScope: 'insufficient_scope',
} as const;

const invalidGrant = (why: string) => new ApiError(400, BadgeConnectError.InvalidGrant, why);
const invalidClient = () => new ApiError(401, ErrorCode.InvalidClient, 'Unknown client or wrong client secret.');

/**
 * Badge Connect 2.1's OAuth side: dynamic client registration (RFC 7591), the authorization code
 * flow with PKCE S256 only (RFC 7636), and tokens bound to one learner and a set of scopes. Every
 * secret (client secret, code, tokens) is stored as its sha256 only.
 */
@Injectable()
export class BadgeConnectService {
  constructor(private readonly prisma: PassportPrismaService) {}

  async register(body: z.output<typeof BadgeConnectRegistrationBodySchema>): Promise<BadgeConnectClient> {
    const clientId = newEntityId();
    const secret = body.token_endpoint_auth_method === 'none' ? undefined : randomBytes(32).toString('base64url');
    const scope = parseScopes(body.scope).join(' ');
    const client = await this.prisma.bcClient.create({
      data: { id: clientId, name: body.client_name, clientUri: body.client_uri ?? null, secretHash: secret ? hashOpaqueToken(secret) : null, redirectUris: body.redirect_uris, scope, authMethod: body.token_endpoint_auth_method },
    });
    return {
      client_id: client.id,
      ...(secret ? { client_secret: secret, client_secret_expires_at: 0 } : {}),
      client_id_issued_at: Math.floor(client.createdAt.getTime() / 1000),
      client_name: client.name,
      // RFC 7591 §3.2.1 (and OB 3.0 §7.2): everything the client sent comes back.
      ...definedOf(body, ['client_uri', 'logo_uri', 'tos_uri', 'policy_uri', 'software_id', 'software_version', 'contacts']),
      redirect_uris: client.redirectUris,
      grant_types: body.grant_types,
      response_types: ['code'],
      token_endpoint_auth_method: client.authMethod,
      scope,
    };
  }

  /**
   * What the consent page shows for a client's authorization request, after checking it in the
   * order RFC 6749 §4.1.2.1 asks: an unknown client or an unregistered redirect URI is the
   * learner's error to see (never a redirect there); any other mistake goes back to the client.
   * A signed-in learner who already approved this client for every scope asked is not asked
   * again: the answer is a code to take back at once (decision 0042).
   */
  async consent(query: BadgeConnectAuthorizationQuery, learner?: LearnerScope): Promise<BadgeConnectConsent> {
    const checked = await this.check(query);
    if ('location' in checked) return { outcome: 'return', error: checked.error, location: checked.location };
    if (learner && (await this.approvedBefore(learner, checked))) return { outcome: 'return', location: await this.approve(learner, checked, query) };
    return { outcome: 'ask', client: connectedClient(checked.client, query.redirect_uri), scopes: checked.scopes };
  }

  /**
   * The learner's answer: approve gives a one-time code bound to the PKCE challenge and records
   * the consent (the connected app); deny sends `access_denied` back. Either way the client gets
   * the request's `state`.
   */
  async authorize(learner: LearnerScope, body: z.output<typeof BadgeConnectAuthorizeBodySchema>): Promise<BadgeConnectRedirect> {
    const checked = await this.check(body);
    if ('location' in checked) return { location: checked.location };
    if (body.decision === 'deny') return { location: returnTo(body, { error: 'access_denied' }) };
    return { location: await this.approve(learner, checked, body) };
  }

  /** Whether the learner's standing consent to this client (until revoked) covers every scope asked. */
  private async approvedBefore(learner: LearnerScope, checked: CheckedRequest): Promise<boolean> {
    const grant = await this.prisma.bcGrant.findUnique({ where: { learnerId_clientId: { learnerId: learner.learnerId, clientId: checked.client.id } } });
    const granted = new Set(grant?.scope.split(' ') ?? []);
    return checked.scopes.every((scope) => granted.has(scope));
  }

  /** Records the consent (widening the grant) and a one-time code; returns where the browser goes with it. */
  private async approve(learner: LearnerScope, checked: CheckedRequest, request: BadgeConnectAuthorizationQuery): Promise<string> {
    const code = randomBytes(32).toString('base64url');
    const scope = checked.scopes.join(' ');
    await this.prisma.$transaction(async (tx) => {
      const grant = await tx.bcGrant.findUnique({ where: { learnerId_clientId: { learnerId: learner.learnerId, clientId: checked.client.id } } });
      const granted = [...new Set([...(grant?.scope.split(' ') ?? []), ...checked.scopes])].join(' ');
      await tx.bcGrant.upsert({
        where: { learnerId_clientId: { learnerId: learner.learnerId, clientId: checked.client.id } },
        create: { learnerId: learner.learnerId, clientId: checked.client.id, scope: granted },
        update: { scope: granted },
      });
      await tx.bcCode.create({
        data: {
          codeHash: hashOpaqueToken(code),
          clientId: checked.client.id,
          learnerId: learner.learnerId,
          redirectUri: request.redirect_uri,
          scope,
          codeChallenge: checked.codeChallenge,
          expiresAt: new Date(Date.now() + CODE_TTL_MS),
        },
      });
    });
    return returnTo(request, { code });
  }

  /** The client and what it asks for, or the error to send back to its (registered) redirect URI. */
  private async check(query: BadgeConnectAuthorizationQuery): Promise<CheckedRequest | { error: ReturnedError; location: string }> {
    const client = await this.prisma.bcClient.findUnique({ where: { id: query.client_id } });
    if (!client) throw ApiError.validation('Unknown client_id.', 'client_id');
    // Never redirect to an address the client did not register (open redirect).
    if (!client.redirectUris.includes(query.redirect_uri)) throw ApiError.validation('redirect_uri is not one the client registered.', 'redirect_uri');
    const back = (error: ReturnedError) => ({ error, location: returnTo(query, { error }) });
    if (query.response_type !== 'code') return back('unsupported_response_type');
    const requested = parseScopes(query.scope);
    const allowed = client.scope.split(' ');
    const asked = (query.scope ?? '').split(/\s+/).filter((scope) => scope && !TOLERATED_SCOPES.includes(scope));
    if (requested.length === 0 || requested.length !== new Set(asked).size || requested.some((scope) => !allowed.includes(scope))) return back('invalid_scope');
    // PKCE S256 is required of every client (RFC 7636 §4.4.1: invalid_request without it).
    if (query.code_challenge_method !== 'S256' || !query.code_challenge || !PKCE_CHALLENGE.test(query.code_challenge)) return back('invalid_request');
    return { client, scopes: requested, codeChallenge: query.code_challenge };
  }

  async token(body: z.output<typeof BadgeConnectTokenBodySchema>, basic: { clientId: string; secret: string } | undefined): Promise<BadgeConnectToken> {
    const clientId = basic?.clientId ?? body.client_id;
    const secret = basic?.secret ?? body.client_secret;
    const client = clientId ? await this.prisma.bcClient.findUnique({ where: { id: clientId } }) : null;
    if (!client) throw invalidClient();
    if (client.secretHash && !(secret && sameHash(client.secretHash, hashOpaqueToken(secret)))) throw invalidClient();
    if (body.grant_type === 'refresh_token') {
      const old = await this.prisma.bcToken.findUnique({ where: { refreshHash: hashOpaqueToken(body.refresh_token) } });
      if (!old || old.clientId !== client.id) throw invalidGrant('The refresh token is invalid.');
      await this.prisma.bcToken.delete({ where: { accessHash: old.accessHash } });
      return this.issue(client.id, old.learnerId, old.scope);
    }
    // One use only: the code is deleted whatever happens next.
    const found = await this.prisma.bcCode.findUnique({ where: { codeHash: hashOpaqueToken(body.code) } });
    if (found) await this.prisma.bcCode.delete({ where: { codeHash: found.codeHash } });
    if (!found || found.expiresAt.getTime() < Date.now() || found.clientId !== client.id) throw invalidGrant('The authorization code is invalid, used or expired.');
    if (found.redirectUri !== body.redirect_uri) throw invalidGrant('redirect_uri differs from the authorization request.');
    const challenge = createHash('sha256').update(body.code_verifier, 'ascii').digest('base64url');
    if (!sameHash(challenge, found.codeChallenge)) throw invalidGrant('The PKCE code_verifier does not match the code_challenge.');
    return this.issue(client.id, found.learnerId, found.scope);
  }

  /** The learner and scopes of a Badge Connect access token, when valid. */
  async resolve(token: string): Promise<{ learnerId: string; scopes: string[] } | undefined> {
    if (!token.startsWith('bc_') || token.length > 128) return undefined;
    const row = await this.prisma.bcToken.findUnique({ where: { accessHash: hashOpaqueToken(token) } });
    if (!row || row.expiresAt.getTime() <= Date.now()) return undefined;
    return { learnerId: row.learnerId, scopes: row.scope.split(' ') };
  }

  private async issue(clientId: string, learnerId: string, scope: string): Promise<BadgeConnectToken> {
    const access = `bc_${randomBytes(32).toString('base64url')}`;
    const refresh = `bcr_${randomBytes(32).toString('base64url')}`;
    await this.prisma.bcToken.create({
      data: { accessHash: hashOpaqueToken(access), refreshHash: hashOpaqueToken(refresh), clientId, learnerId, scope, expiresAt: new Date(Date.now() + ACCESS_TTL_S * 1000) },
    });
    return { access_token: access, token_type: 'Bearer', expires_in: ACCESS_TTL_S, refresh_token: refresh, scope };
  }
}

/** The request's redirect URI with `params` and the request's `state` added (RFC 6749 §4.1.2). */
function returnTo(request: BadgeConnectAuthorizationQuery, params: Record<string, string>): string {
  const target = new URL(request.redirect_uri);
  for (const [name, value] of Object.entries(params)) target.searchParams.set(name, value);
  if (request.state !== undefined) target.searchParams.set('state', request.state);
  return target.toString();
}

function definedOf<T extends object, K extends keyof T>(body: T, keys: readonly K[]): Partial<Pick<T, K>> {
  return Object.fromEntries(keys.filter((key) => body[key] !== undefined).map((key) => [key, body[key]])) as Partial<Pick<T, K>>;
}

function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

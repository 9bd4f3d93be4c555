import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Configuration } from 'openid-client';

import { accountEmail, emailDomainOf, STAFF_NAME_MAX, type SsoErrorCode, type StaffRolesBody } from '@badges/api-contracts';
import { fieldChanges } from '@badges/events';
import { isUniqueViolation, newEntityId } from '@badges/persistence';

import { recordChange } from '../audit/audit-recorder';
import { setFields } from '../audit/audit-record';
import { StaffSignInService, type StaffTokens } from '../auth/staff-sign-in.service';
import type { GatewayConfig } from '../config/gateway.config';
import { GATEWAY_CONFIG } from '../gateway.tokens';
import type { GatewayTx } from '../prisma/gateway-prisma.service';
import { StaffEvents } from '../staff/staff-events';
import { InstitutionsRepository } from '../tenancy/institutions.repository';
import { StaffRepository, type StaffRecord } from '../staff/staff.repository';
import { discoverProvider, openIdClient, providerFailure } from './oidc-provider';
import { ProviderCache } from './provider-cache';
import { mappedRoles, roleClaimValues } from './role-mapping';
import { ssoClientSecretContext, SsoClientSecretSealer } from './sso-client-secret.sealer';
import { ssoRedirectUri } from './sso.mapper';
import { SsoRepository, type SsoSettingsRecord } from './sso.repository';
import { SSO_STATE_TTL_SECONDS, type PendingSignIn } from './sso-state.cookie';

/** Why a sign-in stopped; the controller sends the browser to `/console?sso_error=<code>`. */
export class SsoSignInRefused extends Error {
  constructor(
    readonly code: SsoErrorCode,
    detail: string,
  ) {
    super(detail);
    this.name = 'SsoSignInRefused';
  }
}

/** `invitedBy` of a person the SSO provisioned: nobody invited them (the audit trail's entry has no actor). */
const PROVISIONED_BY = 'sso';

/** What the ID token (or userinfo) says of the person, once verified. */
type Claims = Record<string, unknown>;

/** Who the provider signed in, for the institution, and the request's correlation id. */
interface SignedInAddress {
  institutionId: string;
  email: string;
  name: string;
  correlationId: string;
}

/**
 * A person's sign-in through their institution's OpenID Provider: authorization code with PKCE
 * (S256), state and nonce, all checked by openid-client; the person is then found, or provisioned
 * when a role mapping applies, and gets a session as a password sign-in does (decision 0031).
 */
@Injectable()
export class SsoSignInService {
  private readonly logger = new Logger(SsoSignInService.name);
  private readonly providers = new ProviderCache();

  constructor(
    private readonly sso: SsoRepository,
    private readonly sealer: SsoClientSecretSealer,
    private readonly staff: StaffRepository,
    private readonly events: StaffEvents,
    private readonly institutions: InstitutionsRepository,
    private readonly sessions: StaffSignInService,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  /** The provider's authorization URL for the address's institution, and what the callback will need. */
  async start(email: unknown): Promise<{ authorizationUrl: string; pending: PendingSignIn }> {
    const address = accountEmail().safeParse(email);
    if (!address.success) throw new SsoSignInRefused('invalid_email', 'not an email address');
    const settings = await this.sso.findEnabledByDomain(emailDomainOf(address.data));
    if (!settings) throw new SsoSignInRefused('no_sso_for_domain', 'no enabled SSO claims the domain');
    await this.refuseSuspended(settings.institutionId);
    const provider = await this.discover(settings);
    const oidc = await openIdClient();
    const pending: PendingSignIn = {
      institutionId: settings.institutionId,
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      codeVerifier: oidc.randomPKCECodeVerifier(),
      expiresAt: Date.now() + SSO_STATE_TTL_SECONDS * 1000,
    };
    const url = oidc.buildAuthorizationUrl(provider, {
      redirect_uri: ssoRedirectUri(this.config.PUBLIC_URL),
      scope: scopesFor(provider, settings.roleClaim),
      code_challenge: await oidc.calculatePKCECodeChallenge(pending.codeVerifier),
      code_challenge_method: 'S256',
      state: pending.state,
      nonce: pending.nonce,
      login_hint: address.data,
    });
    return { authorizationUrl: url.href, pending };
  }

  /**
   * Finishes the sign-in the provider sent the browser back from (`callbackUrl`, as the browser
   * asked for it): a session of the person, or SsoSignInRefused saying why not. The audit entries
   * carry the request's `correlationId`.
   */
  async finish(callbackUrl: URL, pending: PendingSignIn | undefined, correlationId: string): Promise<StaffTokens> {
    if (!pending) throw new SsoSignInRefused('invalid_state', 'no pending sign-in in this browser (missing, expired or tampered cookie)');
    if (callbackUrl.searchParams.get('state') !== pending.state) throw new SsoSignInRefused('invalid_state', 'the state does not match this browser’s sign-in');
    const providerError = callbackUrl.searchParams.get('error');
    if (providerError) throw new SsoSignInRefused('provider_refused', `the provider answered ${providerError.slice(0, 100)}`);
    const settings = await this.sso.find(pending.institutionId);
    if (!settings?.enabled) throw new SsoSignInRefused('no_sso_for_domain', 'the institution’s SSO was removed or disabled during the sign-in');
    await this.refuseSuspended(settings.institutionId);
    const claims = await this.verifiedClaims(settings, callbackUrl, pending);

    const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : '';
    if (!email || claims.email_verified === false || !accountEmail().safeParse(email).success) {
      throw new SsoSignInRefused('email_not_verified', 'the provider gave no verified email');
    }
    if (!settings.allowedDomains.includes(emailDomainOf(email))) throw new SsoSignInRefused('domain_not_allowed', `the domain of ${email} is not allowed`);
    const roles = mappedRoles(settings.roleMappings, roleClaimValues(claims, settings.roleClaim));
    const person = await this.personFor({ institutionId: settings.institutionId, email, name: displayName(claims, email), correlationId }, roles);
    const tokens = await this.sessions.startSsoSession(person);
    await this.staff.inTransaction((tx) =>
      recordChange(tx, {
        institutionId: person.institutionId,
        origin: { correlationId, actor: { type: 'staff', id: person.id } },
        action: 'staff.signed_in_sso',
        target: { type: 'StaffMember', id: person.id },
        changes: {},
      }),
    );
    this.logger.log(`Staff ${person.id} signed in through the SSO of institution ${person.institutionId}`);
    return tokens;
  }

  /** Checked before the provider is asked, and again at the callback (the operator may suspend meanwhile). */
  private async refuseSuspended(institutionId: string): Promise<void> {
    if ((await this.institutions.find(institutionId))?.status === 'suspended') throw new SsoSignInRefused('institution_suspended', 'the institution is suspended');
  }

  /** The code exchanged (PKCE verifier, state, nonce, ID token signature and claims checked), and the ID token's claims, completed from userinfo. */
  private async verifiedClaims(settings: SsoSettingsRecord, callbackUrl: URL, pending: PendingSignIn): Promise<Claims> {
    const provider = await this.discover(settings);
    const oidc = await openIdClient();
    try {
      const tokens = await oidc.authorizationCodeGrant(provider, callbackUrl, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      const claims: Claims = { ...tokens.claims() };
      const missing = claims.email === undefined || (settings.roleClaim !== null && claims[settings.roleClaim] === undefined);
      if (missing && provider.serverMetadata().userinfo_endpoint) {
        // Some providers keep the email or the groups for userinfo; the ID token's own claims win.
        const userinfo = await oidc.fetchUserInfo(provider, tokens.access_token, claims.sub as string);
        return { ...userinfo, ...claims };
      }
      return claims;
    } catch (error) {
      if (error instanceof SsoSignInRefused) throw error;
      throw new SsoSignInRefused('provider_failed', providerFailure(error));
    }
  }

  /**
   * The person to sign in, in one transaction: found by address (their roles replaced by the
   * mapped ones when a mapping applies; an invited person becomes active, having proved the
   * address), or provisioned when a mapping applies. A removed person, or another institution's
   * address, is refused. Two first sign-ins of one new address at once: the second finds the first's.
   */
  private async personFor(who: SignedInAddress, roles: StaffRolesBody | undefined): Promise<StaffRecord> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        const person = await this.staff.inTransaction(async (tx) => {
          const found = await this.findOrProvision(tx, who, roles);
          if (found.changed) await this.events.changed(tx, { correlationId: who.correlationId }, found.person);
          return found;
        });
        if (person.changed) this.events.published();
        return person.person;
      } catch (error) {
        if (attempt < 2 && isUniqueViolation(error)) continue;
        throw error;
      }
    }
  }

  /** The person, and whether their name, status or roles changed (the issuer service must hear of it). */
  private async findOrProvision(tx: GatewayTx, { institutionId, email, name, correlationId }: SignedInAddress, roles: StaffRolesBody | undefined): Promise<{ person: StaffRecord; changed: boolean }> {
    // What the platform changes on the provider's word has no actor, as an operator's change.
    const platform = { correlationId };
    const existing = await this.staff.findByEmail(email, tx);
    if (existing && (existing.institutionId !== institutionId || existing.status === 'removed')) {
      throw new SsoSignInRefused('account_unavailable', existing.institutionId === institutionId ? 'the person was removed' : 'the address belongs to another institution');
    }
    if (!existing) {
      if (!roles) throw new SsoSignInRefused('no_role', 'no role mapping applies and the person has no account');
      const created = await this.staff.create(newEntityId(), { institutionId, email, name, language: 'en', invitedBy: PROVISIONED_BY, ...roles }, tx);
      await recordChange(tx, { institutionId, origin: platform, action: 'staff.created', target: { type: 'StaffMember', id: created.id }, changes: setFields({ ...roles, via: 'sso' }) });
      return { person: await this.staff.update(created.id, { status: 'active' }, tx), changed: true };
    }
    await this.staff.lock(tx, existing.id);
    let changed = false;
    if (roles) {
      const changes = fieldChanges(existing, roles, ['institutionRole', 'issuerRoles']);
      if (Object.keys(changes).length > 0) {
        changed = true;
        await this.staff.replaceRoles(institutionId, existing.id, roles, tx);
        await recordChange(tx, { institutionId, origin: platform, action: 'staff.roles_changed', target: { type: 'StaffMember', id: existing.id }, changes });
      }
    }
    if (existing.status === 'invited') {
      const changes = { status: { before: 'invited', after: 'active' } };
      await recordChange(tx, { institutionId, origin: { ...platform, actor: { type: 'staff', id: existing.id } }, action: 'staff.joined', target: { type: 'StaffMember', id: existing.id }, changes });
      return { person: await this.staff.update(existing.id, { status: 'active' }, tx), changed: true };
    }
    return { person: (await this.staff.find(institutionId, existing.id, tx)) as StaffRecord, changed };
  }

  private async discover(settings: SsoSettingsRecord): Promise<Configuration> {
    try {
      const clientSecret = this.sealer.open(settings.clientSecretSealed, ssoClientSecretContext(settings.institutionId));
      return await this.providers.get(settings.institutionId, settings.updatedAt, () => discoverProvider({ issuerUrl: settings.issuerUrl, clientId: settings.clientId, clientSecret }));
    } catch (error) {
      throw new SsoSignInRefused('provider_failed', `discovery of ${settings.issuerUrl}: ${providerFailure(error)}`);
    }
  }
}

/** `openid email profile`, and the role claim's name when the provider offers a scope of that name (as `groups` often is). */
function scopesFor(provider: Configuration, roleClaim: string | null): string {
  const offered = provider.serverMetadata().scopes_supported ?? [];
  return ['openid', 'email', 'profile', ...(roleClaim && offered.includes(roleClaim) ? [roleClaim] : [])].join(' ');
}

/** The person's name as the provider gives it, else the address's local part (admins may rename them). */
function displayName(claims: Claims, email: string): string {
  const name = typeof claims.name === 'string' ? claims.name.trim() : '';
  return (name || email.slice(0, email.lastIndexOf('@'))).slice(0, STAFF_NAME_MAX);
}

import { Inject, Injectable, Logger } from '@nestjs/common';

import type { SsoSettingsBody, SsoSettingsV2 } from '@badges/api-contracts';
import { fieldChanges, type EventOrigin } from '@badges/events';
import { isUniqueViolation } from '@badges/persistence';
import { ApiError, ErrorCode } from '@badges/service-kit';

import { recordChange } from '../audit/audit-recorder';
import { removedFields, setFields } from '../audit/audit-record';
import { actorOf, type CallerIdentity } from '../auth/caller';
import type { GatewayConfig } from '../config/gateway.config';
import { GATEWAY_CONFIG } from '../gateway.tokens';
import { IssuerDirectory } from '../staff/issuer-directory';
import { issuerUrlProblem } from './issuer-url-policy';
import { discoverProvider, PROVIDER_TIMEOUT_SECONDS, providerFailure } from './oidc-provider';
import { ssoClientSecretContext, SsoClientSecretSealer } from './sso-client-secret.sealer';
import { toSsoSettingsV2 } from './sso.mapper';
import { SsoRepository, type SsoSettingsRecord } from './sso.repository';

/** The settings' fields an audit entry compares (the secret is never one: its entry says only that it was replaced). */
const AUDITED_FIELDS = ['issuerUrl', 'clientId', 'allowedDomains', 'roleClaim', 'roleMappings', 'ssoOnly', 'enabled'] as const;

/**
 * An institution's single sign-on, set by its admins (a person with `admin`, or a `manage`
 * client). The provider must answer OIDC discovery before anything is saved, so a typo is a 422
 * now rather than a failed sign-in later. Each change is audited in its own transaction.
 */
@Injectable()
export class SsoSettingsService {
  private readonly logger = new Logger(SsoSettingsService.name);

  constructor(
    private readonly sso: SsoRepository,
    private readonly sealer: SsoClientSecretSealer,
    private readonly issuers: IssuerDirectory,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async get(institutionId: string): Promise<SsoSettingsV2> {
    const settings = await this.sso.find(institutionId);
    if (!settings) throw notConfigured();
    return toSsoSettingsV2(settings, this.config.PUBLIC_URL);
  }

  async put(caller: CallerIdentity, body: SsoSettingsBody, origin: EventOrigin): Promise<SsoSettingsV2> {
    const { institutionId } = caller;
    const problem = issuerUrlProblem(body.issuerUrl, this.config.SSO_ALLOW_HTTP_ISSUERS);
    if (problem) throw ApiError.validation(problem, 'issuerUrl');
    const existing = await this.sso.find(institutionId);
    const clientSecret = body.clientSecret ?? (existing ? this.openSecret(existing) : undefined);
    if (!clientSecret) throw ApiError.validation('This field is required the first time single sign-on is set (and after SECRETS_ENCRYPTION_KEY changed).', 'clientSecret');
    const issuerIds = [...new Set(body.roleMappings.flatMap((mapping) => mapping.issuerRoles.map((grant) => grant.issuerId)))];
    await this.issuers.requireAll(caller, issuerIds, origin.correlationId, 'roleMappings');
    await this.requireDiscovery(body.issuerUrl, body.clientId, clientSecret);

    const { clientSecret: _secret, ...fields } = body;
    const settings = { ...fields, institutionId, clientSecretSealed: this.sealer.seal(clientSecret, ssoClientSecretContext(institutionId)) };
    let saved: SsoSettingsRecord;
    try {
      saved = await this.sso.inTransaction(async (tx) => {
        await this.sso.lock(institutionId, tx);
        const taken = await this.sso.domainsClaimedElsewhere(institutionId, body.allowedDomains, tx);
        if (taken.length > 0) throw domainsTaken(taken);
        const before = await this.sso.find(institutionId, tx);
        const after = await this.sso.save(settings, tx);
        const changes = before ? fieldChanges(before, after, AUDITED_FIELDS) : setFields(pick(after));
        if (body.clientSecret !== undefined) changes.clientSecret = { after: 'replaced' };
        await recordChange(tx, { institutionId, origin, action: 'sso.configured', target: { type: 'SsoSettings', id: institutionId }, changes });
        return after;
      });
    } catch (error) {
      // Two institutions claiming one new domain at once: the primary key decides.
      if (isUniqueViolation(error)) throw domainsTaken(body.allowedDomains);
      throw error;
    }
    this.logger.log(`SSO of institution ${institutionId} set by ${actorOf(caller)} (issuer ${saved.issuerUrl}, enabled ${saved.enabled}, ssoOnly ${saved.ssoOnly})`);
    return toSsoSettingsV2(saved, this.config.PUBLIC_URL);
  }

  /** Removes the settings: nobody signs in through the provider any more, and passwords work again. */
  async remove(caller: CallerIdentity, origin: EventOrigin): Promise<SsoSettingsV2> {
    const { institutionId } = caller;
    const removed = await this.sso.inTransaction(async (tx) => {
      await this.sso.lock(institutionId, tx);
      const settings = await this.sso.find(institutionId, tx);
      if (!settings) throw notConfigured();
      await this.sso.remove(institutionId, tx);
      await recordChange(tx, { institutionId, origin, action: 'sso.removed', target: { type: 'SsoSettings', id: institutionId }, changes: removedFields(pick(settings)) });
      return settings;
    });
    this.logger.log(`SSO of institution ${institutionId} removed by ${actorOf(caller)}`);
    return toSsoSettingsV2(removed, this.config.PUBLIC_URL);
  }

  /** The secret set before, or undefined when it no longer opens (SECRETS_ENCRYPTION_KEY changed): the admin sends it again. */
  private openSecret(settings: SsoSettingsRecord): string | undefined {
    try {
      return this.sealer.open(settings.clientSecretSealed, ssoClientSecretContext(settings.institutionId));
    } catch {
      return undefined;
    }
  }

  private async requireDiscovery(issuerUrl: string, clientId: string, clientSecret: string): Promise<void> {
    try {
      await discoverProvider({ issuerUrl, clientId, clientSecret });
    } catch (error) {
      throw new ApiError(
        422,
        ErrorCode.SsoDiscoveryFailed,
        `OpenID Connect discovery of ${issuerUrl} failed (${providerFailure(error)}). Check the issuer URL: ${issuerUrl}/.well-known/openid-configuration must answer within ${PROVIDER_TIMEOUT_SECONDS} seconds, naming this issuer.`,
        'issuerUrl',
      );
    }
  }
}

function pick(settings: SsoSettingsRecord): Record<string, unknown> {
  return Object.fromEntries(AUDITED_FIELDS.map((field) => [field, settings[field]]));
}

function notConfigured(): ApiError {
  return new ApiError(404, ErrorCode.NotFound, 'This institution has no single sign-on set (PUT /v2/institutions/self/sso sets it).');
}

function domainsTaken(domains: readonly string[]): ApiError {
  return new ApiError(409, ErrorCode.Conflict, `Another institution signs in people of ${domains.join(', ')} through its SSO: a domain belongs to one institution. Ask the operator.`, 'allowedDomains');
}

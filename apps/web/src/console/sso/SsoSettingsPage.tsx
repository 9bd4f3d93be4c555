import { useCallback, useId, useState, type FormEvent } from 'react';

import type { IssuerStaffRole, IssuerV2, SsoSettingsV2 } from '@badges/api-contracts/types';

import { listIssuers } from '../../api/console-api';
import { removeSsoSettings, saveSsoSettings, ssoSettings } from '../../api/sso-api';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorMessage } from '../../shell/ErrorMessage';
import { Notice } from '../../shell/Notice';
import { useAction } from '../../shell/use-action';
import { usePageTitle } from '../../shell/use-page-title';
import { useLoaded } from '../integrations/use-loaded';

const ISSUER_ROLES = ['owner', 'editor', 'staff'] as const satisfies readonly IssuerStaffRole[];

/**
 * One row of the form: a claim value with at most one issuer role. A value that should give roles
 * on several issuers takes several rows: the platform joins every mapping that applies.
 */
interface MappingRow {
  key: number;
  claimValue: string;
  admin: boolean;
  issuerId: string;
  role: IssuerStaffRole;
}

let nextKey = 0;
const row = (fields: Partial<MappingRow> = {}): MappingRow => ({ key: nextKey++, claimValue: '', admin: false, issuerId: '', role: 'staff', ...fields });

function rowsOf(settings: SsoSettingsV2 | null): MappingRow[] {
  return (settings?.roleMappings ?? []).flatMap((mapping) => {
    const admin = mapping.institutionRole === 'admin';
    if (mapping.issuerRoles.length === 0) return [row({ claimValue: mapping.claimValue, admin })];
    return mapping.issuerRoles.map((grant) => row({ claimValue: mapping.claimValue, admin, issuerId: grant.issuerId, role: grant.role }));
  });
}

/** The institution's single sign-on, for its admins (GET/PUT/DELETE /v2/institutions/self/sso). */
export function SsoSettingsPage({ token }: { token: string }) {
  const { t } = useI18n();
  usePageTitle(t('consoleSso.settings.heading'));
  const load = useCallback(async () => ({ settings: await ssoSettings(token), issuers: await listIssuers(token) }), [token]);
  const loaded = useLoaded(load, { settings: null as SsoSettingsV2 | null, issuers: [] as IssuerV2[] });
  const [notice, setNotice] = useState<string | null>(null);
  const changed = useCallback(
    async (message: string) => {
      await loaded.reload();
      setNotice(message);
    },
    [loaded],
  );
  return (
    <>
      <h1>{t('consoleSso.settings.heading')}</h1>
      <Notice text={notice} />
      <ErrorMessage error={loaded.error} />
      {!loaded.loading && !loaded.error && (
        // A new form for each version of the settings, so its fields start from what the platform holds.
        <SsoSettingsForm key={loaded.data.settings?.updatedAt ?? 'none'} token={token} settings={loaded.data.settings} issuers={loaded.data.issuers} onChanged={changed} />
      )}
    </>
  );
}

function SsoSettingsForm({ token, settings, issuers, onChanged }: { token: string; settings: SsoSettingsV2 | null; issuers: IssuerV2[]; onChanged(message: string): Promise<void> }) {
  const { t } = useI18n();
  const id = useId();
  const [issuerUrl, setIssuerUrl] = useState(settings?.issuerUrl ?? '');
  const [clientId, setClientId] = useState(settings?.clientId ?? '');
  const [clientSecret, setClientSecret] = useState('');
  const [domains, setDomains] = useState(settings?.allowedDomains.join(', ') ?? '');
  const [roleClaim, setRoleClaim] = useState(settings?.roleClaim ?? '');
  const [rows, setRows] = useState<MappingRow[]>(() => rowsOf(settings));
  const [ssoOnly, setSsoOnly] = useState(settings?.ssoOnly ?? false);
  const [enabled, setEnabled] = useState(settings?.enabled ?? true);
  const save = useAction();
  const remove = useAction();
  const redirectUri = settings?.redirectUri ?? `${window.location.origin}/web/sso/callback`;

  const change = (key: number, fields: Partial<MappingRow>) => setRows((current) => current.map((each) => (each.key === key ? { ...each, ...fields } : each)));
  async function submit(event: FormEvent) {
    event.preventDefault();
    const saved = await save.run(async () => {
      await saveSsoSettings(token, {
        issuerUrl: issuerUrl.trim(),
        clientId: clientId.trim(),
        ...(clientSecret ? { clientSecret } : {}),
        allowedDomains: domains.split(/[\s,]+/).filter(Boolean),
        roleClaim: roleClaim.trim() || null,
        roleMappings: rows
          .filter((mapping) => mapping.claimValue.trim())
          .map((mapping) => ({
            claimValue: mapping.claimValue.trim(),
            institutionRole: mapping.admin ? 'admin' : null,
            issuerRoles: mapping.issuerId ? [{ issuerId: mapping.issuerId, role: mapping.role }] : [],
          })),
        ssoOnly,
        enabled,
      });
    });
    // The page shows the notice: this form is replaced by one holding what the platform now has.
    if (saved) await onChanged(t('consoleSso.settings.saved'));
  }
  async function removeAll() {
    if (await remove.run(async () => void (await removeSsoSettings(token)))) await onChanged(t('consoleSso.settings.removed'));
  }

  return (
    <>
      <p>{t('consoleSso.settings.intro')}</p>
      <p className="share-url">
        <code>{redirectUri}</code>
      </p>
      {!settings && <p>{t('consoleSso.settings.none')}</p>}
      <form className="form" onSubmit={submit} aria-label={t('consoleSso.settings.heading')}>
        <label htmlFor={`${id}-issuer`}>{t('consoleSso.settings.issuerUrl')}</label>
        <input id={`${id}-issuer`} type="url" required placeholder="https://" value={issuerUrl} onChange={(event) => setIssuerUrl(event.target.value)} />
        <label htmlFor={`${id}-client`}>{t('consoleSso.settings.clientId')}</label>
        <input id={`${id}-client`} required autoComplete="off" value={clientId} onChange={(event) => setClientId(event.target.value)} />
        <label htmlFor={`${id}-secret`}>{t('consoleSso.settings.clientSecret')}</label>
        <input
          id={`${id}-secret`}
          type="password"
          autoComplete="off"
          required={!settings}
          aria-describedby={`${id}-secret-help`}
          value={clientSecret}
          onChange={(event) => setClientSecret(event.target.value)}
        />
        <p id={`${id}-secret-help`} className="muted">
          {settings?.clientSecretSet ? t('consoleSso.settings.clientSecretSet') : t('consoleSso.settings.clientSecretNew')}
        </p>
        <label htmlFor={`${id}-domains`}>{t('consoleSso.settings.allowedDomains')}</label>
        <input id={`${id}-domains`} required aria-describedby={`${id}-domains-help`} value={domains} onChange={(event) => setDomains(event.target.value)} />
        <p id={`${id}-domains-help`} className="muted">
          {t('consoleSso.settings.allowedDomainsHelp')}
        </p>
        <label htmlFor={`${id}-claim`}>{t('consoleSso.settings.roleClaim')}</label>
        <input id={`${id}-claim`} autoComplete="off" value={roleClaim} onChange={(event) => setRoleClaim(event.target.value)} />
        <fieldset>
          <legend>{t('consoleSso.settings.mappingsLegend')}</legend>
          <p className="muted">{t('consoleSso.settings.mappingsHelp')}</p>
          {rows.map((mapping, index) => {
            const n = index + 1;
            const field = `${id}-mapping-${mapping.key}`;
            return (
              <fieldset key={mapping.key}>
                <legend>{t('consoleSso.settings.mappingLegend', { n })}</legend>
                <label htmlFor={`${field}-value`}>{t('consoleSso.settings.mappingValue', { n })}</label>
                <input id={`${field}-value`} required value={mapping.claimValue} onChange={(event) => change(mapping.key, { claimValue: event.target.value })} />
                <label className="check">
                  <input type="checkbox" checked={mapping.admin} onChange={(event) => change(mapping.key, { admin: event.target.checked })} />
                  {t('consoleSso.settings.mappingAdmin', { n })}
                </label>
                <label htmlFor={`${field}-issuer`}>{t('consoleSso.settings.mappingIssuer', { n })}</label>
                <select id={`${field}-issuer`} value={mapping.issuerId} onChange={(event) => change(mapping.key, { issuerId: event.target.value })}>
                  <option value="">{t('consoleSso.settings.mappingNoIssuer')}</option>
                  {issuers.map((issuer) => (
                    <option key={issuer.entityId} value={issuer.entityId}>
                      {issuer.name}
                    </option>
                  ))}
                </select>
                {mapping.issuerId && (
                  <>
                    <label htmlFor={`${field}-role`}>{t('consoleSso.settings.mappingRole', { n })}</label>
                    <select id={`${field}-role`} value={mapping.role} onChange={(event) => change(mapping.key, { role: event.target.value as IssuerStaffRole })}>
                      {ISSUER_ROLES.map((role) => (
                        <option key={role} value={role}>
                          {t(`consoleSso.settings.roles.${role}`)}
                        </option>
                      ))}
                    </select>
                  </>
                )}
                <button type="button" className="secondary" onClick={() => setRows((current) => current.filter((each) => each.key !== mapping.key))}>
                  {t('consoleSso.settings.removeMapping', { n })}
                </button>
              </fieldset>
            );
          })}
          <button type="button" className="secondary" onClick={() => setRows((current) => [...current, row()])}>
            {t('consoleSso.settings.addMapping')}
          </button>
        </fieldset>
        <label className="check">
          <input type="checkbox" checked={ssoOnly} onChange={(event) => setSsoOnly(event.target.checked)} />
          {t('consoleSso.settings.ssoOnly')}
        </label>
        <label className="check">
          <input type="checkbox" checked={enabled} onChange={(event) => setEnabled(event.target.checked)} />
          {t('consoleSso.settings.enabled')}
        </label>
        <ErrorMessage error={save.error} />
        <button type="submit" disabled={save.busy}>
          {t('consoleSso.settings.save')}
        </button>
      </form>
      {settings && (
        <section aria-labelledby={`${id}-remove`}>
          <h2 id={`${id}-remove`}>{t('consoleSso.settings.removeHeading')}</h2>
          <p>{t('consoleSso.settings.removeHelp')}</p>
          <ErrorMessage error={remove.error} />
          <button type="button" className="secondary" disabled={remove.busy} onClick={() => void removeAll()}>
            {t('consoleSso.settings.remove')}
          </button>
        </section>
      )}
    </>
  );
}

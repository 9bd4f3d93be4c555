import { useId } from 'react';

import type { IssuerStaffRole, IssuerV2 } from '@badges/api-contracts/types';

import { useI18n } from '../../i18n/i18n-context';
import { ISSUER_ROLES, withIssuerRole, type Roles } from './issuer-roles';

/** The roles a person has: institution admin or not, and a role (or none) on each of the institution's issuers. */
export function RolesFieldset({ roles, issuers, onChange }: { roles: Roles; issuers: readonly IssuerV2[]; onChange(roles: Roles): void }) {
  const { t } = useI18n();
  const id = useId();
  const roleOn = (issuerId: string) => roles.issuerRoles.find((grant) => grant.issuerId === issuerId)?.role ?? '';
  return (
    <>
      <label className="check">
        <input type="checkbox" checked={roles.institutionRole === 'admin'} onChange={(event) => onChange({ ...roles, institutionRole: event.target.checked ? 'admin' : null })} />
        <span>
          <strong>{t('consolePeople.roles.admin')}</strong> {t('consolePeople.roles.adminHelp')}
        </span>
      </label>
      <fieldset className="events" aria-describedby={`${id}-help`}>
        <legend>{t('consolePeople.roles.issuerLegend')}</legend>
        <p id={`${id}-help`} className="muted">
          {t('consolePeople.roles.issuerHelp')}
        </p>
        {issuers.length === 0 && <p>{t('consolePeople.roles.noIssuers')}</p>}
        {issuers.map((issuer) => (
          <div key={issuer.entityId} className="issuer-role">
            <label htmlFor={`${id}-${issuer.entityId}`}>{t('consolePeople.roles.roleOn', { issuer: issuer.name })}</label>
            <select id={`${id}-${issuer.entityId}`} value={roleOn(issuer.entityId)} onChange={(event) => onChange(withIssuerRole(roles, issuer.entityId, event.target.value as IssuerStaffRole | ''))}>
              <option value="">{t('consolePeople.roles.none')}</option>
              {ISSUER_ROLES.map((role) => (
                <option key={role} value={role}>
                  {t(`consolePeople.roles.${role}`)}
                </option>
              ))}
            </select>
          </div>
        ))}
      </fieldset>
    </>
  );
}

import { useId, useState, type FormEvent } from 'react';

import type { IssuerV2, StaffMemberV2 } from '@badges/api-contracts/types';

import { useI18n } from '../../i18n/i18n-context';
import { ConfirmActions, SubmitCancel } from '../../shell/FormActions';
import { formatDate } from '../../shell/format';
import type { Roles } from './issuer-roles';
import { RolesFieldset } from './RolesFieldset';

/** What the admin asked to do to a person; `remove` and `endSessions` are confirmed first. */
export type PersonChange = { kind: 'roles'; roles: Roles } | { kind: 'remove' } | { kind: 'endSessions' };

interface PersonItemProps {
  person: StaffMemberV2;
  issuers: readonly IssuerV2[];
  /** The signed-in person: not offered removing or signing out themselves. */
  isSelf: boolean;
  busy: boolean;
  /** Resolves true when the change was made (the item then closes its form or confirmation). */
  onChange(person: StaffMemberV2, change: PersonChange): Promise<boolean>;
}

/** One person of the list: who they are, their roles, and the admin's actions on them. */
export function PersonItem({ person, issuers, isSelf, busy, onChange }: PersonItemProps) {
  const { t, lang } = useI18n();
  const id = useId();
  const [editing, setEditing] = useState<Roles | null>(null);
  const [confirming, setConfirming] = useState<'remove' | 'endSessions' | null>(null);
  const issuerName = (issuerId: string) => issuers.find((issuer) => issuer.entityId === issuerId)?.name ?? t('consolePeople.people.unknownIssuer', { id: issuerId });
  const removed = person.status === 'removed';

  async function saveRoles(event: FormEvent) {
    event.preventDefault();
    if (editing && (await onChange(person, { kind: 'roles', roles: editing }))) setEditing(null);
  }
  async function confirm(change: 'remove' | 'endSessions') {
    if (await onChange(person, { kind: change })) setConfirming(null);
  }

  return (
    <li data-status={person.status}>
      <h3 id={`${id}-name`}>
        {person.name}
        {isSelf && ` (${t('consolePeople.people.you')})`}
      </h3>
      <p className="share-url">{person.email}</p>
      <p>
        <span className={`status status-${person.status}`}>{t(`consolePeople.people.status.${person.status}`)}</span>{' '}
        {person.institutionRole === 'admin' && <strong>{t('consolePeople.people.admin')}</strong>}
      </p>
      {person.issuerRoles.length > 0 ? (
        <ul className="role-list">
          {person.issuerRoles.map((grant) => (
            <li key={grant.issuerId}>{t('consolePeople.people.issuerRole', { issuer: issuerName(grant.issuerId), role: t(`consolePeople.roles.${grant.role}`) })}</li>
          ))}
        </ul>
      ) : (
        person.institutionRole !== 'admin' && <p className="muted">{t('consolePeople.people.noRoles')}</p>
      )}
      <p className="muted">
        {removed
          ? t('consolePeople.people.removedOn', { date: formatDate(person.removedAt ?? undefined, lang) })
          : person.lastSignInAt
            ? t('consolePeople.people.lastSignIn', { date: formatDate(person.lastSignInAt, lang) })
            : t('consolePeople.people.neverSignedIn')}
      </p>
      {removed ? null : editing ? (
        <form className="form" onSubmit={saveRoles} aria-labelledby={`${id}-roles`}>
          <h4 id={`${id}-roles`}>{t('consolePeople.people.rolesHeading', { name: person.name })}</h4>
          <RolesFieldset roles={editing} issuers={issuers} onChange={setEditing} />
          <SubmitCancel submit={t('consolePeople.people.saveRoles')} busy={busy} onCancel={() => setEditing(null)} />
        </form>
      ) : confirming ? (
        <ConfirmActions
          question={t(`consolePeople.people.confirm.${confirming}`, { name: person.name })}
          confirm={t(`consolePeople.people.${confirming}`)}
          busy={busy}
          onConfirm={() => confirm(confirming)}
          onCancel={() => setConfirming(null)}
        />
      ) : (
        <div className="actions">
          <button
            type="button"
            className="secondary"
            aria-label={t('consolePeople.people.changeRolesNamed', { name: person.name })}
            onClick={() => setEditing({ institutionRole: person.institutionRole, issuerRoles: person.issuerRoles })}
          >
            {t('consolePeople.people.changeRoles')}
          </button>
          {!isSelf && (
            <>
              <button type="button" className="secondary" aria-label={t('consolePeople.people.endSessionsNamed', { name: person.name })} onClick={() => setConfirming('endSessions')}>
                {t('consolePeople.people.endSessions')}
              </button>
              <button type="button" className="secondary" aria-label={t('consolePeople.people.removeNamed', { name: person.name })} onClick={() => setConfirming('remove')}>
                {t('consolePeople.people.remove')}
              </button>
            </>
          )}
        </div>
      )}
    </li>
  );
}

import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';

import type { AdminInstitutionCounts } from '@badges/api-contracts/types';

import { reactivateInstitution, renameInstitution, suspendInstitution, type OperatorInstitution } from '../api/operator-api';
import { useI18n } from '../i18n/i18n-context';
import { ErrorMessage } from '../shell/ErrorMessage';
import { SubmitCancel } from '../shell/FormActions';
import { formatDate } from '../shell/format';
import { Notice } from '../shell/Notice';
import { useAction } from '../shell/use-action';

const COUNTS: readonly (keyof AdminInstitutionCounts)[] = ['people', 'apiClients', 'issuers', 'badgeClasses', 'assertionsAwarded', 'assertionsRevoked'];

/** One institution: its status and counts, and rename, suspend (with a reason, after a confirmation) or reactivate. */
export function InstitutionCard({ token, institution, onChanged }: { token: string; institution: OperatorInstitution; onChanged(): Promise<void> }) {
  const { t, lang } = useI18n();
  const id = useId();
  const [editing, setEditing] = useState<'rename' | 'suspend' | null>(null);
  const [name, setName] = useState(institution.name);
  const [reason, setReason] = useState('');
  const action = useAction();
  const { name: current } = institution;

  const run = (change: () => Promise<string>) =>
    void action.run(async () => {
      const notice = await change();
      setEditing(null);
      await onChanged();
      return notice;
    });
  const rename = (event: FormEvent) => {
    event.preventDefault();
    run(async () => t('operator.rename.done', { name: current, newName: (await renameInstitution(token, institution.id, name.trim())).name }));
  };
  const suspend = (event: FormEvent) => {
    event.preventDefault();
    run(async () => {
      await suspendInstitution(token, institution.id, reason);
      setReason('');
      return t('operator.suspend.done', { name: current });
    });
  };
  const reactivate = () =>
    run(async () => {
      await reactivateInstitution(token, institution.id);
      return t('operator.reactivate.done', { name: current });
    });

  return (
    <li data-status={institution.status} aria-labelledby={`${id}-name`}>
      <h3 id={`${id}-name`}>
        {current} <span className={`status status-${institution.status === 'active' ? 'accepted' : 'revoked'}`}>{t(`operator.status.${institution.status}`)}</span>
      </h3>
      <p className="muted share-url">{institution.id}</p>
      <p className="muted">
        {t('operator.list.created', { date: formatDate(institution.createdAt, lang) })}
        {institution.suspendedAt && ` · ${t('operator.list.suspendedOn', { date: formatDate(institution.suspendedAt, lang) })}`}
      </p>
      {institution.suspendedReason && <p>{t('operator.list.reason', { reason: institution.suspendedReason })}</p>}
      <dl className="operator-counts" aria-label={t('operator.counts.label', { name: current })}>
        {COUNTS.map((count) => (
          <div key={count}>
            <dt>{t(`operator.counts.${count}`)}</dt>
            <dd>{institution.counts[count] ?? t('operator.counts.unknown')}</dd>
          </div>
        ))}
      </dl>
      <ErrorMessage error={action.error} />
      <Notice text={action.notice} />
      {editing === 'rename' ? (
        <form className="form narrow" onSubmit={rename}>
          <label htmlFor={`${id}-rename`}>{t('operator.rename.name', { name: current })}</label>
          <input id={`${id}-rename`} required maxLength={255} value={name} onChange={(event) => setName(event.target.value)} />
          <SubmitCancel submit={t('operator.rename.submit')} busy={action.busy} onCancel={() => setEditing(null)} />
        </form>
      ) : editing === 'suspend' ? (
        <form className="form narrow" onSubmit={suspend} aria-labelledby={`${id}-confirm`}>
          <p id={`${id}-confirm`}>{t('operator.suspend.confirm', { name: current })}</p>
          <label htmlFor={`${id}-reason`}>{t('operator.suspend.reason')}</label>
          <input id={`${id}-reason`} maxLength={500} value={reason} onChange={(event) => setReason(event.target.value)} />
          <SubmitCancel submit={t('operator.suspend.submit')} busy={action.busy} onCancel={() => setEditing(null)} />
        </form>
      ) : (
        <div className="actions">
          <button type="button" className="secondary" aria-label={t('operator.rename.buttonNamed', { name: current })} onClick={() => { setName(current); setEditing('rename'); }}>
            {t('operator.rename.button')}
          </button>
          <Link className="button secondary" to={`/operator/institutions/${encodeURIComponent(institution.id)}/migrations`} aria-label={t('operator.migrate.linkNamed', { name: current })}>
            {t('operator.migrate.link')}
          </Link>
          {institution.status === 'active' ? (
            <button type="button" className="secondary" aria-label={t('operator.suspend.buttonNamed', { name: current })} onClick={() => setEditing('suspend')}>
              {t('operator.suspend.button')}
            </button>
          ) : (
            <button type="button" aria-label={t('operator.reactivate.buttonNamed', { name: current })} disabled={action.busy} onClick={reactivate}>
              {t('operator.reactivate.button')}
            </button>
          )}
        </div>
      )}
    </li>
  );
}

import { useId, useState, type FormEvent } from 'react';

import type { AdminInstitutionCreated } from '@badges/api-contracts/types';

import { createInstitution } from '../api/operator-api';
import { useI18n } from '../i18n/i18n-context';
import { ErrorMessage } from '../shell/ErrorMessage';
import { Notice } from '../shell/Notice';
import { useAction } from '../shell/use-action';

/** A new institution, and its first API client's secret, shown here once with a copy button. */
export function CreateInstitutionForm({ token, onCreated }: { token: string; onCreated(): Promise<void> }) {
  const { t } = useI18n();
  const id = useId();
  const [name, setName] = useState('');
  const [created, setCreated] = useState<AdminInstitutionCreated | null>(null);
  const create = useAction();
  const copy = useAction();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void create.run(async () => {
      setCreated(null);
      const institution = await createInstitution(token, name.trim());
      setCreated(institution);
      setName('');
      await onCreated();
      return t('operator.create.created', { name: institution.name });
    });
  };
  const copySecret = (secret: string) =>
    copy.run(async () => {
      await navigator.clipboard.writeText(secret);
      return t('operator.create.copied');
    });
  return (
    <section aria-labelledby={`${id}-heading`}>
      <form className="form narrow" onSubmit={submit}>
        <h2 id={`${id}-heading`}>{t('operator.create.heading')}</h2>
        <label htmlFor={`${id}-name`}>{t('operator.create.name')}</label>
        <input id={`${id}-name`} required maxLength={255} value={name} onChange={(event) => setName(event.target.value)} />
        <ErrorMessage error={create.error} />
        <button type="submit" disabled={create.busy}>
          {t('operator.create.submit')}
        </button>
      </form>
      <Notice text={create.notice} />
      {created && (
        <div className="notice">
          <h3>{t('operator.create.secretHeading', { name: created.name })}</h3>
          <p>{t('operator.create.secretHelp')}</p>
          <label htmlFor={`${id}-client-id`}>{t('operator.create.clientId')}</label>
          <input id={`${id}-client-id`} className="operator-secret" readOnly value={created.client.clientId} onFocus={(event) => event.target.select()} />
          <label htmlFor={`${id}-secret`}>{t('operator.create.clientSecret')}</label>
          <input id={`${id}-secret`} className="operator-secret" readOnly value={created.client.clientSecret} onFocus={(event) => event.target.select()} />
          <div className="actions">
            <button type="button" className="secondary" onClick={() => void copySecret(created.client.clientSecret)}>
              {t('operator.create.copy')}
            </button>
          </div>
          <ErrorMessage error={copy.error} />
          <Notice text={copy.notice} />
        </div>
      )}
    </section>
  );
}

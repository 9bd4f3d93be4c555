import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';

import { createIssuer, listIssuers } from '../../api/console-api';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorMessage } from '../../shell/ErrorMessage';
import { useAction } from '../../shell/use-action';
import { usePageTitle } from '../../shell/use-page-title';
import { useConsoleData, useConsoleSession } from '../console-session';

/** The console's home: the institution's issuers, and a form to create one. */
export function IssuersPage() {
  const { t } = useI18n();
  usePageTitle(t('console.issuers.heading'));
  const issuers = useConsoleData(listIssuers);

  return (
    <>
      <h1>{t('console.issuers.heading')}</h1>
      <ErrorMessage error={issuers.error} />
      {issuers.data === null ? (
        !issuers.error && <p>{t('common.loading')}</p>
      ) : issuers.data.length === 0 ? (
        <p>{t('console.issuers.none')}</p>
      ) : (
        <ul className="plain-list">
          {issuers.data.map((issuer) => (
            <li key={issuer.entityId} className="card">
              <Link to={`/console/issuers/${issuer.entityId}`}>{issuer.name}</Link>
              <p className="muted">{issuer.url}</p>
            </li>
          ))}
        </ul>
      )}
      <CreateIssuerForm />
    </>
  );
}

function CreateIssuerForm() {
  const { t } = useI18n();
  const { token } = useConsoleSession();
  const navigate = useNavigate();
  const action = useAction();
  const [fields, setFields] = useState({ name: '', email: '', url: '', description: '' });
  const field = (name: keyof typeof fields) => ({ value: fields[name], onChange: (event: { target: { value: string } }) => setFields({ ...fields, [name]: event.target.value }) });

  async function submit(event: FormEvent) {
    event.preventDefault();
    await action.run(async () => {
      const issuer = await createIssuer(token, { ...fields, description: fields.description.trim() || undefined });
      await navigate(`/console/issuers/${issuer.entityId}`);
    });
  }

  return (
    <form className="form narrow" onSubmit={submit} aria-labelledby="create-issuer-heading">
      <h2 id="create-issuer-heading">{t('console.issuers.createHeading')}</h2>
      <label htmlFor="issuer-name">{t('console.issuers.name')}</label>
      <input id="issuer-name" required {...field('name')} />
      <label htmlFor="issuer-email">{t('console.issuers.email')}</label>
      <input id="issuer-email" type="email" required autoComplete="email" {...field('email')} />
      <label htmlFor="issuer-url">{t('console.issuers.url')}</label>
      <input id="issuer-url" type="url" required placeholder="https://" {...field('url')} />
      <label htmlFor="issuer-description">{t('console.issuers.description')}</label>
      <textarea id="issuer-description" {...field('description')} />
      <ErrorMessage error={action.error} />
      <button type="submit" disabled={action.busy}>
        {t('console.issuers.create')}
      </button>
    </form>
  );
}

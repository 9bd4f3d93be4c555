import { Link, useNavigate } from 'react-router';

import { createIssuer, listIssuers, type IssuerFields } from '../../api/console-api';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorMessage } from '../../shell/ErrorMessage';
import { usePageTitle } from '../../shell/use-page-title';
import { useConsoleData, useConsoleSession } from '../console-session';
import { IssuerForm } from './IssuerForm';

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
  const create = async (fields: IssuerFields) => {
    const issuer = await createIssuer(token, fields);
    await navigate(`/console/issuers/${issuer.entityId}`);
  };
  return <IssuerForm heading={t('console.issuers.createHeading')} submitLabel={t('console.issuers.create')} onSubmit={create} />;
}

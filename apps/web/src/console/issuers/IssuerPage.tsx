import { useCallback } from 'react';
import { Link, useParams } from 'react-router';

import { getIssuer, listBadgeClasses, updateIssuer, type IssuerFields } from '../../api/console-api';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorMessage } from '../../shell/ErrorMessage';
import { usePageTitle } from '../../shell/use-page-title';
import { useConsoleData, useConsoleSession } from '../console-session';
import { AwardsDashboard } from '../dashboards/AwardsDashboard';
import { IssuerForm } from './IssuerForm';

/** One issuer: its badge classes, and the way to create another. */
export function IssuerPage() {
  const { t } = useI18n();
  const issuerId = useParams().issuerId ?? '';
  const load = useCallback(async (token: string) => {
    const [issuer, badgeClasses] = await Promise.all([getIssuer(token, issuerId), listBadgeClasses(token, issuerId)]);
    return { issuer, badgeClasses };
  }, [issuerId]);
  const { token } = useConsoleSession();
  const { data, error, reload } = useConsoleData(load);
  const save = async (fields: IssuerFields) => {
    await updateIssuer(token, issuerId, fields);
    await reload();
    return t('console.issuers.saved');
  };
  usePageTitle(data?.issuer.name ?? t('console.issuers.heading'));

  if (!data) return error ? <ErrorMessage error={error} /> : <p>{t('common.loading')}</p>;
  return (
    <>
      <h1>{data.issuer.name}</h1>
      <div className="badge-summary">
        {data.issuer.image && <img src={data.issuer.image} alt={t('console.issuerImage.alt', { issuer: data.issuer.name })} width={96} height={96} />}
        <div>
          <p className="muted">
            {data.issuer.email} · {data.issuer.url}
          </p>
          {data.issuer.description && <p>{data.issuer.description}</p>}
        </div>
      </div>
      <AwardsDashboard source={{ kind: 'issuer', id: issuerId }} />
      <h2>{t('console.issuers.badgeClasses')}</h2>
      {data.badgeClasses.length === 0 ? (
        <p>{t('console.issuers.noBadgeClasses')}</p>
      ) : (
        <ul className="badge-grid">
          {data.badgeClasses.map((badgeClass) => (
            <li key={badgeClass.entityId} className="card badge-card">
              <img src={badgeClass.image} alt="" width={96} height={96} />
              <div>
                <h3>
                  <Link to={`/console/badge-classes/${badgeClass.entityId}`}>{badgeClass.name}</Link>
                </h3>
                <p>{badgeClass.description}</p>
              </div>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link className="button" to={`/console/issuers/${issuerId}/badge-classes/new`}>
          {t('console.issuers.newBadgeClass')}
        </Link>
      </p>
      <IssuerForm key={data.issuer.entityId} existing={data.issuer} heading={t('console.issuers.editHeading')} submitLabel={t('console.issuers.save')} onSubmit={save} />
    </>
  );
}

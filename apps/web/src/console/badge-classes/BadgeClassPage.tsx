import { useCallback, useState } from 'react';
import { Link, useParams } from 'react-router';

import { getBadgeClass } from '../../api/console-api';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorMessage } from '../../shell/ErrorMessage';
import { usePageTitle } from '../../shell/use-page-title';
import { AwardOneForm } from '../awards/AwardOneForm';
import { AwardsList } from '../awards/AwardsList';
import { BulkAwardForm } from '../awards/BulkAwardForm';
import { useConsoleData } from '../console-session';
import { AwardsDashboard } from '../dashboards/AwardsDashboard';

/** One badge class as staff see it, with the two ways to award it: one recipient, or a CSV. */
export function BadgeClassPage() {
  const { t } = useI18n();
  const badgeClassId = useParams().badgeClassId ?? '';
  const { data, error } = useConsoleData(useCallback((token: string) => getBadgeClass(token, badgeClassId), [badgeClassId]));
  usePageTitle(data?.name ?? t('console.issuers.badgeClasses'));
  // Bumped by an award, one-off or bulk, so the list below shows it, and by a revocation from the
  // list, so the dashboard counts it.
  const [awardsVersion, setAwardsVersion] = useState(0);
  const awarded = useCallback(() => setAwardsVersion((version) => version + 1), []);

  if (!data) return error ? <ErrorMessage error={error} /> : <p>{t('common.loading')}</p>;
  return (
    <>
      <h1>{data.name}</h1>
      <div className="badge-summary">
        <img src={data.image} alt="" width={128} height={128} />
        <dl>
          <dt>{t('console.badgeClass.description')}</dt>
          <dd>{data.description}</dd>
          <dt>{t('console.badgeClass.criteria')}</dt>
          <dd className="narrative">{data.criteriaNarrative ?? data.criteriaUrl}</dd>
          {data.alignments.length > 0 && (
            <>
              <dt>{t('console.badgeClass.alignments')}</dt>
              <dd>{data.alignments.map((alignment) => alignment.targetName).join(', ')}</dd>
            </>
          )}
          {data.tags.length > 0 && (
            <>
              <dt>{t('console.badgeClass.tags')}</dt>
              <dd>{data.tags.join(', ')}</dd>
            </>
          )}
          <dt>{t('console.badgeClass.expiry')}</dt>
          <dd>{data.expires.amount && data.expires.duration ? t(`console.badgeClass.expiresAfter.${data.expires.duration}`, { n: data.expires.amount }) : t('console.badgeClass.neverExpires')}</dd>
          <dt>{t('console.badgeClass.verification')}</dt>
          <dd>{t(`console.badgeClass.verificationTypes.${data.verification}`)}</dd>
          {data.translations.length > 0 && (
            <>
              <dt>{t('console.badgeClass.translations')}</dt>
              <dd>{data.translations.map((translation) => `${translation.language}: ${translation.name}`).join(', ')}</dd>
            </>
          )}
        </dl>
      </div>
      <p className="actions">
        <Link className="button secondary" to={`/console/badge-classes/${badgeClassId}/edit`}>
          {t('console.badgeClass.edit')}
        </Link>
        <a href={data.openBadgeId}>{t('console.badgeClass.publicPage')}</a>
      </p>
      <AwardsDashboard source={{ kind: 'badgeClass', id: badgeClassId }} refreshKey={awardsVersion} />
      <AwardOneForm badgeClassId={badgeClassId} onAwarded={awarded} />
      <BulkAwardForm badgeClassId={badgeClassId} onFinished={awarded} />
      <AwardsList source={{ kind: 'badgeClass', id: badgeClassId }} refreshKey={awardsVersion} onRevoked={awarded} />
    </>
  );
}

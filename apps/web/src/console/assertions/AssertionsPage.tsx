import { useCallback, useEffect, useId, useState } from 'react';

import { listBadgeClasses, listIssuers } from '../../api/console-api';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorMessage } from '../../shell/ErrorMessage';
import { usePageTitle } from '../../shell/use-page-title';
import { AwardsList } from '../awards/AwardsList';
import { useConsoleData } from '../console-session';

/**
 * Every award of one issuer, whatever its badge class: the same list as a badge class page's
 * (search by name or exact email, status filter, paging, revoke), with a column naming the badge.
 */
export function AssertionsPage() {
  const { t } = useI18n();
  usePageTitle(t('console.assertions.heading'));
  const id = useId();
  const issuers = useConsoleData(listIssuers);
  const [issuerId, setIssuerId] = useState('');
  useEffect(() => {
    if (!issuerId && issuers.data?.[0]) setIssuerId(issuers.data[0].entityId);
  }, [issuerId, issuers.data]);
  // Awards name their badge class by id; staff recognise it by name.
  const badgeClasses = useConsoleData(useCallback((token: string) => (issuerId ? listBadgeClasses(token, issuerId) : Promise.resolve([])), [issuerId]));
  const badgeNames = new Map((badgeClasses.data ?? []).map((badgeClass) => [badgeClass.entityId, badgeClass.name]));

  return (
    <>
      <h1>{t('console.assertions.heading')}</h1>
      <p>{t('console.findAwards.intro')}</p>
      <ErrorMessage error={issuers.error ?? badgeClasses.error} />
      <div className="form narrow">
        <label htmlFor={`${id}-issuer`}>{t('console.assertions.issuer')}</label>
        <select id={`${id}-issuer`} value={issuerId} onChange={(event) => setIssuerId(event.target.value)}>
          {issuers.data?.map((issuer) => (
            <option key={issuer.entityId} value={issuer.entityId}>
              {issuer.name}
            </option>
          ))}
        </select>
      </div>
      {issuers.data?.length === 0 && <p>{t('console.findAwards.noIssuers')}</p>}
      {issuerId && <AwardsList key={issuerId} source={{ kind: 'issuer', id: issuerId }} refreshKey={0} badgeNames={badgeNames} />}
    </>
  );
}

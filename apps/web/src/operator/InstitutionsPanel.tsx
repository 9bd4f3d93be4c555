import { useCallback, useEffect, useId } from 'react';

import { ApiRequestError } from '../api/client';
import { listInstitutions, type OperatorInstitution } from '../api/operator-api';
import { useLoaded } from '../console/integrations/use-loaded';
import { useI18n } from '../i18n/i18n-context';
import { ErrorMessage } from '../shell/ErrorMessage';
import { CreateInstitutionForm } from './CreateInstitutionForm';
import { InstitutionCard } from './InstitutionCard';

/** Every institution, oldest first, with its status, counts and the operator's actions; and a form for a new one. */
export function InstitutionsPanel({ token, onTokenRefused }: { token: string; onTokenRefused(): void }) {
  const { t } = useI18n();
  const id = useId();
  const load = useCallback(() => listInstitutions(token), [token]);
  const institutions = useLoaded<OperatorInstitution[]>(load, []);
  // A token that stopped working (ADMIN_TOKEN changed) sends the operator back to sign in.
  const refused = institutions.error instanceof ApiRequestError && institutions.error.status === 401;
  useEffect(() => {
    if (refused) onTokenRefused();
  }, [refused, onTokenRefused]);
  const issuerCountsMissing = institutions.data.some((institution) => institution.counts.issuers === null);
  return (
    <>
      <CreateInstitutionForm token={token} onCreated={institutions.reload} />
      <section aria-labelledby={`${id}-list`}>
        <div className="console-bar">
          <h2 id={`${id}-list`}>{t('operator.list.heading')}</h2>
          <button type="button" className="secondary" onClick={() => void institutions.reload()}>
            {t('operator.list.reload')}
          </button>
        </div>
        <ErrorMessage error={institutions.error} />
        {issuerCountsMissing && <p className="notice">{t('operator.counts.unavailable')}</p>}
        {institutions.loading ? (
          <p>{t('common.loading')}</p>
        ) : institutions.data.length === 0 ? (
          <p>{t('operator.list.none')}</p>
        ) : (
          <ul className="operator-list">
            {institutions.data.map((institution) => (
              <InstitutionCard key={institution.id} token={token} institution={institution} onChanged={institutions.reload} />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

import '../operator.css';

import { useCallback, useEffect, useId, useState } from 'react';
import { Link, useParams } from 'react-router';

import type { MigrationRun } from '@badges/api-contracts/types';

import { listInstitutions, listMigrationRuns } from '../../api/operator-api';
import { useLoaded } from '../../console/integrations/use-loaded';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorMessage } from '../../shell/ErrorMessage';
import { usePageTitle } from '../../shell/use-page-title';
import { OperatorSignIn } from '../OperatorSignIn';
import { storedOperatorToken, storeOperatorToken } from '../operator-token';
import { BadgrMigrationForm } from './BadgrMigrationForm';
import { MigrationProblemsTable } from './MigrationProblemsTable';
import { MigrationRunsTable } from './MigrationRunsTable';

/** How often the runs are read again while one is going: its counts move as batches are written. */
const PROGRESS_EVERY_MS = 2000;

/** /operator/institutions/:id/migrations: migrate one institution from Badgr (issue #18, decision 0045). */
export function BadgrMigrationPage() {
  const [token, setToken] = useState(storedOperatorToken);
  const signedIn = useCallback((next: string | null) => {
    storeOperatorToken(next);
    setToken(next);
  }, []);
  return token ? <MigrationPanel token={token} /> : <OperatorSignIn onSignedIn={signedIn} />;
}

function MigrationPanel({ token }: { token: string }) {
  const { t } = useI18n();
  const id = useId();
  const { id: institutionId = '' } = useParams();
  const loadInstitution = useCallback(async () => (await listInstitutions(token)).find((institution) => institution.id === institutionId) ?? null, [token, institutionId]);
  const institution = useLoaded(loadInstitution, null);
  const loadRuns = useCallback(() => listMigrationRuns(token, institutionId), [token, institutionId]);
  const runs = useLoaded<MigrationRun[]>(loadRuns, []);
  const [shown, setShown] = useState<MigrationRun | null>(null);
  const name = institution.data?.name ?? institutionId;
  usePageTitle(t('operator.migrate.heading', { name }));

  const going = runs.data.some((run) => run.status === 'running');
  useEffect(() => {
    if (!going) return;
    const timer = setInterval(() => void runs.reload(), PROGRESS_EVERY_MS);
    return () => clearInterval(timer);
  }, [going, runs]);

  return (
    <>
      <p>
        <Link to="/operator">{t('operator.migrate.back')}</Link>
      </p>
      <h1>{t('operator.migrate.heading', { name })}</h1>
      <ErrorMessage error={institution.error} />
      {!institution.loading && !institution.error && institution.data === null ? (
        <p>{t('operator.migrate.unknownInstitution')}</p>
      ) : (
        <>
          <p>{t('operator.migrate.intro')}</p>
          <BadgrMigrationForm token={token} institutionId={institutionId} onStarted={runs.reload} />
          <section aria-labelledby={`${id}-runs`} aria-busy={going}>
            <div className="console-bar">
              <h2 id={`${id}-runs`}>{t('operator.migrate.runs.heading')}</h2>
              <button type="button" className="secondary" onClick={() => void runs.reload()}>
                {t('operator.migrate.runs.reload')}
              </button>
            </div>
            <ErrorMessage error={runs.error} />
            {runs.loading ? <p>{t('common.loading')}</p> : <MigrationRunsTable runs={runs.data} institutionName={name} onShowProblems={setShown} />}
          </section>
          {shown && <MigrationProblemsTable token={token} institutionId={institutionId} run={shown} onClose={() => setShown(null)} />}
        </>
      )}
    </>
  );
}

import { useCallback, useEffect, useId, useState } from 'react';

import type { MigrationProblemPage, MigrationRun } from '@badges/api-contracts/types';

import { migrationProblems } from '../../api/operator-api';
import { useLoaded } from '../../console/integrations/use-loaded';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorMessage } from '../../shell/ErrorMessage';
import { formatDateTime, formatNumber } from '../../shell/format';

const PER_PAGE = 50;

/** One run's problems, a page at a time: where each was found, whether its item was left out, and why. */
export function MigrationProblemsTable({ token, institutionId, run, onClose }: { token: string; institutionId: string; run: MigrationRun; onClose(): void }) {
  const { t, lang } = useI18n();
  const id = useId();
  const [page, setPage] = useState(1);
  useEffect(() => setPage(1), [run.id]);
  const load = useCallback(() => migrationProblems(token, institutionId, run.id, page, PER_PAGE), [token, institutionId, run.id, page]);
  const problems = useLoaded<MigrationProblemPage | null>(load, null);
  const total = problems.data?.total ?? 0;
  const from = (page - 1) * PER_PAGE + 1;
  const to = Math.min(page * PER_PAGE, total);
  return (
    <section aria-labelledby={`${id}-heading`}>
      <div className="console-bar">
        <h2 id={`${id}-heading`}>{t('operator.migrate.problems.heading', { date: formatDateTime(run.startedAt, lang) })}</h2>
        <button type="button" className="secondary" onClick={onClose}>
          {t('operator.migrate.problems.close')}
        </button>
      </div>
      <ErrorMessage error={problems.error} />
      {problems.data && total === 0 && <p>{t('operator.migrate.problems.none')}</p>}
      {problems.data && total > 0 && (
        <>
          <div className="table-scroll" tabIndex={0} role="region" aria-label={t('operator.migrate.problems.caption', { from: formatNumber(from, lang), to: formatNumber(to, lang), total: formatNumber(total, lang) })}>
            <table className="migration-problems">
              <caption>{t('operator.migrate.problems.caption', { from: formatNumber(from, lang), to: formatNumber(to, lang), total: formatNumber(total, lang) })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('operator.migrate.problems.kind')}</th>
                  <th scope="col">{t('operator.migrate.problems.sourceId')}</th>
                  <th scope="col">{t('operator.migrate.problems.origin')}</th>
                  <th scope="col">{t('operator.migrate.problems.severity')}</th>
                  <th scope="col">{t('operator.migrate.problems.code')}</th>
                  <th scope="col">{t('operator.migrate.problems.message')}</th>
                </tr>
              </thead>
              <tbody>
                {problems.data.problems.map((problem, index) => (
                  <tr key={`${from + index}`}>
                    <td>{t(`operator.migrate.kinds.${problem.kind}`)}</td>
                    <td className="share-url">{problem.sourceId}</td>
                    <td>{t(problem.origin === 'source' ? 'operator.migrate.problems.fromSource' : 'operator.migrate.problems.fromPlatform')}</td>
                    <td>{t(`operator.migrate.problems.${problem.severity}`)}</td>
                    <td>
                      <code>{problem.code}</code>
                    </td>
                    <td>{problem.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="actions">
            <button type="button" className="secondary" disabled={page === 1} onClick={() => setPage(page - 1)}>
              {t('operator.migrate.problems.previous')}
            </button>
            <button type="button" className="secondary" disabled={to >= total} onClick={() => setPage(page + 1)}>
              {t('operator.migrate.problems.next')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}

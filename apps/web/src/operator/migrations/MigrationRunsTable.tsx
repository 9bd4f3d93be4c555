import type { MigrationOutcomeCounts, MigrationRun } from '@badges/api-contracts/types';

import { useI18n } from '../../i18n/i18n-context';
import { formatDateTime, formatNumber } from '../../shell/format';

/** The runs, newest first: when, how it stands, and per kind what was created, left, updated or skipped. */
export function MigrationRunsTable({ runs, institutionName, onShowProblems }: { runs: MigrationRun[]; institutionName: string; onShowProblems(run: MigrationRun): void }) {
  const { t, lang } = useI18n();
  const counts = (outcome: MigrationOutcomeCounts) =>
    t('operator.migrate.runs.counts', {
      created: formatNumber(outcome.created, lang),
      unchanged: formatNumber(outcome.unchanged, lang),
      updated: formatNumber(outcome.updated, lang),
      skipped: formatNumber(outcome.skipped, lang),
    });
  if (runs.length === 0) return <p>{t('operator.migrate.runs.none')}</p>;
  return (
    <div className="table-scroll stacks-on-phone" tabIndex={0} role="region" aria-label={t('operator.migrate.runs.caption', { name: institutionName })}>
      <table className="migration-runs">
        <caption>{t('operator.migrate.runs.caption', { name: institutionName })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('operator.migrate.runs.started')}</th>
            <th scope="col">{t('operator.migrate.runs.status')}</th>
            <th scope="col">{t('operator.migrate.runs.issuers')}</th>
            <th scope="col">{t('operator.migrate.runs.badgeClasses')}</th>
            <th scope="col">{t('operator.migrate.runs.assertions')}</th>
            <th scope="col">{t('operator.migrate.runs.problems')}</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.id} data-status={run.status}>
              <td data-label={t('operator.migrate.runs.started')}>{formatDateTime(run.startedAt, lang)}</td>
              <td data-label={t('operator.migrate.runs.status')}>
                {t(`operator.migrate.status.${run.status}`)} · {t(run.dryRun ? 'operator.migrate.runs.dryRun' : 'operator.migrate.runs.real')}
                {run.failure && <p className="muted">{t('operator.migrate.runs.failure', { reason: run.failure })}</p>}
                {run.nextSince && !run.dryRun && <p className="muted">{t('operator.migrate.runs.nextSince', { date: formatDateTime(run.nextSince, lang) })}</p>}
              </td>
              <td data-label={t('operator.migrate.runs.issuers')}>{counts(run.counts.issuer)}</td>
              <td data-label={t('operator.migrate.runs.badgeClasses')}>{counts(run.counts.badgeClass)}</td>
              <td data-label={t('operator.migrate.runs.assertions')}>{counts(run.counts.assertion)}</td>
              <td data-label={t('operator.migrate.runs.problems')}>
                <button type="button" className="secondary" onClick={() => onShowProblems(run)}>
                  {t('operator.migrate.runs.showProblems', { date: formatDateTime(run.startedAt, lang) })}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
